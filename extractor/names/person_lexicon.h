// Internal: word-level knowledge about personal names and titles of office,
// read from the gazetteer (GIVEN_NAME, FAMILY_NAME) and from the classes of
// rules/persons.yaml and rules/roles.yaml.
//
// All words are normalized text (DESIGN: alef forms folded, ى -> ي).
//
// Thread safety: a PersonLexicon only reads its gazetteer and rule set, so it
// may be used from any thread; answers are cached per thread (tables of
// fixed size, names/word_memo.h). Cost: a hash lookup per question once a
// word has been seen; the first time (and again once the word has been pushed
// out of the cache), a gazetteer lookup and class lookups that filters of the
// class keys mostly spare.
#ifndef KHABAR_NAMES_PERSON_LEXICON_H_
#define KHABAR_NAMES_PERSON_LEXICON_H_

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace khabar {

class Gazetteer;
class RuleSet;

// UTF-8 utilities over normalized text.
namespace text_util {

// Decodes the code point at `pos` and advances `pos` (U+FFFD on bad input).
inline char32_t Decode(std::string_view s, size_t* pos) {
  const unsigned char c = static_cast<unsigned char>(s[*pos]);
  if (c < 0x80) {
    ++*pos;
    return c;
  }
  const int n = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || *pos + n > s.size()) {
    ++*pos;
    return 0xFFFD;
  }
  char32_t cp = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[*pos + i]) & 0x3F);
  *pos += n;
  return cp;
}

// Arabic letters (not digits, punctuation, tatweel or marks).
constexpr bool IsArabicLetter(char32_t c) {
  return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) || (c >= 0x066E && c <= 0x066F) ||
         (c >= 0x0671 && c <= 0x06D3) || (c >= 0x06FA && c <= 0x06FC);
}

// Which of the 64 code points after a lead byte 0xD8 + i (U+0600..U+06FF)
// are Arabic letters, a bit each: most letters are told with one shift.
constexpr uint64_t ArabicLetterBits(unsigned lead) {
  uint64_t bits = 0;
  for (unsigned low = 0; low < 64; ++low)
    if (IsArabicLetter(((lead & 0x1F) << 6) | low)) bits |= uint64_t{1} << low;
  return bits;
}
inline constexpr uint64_t kArabicLetterBits[4] = {ArabicLetterBits(0xD8), ArabicLetterBits(0xD9),
                                                  ArabicLetterBits(0xDA), ArabicLetterBits(0xDB)};
