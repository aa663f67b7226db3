#include "names/org_words.h"

#include <algorithm>

#include "khabar/gazetteer.h"
#include "khabar/normalizer.h"
#include "khabar/rule_set.h"
#include "khabar/tokenizer.h"
#include "names/word_memo.h"

namespace khabar {
namespace names {
namespace {

constexpr std::string_view kAl = "ال";
constexpr std::string_view kWaw = "و";
constexpr std::string_view kFa = "ف";
constexpr std::string_view kYa = "ي";
constexpr std::string_view kTa = "ت";
constexpr std::string_view kSin = "س";
constexpr std::string_view kAlef = "ا";
constexpr std::string_view kTaMarbuta = "ة";
constexpr std::string_view kHa = "ه";

// Decodes one UTF-8 code point at `*pos` and advances; U+FFFD on bad bytes.
char32_t Decode(std::string_view s, size_t* pos) {
  const unsigned char c = static_cast<unsigned char>(s[*pos]);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (*pos + len > s.size()) len = 1;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[*pos + i]) & 0x3F);
  *pos += len;
  return len == 1 && c >= 0x80 ? 0xFFFD : cp;
}

// Whether a code point that starts with byte `lead` is in the Arabic block
// (U+0600..U+06FF): no quote mark or blank, told without decoding it.
bool IsArabicBlockLead(unsigned char lead) { return lead >= 0xD8 && lead <= 0xDB; }

// Whether a code point that starts with byte `lead` may be a quote mark.
bool MayBeQuote(unsigned char lead) {
  return lead < 0x80 ? lead == '"' || lead == '\'' : !IsArabicBlockLead(lead);
}

bool IsQuote(char32_t c) {
  switch (c) {
    case U'"': case U'\'': case U'“': case U'”': case U'„': case U'‟': case U'«': case U'»':
    case U'‹': case U'›': case U'‘': case U'’':
      return true;
    default:
      return false;
  }
}

bool IsArabicLetter(char32_t c) {
  return (c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5 ||
         (c >= 0x06FA && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08C9);
}

// The common Arabic letters U+0621..U+064A are D8 A1..D8 BF and D9 80..D9 8A:
// bit (second byte - 0x80) of kCommonLetterBits[first byte - 0xD8].
constexpr uint64_t kCommonLetterBits[2] = {~uint64_t{0} << 0x21, (uint64_t{1} << 0x0B) - 1};

// Whether bytes `b0` `b1` are a common Arabic letter (U+0621..U+064A), told
// from the table above: a test per letter of every word split.
bool IsCommonArabicLetter(char b0, char b1) {
  const unsigned row = static_cast<unsigned char>(b0) - 0xD8u;
  const unsigned column = static_cast<unsigned char>(b1) - 0x80u;
  return row <= 1 && column < 64 && ((kCommonLetterBits[row] >> column) & 1);
}

// Whether `word` is all common Arabic letters (two bytes each): most words,
// told without decoding.
bool AllCommonArabicLetters(std::string_view word) {
  if (word.size() % 2 != 0) return false;
  for (size_t i = 0; i < word.size(); i += 2)
    if (!IsCommonArabicLetter(word[i], word[i + 1])) return false;
  return true;
}

WordKind Classify(std::string_view core) {
  if (core.empty()) return WordKind::kOther;
  if (AllCommonArabicLetters(core)) return WordKind::kArabic;
  bool arabic = true, latin = true, number = true, any_letter = false;
  size_t pos = 0;
  while (pos < core.size()) {
    char32_t c = Decode(core, &pos);
    const bool digit = c >= '0' && c <= '9';
    const bool ascii_letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!IsArabicLetter(c)) arabic = false;
    if (!digit) number = false;
    if (!digit && !ascii_letter && c != '.' && c != '-' && c != '&') latin = false;
    if (ascii_letter) any_letter = true;
  }
  if (arabic) return WordKind::kArabic;
  if (number) return WordKind::kNumber;
  if (latin && any_letter) return WordKind::kLatin;
  return WordKind::kOther;
}

// The n-th letter (0-based) of an Arabic word, or empty.
std::string_view Letter(std::string_view word, size_t n) {
  return 2 * n + 2 <= word.size() ? word.substr(2 * n, 2) : std::string_view();
}

// The shape of an imperfect or future verb; `word` has no conjunction.
bool HasVerbShape(std::string_view word) {
  const size_t n = LetterCount(word);
  if (n < 3) return false;
  if (EndsWith(word, kTaMarbuta) || EndsWith(word, "ات")) return false;
  // يفعل, يتفاعل, يترأسها ...
  if (StartsWith(word, kYa)) return true;
  // سيفعل, ستفعل, سنفعل: the future prefix.
  if (StartsWith(word, kSin) && n >= 5 && (Letter(word, 1) == kYa || Letter(word, 1) == kTa))
    return true;
  // تفعل, تفتعل, تستفعل; not تا.., تي.. (names), not the nouns تفعيل and
  // تفاعل, not a word ending in ت (Amazigh names: تاوريرت, تحناوت).
  if (StartsWith(word, kTa) && n >= 4) {
    std::string_view second = Letter(word, 1);
    if (second == kAlef || second == kYa) return false;
    if (Letter(word, 2) == kAlef) return false;             // تفاعل, تراث
    if (n >= 5 && Letter(word, n - 2) == kYa) return false;  // تفعيل
    if (EndsWith(word, kTa)) return false;
    return true;
  }
  // افتعلت, أفعلت: a feminine perfect.
  if (StartsWith(word, kAlef) && !StartsWith(word, kAl) && n >= 5 && EndsWith(word, kTa) &&
      !EndsWith(word, "ات") && !EndsWith(word, "يت"))
    return true;
  return false;
}

// A name, its head and the words after it that a builder may read (see
// TailLength in org_value.cc): one allocation for most matches, small enough
// for malloc's per-thread cache (larger blocks cost it five times as much).
constexpr size_t kWordsReserved = 16;

}  // namespace

