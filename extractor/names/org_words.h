// Internal: the word-level tests shared by the `org` and `place` value
// builders. They work on the normalized text of a rule match (DESIGN §4:
// alef forms folded, ى -> ي, no diacritics), split at blanks.
//
// Word lists live in rules/orgs.yaml and rules/places.yaml as classes; the
// gazetteer tells known places and personal names from verbs. What the lists
// and the gazetteer say of a word is looked up once and kept per thread
// (names/word_memo.h).
//
// Thread safety: pure functions. Cost: linear in the match length; one hash
// lookup per word asked about once the word has been seen, a class and a
// gazetteer lookup the first time (and a class lookup more for a word with a
// leading و, ف or ال).
#ifndef KHABAR_NAMES_ORG_WORDS_H_
#define KHABAR_NAMES_ORG_WORDS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/value_builder.h"
#include "names/person_lexicon.h"

namespace khabar {
namespace names {

enum class WordKind { kArabic, kLatin, kNumber, kOther };

// The classes of rules/orgs.yaml and rules/places.yaml the builders ask
// about.
enum class OrgClass : uint8_t {
  kStop,           // org_stop
  kVerb,           // org_verb
  kHeads,          // org_heads
  kPlaceHead,      // place_head
  kPlaceParticle,  // place_particle
  kPlaceStop,      // place_stop
  kGenericAdj,     // org_generic_adj
  kAdminAdj,       // org_admin_adj
  kGenericFirst,   // org_generic_first
  kGenericOf,      // org_generic_of
  kTeamCategory,   // org_team_category
  kFacilityNoun,   // org_facility_noun
  kTailCountry,    // org_tail_country
  kBaMasdar,       // org_ba_masdar
  kMediaSuffix,    // org_media_suffix
  kHeadWithSeat,   // org_head_with_seat
};
constexpr int kNumOrgClasses = 16;

// The types of single-word gazetteer names the builders ask about.
enum class NameType : uint8_t { kLoc, kGivenName, kFamilyName };

// The lists and gazetteers a builder consults for one match. What they say
// of a word (a bit per class and per name type, and the classes of the word
// without a leading conjunction or article that IsStopWord, IsOrgHead,
// IsPlaceHead and IsPlaceParticle ask about) is kept per thread: the
// builders ask several questions about each word, and the same words come
// back in every article. Answers about words of the match text are also kept
// by their place in it, found without hashing. One Lexicon per builder call.
class Lexicon {
 public:
  // `text`: the text the builder splits into words.
  Lexicon(const ValueContext& context, std::string_view text) : context_(context), text_(text) {}
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  const ValueContext& context() const { return context_; }

  // Whether `word` is in the class (false without rules or class).
  bool InClass(OrgClass cls, std::string_view word) { return (Flags(word) >> static_cast<int>(cls)) & 1; }
  // A single-word gazetteer name of `type`.
  bool IsGazetteerWord(std::string_view word, NameType type) {
    return (Flags(word) >> (kNumOrgClasses + static_cast<int>(type))) & 1;
  }
  // A single-word gazetteer name of any of the types.
  bool IsKnownName(std::string_view word) { return (Flags(word) & kNameTypeBits) != 0; }
  // In org_stop, or so without a leading و or ف (see IsStopWord).
  bool IsStopWord(std::string_view word) {
    return (Flags(word) & (ClassBit(OrgClass::kStop) | kStopAfterConjunction)) != 0;
  }
  // In the class `cls` (kHeads, kPlaceHead or kPlaceParticle), or so without
  // a leading ال.
  bool InClassWithOrWithoutArticle(OrgClass cls, std::string_view word) {
    return (Flags(word) & (ClassBit(cls) | ArticleClassBit(cls))) != 0;
  }

 private:
  // The bits of Flags: the classes, the name types, and what IsStopWord and
  // InClassWithOrWithoutArticle ask of the word without its first letter or
  // its article.
  static constexpr uint32_t ClassBit(OrgClass cls) { return 1u << static_cast<int>(cls); }
  static constexpr int kNumNameTypes = 3;
  static constexpr uint32_t kNameTypeBits = ((1u << kNumNameTypes) - 1) << kNumOrgClasses;
  static constexpr int kDerivedShift = kNumOrgClasses + kNumNameTypes;
  static constexpr uint32_t kStopAfterConjunction = 1u << kDerivedShift;
  // The bit of `cls` for the word without ال; 0 for a class not asked so.
  static constexpr uint32_t ArticleClassBit(OrgClass cls) {
    return cls == OrgClass::kHeads          ? 1u << (kDerivedShift + 1)
           : cls == OrgClass::kPlaceHead     ? 1u << (kDerivedShift + 2)
           : cls == OrgClass::kPlaceParticle ? 1u << (kDerivedShift + 3)
                                             : 0;
  }

  // An answer about the word at `begin` in text_, `size` bytes long.
  struct Seen {
    uint32_t begin = UINT32_MAX;
    uint32_t size = 0;
    uint32_t flags = 0;
  };
  static constexpr size_t kSeenSlots = 32;  // a power of two

