#include "khabar/tokenizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "khabar/normalizer.h"

namespace khabar {
namespace {

bool IsArabicLetter(char32_t c) {
  return (c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5 ||
         (c >= 0x06FA && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
         (c >= 0x08A0 && c <= 0x08C9);
}

// Code points outside the common ranges (ICU properties).
[[gnu::noinline]] TokenKind ClassifyRare(char32_t c) {
  if (IsArabicLetter(c)) return TokenKind::kArabic;
  if (u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK) {
    return c < 0x0600 ? TokenKind::kLatin : TokenKind::kOther;
  }
  if (u_isdigit(c)) return TokenKind::kNumber;
  return TokenKind::kPunct;
}

// The code points of two UTF-8 bytes, U+0080..U+07FF, hold the rest of
// Arabic (its comma, question mark and semicolon are most of the punctuation
// of the text) and the guillemets « »: their kinds are asked of ICU once.
constexpr char32_t kTwoByteEnd = 0x800;
using TwoByteKinds = std::array<TokenKind, kTwoByteEnd>;
const TwoByteKinds& KindsOfTwoByteCodePoints() {
  static const TwoByteKinds kinds = [] {
    TwoByteKinds k;
    for (char32_t c = 0; c < kTwoByteEnd; ++c) k[c] = ClassifyRare(c);
    return k;
  }();
  return kinds;
}

inline TokenKind Classify(char32_t c) {
  if (c >= 0x0621 && c <= 0x064A) return TokenKind::kArabic;  // most letters of the text
  if (c < 0x80) {
    if (c >= '0' && c <= '9') return TokenKind::kNumber;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return TokenKind::kLatin;
    return TokenKind::kPunct;
  }
  if (c < kTwoByteEnd) return KindsOfTwoByteCodePoints()[c];
  return ClassifyRare(c);
}

[[gnu::noinline]] bool IsRareSpace(char32_t c) { return u_isUWhiteSpace(c); }

inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  if (c >= 0x0600 && c <= 0x06FF) return false;
  return IsRareSpace(c);
}

// Letters as the two bytes of their UTF-8 form read as a number, lead byte
// high (see LetterAt).
constexpr uint32_t kWawCode = 0xD988;   // و
constexpr uint32_t kFaCode = 0xD981;    // ف
constexpr uint32_t kBaCode = 0xD8A8;    // ب
constexpr uint32_t kLamCode = 0xD984;   // ل
constexpr uint32_t kKafCode = 0xD983;   // ك
constexpr uint32_t kAlefCode = 0xD8A7;  // ا
constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ال
constexpr size_t kLetter = 2;  // bytes of an Arabic letter

// The two bytes at s[at] (at + 2 <= s.size()) as a number, lead byte high.
inline uint32_t LetterAt(std::string_view s, size_t at) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(s[at])) << 8) | static_cast<unsigned char>(s[at + 1]);
}

// Whether the two bytes at s[at] are an Arabic letter of U+0621..U+064A (the
// common letters), s being valid UTF-8: after a lead byte D8 or D9 comes a
// continuation byte, so these letters are one range of the two bytes read
// as a number, lead byte high.
inline bool IsCommonLetterAt(std::string_view s, size_t at) {
  return at + kLetter <= s.size() && LetterAt(s, at) - 0xD8A1 <= 0xD98A - 0xD8A1;
}

// Whether a word at s[at] (at least one letter) may start with a letter
// that begins a proclitic or the article (و ف ب ل ك ا), the only words that
// have stems. The low six bits of the letter's second byte tell these apart
// from the other common letters; the few other code points that share them
// only cost a needless StemsOf.
inline bool MayHaveStems(std::string_view s, size_t at) {
  constexpr uint64_t kBits = (uint64_t{1} << (0x88 & 0x3F)) |  // و
                             (uint64_t{1} << (0x81 & 0x3F)) |  // ف
                             (uint64_t{1} << (0xA8 & 0x3F)) |  // ب
                             (uint64_t{1} << (0x84 & 0x3F)) |  // ل
                             (uint64_t{1} << (0x83 & 0x3F)) |  // ك
                             (uint64_t{1} << (0xA7 & 0x3F));   // ا
  return (kBits >> (static_cast<unsigned char>(s[at + 1]) & 0x3F)) & 1;
}