NameWordList::NameWordList(std::string_view text, size_t from) : text_(text), pos_(from) {
  words_.reserve(kWordsReserved);
}

bool NameWordList::SplitNext() {
  const std::string_view text = text_;
  size_t pos = pos_;
  pos = SkipSpacesAndTabs(text, pos);
  if (pos >= text.size()) {
    pos_ = pos;
    return false;
  }
  NameWord w;
  w.begin = pos;
  // Most words are common Arabic letters only: no quote marks, Arabic,
  // told in one pass over several letters at a time (the text being valid
  // UTF-8, these are the letters IsCommonArabicLetter tells).
  pos = SkipCommonArabicLetters(text, pos);
  if (pos > w.begin && (pos == text.size() || text[pos] == ' ' || text[pos] == '\t')) {
    w.end = w.core_end = pos;
    w.core_begin = w.begin;
    w.core = text.substr(w.begin, pos - w.begin);
    w.letters = w.core.size() / 2;
    w.kind = WordKind::kArabic;
    words_.push_back(w);
    pos_ = pos;
    return true;
  }
  while (pos < text.size() && text[pos] != ' ' && text[pos] != '\t') ++pos;
  w.end = pos;
  // Quote marks at both ends.
  size_t b = w.begin;
  while (b < w.end && MayBeQuote(static_cast<unsigned char>(text[b]))) {
    size_t next = b;
    if (!IsQuote(Decode(text, &next))) break;
    w.opens_quote = true;
    b = next;
  }
  size_t e = w.end;
  while (e > b) {
    size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t next = start;
    if (!MayBeQuote(static_cast<unsigned char>(text[start])) || !IsQuote(Decode(text, &next))) break;
    w.closes_quote = true;
    e = start;
  }
  w.core_begin = b;
  w.core_end = e;
  w.core = text.substr(b, e - b);
  w.letters = LetterCount(w.core);
  w.kind = Classify(w.core);
  words_.push_back(w);
  pos_ = pos;
  return true;
}

namespace {

// The byte after the letter (code point) of `word` at `pos`.
size_t NextLetter(std::string_view word, size_t pos) {
  // Two bytes for the Arabic block, as Decode reads them.
  if (IsArabicBlockLead(static_cast<unsigned char>(word[pos])) && pos + 2 <= word.size()) return pos + 2;
  Decode(word, &pos);
  return pos;
}

}  // namespace

size_t LetterCount(std::string_view word) {
  size_t n = 0;
  for (size_t pos = 0; pos < word.size(); pos = NextLetter(word, pos)) ++n;
  return n;
}

