// Internal: the stages between tokenization and the record. Each stage adds
// candidate entities over normalized byte offsets; the resolver picks the
// final non-overlapping set.
#ifndef KHABAR_CANDIDATES_H_
#define KHABAR_CANDIDATES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "form_index.h"
#include "khabar/gazetteer.h"
#include "khabar/normalizer.h"
#include "khabar/rule_set.h"
#include "khabar/tokenizer.h"
#include "khabar/value_builder.h"

namespace khabar {

// An entity before mapping back to the original text. Its type, subtype, id
// and rule point into the rule set, the gazetteer or static text, which
// outlive every article.
struct Candidate {
  uint32_t begin = 0;  // normalized byte offsets
  uint32_t end = 0;
  std::string_view type;
  std::string_view subtype;
  std::string norm;
  Value value;
  std::string_view id;
  std::string_view rule;
  int priority = 0;
  int order = 0;  // tie-breaker: the order candidates were produced
};

// What every stage sees of the article.
struct Analysis {
  std::string_view text;              // normalized
  std::string_view key_text;          // normalized and folded for lookups (same offsets)
  const std::vector<Token>* tokens = nullptr;
  // What the gazetteer and rule tables know of the tokens' forms.
  const FormIndex::Forms* forms = nullptr;
  std::vector<uint8_t> boundary;      // 1 at byte offsets where a token starts or ends
  const Gazetteer* gazetteer = nullptr;
  const RuleSet* rules = nullptr;
  // The article as given and the map to it (may be null in unit tests: the
  // normalized text then stands for the original).
  std::string_view original;
  const NormalizedText* normalized = nullptr;
};

// The original text behind the normalized byte range [begin, end).
std::string OriginalText(const Analysis& analysis, uint32_t begin, uint32_t end);

// Gazetteer hits as candidates (priority kGazetteerPriority).
constexpr int kGazetteerPriority = 40;
void AddGazetteerCandidates(const Analysis& analysis, const Gazetteer& gazetteer,
                            std::vector<Candidate>* out);

// Runs every rule at its triggers, anchored at the token (or stem) start.
void AddRuleCandidates(const Analysis& analysis, const RuleSet& rules, const ValueContext& context,
                       std::vector<Candidate>* out);

// Keeps the best non-overlapping candidates (priority, then length, then
// position), sorted by position.
std::vector<Candidate> ResolveOverlaps(std::vector<Candidate> candidates);

// The canonical name of an ORG/LOC/PERSON/ROLE span: normalized, with the
// article restored after an elided لل (لمجلس -> المجلس).
std::string DefaultNorm(const Analysis& analysis, uint32_t begin, uint32_t end);

}  // namespace khabar

#endif  // KHABAR_CANDIDATES_H_
