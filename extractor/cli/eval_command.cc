#include "cli/eval_command.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "eval/conll.h"
#include "eval/gold.h"
#include "eval/report.h"
#include "eval/runner.h"
#include "eval/scorer.h"
#include "khabar/normalizer.h"
#include "khabar/value_builder.h"

namespace khabar::cli {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: khabar eval --gold GOLD [options] [PRED.jsonl | INPUT...]\n"
    "\n"
    "Scores the extractor against gold annotations: precision, recall and F1 per\n"
    "entity type (strict: same span; overlap: overlapping spans), DATE value\n"
    "accuracy, relations, and true and false hits per rule.\n"
    "\n"
    "  PRED.jsonl   khabar output records to score, matched to GOLD by id\n"
    "  INPUT...     .txt articles (id = file name without .txt), directories of\n"
    "               them, or .jsonl articles: extract them, then score\n"
    "  (nothing)    extract the texts beside GOLD (DIR/<id>.txt), then score\n"
    "\n"
    "When eval extracts, a gold document's meta.date is the article's date (the\n"
    "anchor of its relative dates), as the \"date\" field of a JSON-lines article.\n"
    "\n"
    "GOLD is JSON lines (id, meta, entities, relations; spans in code points),\n"
    "or with --conll a CoNLL file (token ... BIO-tag per line, blank line between\n"
    "sentences; every 10 sentences form one document with id conll:<n>).\n"
    "\n"
    "Exit status: 0 after an evaluation, 2 on a usage error or unreadable data.\n";

struct Options {
  std::string gold;
  std::vector<std::string> inputs;
  std::string rules_dir;
  std::string gazetteers_dir;
  std::string doc_date;
  int threads = 0;
  bool json = false;
  bool show_errors = false;
  bool conll = false;
  std::string map;
  std::string types;
};

int UsageError(const std::string& message) {
  std::cerr << "khabar eval: " << message << "\n(see khabar eval --help)\n";
  return kExitUsage;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Whether a .jsonl file holds khabar records (lines with "entities") rather
// than articles. nullopt when unreadable or not JSON lines.
std::optional<bool> IsRecordsFile(const std::string& path, std::string* content) {
  std::optional<std::string> text = eval::ReadWholeFile(path);
  if (!text) return std::nullopt;
  *content = std::move(*text);
  size_t pos = 0;
  while (pos < content->size()) {
    size_t eol = content->find('\n', pos);
    if (eol == std::string::npos) eol = content->size();
    std::string_view line(content->data() + pos, eol - pos);
    pos = eol + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    return j.contains("entities");
  }
  return true;  // empty file: no records
}

// Articles of a JSON-lines input file (id, text, date).
bool ParseArticlesJsonl(const std::string& path, const std::string& content,
                        std::vector<Article>* out) {
  size_t pos = 0;
  int line_number = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string::npos) eol = content.size();
    std::string_view line(content.data() + pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
    Article a;
    a.source = path;
    auto id = j.is_object() ? j.find("id") : j.end();
    auto text = j.is_object() ? j.find("text") : j.end();
    if (j.is_discarded() || !j.is_object() || text == j.end() || !text->is_string()) {
      std::cerr << "khabar eval: " << path << ":" << line_number
                << ": not an article (JSON object with a 'text' string)\n";
      return false;
    }
    if (id != j.end() && id->is_string()) {
      a.id = id->get<std::string>();
    } else if (id != j.end() && id->is_number_integer()) {
      a.id = std::to_string(id->get<int64_t>());
    } else {
      a.id = std::to_string(line_number);
    }
    a.text = text->get<std::string>();
    auto date = j.find("date");
    if (date != j.end() && date->is_string()) a.date = date->get<std::string>();
    out->push_back(std::move(a));
  }
  return true;
}

bool ReadTextArticle(const std::string& path, std::vector<Article>* out) {
  std::optional<std::string> text = eval::ReadWholeFile(path);
  if (!text) {
    std::cerr << "khabar eval: cannot read " << path << "\n";
    return false;
  }
  Article a;
  a.id = fs::path(path).stem().string();
  a.source = path;
  a.text = std::move(*text);
  out->push_back(std::move(a));
  return true;
}

// Collects predictions or articles from the positional arguments.
// Returns an exit code on failure.
std::optional<int> CollectInputs(const Options& options, std::vector<Record>* records,
                                 std::vector<Article>* articles, bool* have_records) {
  bool any_records = false, any_articles = false;
  for (const std::string& input : options.inputs) {
    std::error_code ec;
    if (input == "-") return UsageError("eval does not read standard input; name the files");
    if (fs::is_directory(input, ec)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(input, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".txt")
          files.push_back(it->path().string());
      }
      if (ec) {
        std::cerr << "khabar eval: cannot read directory " << input << ": " << ec.message()
                  << "\n";
        return kExitUsage;
      }
      std::sort(files.begin(), files.end());
      for (const std::string& f : files)
        if (!ReadTextArticle(f, articles)) return kExitUsage;
      any_articles = true;
    } else if (EndsWith(input, ".jsonl")) {
      std::string content;
      std::optional<bool> is_records = IsRecordsFile(input, &content);
      if (!is_records) {
        std::cerr << "khabar eval: " << input << ": cannot read, or not JSON lines\n";
        return kExitUsage;
      }
      if (*is_records) {
        StatusOr<std::vector<Record>> parsed = eval::ParseRecordsJsonl(content, input);
        if (!parsed.ok()) {
          std::cerr << "khabar eval: " << parsed.status().message() << "\n";
          return kExitUsage;
        }
        for (Record& r : parsed.value()) records->push_back(std::move(r));
        any_records = true;
      } else {
        if (!ParseArticlesJsonl(input, content, articles)) return kExitUsage;
        any_articles = true;
      }
    } else if (EndsWith(input, ".txt")) {
      if (!ReadTextArticle(input, articles)) return kExitUsage;
      any_articles = true;
    } else if (!fs::exists(input, ec)) {
      return UsageError("no such file or directory: " + input);
    } else {
      return UsageError("unsupported input " + input +
                        " (expected PRED.jsonl, .txt files, .jsonl articles or directories)");
    }
  }
  if (any_records && any_articles)
    return UsageError("give either predicted records (.jsonl) or articles to extract, not both");
  *have_records = any_records;
  for (Article& a : *articles) RepairUtf8(&a.text);
  return std::nullopt;
}

}  // namespace

