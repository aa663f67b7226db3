#include <iostream>

#include <boost/program_options.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "khabar/json_writer.h"
#include "khabar/value_builder.h"

namespace khabar::cli {
namespace po = boost::program_options;

namespace {

void PrintEntity(const Entity& e) {
  std::cout << "  [" << e.start << "," << e.end << ") " << e.type;
  if (!e.subtype.empty()) std::cout << "/" << e.subtype;
  std::cout << " '" << e.text << "'";
  if (!e.value.empty()) std::cout << " value=" << e.value;
  if (!e.norm.empty() && e.norm != e.text) std::cout << " norm=" << e.norm;
  if (e.relative) std::cout << " relative";
  if (!e.calendar.empty()) std::cout << " calendar=" << e.calendar << " hijri=" << e.hijri_value;
  std::cout << " priority=" << e.priority << "  <- " << e.rule << "\n";
}

}  // namespace

int RunExplainCommand(int argc, char** argv) {
  po::options_description visible(
      "Usage: khabar explain [options] TEXT...\n\n"
      "Shows each stage for one text: normalization, tokens and their clitic stems,\n"
      "every gazetteer and rule hit, and the final record.\n\nOptions");
  std::string doc_date, rules_dir, gazetteers_dir;
  visible.add_options()
      ("help,h", "show this help")
      ("doc-date", po::value(&doc_date), "anchor date YYYY-MM-DD for relative dates")
      ("rules", po::value(&rules_dir), "load rules from DIR instead of the built-in ones")
      ("gazetteers", po::value(&gazetteers_dir), "load gazetteers from DIR instead of the built-in ones");
  po::options_description all;
  all.add(visible).add_options()("text", po::value<std::vector<std::string>>(), "text");
  po::positional_options_description positional;
  positional.add("text", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "khabar explain: " << e.what() << "\nTry 'khabar explain --help'.\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return kExitOk;
  }
  if (!vm.count("text")) {
    std::cerr << "khabar explain: no TEXT given\nTry 'khabar explain --help'.\n";
    return kExitUsage;
  }
  if (!doc_date.empty() && !ParseIsoDate(doc_date)) {
    std::cerr << "khabar explain: --doc-date must be a date YYYY-MM-DD, got '" << doc_date << "'\n";
    return kExitUsage;
  }
  std::string text;
  for (const std::string& part : vm["text"].as<std::vector<std::string>>()) text += (text.empty() ? "" : " ") + part;
  std::unique_ptr<Pipeline> pipeline = LoadPipeline(rules_dir, gazetteers_dir);
  if (!pipeline) return kExitUsage;

  Article article;
  article.id = "explain";
  article.text = text;
  if (size_t bad = RepairUtf8(&article.text))
    article.errors.push_back("invalid UTF-8: " + std::to_string(bad) + " byte(s) replaced with U+FFFD");
  ProcessOptions options;
  options.doc_date = doc_date;
  Trace trace;
  Record record = pipeline->Process(article, options, &trace);

  std::cout << "== original (" << CountCodePoints(article.text) << " code points)\n  " << article.text << "\n";
  std::cout << "== normalized\n  " << trace.normalized.text << "\n";
  std::cout << "== tokens\n";
  std::string scratch;
  for (const Token& t : trace.tokens) {
    std::cout << "  " << TokenKindName(t.kind) << " '" << t.View(trace.normalized.text) << "'";
    for (int s = 0; s < t.num_stems; ++s)
      std::cout << (s ? ", " : "  stems: ") << t.StemText(trace.normalized.text, t.stems[s], &scratch);
    std::cout << "\n";
  }
  std::cout << "== candidates (gazetteer and rule hits)\n";
  for (const Entity& e : trace.candidates) PrintEntity(e);
  std::cout << "== entities (after resolution)\n";
  for (const Entity& e : record.entities) PrintEntity(e);
  std::cout << "== record\n";
  std::string json;
  AppendRecordJson(record, &json);
  std::cout << json;
  return kExitOk;
}

}  // namespace khabar::cli
