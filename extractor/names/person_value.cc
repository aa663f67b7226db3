// The `person` and `role` value builders (rules/persons.yaml, rules/roles.yaml).
#include "khabar/value_builder.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "khabar/gazetteer.h"
#include "khabar/rule_set.h"
#include "names/person_lexicon.h"
#include "names/person_name.h"

namespace khabar {
namespace {

// `text` starts, after spaces and punctuation, with a title of one to three words.
bool StartsWithTitle(std::string_view text, const PersonLexicon& lexicon) {
  size_t p = 0;
  while (p < text.size()) {
    size_t q = p;
    if (text_util::IsArabicLetter(text_util::Decode(text, &q))) break;
    p = q;
  }
  text = text.substr(p);
  text_util::WordReader words(text);
  size_t n = 0;
  while (n < 3 && words.Has(n)) ++n;
  for (; n > 0; --n)
    if (lexicon.RoleCanonical(text.substr(0, words[n - 1].end))) return true;
  return false;
}

// A quick test before UnknownSurname: a second word follows the first and is
// not a stop word.
bool MaySurname(ScannedWords* words) { return words->Has(1) && !words->Info(1).stop(); }

// A given name (not the preposition على) followed by surname words the
// lists do not know: no `ال` noun after a feminine or everyday word (زينة
// البيت) and no feminine `ال` noun, no pronoun ending (ذويهم), no place or
// organization (على بلنسية). The name is the first `length` bytes of the
// text of `words`, up to the end of a word.
bool UnknownSurname(ScannedWords* words, size_t length, const PersonLexicon& lexicon) {
  // Its words (up to five): those of the text that end within it.
  size_t n = 0;
  while (n < 5 && words->Has(n) && (*words)[n].end <= length) ++n;
  if (n < 2) return false;
  const PersonLexicon::Word first_info = words->Info(0);
  if (first_info.stop_inside()) return false;
  // A feminine noun or an everyday word before an `ال` noun is a phrase (زينة البيت).
  const bool phrase_head = first_info.common_given() || text_util::EndsWith(words->Word(0), "\xD8\xA9");
  const Gazetteer* gazetteer = lexicon.gazetteer();
  for (size_t i = 1; i < n; ++i) {
    const std::string_view w = words->Word(i);
    if (text_util::StartsWith(w, "\xD8\xA7\xD9\x84") && (phrase_head || text_util::EndsWith(w, "\xD8\xA9")))
      return false;
    if (text_util::EndsWith(w, "\xD9\x87\xD9\x85") || text_util::EndsWith(w, "\xD9\x87\xD8\xA7")) return false;
    if (gazetteer != nullptr && (gazetteer->HasWord(w, "LOC") || gazetteer->HasWord(w, "ORG"))) return false;
  }
  return true;
}

// The captures BuildPersonValue asks about, found in one pass over the
// groups instead of a search by name for each question.
struct PersonGroups {
  std::string_view span;
  bool has_span = false;
  bool strong = false;
  bool office = false;
  bool title = false;
  bool role = false;
  bool speech = false;
  bool read_on = false;

  explicit PersonGroups(const RuleMatch& match) {
    for (const auto& [name, text] : match.groups) {
      if (name == "span") {
        if (!has_span) span = text;
        has_span = true;
      } else if (name == "strong") {
        strong = true;
      } else if (name == "office") {
        office = true;
      } else if (name == "title") {
        title = true;
      } else if (name == "role") {
        role = true;
      } else if (name == "speech") {
        speech = true;
      } else if (name == "read_on") {
        read_on = true;
      }
    }
  }
};

// The captures BuildRoleValue asks about, found in one pass over the groups:
// for each, the text of the first of that name (as RuleMatch::Group), when
// there is one.
struct RoleGroups {
  std::optional<std::string_view> next_name;
  std::optional<std::string_view> next_place;
  std::optional<std::string_view> title;
  std::optional<std::string_view> span;
  std::optional<std::string_view> head;
  std::optional<std::string_view> head2;

