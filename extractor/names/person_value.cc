// The `person` and `role` value builders (rules/persons.yaml, rules/roles.yaml).
#include "khabar/value_builder.h"
#include "names/person_lexicon.h"
#include "names/person_name.h"

namespace khabar {

// Captures: `span` (where the name starts), and at most one of `strong`,
// `office`, `title`, `role` naming the evidence around it (see persons.yaml).
// Ends the name where the scanner stops; rejects the match when no name is
// left. The norm is the name itself (DefaultNorm).
std::optional<Value> BuildPersonValue(const RuleMatch& match, const ValueContext& context) {
  if (!match.Has("span")) return std::nullopt;
  const std::string_view span = match.Group("span");
  NameEvidence evidence = NameEvidence::kNone;
  if (match.Has("strong")) evidence = NameEvidence::kStrong;
  else if (match.Has("office")) evidence = NameEvidence::kAfterRole;
  else if (match.Has("title") || match.Has("role")) evidence = NameEvidence::kTitle;
  const PersonLexicon lexicon(context.gazetteer, context.rules);
  const size_t length = ScanPersonName(span, evidence, lexicon, /*whole=*/match.Has("role"));
  if (length == 0) return std::nullopt;
  Value value;
  value.end_in_match = static_cast<int>(span.data() - match.text.data() + length);
  return value;
}

// Captures: `span` (the entity), or `head` when the entity is only the first
// part of the match; `title` (the words that name the title, default: the
// entity); `next_name` (a word that must be a given name). Value and norm are
// the canonical title from the class role_canonical.
std::optional<Value> BuildRoleValue(const RuleMatch& match, const ValueContext& context) {
  const PersonLexicon lexicon(context.gazetteer, context.rules);
  if (match.Has("next_name")) {
    std::string_view next = match.Group("next_name");
    if (!lexicon.IsGiven(next) && !lexicon.IsParticle(next)) return std::nullopt;
  }
  std::string_view title = match.text;
  Value value;
  if (match.Has("title")) {
    title = match.Group("title");
  } else if (match.Has("span")) {
    title = match.Group("span");
  } else if (match.Has("head")) {
    title = match.Group("head");
    value.end_in_match = static_cast<int>(title.data() - match.text.data() + title.size());
  }
  std::optional<std::string> canonical = lexicon.RoleCanonical(title);
  if (!canonical) return std::nullopt;
  value.value = *canonical;
  value.norm = *canonical;
  return value;
}

}  // namespace khabar