// IsArabicLetter of the code point of two bytes, `lead` (0xD8..0xDB) and
// `next`, decoded as Decode does.
inline bool IsArabicLetter2(unsigned char lead, unsigned char next) {
  return (kArabicLetterBits[lead - 0xD8] >> (next & 0x3F)) & 1;
}
// Decode, and in `*letter` IsArabicLetter of the code point: a two-byte
// Arabic code point is told from the bit table.
inline char32_t DecodeLetter(std::string_view s, size_t* pos, bool* letter) {
  const unsigned char lead = static_cast<unsigned char>(s[*pos]);
  if (lead >= 0xD8 && lead <= 0xDB && *pos + 1 < s.size()) {
    const unsigned char next = static_cast<unsigned char>(s[*pos + 1]);
    *letter = IsArabicLetter2(lead, next);
    *pos += 2;
    return static_cast<char32_t>(((lead & 0x1F) << 6) | (next & 0x3F));
  }
  const char32_t c = Decode(s, pos);
  *letter = IsArabicLetter(c);
  return c;
}
// Whether an Arabic letter starts at `pos`, as DecodeLetter reads it: every
// Arabic letter takes two bytes with a lead 0xD8..0xDB, so any other byte
// (or a lead at the last byte) is told without decoding.
inline bool LetterAt(std::string_view s, size_t pos) {
  if (pos + 1 >= s.size()) return false;
  const unsigned char lead = static_cast<unsigned char>(s[pos]);
  return static_cast<unsigned>(lead - 0xD8) <= 3 && IsArabicLetter2(lead, static_cast<unsigned char>(s[pos + 1]));
}
// The end of the run of Arabic letters that starts at `pos` (`pos` when
// none does): LetterAt letter by letter, over pointers (a dozen
// instructions a letter).
inline size_t LetterRunEnd(std::string_view s, size_t pos) {
  if (s.size() < 2) return pos;
  const unsigned char* const begin = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* const last = begin + s.size() - 1;  // a letter starts before it
  const unsigned char* p = begin + pos;
  while (p < last) {
    const unsigned row = p[0] - 0xD8u;
    if (row > 3 || !((kArabicLetterBits[row] >> (p[1] & 0x3F)) & 1)) break;
    p += 2;
  }
  return static_cast<size_t>(p - begin);
}
// The start of the run of Arabic letters that ends at `pos` (`pos` when
// none does), read backwards as LetterRunEnd reads forwards: in valid UTF-8
// a lead 0xD8..0xDB two bytes before a point starts the character before it.
inline size_t LetterRunBegin(std::string_view s, size_t pos) {
  const unsigned char* const begin = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* p = begin + pos;
  while (p - begin >= 2) {
    const unsigned row = p[-2] - 0xD8u;
    if (row > 3 || !((kArabicLetterBits[row] >> (p[-1] & 0x3F)) & 1)) break;
    p -= 2;
  }
  return static_cast<size_t>(p - begin);
}
// Number of code points: bytes that are not continuation bytes (10xxxxxx),
// counted eight at a time.
inline size_t Letters(std::string_view word) {
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  // One at each continuation byte's high bit: bit 7 set, bit 6 clear. Their
  // sum, below nine, lands in the top byte of the product.
  auto continuations = [](uint64_t v) {
    return static_cast<size_t>((((v & ~(v << 1) & kHighBits) >> 7) * 0x0101010101010101ull) >> 56);
  };
  const char* p = word.data();
  const size_t n = word.size();
  size_t continuation = 0;
  if (n < 8) {
    for (size_t i = 0; i < n; ++i) continuation += (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
    return n - continuation;
  }
  uint64_t v;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::memcpy(&v, p + i, 8);
    continuation += continuations(v);
  }
  if (i < n) {
    // The last eight bytes, without those counted already (the low ones).
    std::memcpy(&v, p + n - 8, 8);
    continuation += continuations(v >> (8 * (8 - (n - i))));
  }
  return n - continuation;
}
inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
// The word without a leading ال (or unchanged).
std::string_view StripArticle(std::string_view word);

// A word of normalized text: a maximal run of Arabic letters.
struct WordSpan {
  size_t begin = 0;  // byte offsets into the scanned text
  size_t end = 0;
  // True when something other than a space or tab follows the word directly
  // (punctuation, a digit, a line break, the end of the text): no name continues past it.
  bool closed = false;
};

// The words at the start of `text` separated by spaces or tabs only; stops at
// the first character that is neither a letter nor such a space.
std::vector<WordSpan> LeadingWords(std::string_view text, size_t max_words);

// The same words, read one at a time as they are asked for, without
// allocation: most names end after a word or two. A reader is made for
// every name scanned, so its words are left unset until read.
class WordReader {
 public:
  static constexpr size_t kMaxWords = 9;
  explicit WordReader(std::string_view text) : text_(text) {}
  // Whether there is a word `k` (reads on as needed).
  bool Has(size_t k) {
    while (count_ <= k && ReadNext()) {
    }
    return k < count_;
  }
  // Word `k`, which Has(k) said exists.
  const WordSpan& operator[](size_t k) const { return words_.at[k]; }

 private:
  bool ReadNext();
  // The words read so far (count_ of them); the others are not initialized.
  union Words {
    Words() {}
    WordSpan at[kMaxWords];
  };
  std::string_view text_;
  size_t pos_ = 0;
  bool done_ = false;
  size_t count_ = 0;
  Words words_;
};

}  // namespace text_util

class PersonLexicon {
 public:
  // Works out once what tells its data from other data for the cached
  // answers (names::DataKey), which every question would ask otherwise.
  PersonLexicon(const Gazetteer* gazetteer, const RuleSet* rules);