// The end of the run of common Arabic letters (see IsCommonLetterAt) that
// starts at `pos`. With SSE2, eight letters are tested at once: each 16-bit
// lane holds a letter's two bytes, swapped so the lead byte is high; a lane
// minus D8A1 is at most E9 for a common letter.
inline size_t SkipCommonLetters(std::string_view s, size_t pos) {
#if defined(__SSE2__)
  constexpr size_t kBlock = 16;
  while (pos + kBlock <= s.size()) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + pos));
    const __m128i pairs = _mm_or_si128(_mm_slli_epi16(bytes, 8), _mm_srli_epi16(bytes, 8));
    const __m128i offset = _mm_sub_epi16(pairs, _mm_set1_epi16(static_cast<int16_t>(0xD8A1)));
    const __m128i common = _mm_cmpeq_epi16(_mm_subs_epu16(offset, _mm_set1_epi16(0xD98A - 0xD8A1)),
                                           _mm_setzero_si128());
    // Two bits per letter: the first clear bit is the first byte not in the run.
    const uint32_t mask = static_cast<uint32_t>(_mm_movemask_epi8(common));
    if (mask != 0xFFFF) return pos + static_cast<size_t>(__builtin_ctz(~mask));
    pos += kBlock;
  }
#endif
  while (IsCommonLetterAt(s, pos)) pos += kLetter;
  return pos;
}

// ComputeStems, inlined into Tokenize, which calls it for most Arabic words.
[[gnu::always_inline]] inline int StemsOf(std::string_view word, Stem out[kMaxStems]) {
  const size_t size = word.size();
  if (size < 3 * kLetter) return 0;
  int n = 0;
  // Keys shorter than two letters are not offered; one that restores the
  // article has them. At most three stems are added.
  auto add = [&](size_t skip, size_t key_skip, bool add_article) {
    if (add_article || size - key_skip >= 2 * kLetter)
      out[n++] = Stem{static_cast<uint8_t>(skip), static_cast<uint8_t>(key_skip), add_article};
  };
  // Three letters or more: the first two after a conjunction can be read.
  const uint32_t first = LetterAt(word, 0);
  const size_t conj = (first == kWawCode || first == kFaCode) ? kLetter : 0;
  const uint32_t after_conj = conj ? LetterAt(word, conj) : first;
  // لل: preposition ل + article whose alef is elided.
  if (after_conj == kLamCode && LetterAt(word, conj + kLetter) == kLamCode && size - conj >= 4 * kLetter) {
    if (conj) add(conj, conj, false);
    add(conj + kLetter, conj + 2 * kLetter, true);
    add(conj + kLetter, conj + 2 * kLetter, false);
    return n;
  }
  if (conj) add(conj, conj, false);
  const size_t prep = (after_conj == kBaCode || after_conj == kLamCode || after_conj == kKafCode) ? kLetter : 0;
  if (prep && size - conj >= 3 * kLetter) add(conj + prep, conj + prep, false);
  // The article: keep it in the span, drop it from the key.
  const size_t stem = conj + prep;
  if (stem + kAl.size() <= size && LetterAt(word, stem) == kAlefCode && LetterAt(word, stem + kLetter) == kLamCode)
    add(stem, stem + kAl.size(), false);
  return n;
}

}  // namespace

std::string_view Token::WithArticle(std::string_view rest, std::string* scratch) {
  scratch->assign(kAl);
  scratch->append(rest);
  return *scratch;
}

int ComputeStems(std::string_view word, Stem out[kMaxStems]) { return StemsOf(word, out); }

size_t SkipCommonArabicLetters(std::string_view text, size_t pos) { return SkipCommonLetters(text, pos); }

