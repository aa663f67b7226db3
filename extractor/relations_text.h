// Internal: reading the text around resolved entities, for the stages that
// link mentions, find holds_role relations and read the byline.
//
// Thread safety: pure functions. Cost: linear in the text they look at.
#ifndef KHABAR_RELATIONS_TEXT_H_
#define KHABAR_RELATIONS_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "candidates.h"
#include "khabar/normalizer.h"
#include "names/person_lexicon.h"

namespace khabar {
namespace rel {

// The normalized text between two byte offsets (empty when to <= from).
// Inline, as Blank: the linking stages ask them of most words they read.
inline std::string_view Between(const Analysis& a, uint32_t from, uint32_t to) {
  if (to <= from || to > a.text.size()) return {};
  return a.text.substr(from, to - from);
}

// Only spaces and tabs.
inline bool Blank(std::string_view s) { return SkipSpacesAndTabs(s, 0) == s.size(); }
// A line break or a sentence end (. ! ? ؟ ؛), but not an ellipsis (..).
bool HasBreak(std::string_view s);

// The text between a title and the organization or place it belongs to:
// nothing but spaces and quotes, or a glued preposition (رئيسا لجمعية ...);
// with `place`, also على / في / ب (عامل صاحب الجلالة على إقليم ...).
bool OrgGap(std::string_view gap, bool place);

// Skips spaces, tabs, quotes and the punctuation listed in `punct` (UTF-8
// characters); returns the new offset.
uint32_t SkipFiller(const Analysis& a, uint32_t pos, std::string_view punct);

// Skips spaces, tabs and quotes backwards from `pos`; returns the new offset.
uint32_t SkipBackFiller(const Analysis& a, uint32_t pos);

// The word of Arabic letters that starts at `pos` after spaces, or an empty
// range. `begin`/`end` are byte offsets into the normalized text.
struct Word {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return end <= begin; }
};
Word NextWord(const Analysis& a, uint32_t pos);
// The word that ends at `pos` (before spaces), or an empty range.
Word PreviousWord(const Analysis& a, uint32_t pos);

// The word with a leading conjunction or preposition removed and the article
// restored (للجمعية -> الجمعية, وبالمجلس -> المجلس, لجمعية -> جمعية).
std::string WithoutProclitics(std::string_view word);
// The same as a view of `word`, or of `*buffer` when the article is restored
// (لل): no allocation once the buffer has room, for callers that ask it of
// many words.
std::string_view WithoutProclitics(std::string_view word, std::string* buffer);

// Comparison key of a name: normalized, ة folded to ه, spaces collapsed.
std::string NameKey(std::string_view name);
// The first word of a name without its article and with ة folded (the head noun).
std::string HeadKey(std::string_view name);

// For each key, how many of `keys` (itself included) start with it or are
// its start: a name and its longer forms count together. Empty keys neither
// count nor are counted (0). Cost: a comparison per pair of keys.
std::vector<int> PrefixCounts(const std::vector<std::string>& keys);

// Index of the candidate that contains byte `pos`, or -1. `entities` are
// sorted by begin and do not overlap (as resolved): a binary search.
int EntityAt(const std::vector<Candidate>& entities, uint32_t pos);
// Index of the first candidate that starts at or after `pos`, or size().
size_t FirstFrom(const std::vector<Candidate>& entities, uint32_t pos);

// A generic noun at `pos` that refers back to an organization or place
// (الجمعية, للمنظمة, المجلس الجماعي): its head noun key and where it ends
// (with one following adjective in ال).
struct Anaphor {
  std::string head;
  std::string phrase;  // NameKey of the whole noun phrase, article restored
  uint32_t begin = 0;
  uint32_t end = 0;
};
std::optional<Anaphor> AnaphorAt(const Analysis& a, uint32_t pos, const PersonLexicon& lexicon);

// Resolves anaphors against the ORG and LOC entities of an article. The
// entities' name keys and mention counts are computed on the first call and
// kept: `entities` must not change while the resolver is used. Cost: a key
// per ORG or LOC entity and a pass over pairs of them, once.
class AnaphorResolver {
 public:
  AnaphorResolver(const Analysis& a, const std::vector<Candidate>& entities) : a_(a), entities_(entities) {}
  // The ORG or LOC entity `anaphor` refers to, among those before `before`
  // (an entity index), else after it: names that start with the whole
  // phrase (المجلس الإقليمي -> المجلس الإقليمي لتاونات) first, then names
  // with the same head noun, then names that contain it; within a group the
  // name mentioned most often in the article, then the nearest. -1 if none.
  int Resolve(size_t before, const Anaphor& anaphor);

 private:
  void Index();
  const Analysis& a_;
  const std::vector<Candidate>& entities_;
  bool indexed_ = false;
  std::vector<std::string> keys_, heads_;  // by entity; empty but for ORG and LOC
  std::vector<int> mentions_;              // by entity
};

}  // namespace rel
}  // namespace khabar

#endif  // KHABAR_RELATIONS_TEXT_H_