  // The bits of the classes holding `word`, then of its name types. Inline:
  // a builder asks a few dozen questions per match, most of them answered by
  // seen_, and a call per question cost as much as the answer.
  uint32_t Flags(std::string_view word) {
    if (word.empty()) return 0;
    const uintptr_t text_begin = reinterpret_cast<uintptr_t>(text_.data());
    const uintptr_t word_begin = reinterpret_cast<uintptr_t>(word.data());
    if (word_begin < text_begin || word_begin + word.size() > text_begin + text_.size()) return KeptFlags(word);
    // The same bytes of the text are the same word.
    const uint32_t begin = static_cast<uint32_t>(word_begin - text_begin);
    const uint32_t size = static_cast<uint32_t>(word.size());
    Seen& seen = seen_[(begin * 7 + size) & (kSeenSlots - 1)];
    if (seen.begin != begin || seen.size != size) seen = Seen{begin, size, KeptFlags(word)};
    return seen.flags;
  }
  // The same through the per-thread answers.
  uint32_t KeptFlags(std::string_view word) const;
  uint32_t ComputeFlags(std::string_view word) const;
  // The bits of the classes holding `word` (ClassBit).
  uint32_t ClassBits(std::string_view word) const;

  const ValueContext& context_;
  std::string_view text_;
  Seen seen_[kSeenSlots];  // by place in text_
};

// One blank-separated word of a match. Quote marks glued to its ends are set
// apart from its core.
struct NameWord {
  size_t begin = 0;       // bytes from the start of the match, quotes included
  size_t end = 0;
  size_t core_begin = 0;  // the word without its quote marks
  size_t core_end = 0;
  std::string_view core;
  size_t letters = 0;  // LetterCount(core), known from the split
  bool opens_quote = false;
  bool closes_quote = false;
  WordKind kind = WordKind::kOther;
};

// The words of `text` from byte `from` on, split on blanks (space, tab) as
// they are asked for: a builder's text runs on past the match (see
// TailLength in org_value.cc), and most names end after a few of its words.
class NameWordList {
 public:
  NameWordList(std::string_view text, size_t from);
  NameWordList(const NameWordList&) = delete;
  NameWordList& operator=(const NameWordList&) = delete;

  // Whether there is a word `i` (splits on as needed).
  bool Has(size_t i) {
    while (words_.size() <= i && SplitNext()) {
    }
    return i < words_.size();
  }
  // Word `i`, which Has(i) said exists.
  const NameWord& operator[](size_t i) const { return words_[i]; }

 private:
  // Splits off the next word; false at the end of the text.
  bool SplitNext();

  std::string_view text_;
  size_t pos_;  // where the next word is looked for
  std::vector<NameWord> words_;
};

// Letters (code points) in a normalized Arabic word.
size_t LetterCount(std::string_view word);
// Whether the word has `n` letters or more: LetterCount(word) >= n, read no
// further than the n-th letter.
bool HasLetters(std::string_view word, size_t n);
using text_util::EndsWith;
using text_util::StartsWith;
// The word without its first `letters` Arabic letters (two bytes each).
std::string_view DropLetters(std::string_view word, size_t letters);
// The word without a leading article ال (unchanged if it has none).
std::string_view WithoutArticle(std::string_view word);
bool HasArticle(std::string_view word);

// Class membership and gazetteer words, through the Lexicon.
inline bool InClass(Lexicon& context, OrgClass cls, std::string_view word) { return context.InClass(cls, word); }
inline bool IsGazetteerWord(Lexicon& context, std::string_view word, NameType type) {
  return context.IsGazetteerWord(word, type);
}
// A place or personal name the gazetteers know.
inline bool IsKnownName(Lexicon& context, std::string_view word) { return context.IsKnownName(word); }

// A word that ends a name: in org_stop (also after a leading و or ف), a month
// name or a weekday.
bool IsStopWord(Lexicon& context, std::string_view word);
// A finite verb: listed in org_verb, or shaped like one (يفعل, سيفعل, تفعل but
// not the nouns تفعيل, تفاعل, تفعلة) and not a known name. Tried on the word
// and on it without a leading و or ف.
bool IsVerbLike(Lexicon& context, std::string_view word);
// A head noun of an organization (class org_heads), with or without ال.
bool IsOrgHead(Lexicon& context, std::string_view word);
// A unit noun of a place (place_head class: جماعة, إقليم, جهة ...), with or
// without ال.
bool IsPlaceHead(Lexicon& context, std::string_view word);
// A word after which the next word belongs to the same place name
// (place_particle: آيت, سيدي, بني, عين ...), with or without ال.
bool IsPlaceParticle(Lexicon& context, std::string_view word);

enum class PlaceMode {
  kUnit,  // after an administrative unit noun: up to four name words
  kCity,  // after a generic noun (مدينة, قرية): one word, more only after a particle
};

// Walks a place name in `words` from index `first`, whose core is read
// without its first `skip` bytes (a preposition before the name). Returns the
// number of words taken (0 when the first word is not a name); `end` gets the
// byte end of the last one (its core).
int WalkPlaceName(Lexicon& context, NameWordList& words, size_t first, PlaceMode mode, size_t* end,
                  size_t skip = 0);

// How many words from `words[i]` on (its core replaced by `first`, e.g. the
// word without a preposition) form a place name a gazetteer lists, trying up
// to four words; 0 when none does.
int KnownPlaceWords(Lexicon& context, NameWordList& words, size_t i, std::string_view first);

// `text` without quote marks, with blanks collapsed to one space.
std::string CleanName(std::string_view text);

}  // namespace names
}  // namespace khabar

#endif  // KHABAR_NAMES_ORG_WORDS_H_
