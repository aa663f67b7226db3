// Quality floors: the extractor, with its built-in rules and gazetteers, is
// scored on corpus/ (gold.jsonl with the texts beside it) and must not fall
// below the F1 values in tests/quality_floors.json. Floors only go up: when a
// change raises a score for good, raise its floor (measured - 0.02, rounded
// down to two decimals).
#include <doctest/doctest.h>

#include <cmath>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "eval/gold.h"
#include "eval/runner.h"
#include "eval/scorer.h"
#include "khabar/data_file.h"
#include "khabar/pipeline.h"

#ifndef KHABAR_SOURCE_DIR
#error "KHABAR_SOURCE_DIR (the repository root) must be defined"
#endif

namespace khabar::eval {
namespace {

const char* const kModes[] = {"overlap", "strict"};

const std::map<std::string, Counts>& ByMode(const Evaluation& ev, const std::string& mode) {
  return mode == "overlap" ? ev.overlap : ev.strict;
}

Counts Total(const Evaluation& ev, const std::string& mode) {
  return mode == "overlap" ? ev.OverlapAll() : ev.StrictAll();
}

// What was measured, in the format of the floors file, for updating it.
std::string Measured(const Evaluation& ev) {
  nlohmann::ordered_json j;
  for (const std::string mode : kModes) {
    j[mode]["ALL"] = Total(ev, mode).F1();
    for (const std::string& type : ev.types) j[mode][type] = ByMode(ev, mode).at(type).F1();
  }
  j["relations"] = ev.relations.F1();
  return j.dump(2);
}

TEST_CASE("quality: corpus F1 stays above tests/quality_floors.json") {
  const std::string root = KHABAR_SOURCE_DIR;
  const std::string gold_path = root + "/corpus/gold.jsonl";
  if (!ReadWholeFile(gold_path)) {
    MESSAGE("skipped: " << gold_path << " does not exist yet");
    return;
  }
  StatusOr<std::unique_ptr<Pipeline>> pipeline =
      Pipeline::Create(DefaultRuleFiles(), DefaultGazetteerFiles());
  REQUIRE_MESSAGE(pipeline.ok(), pipeline.status().message());
  std::ostringstream log;
  StatusOr<Evaluation> result =
      EvaluateGoldFile(*pipeline.value(), gold_path, ProcessOptions(), 2, false, &log);
  REQUIRE_MESSAGE(result.ok(), result.status().message());
  const Evaluation& ev = result.value();
  CHECK_MESSAGE(ev.documents_without_prediction == 0, log.str());
  CHECK(ev.documents > 0);

  const std::string floors_path = root + "/tests/quality_floors.json";
  std::optional<std::string> floors_text = ReadWholeFile(floors_path);
  if (!floors_text) {
    MESSAGE("no floors yet (" << floors_path << "); measured:\n" << Measured(ev));
    return;
  }
  const nlohmann::json floors = nlohmann::json::parse(*floors_text, nullptr, false);
  REQUIRE_MESSAGE((!floors.is_discarded() && floors.is_object()),
                  floors_path << " is not a JSON object");
  int checked = 0;
  for (const std::string mode : kModes) {
    if (!floors.contains(mode)) continue;
    for (const auto& [type, floor] : floors[mode].items()) {
      REQUIRE_MESSAGE(floor.is_number(), floors_path << ": " << mode << "." << type
                                                     << " must be a number");
      const bool all = type == "ALL";
      REQUIRE_MESSAGE((all || ByMode(ev, mode).count(type) > 0),
                      floors_path << ": unknown type " << type);
      const Counts counts = all ? Total(ev, mode) : ByMode(ev, mode).at(type);
      const double got = counts.F1();
      const double expected = floor.get<double>();
      CHECK_MESSAGE(got + 1e-9 >= expected,
                    mode << " F1 of " << type << " fell below its floor: expected at least "
                         << expected << ", got " << got << " (tp " << counts.tp << ", fp "
                         << counts.fp << ", fn " << counts.fn << ")");
      ++checked;
    }
  }
  if (floors.contains("relations")) {
    const double expected = floors["relations"].get<double>();
    CHECK_MESSAGE(ev.relations.F1() + 1e-9 >= expected,
                  "relation F1 fell below its floor: expected at least "
                      << expected << ", got " << ev.relations.F1());
    ++checked;
  }
  CHECK_MESSAGE(checked > 0, floors_path << " names no floor");
  MESSAGE("measured on corpus/:\n" << Measured(ev));
}

}  // namespace
}  // namespace khabar::eval
