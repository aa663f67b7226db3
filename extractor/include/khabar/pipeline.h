// Pipeline: the whole extractor for one article: normalize, tokenize, match
// gazetteers, run rules, resolve overlaps and relations, and fill a Record.
//
// Built once from rule and gazetteer data and immutable afterwards, so one
// Pipeline serves all threads. Each thread keeps the buffers of the stages
// before the candidates (text, offset maps, tokens, form ids) for its next
// article, up to some megabytes each.
//
// Relative dates are resolved against the article's date, else a date in its
// byline, else ProcessOptions::doc_date; an article whose only anchor is its
// byline is extracted twice.
//
// Cost: start-up compiles all rules and loads all gazetteers (well under
// 0.2 s with the default data); Process() is linear in the text size.
#ifndef KHABAR_PIPELINE_H_
#define KHABAR_PIPELINE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "khabar/data_file.h"
#include "khabar/gazetteer.h"
#include "khabar/normalizer.h"
#include "khabar/record.h"
#include "khabar/rule_set.h"
#include "khabar/status.h"
#include "khabar/tokenizer.h"

namespace khabar {

struct ProcessOptions {
  std::string doc_date;  // anchor when the article has none (YYYY-MM-DD)
};

// What each stage produced, for `khabar explain`.
struct Trace {
  NormalizedText normalized;
  std::vector<Token> tokens;
  std::vector<Entity> candidates;  // every gazetteer and rule hit, before resolution
};

class FormIndex;

class Pipeline {
 public:
  ~Pipeline();
  static StatusOr<std::unique_ptr<Pipeline>> Create(const std::vector<DataFile>& rules,
                                                    const std::vector<DataFile>& gazetteers);

  Record Process(const Article& article, const ProcessOptions& options,
                 Trace* trace = nullptr) const;

  const RuleSet& rules() const { return *rules_; }
  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  Pipeline() = default;
  // One pass over the article with the given anchor for relative dates.
  Record Extract(const Article& article, std::optional<CivilDate> anchor, Trace* trace) const;
  std::unique_ptr<RuleSet> rules_;
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<FormIndex> forms_;  // over both
};

}  // namespace khabar

#endif  // KHABAR_PIPELINE_H_