  explicit RoleGroups(const RuleMatch& match) {
    for (const auto& [name, text] : match.groups) {
      std::optional<std::string_view>* group = name == "next_name"    ? &next_name
                                               : name == "next_place" ? &next_place
                                               : name == "title"      ? &title
                                               : name == "span"       ? &span
                                               : name == "head"       ? &head
                                               : name == "head2"      ? &head2
                                                                      : nullptr;
      if (group != nullptr && !*group) *group = text;
    }
  }
};

}  // namespace

// Captures: `span` (where the name starts), and at most one of `strong`,
// `office`, `title`, `role` naming the evidence around it (see persons.yaml).
// Ends the name where the scanner stops; rejects the match when no name is
// left. The norm is the name itself (DefaultNorm).
std::optional<Value> BuildPersonValue(const RuleMatch& match, const ValueContext& context) {
  const PersonGroups groups(match);
  if (!groups.has_span) return std::nullopt;
  std::string_view span = groups.span;
  const PersonLexicon lexicon(context.gazetteer, context.rules);
  if (groups.speech) {
    // Most verbs of speech are followed by إن or a noun with the article:
    // rejected before any scanning.
    if (lexicon.IsStop(span) || (text_util::StartsWith(span, "\xD8\xA7\xD9\x84") && !lexicon.IsGiven(span)))
      return std::nullopt;
  }
  if (groups.speech || groups.read_on) {
    // The pattern takes one word; the name reads on.
    if (span.data() + span.size() == match.text.data() + match.text.size())
      span = std::string_view(span.data(), span.size() + std::min<size_t>(match.following.size(), 256));
  }
  NameEvidence evidence = NameEvidence::kNone;
  if (groups.strong) evidence = NameEvidence::kStrong;
  else if (groups.office) evidence = NameEvidence::kAfterRole;
  else if (groups.speech) evidence = NameEvidence::kForeign;
  else if (groups.title || groups.role) evidence = NameEvidence::kTitle;
  // The words of the span, read and looked up once for every scan below.
  ScannedWords words(span, lexicon);
  size_t length = ScanPersonName(&words, evidence, lexicon);
  if (length == 0 && evidence == NameEvidence::kNone && MaySurname(&words)) {
    // A given name and a surname the lists do not know (كريم فانتو في), when a
    // clause opens after them.
    length = ScanPersonName(&words, NameEvidence::kTitle, lexicon);
    const char* name_end = span.data() + length;
    const char* text_end = match.following.data() + match.following.size();
    if (length > 0 && (!UnknownSurname(&words, length, lexicon) ||
                       !OpensClause(std::string_view(name_end, static_cast<size_t>(text_end - name_end)), lexicon)))
      length = 0;
  }
  if (length == 0) return std::nullopt;
  // Before a title (`role`), the longest match may have taken title words into
  // `span` (X نائبا للرئيس: span `X نائبا`, role `للرئيس`): what the name
  // leaves of the span must then start with a title.
  const size_t span_offset = static_cast<size_t>(span.data() - match.text.data());
  if (groups.speech) {
    // A country or an organization speaks as often as a person (وأعلنت فرنسا أن).
    words.Has(0);
    const std::string_view first_word = words.Word(0);
    if (context.gazetteer != nullptr &&
        (context.gazetteer->HasWord(first_word, "LOC") || context.gazetteer->HasWord(first_word, "ORG")))
      return std::nullopt;
    const char* name_end = span.data() + length;
    const char* text_end = match.following.data() + match.following.size();
    if (!OpensClause(std::string_view(name_end, static_cast<size_t>(text_end - name_end)), lexicon))
      return std::nullopt;
  }
  // One word before a title is as often a noun (خطاب الرئيس) as a name.
  // (The name ends at the end of a word: it has two words when the second
  // ends within it.)
  if (groups.role && !(words.Has(1) && words[1].end <= length)) return std::nullopt;
  if (groups.role && length < span.size() && !StartsWithTitle(match.text.substr(span_offset + length), lexicon))
    return std::nullopt;
  Value value;
  value.end_in_match = static_cast<int>(span_offset + length);
  return value;
}

// Captures: `span` (the entity), or `head` when the entity is only the first
// part of the match; `title` (the words that name the title, default: the
// entity); `next_name` (a word that must be a given name). Value and norm are
// the canonical title from the class role_canonical.
std::optional<Value> BuildRoleValue(const RuleMatch& match, const ValueContext& context) {
  const RoleGroups groups(match);
  const PersonLexicon lexicon(context.gazetteer, context.rules);
  if (groups.next_name) {
    std::string_view next = *groups.next_name;
    const bool place = context.gazetteer != nullptr && (context.gazetteer->HasWord(next, "LOC") ||
                                                        context.gazetteer->HasWord(text_util::StripArticle(next), "LOC"));
    if (lexicon.IsStopInside(next) ||
        (!lexicon.IsGiven(next) && !lexicon.IsParticle(next) && !lexicon.IsHonorific(next) && !place))
      return std::nullopt;
  }
  if (groups.next_place) {
    std::string_view next = *groups.next_place;
    const bool place = context.gazetteer != nullptr && context.gazetteer->HasWord(next, "LOC");
    const bool article = text_util::StartsWith(next, "\xD8\xA7\xD9\x84");
    const bool feminine = text_util::EndsWith(next, "\xD8\xA9") || text_util::EndsWith(next, "\xD8\xA7\xD8\xAA");
    const char32_t c = [&] {
      size_t pos = 0;
      return text_util::Decode(next, &pos);
    }();
    const bool clitic = c == 0x0648 || c == 0x0641 || c == 0x0628 || c == 0x0643 || c == 0x0644;  // و ف ب ك ل
    if (!place && (lexicon.IsStop(next) || lexicon.IsStopInside(next) || (!article && (clitic || feminine))))
      return std::nullopt;
  }
  std::string_view title = match.text;
  Value value;
  if (groups.title) {
    title = *groups.title;
  } else if (groups.span) {
    title = *groups.span;
  } else if (groups.head || groups.head2) {
    title = groups.head ? *groups.head : *groups.head2;
    value.end_in_match = static_cast<int>(title.data() - match.text.data() + title.size());
  }
  std::optional<std::string> canonical = lexicon.RoleCanonical(title);
  if (!canonical) return std::nullopt;
  value.norm = *canonical;
  value.value = std::move(*canonical);
  return value;
}

}  // namespace khabar