  // Answers about a word, cached per thread.
  enum WordFlag : uint16_t {
    kGiven = 1 << 0,
    kFamily = 1 << 1,
    kCommon = 1 << 2,
    kParticle = 1 << 3,
    kStopInside = 1 << 5,
    kHonorific = 1 << 6,
    kTitle = 1 << 7,
    kListedStop = 1 << 8,
    kIntro = 1 << 9,
    kRole = 1 << 10,
  };
  // The answers of the Is* questions below (but IsNationality and
  // IsNameSuffix) for one word from a single lookup, for callers that ask
  // several of them.
  struct Word {
    uint16_t flags = 0;
    bool given() const { return flags & kGiven; }
    bool family() const { return flags & kFamily; }
    bool common_given() const { return flags & kCommon; }
    bool particle() const { return flags & kParticle; }
    bool stop_inside() const { return flags & kStopInside; }
    bool listed_stop() const { return flags & kListedStop; }
    bool honorific() const { return flags & kHonorific; }
    bool title() const { return flags & kTitle; }
    // A verb that introduces a name (class person_intro: انتخب, عين ...).
    bool intro() const { return flags & kIntro; }
    bool stop() const { return flags & (kListedStop | kHonorific | kTitle | kIntro | kRole); }
  };
  Word Info(std::string_view word) const { return Word{Flags(word)}; }

  bool IsGiven(std::string_view word) const;
  bool IsFamily(std::string_view word) const;
  // A given name that is also an everyday word (أمل, نور, سعيد).
  bool IsCommonGiven(std::string_view word) const;
  // عبد, أبو, بن, أيت ... (a compound name with the next word).
  bool IsParticle(std::string_view word) const;
  // الدين, الله (a compound name with the word before); `word` has no blanks.
  // Asked of the short list alone, not through the cached answers: the name
  // scanner asks it of a word it may ask nothing else, whose first lookup is
  // the costly one.
  bool IsNameSuffix(std::string_view word) const;
  // A word that ends a name when it is not the first word (علي, also على).
  bool IsStopInside(std::string_view word) const;
  bool IsHonorific(std::string_view word) const;
  bool IsTitle(std::string_view word) const;
  // An adjective of nationality or origin derived from a place of the
  // gazetteer (الفرنسي, الأمريكية, اللبناني).
  bool IsNationality(std::string_view word) const;
  // A word of the list person_stop (also tried without its article).
  bool IsListedStop(std::string_view word) const;
  // A word that ends a name or cannot start one: person_stop, honorifics,
  // descriptive titles and titles of office.
  bool IsStop(std::string_view word) const;
  // A title of office (رئيس, الرئيسة, رئيسا, للمدير ...), except bare words
  // that are also given names (أمير, ملك).
  bool IsRoleWord(std::string_view word) const;

  // The canonical form of a title (`نائبة رئيسة` -> `نائب الرئيس`), from
  // the class role_canonical; nullopt when the words are not a known title.
  // Cached per thread like the flags.
  std::optional<std::string> RoleCanonical(std::string_view title) const;

  const Gazetteer* gazetteer() const { return gazetteer_; }
  const RuleSet* rules() const { return rules_; }

 private:
  bool InClass(std::string_view cls, std::string_view word) const;
  bool IsNationalityForm(std::string_view word) const;
  bool IsRoleForm(std::string_view word) const;
  // Every answer above (but IsNationality and IsNameSuffix) for one word,
  // cached per thread.
  uint16_t Flags(std::string_view word) const;
  // The same, computed.
  uint16_t ComputeFlags(std::string_view word) const;
  std::optional<std::string> ComputeRoleCanonical(std::string_view title) const;
  const Gazetteer* gazetteer_;
  const RuleSet* rules_;
  size_t data_key_;  // names::DataKey(gazetteer_, rules_)
};

// Forms of one word of a title with clitics, article, feminine, case, plural
// and pronoun endings removed, most specific first (رئيستها -> رئيستها,
// رئيسته, رئيس ...). The word itself comes first.
std::vector<std::string> RoleWordForms(std::string_view word);

}  // namespace khabar

#endif  // KHABAR_NAMES_PERSON_LEXICON_H_
