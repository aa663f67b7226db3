#include <cerrno>
#include <csignal>
#include <cstdio>
#include <iostream>

#include <boost/program_options.hpp>

#include "cli/commands.h"
#include "cli/common.h"
#include "khabar/json_writer.h"
#include "khabar/runner.h"
#include "khabar/value_builder.h"

namespace khabar::cli {
namespace po = boost::program_options;

int RunExtractCommand(int argc, char** argv) {
  po::options_description visible(
      "Usage: khabar extract [options] [INPUT...]\n\n"
      "Reads articles and writes one JSON record per article, in input order.\n"
      "INPUT: .txt (one article), .jsonl (one article per line), either gzipped (.gz),\n"
      "a directory (recursive, sorted; gold*.jsonl files are skipped), or - / nothing\n"
      "for JSON lines on standard input.\n\nOptions");
  std::string output, doc_date, rules_dir, gazetteers_dir;
  int threads = 0;
  size_t max_bytes = 10 * 1000 * 1000;
  visible.add_options()
      ("help,h", "show this help")
      ("output,o", po::value(&output), "write records to FILE (default: standard output)")
      ("threads,j", po::value(&threads)->default_value(0), "worker threads (0: all cores)")
      ("doc-date", po::value(&doc_date), "anchor date YYYY-MM-DD for articles without a date")
      ("rules", po::value(&rules_dir), "load rules from DIR instead of the built-in ones")
      ("gazetteers", po::value(&gazetteers_dir), "load gazetteers from DIR instead of the built-in ones")
      ("max-article-bytes", po::value(&max_bytes)->default_value(max_bytes),
       "articles larger than this get an error record and are not processed");
  po::options_description all;
  all.add(visible).add_options()("input", po::value<std::vector<std::string>>(), "input");
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "khabar extract: " << e.what() << "\nTry 'khabar extract --help'.\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return kExitOk;
  }
  if (threads < 0) {
    std::cerr << "khabar extract: --threads must be 0 or more\n";
    return kExitUsage;
  }
  if (!doc_date.empty() && !ParseIsoDate(doc_date)) {
    std::cerr << "khabar extract: --doc-date must be a date YYYY-MM-DD, got '" << doc_date << "'\n";
    return kExitUsage;
  }
  if (max_bytes == 0) {
    std::cerr << "khabar extract: --max-article-bytes must be positive\n";
    return kExitUsage;
  }
  std::vector<std::string> inputs;
  if (vm.count("input")) inputs = vm["input"].as<std::vector<std::string>>();
  std::unique_ptr<Pipeline> pipeline = LoadPipeline(rules_dir, gazetteers_dir);
  if (!pipeline) return kExitUsage;

  FILE* out = stdout;
  if (!output.empty() && output != "-") {
    out = std::fopen(output.c_str(), "wb");
    if (!out) {
      std::cerr << "khabar extract: cannot write " << output << ": " << std::strerror(errno) << "\n";
      return kExitUsage;
    }
  }
  std::signal(SIGPIPE, SIG_IGN);
  ReaderOptions reader_options;
  reader_options.max_article_bytes = max_bytes;
  ArticleReader reader(inputs, reader_options);
  RunOptions run;
  run.threads = threads == 0 ? DefaultThreads() : threads;
  run.process.doc_date = doc_date;
  // With several workers they write the JSON lines themselves; with one, this
  // thread does, while the worker goes on with the next batch.
  if (run.threads > 1) run.format = [](const Record& record, std::string* line) { AppendRecordJson(record, line); };
  std::string own_line;
  bool write_failed = false;
  RunStats stats = RunPipeline(
      *pipeline, &reader, run,
      [&](const Record& record, const std::string& formatted) {
        const std::string* line = &formatted;
        if (!run.format) {
          own_line.clear();
          AppendRecordJson(record, &own_line);
          line = &own_line;
        }
        if (std::fwrite(line->data(), 1, line->size(), out) != line->size()) {
          write_failed = errno != EPIPE;
          return false;
        }
        return true;
      },
      [](const std::string& error) { std::cerr << "khabar extract: " << error << "\n"; });
  if (!stats.stopped && std::fflush(out) != 0) write_failed = errno != EPIPE;
  if (out != stdout) std::fclose(out);
  if (write_failed) {
    std::cerr << "khabar extract: write error: " << std::strerror(errno) << "\n";
    return kExitUsage;
  }
  if (stats.stopped) return kExitOk;  // closed pipe: end quietly
  return stats.articles_with_errors || stats.file_errors ? kExitArticleErrors : kExitOk;
}

}  // namespace khabar::cli