bool HasLetters(std::string_view word, size_t n) {
  size_t pos = 0;
  for (; n > 0 && pos < word.size(); --n) pos = NextLetter(word, pos);
  return n == 0;
}

std::string_view DropLetters(std::string_view word, size_t letters) {
  return 2 * letters <= word.size() ? word.substr(2 * letters) : std::string_view();
}

bool HasArticle(std::string_view word) { return StartsWith(word, kAl) && HasLetters(word.substr(kAl.size()), 2); }

std::string_view WithoutArticle(std::string_view word) { return HasArticle(word) ? word.substr(4) : word; }

namespace {

// The classes of OrgClass by their names in the rules, in OrgClass order.
constexpr std::string_view kOrgClassNames[kNumOrgClasses] = {
    "org_stop",          "org_verb",          "org_heads",       "place_head",
    "place_particle",    "place_stop",        "org_generic_adj", "org_admin_adj",
    "org_generic_first", "org_generic_of",    "org_team_category", "org_facility_noun",
    "org_tail_country",  "org_ba_masdar",     "org_media_suffix", "org_head_with_seat"};

// The classes of OrgClass, found once per thread and rule set (nullptr for a
// class the rules lack).
const RuleSet::Class* const* OrgClassesOf(const RuleSet& rules) {
  thread_local uint64_t found_for = 0;
  thread_local const RuleSet::Class* classes[kNumOrgClasses];
  if (found_for != rules.instance()) {
    for (int i = 0; i < kNumOrgClasses; ++i) classes[i] = rules.FindClass(kOrgClassNames[i]);
    found_for = rules.instance();
  }
  return classes;
}

}  // namespace

uint32_t Lexicon::KeptFlags(std::string_view word) const {
  // 256 KB: the words of organization and place names, fewer than those
  // the person names ask about (see PersonLexicon::Flags).
  thread_local WordMemo<uint32_t, 13> memo;
  return memo.Get(context_.gazetteer, context_.rules, word,
                  [this](std::string_view w) { return ComputeFlags(w); });
}

uint32_t Lexicon::ClassBits(std::string_view word) const {
  uint32_t bits = 0;
  if (context_.rules != nullptr) {
    // One lookup for every class: the classes that hold the word.
    if (const auto* held = context_.rules->ClassesHolding(word)) {
      const RuleSet::Class* const* classes = OrgClassesOf(*context_.rules);
      for (const RuleSet::Class* cls : *held)
        for (int i = 0; i < kNumOrgClasses; ++i)
          if (cls == classes[i]) bits |= 1u << i;
    }
  }
  return bits;
}

uint32_t Lexicon::ComputeFlags(std::string_view word) const {
  uint32_t flags = ClassBits(word);
  if (context_.gazetteer != nullptr)
    flags |= context_.gazetteer->WordTypes(word, {"LOC", "GIVEN_NAME", "FAMILY_NAME"}) << kNumOrgClasses;
  // The answers about the word without a conjunction or its article, kept
  // with its own: each of those tests then costs one lookup instead of two.
  if ((StartsWith(word, kWaw) || StartsWith(word, kFa)) && HasLetters(word, 3) &&
      (ClassBits(word.substr(2)) & ClassBit(OrgClass::kStop)))
    flags |= kStopAfterConjunction;
  if (HasArticle(word)) {
    const uint32_t bare = ClassBits(WithoutArticle(word));
    for (const OrgClass cls : {OrgClass::kHeads, OrgClass::kPlaceHead, OrgClass::kPlaceParticle})
      if (bare & ClassBit(cls)) flags |= ArticleClassBit(cls);
  }
  return flags;
}

bool IsStopWord(Lexicon& context, std::string_view word) { return context.IsStopWord(word); }

bool IsVerbLike(Lexicon& context, std::string_view word) {
  if (InClass(context, OrgClass::kVerb, word)) return true;
  std::string_view bare = word;
  if ((StartsWith(word, kWaw) || StartsWith(word, kFa)) && HasLetters(word, 4)) {
    bare = word.substr(2);
    if (InClass(context, OrgClass::kVerb, bare)) return true;
  }
  if (HasArticle(bare) || IsKnownName(context, word) || IsKnownName(context, bare)) return false;
  return HasVerbShape(bare);
}

