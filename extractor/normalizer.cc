#include "khabar/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <mutex>

namespace khabar {
namespace {

// Invisible format controls: removed without becoming part of any span.
bool IsInvisibleControl(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F || c == 0x061C ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x00AD ||
         c == 0x2060;
}

bool IsSpaceLike(char32_t c) {
  return c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Folds applied after NFKC, one code point at a time.
char32_t Fold(char32_t c) {
  switch (c) {
    case 0x0623: case 0x0625: case 0x0622: case 0x0671: case 0x0672: case 0x0673:
      return 0x0627;                    // alef forms -> ا
    case 0x0649: return 0x064A;         // ى -> ي
    case 0x06CC: return 0x064A;         // Persian yeh
    case 0x06A9: return 0x0643;         // keheh -> kaf
    case 0x06C0: return 0x0647;
    default: break;
  }
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
  return c;
}

}  // namespace

bool IsRemovedMark(char32_t c) {
  return c == 0x0640 ||                    // tatweel
         (c >= 0x064B && c <= 0x065F) ||   // harakat
         c == 0x0670 ||                    // superscript alef
         (c >= 0x0610 && c <= 0x061A) ||   // honorific signs
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) ||
         (c >= 0x06E7 && c <= 0x06E8) || (c >= 0x06EA && c <= 0x06ED) ||
         (c >= 0x08D3 && c <= 0x08FF);     // extended Arabic marks
}

const Normalizer& Normalizer::Default() {
  static const Normalizer* instance = new Normalizer();
  return *instance;
}

Normalizer::Normalizer() : table_(kTableSize), identity_(kTableSize, 0), invisible_(kTableSize, 0) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  for (char32_t c = 0; c < kTableSize; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string out;
    if (IsInvisibleControl(c)) {
      invisible_[c] = 1;
      continue;
    }
    if (IsRemovedMark(c)) {
      table_[c] = "";
      continue;
    }
    if (IsSpaceLike(c)) {
      table_[c] = " ";
      continue;
    }
    icu::UnicodeString source(static_cast<UChar32>(c));
    icu::UnicodeString composed = source;
    if (U_SUCCESS(status) && !nfkc->isNormalized(source, status)) {
      composed = nfkc->normalize(source, status);
    }
    bool only_spaces = true, had_mark = false;
    for (int32_t i = 0; i < composed.length();) {
      UChar32 cp = composed.char32At(i);
      i += U16_LENGTH(cp);
      if (IsRemovedMark(cp)) {
        had_mark = true;
        continue;
      }
      if (cp != ' ') only_spaces = false;
      AppendUtf8(Fold(cp), &out);
    }
    // Isolated presentation forms of marks (U+FE70...) decompose to a space
    // and a mark: drop them whole.
    if (had_mark && only_spaces) out.clear();
    std::string self;
    AppendUtf8(c, &self);
    identity_[c] = out == self;
    table_[c] = std::move(out);
  }
}

