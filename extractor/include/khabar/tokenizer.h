// Tokenizer: splits normalized text into Arabic words, Latin words, numbers and
// punctuation. Letters and digits glued together are split (سوس21 -> سوس | 21,
// 2020آخر -> 2020 | آخر). Each Arabic token also offers its stems: the forms
// with proclitics (و ف ب ل ك ال لل) removed, used by gazetteers and triggers.
//
// Thread safety: stateless functions. Cost: one pass over the text, no
// allocation beyond the token vector.
#ifndef KHABAR_TOKENIZER_H_
#define KHABAR_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khabar {

enum class TokenKind : uint8_t { kArabic, kLatin, kNumber, kPunct, kOther };

// A form of a token with proclitics removed. The form (the lookup key) is the
// token from byte `key_skip` on, prefixed with the article ال when
// `add_article` (لل → ال); an entity found through it starts `skip` bytes into
// the token. Usually skip == key_skip; they differ when the article is dropped
// from the key (المجلس -> key مجلس, span still from ال) and for لل, where the
// second ل stays inside the span as the article (للمجلس -> span لمجلس).
//
// One byte per field, so that a Token takes 24 bytes: a stem drops at most a
// conjunction, a preposition and the article, eight bytes.
struct Stem {
  uint8_t skip = 0;
  uint8_t key_skip = 0;
  bool add_article = false;
  // The article is part of the span but not of the key.
  bool DropsArticle() const { return key_skip != skip && !add_article; }
};

// Stems a token has at most, and its forms: [0] the token itself, [1 + s]
// its stem s.
constexpr int kMaxStems = 4;
constexpr int kMaxForms = 1 + kMaxStems;

struct Token {
  uint32_t begin = 0;  // byte offsets into the normalized text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kOther;
  uint8_t num_stems = 0;
  Stem stems[kMaxStems];

  std::string_view View(std::string_view text) const { return std::string_view(text.data() + begin, end - begin); }
  // ال followed by `rest`, in `scratch`.
  static std::string_view WithArticle(std::string_view rest, std::string* scratch);
  // The stem's text; uses `scratch` when the article must be restored.
  std::string_view StemText(std::string_view text, const Stem& stem, std::string* scratch) const {
    const std::string_view rest(text.data() + begin + stem.key_skip, end - begin - stem.key_skip);
    return stem.add_article ? WithArticle(rest, scratch) : rest;
  }
  // The text of form `form` (0: the token, 1 + s: stem s), as StemText.
  std::string_view FormText(std::string_view text, int form, std::string* scratch) const {
    return form == 0 ? View(text) : StemText(text, stems[form - 1], scratch);
  }
};
static_assert(sizeof(Token) == 24, "tokens are read in passes over whole texts");

// Tokenizes normalized text.
std::vector<Token> Tokenize(std::string_view normalized);
// The same into `tokens`, replacing its contents and reusing its capacity.
void Tokenize(std::string_view normalized, std::vector<Token>* tokens);
// The first `max_tokens` tokens only (all if there are fewer): what a match
// that reads no further needs of a long text.
void Tokenize(std::string_view normalized, size_t max_tokens, std::vector<Token>* tokens);

// The end of the run of common Arabic letters (U+0621..U+064A, two bytes
// each) of `text` that starts at byte `pos`: most of the bytes of Arabic
// words, none of them a blank or punctuation. Several letters are tested at
// once.
size_t SkipCommonArabicLetters(std::string_view text, size_t pos);

// Proclitic stems of one Arabic word (normalized), least stripped first; the
// word itself is not included. Keys shorter than two letters are not offered.
int ComputeStems(std::string_view word, Stem out[kMaxStems]);

// Short name of a token kind, for explain output.
const char* TokenKindName(TokenKind kind);

}  // namespace khabar

#endif  // KHABAR_TOKENIZER_H_