namespace {

// The end of a token whose code points up to `pos` are of kind `kind`: the
// token extends while the kind stays the same (glued letters and digits
// split) and no blank comes. Out of line so that the loop over the common
// letters keeps its variables in registers.
[[gnu::noinline]] size_t ExtendToken(std::string_view text, size_t pos, TokenKind kind) {
  // First over the common Arabic letters, two bytes each.
  if (kind == TokenKind::kArabic) pos = SkipCommonLetters(text, pos);
  while (pos < text.size() && text[pos] != ' ' && text[pos] != '\n') {
    size_t next = pos;
    char32_t d = DecodeUtf8(text, &next);
    if (Classify(d) != kind || IsSpace(d)) break;
    pos = next;
  }
  return pos;
}

// A scanned token: its end and kind, returned in registers.
struct Scanned {
  size_t end;
  TokenKind kind;
  bool is_space;  // the code point at the start is a space: no token
};

// Scans the token at `begin` whose first code point is not a blank or a
// common Arabic letter.
[[gnu::noinline]] Scanned ScanToken(std::string_view text, size_t begin) {
  size_t pos = begin;
  const char32_t c = DecodeUtf8(text, &pos);
  if (IsSpace(c)) return Scanned{pos, TokenKind::kOther, true};
  const TokenKind kind = Classify(c);
  if (kind != TokenKind::kPunct) pos = ExtendToken(text, pos, kind);
  return Scanned{pos, kind, false};
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  return tokens;
}

namespace {

// Tokenize, up to `max_tokens` tokens if kLimited: the loop over whole texts
// tests no count.
template <bool kLimited>
[[gnu::always_inline]] inline void TokenizeInto(std::string_view text, size_t max_tokens, std::vector<Token>* out) {
  std::vector<Token>& tokens = *out;
  tokens.clear();
  tokens.reserve(kLimited ? std::min(text.size() / 5, max_tokens) : text.size() / 5);
  size_t pos = 0;
  while (pos < text.size()) {
    if (kLimited && tokens.size() == max_tokens) break;
    // Most bytes here are a blank or start a common Arabic letter.
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b == ' ' || b == '\n') {
      ++pos;
      continue;
    }
    const size_t begin = pos;
    size_t end;
    TokenKind kind = TokenKind::kArabic;
    if (IsCommonLetterAt(text, pos)) {
      end = SkipCommonLetters(text, pos + kLetter);
      // Usually a blank follows, which the next token need not look at again.
      pos = end + 1;
      if (end < text.size() && text[end] != ' ' && text[end] != '\n') {
        // Else an ASCII byte (punctuation, a digit) ends the word, or a code
        // point that ExtendToken classifies.
        pos = end = static_cast<unsigned char>(text[end]) < 0x80 ? end : ExtendToken(text, end, kind);
      }
    } else {
      const Scanned scanned = ScanToken(text, begin);
      pos = end = scanned.end;
      if (scanned.is_space) continue;
      kind = scanned.kind;
    }
    Token& token = tokens.emplace_back();
    token.begin = static_cast<uint32_t>(begin);
    token.end = static_cast<uint32_t>(end);
    token.kind = kind;
    // A word of fewer than three letters has no stems.
    if (kind == TokenKind::kArabic && end - begin >= 3 * kLetter && MayHaveStems(text, begin))
      token.num_stems = static_cast<uint8_t>(StemsOf(text.substr(begin, end - begin), token.stems));
  }
}

}  // namespace

void Tokenize(std::string_view text, std::vector<Token>* tokens) {
  TokenizeInto<false>(text, 0, tokens);
}

void Tokenize(std::string_view text, size_t max_tokens, std::vector<Token>* tokens) {
  TokenizeInto<true>(text, max_tokens, tokens);
}

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kArabic: return "arabic";
    case TokenKind::kLatin: return "latin";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kOther: return "other";
  }
  return "?";
}

}  // namespace khabar
