// The date test set (corpus/dates/gold_dates.jsonl, described in
// corpus/dates/README.md): every sentence goes through the real pipeline with
// its anchor date, and its DATE entities are compared with the expected ones.
// A sentence is correct when both sets are equal (same surface and value; for a
// negative, no DATE at all). The floors in corpus/dates/floors.json must hold.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "khabar/pipeline.h"

#ifndef KHABAR_SOURCE_DIR
#error "KHABAR_SOURCE_DIR must name the source tree"
#endif

namespace khabar {
namespace {

using json = nlohmann::json;
using DateKey = std::pair<std::string, std::string>;  // surface, value

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string Show(const std::vector<DateKey>& dates) {
  if (dates.empty()) return "none";
  std::string out;
  for (const auto& [text, value] : dates) out += (out.empty() ? "" : ", ") + ("'" + text + "' = " + value);
  return out;
}

TEST_CASE("date test set meets its floors") {
  const std::string dir = std::string(KHABAR_SOURCE_DIR) + "/corpus/dates/";
  const std::string data = ReadFile(dir + "gold_dates.jsonl");
  REQUIRE_MESSAGE(!data.empty(), "cannot read " << dir << "gold_dates.jsonl");
  const json floors = json::parse(ReadFile(dir + "floors.json"), nullptr, false);
  REQUIRE_MESSAGE(!floors.is_discarded(), "cannot parse " << dir << "floors.json");
  const double min_accuracy = floors.at("accuracy").get<double>();
  const int max_false = floors.at("false_dates").get<int>();

  auto created = Pipeline::Create(DefaultRuleFiles(), DefaultGazetteerFiles());
  REQUIRE_MESSAGE(created.ok(), created.status().message());
  const Pipeline& pipeline = *created.value();

  int total = 0, correct = 0, false_dates = 0, negatives = 0;
  std::string failures;
  std::istringstream lines(data);
  std::string line;
  int line_no = 0;
  while (std::getline(lines, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const json row = json::parse(line, nullptr, false);
    REQUIRE_MESSAGE(!row.is_discarded(), "gold_dates.jsonl:" << line_no << ": bad JSON");
    Article article;
    article.id = row.at("id").get<std::string>();
    article.text = row.at("text").get<std::string>();
    if (row.contains("anchor") && row["anchor"].is_string()) article.date = row["anchor"].get<std::string>();

    std::vector<DateKey> expected;
    for (const json& e : row.at("expected"))
      expected.emplace_back(e.at("text").get<std::string>(), e.at("value").get<std::string>());
    std::vector<DateKey> got;
    for (const Entity& e : pipeline.Process(article, ProcessOptions()).entities)
      if (e.type == "DATE") got.emplace_back(e.text, e.value);

    ++total;
    if (expected.empty()) ++negatives;
    for (const DateKey& g : got)
      if (std::find(expected.begin(), expected.end(), g) == expected.end()) ++false_dates;
    std::vector<DateKey> a = expected, b = got;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a == b) {
      ++correct;
    } else {
      failures += article.id + ": " + article.text + "\n    expected: " + Show(expected) +
                  "\n    got:      " + Show(got) + "\n";
    }
  }
  REQUIRE(total > 0);
  const double accuracy = static_cast<double>(correct) / total;
  MESSAGE("date set: " << correct << "/" << total << " correct (accuracy " << accuracy << "), " << false_dates
                       << " false dates, " << negatives << " negatives");
  if (accuracy < min_accuracy || false_dates > max_false) MESSAGE("failures:\n" << failures);
  CHECK(total >= 250);
  CHECK(negatives >= 25);
  CHECK(accuracy >= min_accuracy);
  CHECK(false_dates <= max_false);
}

}  // namespace
}  // namespace khabar
