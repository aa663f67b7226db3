// Tests for the runner (extractor/runner.cc): the same records in the same
// order whatever the number of threads and batch sizes; a sink that returns
// false stops the run.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "khabar/data_file.h"
#include "khabar/json_writer.h"
#include "khabar/pipeline.h"
#include "khabar/runner.h"
#include "default_pipeline.h"

namespace khabar {
namespace {

namespace fs = std::filesystem;

// Pieces of news text; articles are random mixtures of them.
const std::vector<std::string>& Fragments() {
  static const std::vector<std::string> f = {
      "\u0646\u0638\u0645\u062A \u062C\u0645\u0639\u064A\u0629 \u0627\u0644\u0623\u0645\u0644 \u0644\u0644\u062A\u0646\u0645\u064A\u0629 "
      "\u0646\u0634\u0627\u0637\u0627 \u062B\u0642\u0627\u0641\u064A\u0627",
      "\u0628\u0625\u0642\u0644\u064A\u0645 \u0635\u0641\u0631\u0648",
      "\u064A\u0648\u0645 \u0627\u0644\u0623\u062D\u062F 24 \u062F\u062C\u0646\u0628\u0631 2023\u0645",
      "\u0632\u0627\u0631 \u0627\u0644\u0648\u0641\u062F \u0628\u0644\u062C\u064A\u0643\u0627 \u064A\u0648\u0645 5 \u0645\u0627\u0631\u0633",
      "\u0648\u0642\u0627\u0644 \u0631\u0626\u064A\u0633 \u0627\u0644\u0645\u062C\u0644\u0633 \u0627\u0644\u0625\u0642\u0644\u064A\u0645\u064A "
      "\u0644\u0644\u0646\u0627\u0638\u0648\u0631",
      "\u0641\u064A 12 \u0646\u0648\u0646\u0628\u06312023\u0645",
      "\u0628\u0645\u062F\u064A\u0646\u0629 \u0627\u0644\u062F\u0627\u0631 \u0627\u0644\u0628\u064A\u0636\u0627\u0621",
      "\u0648\u0643\u0627\u0644\u0629 ANAPEC",
      "\u0627\u0644\u0633\u064A\u062F \u0645\u062D\u0645\u062F \u0627\u0644\u0639\u0644\u0648\u064A",
      "\u0633\u0646\u0629 \u0662\u0660\u0661\u0669",
      "\u0627\u0644\u0645\u063A\u0631\u0628 \u0648\u0641\u0631\u0646\u0633\u0627",
      "\u060C", ".", "\n", "\u00AB\u0623\u062D\u062F\u0627\u062B \u0633\u0648\u0633\u00BB",
  };
  return f;
}

std::string Escape(const std::string& s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

// Writes `n` generated articles as JSON lines; every 17th has no text and
// every 23rd is not JSON, so error records are interleaved too.
std::string WriteArticles(const fs::path& path, int n) {
  std::mt19937 rng(2024);
  std::uniform_int_distribution<size_t> pick(0, Fragments().size() - 1);
  std::uniform_int_distribution<int> len(0, 30);
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < n; ++i) {
    std::string text;
    int k = len(rng);
    for (int j = 0; j < k; ++j) text += Fragments()[pick(rng)] + " ";
    if (i % 23 == 22) {
      out << "{\"id\": \"broken" << i << "\", \"text\": \n";
    } else if (i % 17 == 16) {
      out << "{\"id\": \"a" << i << "\"}\n";
    } else {
      out << "{\"id\": \"a" << i << "\", \"date\": \"2023-0" << (1 + i % 9) << "-1" << (i % 10)
          << "\", \"text\": " << Escape(text) << "}\n";
    }
  }
  return path.string();
}

struct RunOutput {
  std::vector<std::string> lines;
  std::vector<std::string> ids;
  RunStats stats;
};

RunOutput Run(const std::string& input, int threads, size_t batch_articles, size_t batch_bytes,
              size_t stop_after = 0) {
  ArticleReader reader({input}, ReaderOptions());
  RunOptions options;
  options.threads = threads;
  options.batch_articles = batch_articles;
  options.batch_bytes = batch_bytes;
  options.format = [](const Record& r, std::string* text) { AppendRecordJson(r, text); };
  RunOutput out;
  out.stats = RunPipeline(
      DefaultPipeline(), &reader, options,
      [&](const Record& r, const std::string& formatted) {
        std::string line;
        AppendRecordJson(r, &line);
        CHECK(formatted == line);  // made by the workers
        out.lines.push_back(line);
        out.ids.push_back(r.id);
        return stop_after == 0 || out.lines.size() < stop_after;
      },
      [](const std::string& error) { FAIL_CHECK("unexpected file error: " << error); });
  return out;
}

class TempFile {
 public:
  explicit TempFile(const std::string& suffix) {
    std::string pattern = (fs::temp_directory_path() / "khabar_runner_XXXXXX").string();
    char* made = mkdtemp(pattern.data());
    REQUIRE(made != nullptr);
    dir_ = made;
    path_ = dir_ / ("articles" + suffix);
  }
  ~TempFile() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path dir_, path_;
};

TEST_CASE("Runner: the same records in input order for 1, 2 and 4 threads") {
  TempFile file(".jsonl");
  const int n = 200;
  const std::string input = WriteArticles(file.path(), n);
  const RunOutput one = Run(input, 1, 256, 4 << 20);
  REQUIRE(one.lines.size() == n);
  for (int i = 0; i < n; ++i) {
    if (i % 23 == 22 || i % 17 == 16) continue;  // error lines may get a FILE:LINE id
    CHECK(one.ids[i] == "a" + std::to_string(i));
  }
  CHECK(one.stats.articles == static_cast<size_t>(n));
  CHECK(one.stats.articles_with_errors > 0);
  CHECK(one.stats.file_errors == 0);
  CHECK_FALSE(one.stats.stopped);

  struct Config {
    int threads;
    size_t batch_articles;
    size_t batch_bytes;
  };
  const std::vector<Config> configs = {
      {2, 256, 4 << 20}, {4, 256, 4 << 20}, {4, 7, 4 << 20}, {2, 1, 4 << 20}, {4, 256, 500}, {3, 13, 2000},
  };
  for (const Config& c : configs) {
    INFO("threads " << c.threads << ", batch " << c.batch_articles << " articles / " << c.batch_bytes << " bytes");
    const RunOutput other = Run(input, c.threads, c.batch_articles, c.batch_bytes);
    REQUIRE(other.lines.size() == one.lines.size());
    for (size_t i = 0; i < one.lines.size(); ++i) {
      if (other.lines[i] != one.lines[i]) {
        FAIL_CHECK("record " << i << " differs:\n  1 thread: " << one.lines[i] << "  other:    " << other.lines[i]);
        break;
      }
    }
    CHECK(other.stats.articles == one.stats.articles);
    CHECK(other.stats.articles_with_errors == one.stats.articles_with_errors);
  }
}

TEST_CASE("Runner: a sink returning false stops the run") {
  TempFile file(".jsonl");
  const std::string input = WriteArticles(file.path(), 200);
  for (int threads : {1, 4}) {
    INFO("threads " << threads);
    const RunOutput out = Run(input, threads, 16, 4 << 20, /*stop_after=*/5);
    CHECK(out.lines.size() == 5);
    CHECK(out.stats.stopped);
    CHECK(out.stats.articles == 5);
  }
}

TEST_CASE("Runner: no input, no records") {
  TempFile file(".jsonl");
  { std::ofstream(file.path()) << ""; }
  const RunOutput out = Run(file.path().string(), 4, 16, 4 << 20);
  CHECK(out.lines.empty());
  CHECK(out.stats.articles == 0);
  CHECK_FALSE(out.stats.stopped);
}

TEST_CASE("Runner: file errors reach the callback and the run goes on") {
  TempFile file(".jsonl");
  const std::string input = WriteArticles(file.path(), 10);
  ArticleReader reader({input + ".missing", input}, ReaderOptions());
  std::vector<std::string> errors;
  size_t records = 0;
  RunOptions options;
  options.threads = 2;
  RunStats stats = RunPipeline(
      DefaultPipeline(), &reader, options,
      [&](const Record&, const std::string& formatted) {
        CHECK(formatted.empty());  // no format set
        return ++records, true;
      },
      [&](const std::string& e) { errors.push_back(e); });
  CHECK(records == 10);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find(".missing") != std::string::npos);
  CHECK(stats.file_errors == 1);
}

}  // namespace
}  // namespace khabar