int RunEvalCommand(int argc, char** argv) {
  Options options;
  po::options_description visible("options");
  visible.add_options()
      ("help,h", "show this help")
      ("gold", po::value<std::string>(&options.gold)->value_name("GOLD"),
       "gold annotations (JSON lines, or CoNLL with --conll)")
      ("conll", po::bool_switch(&options.conll), "GOLD is a CoNLL file")
      ("map", po::value<std::string>(&options.map)->value_name("TAG=TYPE,..."),
       "CoNLL tag mapping on top of the defaults PER PERS PERSON=PERSON, LOC GPE=LOC, "
       "ORG=ORG, DATE=DATE, OCC ROLE=ROLE; TAG=- leaves a tag unscored. Unmapped tags "
       "(MISC ...) become optional spans")
      ("types", po::value<std::string>(&options.types)->value_name("LIST"),
       "score only these types (e.g. PERSON,ORG,LOC for a corpus that tags no dates); "
       "gold spans of other types become optional, predictions of other types are ignored")
      ("json", po::bool_switch(&options.json), "print one JSON object instead of tables")
      ("show-errors", po::bool_switch(&options.show_errors),
       "print every miss, false hit and boundary difference with context, by document")
      ("rules", po::value<std::string>(&options.rules_dir)->value_name("DIR"),
       "load rules from DIR instead of the built-in ones")
      ("gazetteers", po::value<std::string>(&options.gazetteers_dir)->value_name("DIR"),
       "load gazetteers from DIR instead of the built-in ones")
      ("doc-date", po::value<std::string>(&options.doc_date)->value_name("YYYY-MM-DD"),
       "anchor date for articles without one")
      ("threads,j", po::value<int>(&options.threads)->value_name("N"),
       "worker threads for extraction (default 0: all cores)");
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>(&options.inputs));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(e.what());
  }
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << visible << "\n";
    return kExitOk;
  }
  if (options.gold.empty()) return UsageError("--gold GOLD is required");
  if (options.threads < 0) return UsageError("--threads must be 0 (all cores) or more");
  if (!options.doc_date.empty() && !ParseIsoDate(options.doc_date))
    return UsageError("--doc-date must be a date YYYY-MM-DD, got '" + options.doc_date + "'");
  if (!options.map.empty() && !options.conll) return UsageError("--map needs --conll");
  const int threads = options.threads == 0 ? DefaultThreads() : options.threads;
  std::vector<std::string> types = eval::ScoredTypes();
  if (vm.count("types")) {
    Status status = eval::ParseTypeList(options.types, &types);
    if (!status.ok()) return UsageError("--types: " + status.message());
  }

  // Gold.
  std::vector<eval::GoldDocument> gold;
  if (options.conll) {
    eval::ConllOptions conll;
    Status status = eval::ApplyTagMapSpec(options.map, &conll.tag_map);
    if (!status.ok()) return UsageError(status.message());
    StatusOr<std::vector<eval::GoldDocument>> read = eval::ReadConll(options.gold, conll);
    if (!read.ok()) {
      std::cerr << "khabar eval: " << read.status().message() << "\n";
      return kExitUsage;
    }
    gold = std::move(read.value());
  } else {
    StatusOr<std::vector<eval::GoldDocument>> read = eval::ReadGoldJsonl(options.gold);
    if (!read.ok()) {
      std::cerr << "khabar eval: " << read.status().message()
                << (EndsWith(options.gold, ".conll") ? " (a CoNLL file? add --conll)" : "")
                << "\n";
      return kExitUsage;
    }
    gold = std::move(read.value());
  }

  // Predictions, or articles to extract.
  std::vector<Record> records;
  std::vector<Article> articles;
  bool have_records = false;
  if (std::optional<int> failed = CollectInputs(options, &records, &articles, &have_records))
    return *failed;
  if (options.conll && !articles.empty())
    return UsageError("with --conll the texts come from GOLD; give no INPUT (or a PRED.jsonl)");

  std::vector<std::string> texts(gold.size());
  const std::string gold_dir = eval::DirectoryOf(options.gold);
  if (!have_records) {
    if (options.inputs.empty()) {
      std::vector<bool> found;
      std::vector<Article> all_articles =
          eval::ArticlesForGold(gold, gold_dir, &found, &std::cerr);
      for (size_t i = 0; i < all_articles.size(); ++i)
        if (found[i]) articles.push_back(std::move(all_articles[i]));
    } else {
      // Only the articles with a gold document are extracted.
      std::unordered_map<std::string, size_t> gold_index;
      for (size_t i = 0; i < gold.size(); ++i) gold_index.emplace(gold[i].id, i);
      std::vector<Article> kept;
      std::unordered_set<std::string> seen;
      size_t extra = 0, repeated = 0;
      for (Article& a : articles) {
        auto it = gold_index.find(a.id);
        if (it == gold_index.end()) {
          ++extra;
          continue;
        }
        if (!seen.insert(a.id).second) {
          ++repeated;
          continue;
        }
        if (!gold[it->second].date.empty()) a.date = gold[it->second].date;
        kept.push_back(std::move(a));
      }
      if (extra > 0)
        std::cerr << "khabar eval: " << extra << " input articles have no gold document (skipped)\n";
      if (repeated > 0)
        std::cerr << "khabar eval: " << repeated
                  << " input articles repeat an id; the first of each is used\n";
      articles = std::move(kept);
    }
    std::unique_ptr<Pipeline> pipeline = LoadPipeline(options.rules_dir, options.gazetteers_dir);
    if (!pipeline) return kExitUsage;
    ProcessOptions process;
    process.doc_date = options.doc_date;
    records = eval::ProcessAll(*pipeline, articles, process, threads);
    std::unordered_map<std::string, const Article*> by_id;
    for (const Article& a : articles) by_id.emplace(a.id, &a);
    for (size_t i = 0; i < gold.size(); ++i) {
      auto it = by_id.find(gold[i].id);
      if (it != by_id.end()) texts[i] = it->second->text;
    }
  } else {
    // For error context: the gold's own text, or the text beside the gold.
    for (size_t i = 0; i < gold.size(); ++i) {
      if (!gold[i].text.empty()) {
        texts[i] = gold[i].text;
      } else if (options.show_errors) {
        if (std::optional<std::string> t = eval::ReadWholeFile(gold_dir + "/" + gold[i].id + ".txt")) {
          RepairUtf8(&*t);
          texts[i] = std::move(*t);
        }
      }
    }
  }

  // Gold spans that do not match their text point at a broken gold file.
  for (size_t i = 0; i < gold.size(); ++i) {
    if (texts[i].empty()) continue;
    std::vector<uint32_t> starts;
    for (size_t b = 0; b < texts[i].size(); ++b)
      if ((static_cast<unsigned char>(texts[i][b]) & 0xC0) != 0x80) starts.push_back(b);
    starts.push_back(texts[i].size());
    const int64_t length = static_cast<int64_t>(starts.size()) - 1;
    size_t bad = 0;
    for (const eval::GoldEntity& e : gold[i].entities) {
      if (e.end > length ||
          (!e.text.empty() &&
           texts[i].compare(starts[e.start], starts[e.end] - starts[e.start], e.text) != 0))
        ++bad;
    }
    if (bad > 0)
      std::cerr << "khabar eval: gold document " << gold[i].id << ": " << bad
                << " entity spans do not match the text\n";
  }

  const eval::Evaluation evaluation =
      eval::ScoreRecords(gold, texts, records, options.show_errors, &std::cerr, types);
  if (options.json) {
    std::cout << eval::EvaluationJson(evaluation, options.show_errors) << "\n";
  } else {
    eval::PrintTextReport(evaluation, options.show_errors, std::cout);
  }
  std::cout.flush();
  return kExitOk;
}

}  // namespace khabar::cli
