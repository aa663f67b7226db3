// Rule example checks for `khabar check` and the test suite: every rule's
// examples must yield the expected entity (and value), every counter-example
// must yield no entity of the rule's type.
//
// Cost: one Pipeline::Process per example.
#ifndef KHABAR_CHECK_H_
#define KHABAR_CHECK_H_

#include <string>
#include <vector>

#include "khabar/pipeline.h"

namespace khabar {

struct CheckReport {
  size_t examples = 0;
  size_t counter_examples = 0;
  std::vector<std::string> failures;  // "file:line rule-id: what went wrong"
};

CheckReport CheckRuleExamples(const Pipeline& pipeline);

}  // namespace khabar

#endif  // KHABAR_CHECK_H_