bool IsOrgHead(Lexicon& context, std::string_view word) {
  return context.InClassWithOrWithoutArticle(OrgClass::kHeads, word);
}

bool IsPlaceHead(Lexicon& context, std::string_view word) {
  return context.InClassWithOrWithoutArticle(OrgClass::kPlaceHead, word);
}

bool IsPlaceParticle(Lexicon& context, std::string_view word) {
  return context.InClassWithOrWithoutArticle(OrgClass::kPlaceParticle, word);
}

int WalkPlaceName(Lexicon& context, NameWordList& words, size_t first, PlaceMode mode, size_t* end,
                  size_t skip) {
  const int max_words = mode == PlaceMode::kUnit ? 4 : 3;
  int taken = 0;
  if (words.Has(first) && words[first].opens_quote) {
    // A name in quote marks (ساحة «الأمل»): up to its closing mark.
    for (size_t i = first; i < first + max_words && words.Has(i); ++i) {
      if (words[i].kind == WordKind::kOther || (i > first && words[i].opens_quote)) break;
      if (words[i].closes_quote) {
        *end = words[i].end;
        return static_cast<int>(i - first + 1);
      }
    }
    return 0;
  }
  bool forced = false;        // the previous word was a particle
  bool prev_article = false;  // the previous word had the article
  for (size_t i = first; taken < max_words && words.Has(i); ++i) {
    const NameWord& w = words[i];
    if (w.kind != WordKind::kArabic) break;
    if (w.opens_quote && i > first) break;
    const std::string_view core = i == first ? w.core.substr(skip) : w.core;
    const bool known = IsGazetteerWord(context, core, NameType::kLoc);
    const bool particle = IsPlaceParticle(context, core);
    bool accept = false;
    if (forced) {
      // عين ولمان, تيزي وزو: a و word here is a name, unless it starts
      // another place (القصبة ونهج الباشا).
      const std::string_view rest = DropLetters(core, 1);
      accept = !IsStopWord(context, core) &&
               !(StartsWith(core, kWaw) && (IsPlaceHead(context, rest) || IsOrgHead(context, rest) ||
                                            HasArticle(rest)));
    } else if (IsStopWord(context, core) || InClass(context, OrgClass::kPlaceStop, core) ||
               (taken == 0 && InClass(context, OrgClass::kPlaceStop, WithoutArticle(core)))) {
      accept = false;
    } else if (known || particle) {
      // A known place word; after the first word only a word that does not
      // start a new conjunct (و + a known place is another place).
      accept = taken == 0 || !(StartsWith(core, kWaw) && IsGazetteerWord(context, core.substr(2), NameType::kLoc));
    } else if ((taken == 0 && mode == PlaceMode::kUnit ? InClass(context, OrgClass::kVerb, core)
                                                         : IsVerbLike(context, core)) ||
               IsOrgHead(context, core) || IsPlaceHead(context, core)) {
      // The first word after a unit noun is a name more often than a verb
      // (وادي تودغى); only listed verbs end it there.
      accept = false;
    } else if (HasArticle(core) && taken == 0 && (EndsWith(core, "ين") || EndsWith(core, "ون"))) {
      // A plural of people (جماعة التقدميين) is a group, not a place.
      accept = false;
    } else if (HasArticle(core) && mode == PlaceMode::kCity && taken == 0) {
      // مدينة + a definite noun is a name only when the lists know it
      // (مدينة الألعاب is not a city).
      accept = false;
    } else if (HasArticle(core)) {
      // A nisba adjective after a city name describes it (مدينة أزمور
      // المغربية); in a unit name it belongs to it (جماعة عين الكرمة العليا).
      const bool nisba = EndsWith(core, "ية") || EndsWith(core, kYa);
      accept = !(mode == PlaceMode::kCity && taken > 0 && nisba);
    } else if (taken == 0) {
      // The first word may start with any letter (بوعرفة, ورزازات, لمهاية)
      // unless it is a preposition or conjunction before a word the lists know.
      std::string_view rest = DropLetters(core, 1);
      const bool clitic = StartsWith(core, kWaw) || StartsWith(core, "ب") || StartsWith(core, "ل");
      accept = !(clitic && (HasArticle(rest) || IsPlaceHead(context, rest) || IsStopWord(context, rest) ||
                            IsOrgHead(context, rest) || IsGazetteerWord(context, rest, NameType::kLoc)));
      // A conjunct right after the unit noun (بلدة ومستوطنة) is not a name.
      if (StartsWith(core, kWaw)) accept = false;
      if (accept && mode == PlaceMode::kCity && (EndsWith(core, "ية") || EndsWith(core, "ي"))) accept = false;
    } else {
      // A further bare word: not after a city name, nor a prepositional or
      // conjunct word; after the article only a known word.
      // (a word of three letters or more after the clitic: برد is a name).
      const bool clitic = (StartsWith(core, kWaw) || StartsWith(core, "ب") || StartsWith(core, "ل") ||
                           StartsWith(core, "ك")) &&
                          HasLetters(core, 4);
      accept = mode == PlaceMode::kUnit && !clitic && !prev_article;
      if (!accept && clitic && mode == PlaceMode::kUnit && IsGazetteerWord(context, core, NameType::kGivenName))
        accept = true;  // أزرو نايت لحسن
    }
    if (!accept) break;
    ++taken;
    *end = w.core_end;
    forced = particle;
    prev_article = HasArticle(core);
    if (mode == PlaceMode::kCity && !forced) break;
    if (w.closes_quote) break;
  }
  // A particle cannot end a name (عين alone after a unit noun is fine only
  // when it is the whole name).
  return taken;
}

