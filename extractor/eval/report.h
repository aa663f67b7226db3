// Report printers for `khabar eval`: aligned tables for people, one JSON
// object for scripts.
//
// Thread safety: stateless functions.
#ifndef KHABAR_EVAL_REPORT_H_
#define KHABAR_EVAL_REPORT_H_

#include <ostream>
#include <string>

#include "eval/scorer.h"

namespace khabar::eval {

// Tables: entities per type (overlap and strict), dates, relations, rules
// sorted by false hits; with `show_errors`, every miss, false hit and boundary
// difference by document with its context.
void PrintTextReport(const Evaluation& evaluation, bool show_errors, std::ostream& out);

// One JSON object (no trailing newline):
// {"overlap": {"ALL": {"p","r","f","tp","fp","fn"}, "PERSON": {...}, ...},
//  "strict": {...}, "dates": {"matched","value_correct","accuracy"},
//  "relations": {"p","r","f","tp","fp","fn"}, "rules": {"<rule>": {"tp","fp"}},
//  "documents": N, "documents_without_prediction": M}
// plus "errors" (a list by document) when `with_errors`. P/R/F are rounded to
// four decimals.
std::string EvaluationJson(const Evaluation& evaluation, bool with_errors);

}  // namespace khabar::eval

#endif  // KHABAR_EVAL_REPORT_H_
