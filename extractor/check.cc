#include "khabar/check.h"

namespace khabar {
namespace {

std::string Describe(const Record& record) {
  std::string out;
  for (const Entity& e : record.entities) {
    out += out.empty() ? "" : ", ";
    out += e.type + " '" + e.text + "'";
    if (!e.value.empty()) out += "=" + e.value;
  }
  return out.empty() ? "nothing" : out;
}

}  // namespace

CheckReport CheckRuleExamples(const Pipeline& pipeline) {
  CheckReport report;
  for (const Rule& rule : pipeline.rules().rules()) {
    for (const RuleExample& ex : rule.examples) {
      ++report.examples;
      Article article;
      article.text = ex.text;
      article.date = ex.anchor;
      Record record = pipeline.Process(article, ProcessOptions());
      bool found = false, value_ok = false;
      for (const Entity& e : record.entities) {
        if (e.type != rule.type || e.text != ex.match) continue;
        found = true;
        value_ok = ex.value.empty() || e.value == ex.value || e.norm == ex.value;
      }
      const std::string where = rule.file + ":" + std::to_string(ex.line) + " " + rule.id;
      if (!found)
        report.failures.push_back(where + ": example \"" + ex.text + "\" should give " + rule.type + " '" +
                                  ex.match + "', got " + Describe(record));
      else if (!value_ok)
        report.failures.push_back(where + ": example \"" + ex.text + "\" should give value '" + ex.value +
                                  "', got " + Describe(record));
    }
    for (const RuleExample& ex : rule.counter_examples) {
      ++report.counter_examples;
      Article article;
      article.text = ex.text;
      article.date = ex.anchor;
      Record record = pipeline.Process(article, ProcessOptions());
      for (const Entity& e : record.entities) {
        if (e.type != rule.type) continue;
        report.failures.push_back(rule.file + ":" + std::to_string(ex.line) + " " + rule.id +
                                  ": counter-example \"" + ex.text + "\" gave " + e.type + " '" + e.text +
                                  "' (" + e.rule + ")");
        break;
      }
    }
  }
  return report;
}

}  // namespace khabar
