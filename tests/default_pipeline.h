// The pipeline with the default rules and gazetteers (compiled into the
// library), built once per test process and shared by the tests that run the
// whole extractor. A load failure fails the calling test.
#ifndef KHABAR_TESTS_DEFAULT_PIPELINE_H_
#define KHABAR_TESTS_DEFAULT_PIPELINE_H_

#include <doctest/doctest.h>

#include <memory>

#include "khabar/data_file.h"
#include "khabar/pipeline.h"

namespace khabar {

inline const Pipeline& DefaultPipeline() {
  static const Pipeline* pipeline = [] {
    StatusOr<std::unique_ptr<Pipeline>> p = Pipeline::Create(DefaultRuleFiles(), DefaultGazetteerFiles());
    if (!p.ok()) FAIL("default data does not load: " << p.status().message());
    return p.value().release();
  }();
  return *pipeline;
}

}  // namespace khabar

#endif  // KHABAR_TESTS_DEFAULT_PIPELINE_H_