int KnownPlaceWords(Lexicon& context, NameWordList& words, size_t i, std::string_view first) {
  if (context.context().gazetteer == nullptr || !words.Has(i)) return 0;
  // Kept per thread, the buffers allocate nothing once large enough.
  thread_local std::string text;
  thread_local std::vector<Token> tokens;
  thread_local std::string key_text;
  text.assign(first);
  for (size_t k = i + 1; k < i + 4 && words.Has(k); ++k) {
    if (words[k - 1].closes_quote || words[k].opens_quote || words[k].kind != WordKind::kArabic) break;
    text += ' ';
    text += words[k].core;
  }
  Tokenize(text, &tokens);
  key_text.assign(text);
  Gazetteer::FoldKeys(&key_text);
  GazetteerHit hit;
  int best = 0;
  if (context.context().gazetteer->MatchFirst(key_text, tokens, &hit) && hit.skip == 0 &&
      context.context().gazetteer->entries()[hit.entry].type == "LOC")
    best = static_cast<int>(hit.end_token);
  // Tokens are words here unless a word held punctuation; count words.
  int words_taken = 0;
  size_t consumed = 0;
  for (size_t k = 0; k < static_cast<size_t>(best) && k < tokens.size(); ++k) consumed = tokens[k].end;
  size_t pos = 0;
  while (pos < consumed) {
    size_t space = text.find(' ', pos);
    ++words_taken;
    if (space == std::string::npos) break;
    pos = space + 1;
  }
  return best == 0 ? 0 : words_taken;
}

std::string CleanName(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  // Bytes from run_begin on are kept; they are appended in one piece when a
  // blank or a quote mark ends them.
  bool in_run = false;
  size_t run_begin = 0;
  // Keeps the character at `start`: it opens a run unless one is open.
  auto keep = [&](size_t start) {
    if (in_run) return;
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    in_run = true;
    run_begin = start;
  };
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    // Most of a name is common Arabic letters, neither blanks nor quote
    // marks: a run of them is passed over at once.
    pos = SkipCommonArabicLetters(text, pos);
    if (pos > start) {
      keep(start);
      continue;
    }
    const unsigned char lead = static_cast<unsigned char>(text[pos]);
    char32_t c = lead;
    if (lead < 0x80) {
      ++pos;
    } else if (IsArabicBlockLead(lead)) {
      pos += pos + 2 <= text.size() ? 2 : 1;  // as Decode reads it
    } else {
      c = Decode(text, &pos);
    }
    const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (blank || (MayBeQuote(lead) && IsQuote(c))) {
      if (in_run) out.append(text, run_begin, start - run_begin);
      in_run = false;
      if (blank) space = true;
      continue;
    }
    keep(start);
  }
  if (in_run) out.append(text, run_begin, text.size() - run_begin);
  return out;
}

}  // namespace names
}  // namespace khabar