NormalizedText Normalizer::Normalize(std::string_view original) const {
  NormalizedText result;
  const size_t n = original.size();
  // Output bytes per input byte stay below kSlack except for rare
  // ligatures; the buffers grow when a replacement would not fit.
  constexpr size_t kSlack = 64;
  size_t capacity = n + kSlack;
  result.text.resize(capacity);
  result.orig_start.resize(capacity + 1);
  result.orig_end.resize(capacity + 1);
  result.orig_cp_byte.resize(n + 1);
  char* out = result.text.data();
  int32_t* starts = result.orig_start.data();
  int32_t* ends = result.orig_end.data();
  uint32_t* cp_byte = result.orig_cp_byte.data();
  size_t o = 0;               // bytes written
  int32_t index = 0;          // current original code point
  size_t last_out_begin = 0;  // output bytes of the last emitting code point
  size_t pos = 0;
  const unsigned char* in = reinterpret_cast<const unsigned char*>(original.data());
  const uint8_t* identity = identity_.data();
  while (pos < n) {
    // Runs of one- and two-byte code points that stay as they are (ASCII,
    // Arabic letters), copied without the table.
    while (pos < n && o + 2 <= capacity) {
      const unsigned char b0 = in[pos];
      size_t len = 1;
      if (b0 >= 0x80) {
        if (b0 < 0xC2 || b0 > 0xDF || pos + 1 == n) break;
        if (!identity[(static_cast<char32_t>(b0 & 0x1F) << 6) | (in[pos + 1] & 0x3F)]) break;
        len = 2;
      } else if (!identity[b0]) {
        break;
      }
      cp_byte[index] = static_cast<uint32_t>(pos);
      last_out_begin = o;
      for (size_t b = 0; b < len; ++b, ++o) {
        out[o] = static_cast<char>(in[pos + b]);
        starts[o] = index;
        ends[o] = index + 1;
      }
      pos += len;
      ++index;
    }
    if (pos >= n) break;
    const size_t begin = pos;
    cp_byte[index] = static_cast<uint32_t>(begin);
    const unsigned char lead = in[pos];
    char32_t c = lead;
    size_t len = 1;
    if (lead >= 0x80) {
      len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
      if (len == 2 && begin + 1 < n) {
        c = (static_cast<char32_t>(lead & 0x1F) << 6) | (in[begin + 1] & 0x3F);
      } else {
        if (begin + len > n) len = n - begin;
        c = DecodeUtf8(original, &pos);
      }
    }
    pos = begin + len;
    std::string_view piece;
    if (c < kTableSize && !identity[c]) {
      const std::string& replacement = table_[c];
      if (replacement.empty()) {
        // Removed: a mark is absorbed by the code point before it; an
        // invisible control belongs to no span.
        if (!invisible_[c])
          for (size_t b = last_out_begin; b < o; ++b) ends[b] = index + 1;
        ++index;
        continue;
      }
      piece = replacement;
    } else {
      piece = original.substr(begin, len);
    }
    if (o + piece.size() + 1 > capacity) {
      capacity = 2 * capacity + piece.size();
      result.text.resize(capacity);
      result.orig_start.resize(capacity + 1);
      result.orig_end.resize(capacity + 1);
      out = result.text.data();
      starts = result.orig_start.data();
      ends = result.orig_end.data();
    }
    last_out_begin = o;
    for (char ch : piece) {
      out[o] = ch;
      starts[o] = index;
      ends[o] = index + 1;
      ++o;
    }
    ++index;
  }
  cp_byte[index] = static_cast<uint32_t>(n);
  result.orig_cp_byte.resize(static_cast<size_t>(index) + 1);
  starts[o] = index;
  ends[o] = index;
  result.text.resize(o);
  result.orig_start.resize(o + 1);
  result.orig_end.resize(o + 1);
  return result;
}

std::string Normalizer::NormalizeString(std::string_view original) const {
  // Most strings asked here are normalized already: the leading run of one-
  // and two-byte code points that stay as they are is copied in one piece.
  const unsigned char* in = reinterpret_cast<const unsigned char*>(original.data());
  size_t pos = 0;
  while (pos < original.size()) {
    const unsigned char b0 = in[pos];
    if (b0 < 0x80) {
      if (!identity_[b0]) break;
      ++pos;
    } else if (b0 >= 0xC2 && b0 <= 0xDF && pos + 1 < original.size() &&
               identity_[(static_cast<char32_t>(b0 & 0x1F) << 6) | (in[pos + 1] & 0x3F)]) {
      pos += 2;
    } else {
      break;
    }
  }
  std::string out(original.substr(0, pos));
  if (pos == original.size()) return out;
  out.reserve(original.size());
  while (pos < original.size()) {
    const size_t begin = pos;
    const char32_t c = DecodeUtf8(original, &pos);
    if (pos > original.size()) pos = original.size();
    if (c < kTableSize && !identity_[c]) {
      out.append(table_[c]);
    } else {
      out.append(original.substr(begin, pos - begin));
    }
  }
  return out;
}

}  // namespace khabar
