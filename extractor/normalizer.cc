#include "khabar/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
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

Normalizer::Normalizer()
    : table_(kTableSize), identity_(kTableSize, 0), invisible_(kTableSize, 0), short_map_(kShortMapSize) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString decomposition;
  for (char32_t c = 0; c < kTableSize; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
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
    // A code point without a decomposition mapping is its own NFKC form
    // (composition needs two code points), and so is one that is inert
    // (never changed by NFKC); asking these is much cheaper than asking
    // whether the code point is normalized (inertness, a trie lookup, is
    // asked first), and most code points are such, so they need no strings.
    if (U_FAILURE(status) || nfkc->isInert(static_cast<UChar32>(c)) ||
        !nfkc->getDecomposition(static_cast<UChar32>(c), decomposition)) {
      const char32_t folded = Fold(c);
      if (folded == c) {
        identity_[c] = 1;
      } else {
        AppendUtf8(folded, &table_[c]);
      }
      continue;
    }
    const icu::UnicodeString composed = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
    std::string out;
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
    if (out == self) {
      identity_[c] = 1;
    } else {
      table_[c] = std::move(out);
    }
  }
  BuildShortMap();
}

void Normalizer::BuildShortMap() {
  for (uint32_t b0 = 0; b0 < 0x100; ++b0) {
    for (uint32_t b1 = 0x80; b1 < 0xC0; ++b1) {  // every ShortKey
      char32_t c = b0;
      std::string self(1, static_cast<char>(b0));
      if (b0 >= 0xC2 && b0 <= 0xDF) {
        c = ((b0 & 0x1F) << 6) | (b1 & 0x3F);
        self.push_back(static_cast<char>(b1));
      } else if (b0 >= 0x80) {
        continue;
      }
      if (invisible_[c]) continue;
      const std::string& piece = identity_[c] ? self : table_[c];
      if (piece.empty() || piece.size() > self.size()) continue;
      ShortMapping& m = short_map_[ShortKey(b0, b1)];
      m.in_length = static_cast<uint8_t>(self.size());
      m.out_length = static_cast<uint8_t>(piece.size());
      std::memcpy(m.bytes, piece.data(), piece.size());
    }
  }
}

// Where Normalize writes and how far it has come: text and offset maps by
// output byte, code point offsets by original code point.
struct Normalizer::Writer {
  char* text;
  int32_t* starts;
  int32_t* ends;
  uint32_t* cp_byte;
  size_t pos = 0;             // bytes read
  size_t o = 0;               // bytes written
  int32_t index = 0;          // current original code point
  size_t last_out_begin = 0;  // output bytes of the last emitting code point
};

void Normalizer::WriteShortRun(const unsigned char* in, size_t limit, const ShortMapping* map,
                               Writer* w) {
  // Locals, not `w`'s fields: byte stores could alias those.
  char* const text = w->text;
  int32_t* const starts = w->starts;
  int32_t* const ends = w->ends;
  uint32_t* const cp_byte = w->cp_byte;
  size_t pos = w->pos;
  size_t o = w->o;
  // The code point index twice, for both offsets of a two-byte code point.
  constexpr uint64_t kBoth = 0x100000001ull;
  uint64_t start_pair = static_cast<uint32_t>(w->index) * kBoth;
  while (pos < limit) {
    const ShortMapping& m = map[ShortKey(in[pos], in[pos + 1])];
    if (m.in_length == 0) break;
    std::memcpy(text + o, m.bytes, 2);
    const uint64_t end_pair = start_pair + kBoth;
    std::memcpy(starts + o, &start_pair, sizeof(start_pair));
    std::memcpy(ends + o, &end_pair, sizeof(end_pair));
    cp_byte[static_cast<uint32_t>(start_pair)] = static_cast<uint32_t>(pos);
    start_pair = end_pair;
    pos += m.in_length;
    o += m.out_length;
  }
  const int32_t index = static_cast<int32_t>(start_pair);
  if (index > w->index) {
    const uint32_t last = cp_byte[index - 1];
    w->last_out_begin = o - map[ShortKey(in[last], in[last + 1])].out_length;
  }
  w->pos = pos;
  w->o = o;
  w->index = index;
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
  Writer w{result.text.data(), result.orig_start.data(), result.orig_end.data(), result.orig_cp_byte.data()};
  const unsigned char* in = reinterpret_cast<const unsigned char*>(original.data());
  const uint8_t* identity = identity_.data();
  while (w.pos < n) {
    // Runs of one- and two-byte code points that stay as they are or become
    // no longer (ASCII, Arabic letters, alef forms, digits) are written from
    // short_map_, while a second byte and its two map entries fit (within a
    // run `o - pos` does not grow).
    const size_t room = capacity - w.o;
    if (room >= 2) WriteShortRun(in, std::min(n - 1, w.pos + room - 1), short_map_.data(), &w);
    if (w.pos >= n) break;
    const size_t begin = w.pos;
    w.cp_byte[w.index] = static_cast<uint32_t>(begin);
    const unsigned char lead = in[begin];
    char32_t c = lead;
    size_t len = 1;
    if (lead >= 0x80) {
      len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
      if (len == 2 && begin + 1 < n) {
        c = (static_cast<char32_t>(lead & 0x1F) << 6) | (in[begin + 1] & 0x3F);
      } else {
        if (begin + len > n) len = n - begin;
        c = DecodeUtf8(original, &w.pos);
      }
    }
    w.pos = begin + len;
    std::string_view piece;
    if (c < kTableSize && !identity[c]) {
      const std::string& replacement = table_[c];
      if (replacement.empty()) {
        // Removed: a mark is absorbed by the code point before it; an
        // invisible control belongs to no span.
        if (!invisible_[c])
          for (size_t b = w.last_out_begin; b < w.o; ++b) w.ends[b] = w.index + 1;
        ++w.index;
        continue;
      }
      piece = replacement;
    } else {
      piece = original.substr(begin, len);
    }
    if (w.o + piece.size() + 1 > capacity) {
      capacity = 2 * capacity + piece.size();
      result.text.resize(capacity);
      result.orig_start.resize(capacity + 1);
      result.orig_end.resize(capacity + 1);
      w.text = result.text.data();
      w.starts = result.orig_start.data();
      w.ends = result.orig_end.data();
    }
    w.last_out_begin = w.o;
    for (char ch : piece) {
      w.text[w.o] = ch;
      w.starts[w.o] = w.index;
      w.ends[w.o] = w.index + 1;
      ++w.o;
    }
    ++w.index;
  }
  w.cp_byte[w.index] = static_cast<uint32_t>(n);
  result.orig_cp_byte.resize(static_cast<size_t>(w.index) + 1);
  w.starts[w.o] = w.index;
  w.ends[w.o] = w.index;
  result.text.resize(w.o);
  result.orig_start.resize(w.o + 1);
  result.orig_end.resize(w.o + 1);
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
