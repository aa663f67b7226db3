#include "khabar/normalizer.h"

#include <immintrin.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
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

// Normalize's wide path (AVX2): 32 bytes of text classified and written at
// once when they are ASCII and the two-byte Arabic code points of
// U+0600..U+064A whose replacement is as long as themselves, which are most of
// Arabic news. Only the second byte of such a code point can change (alef
// forms -> ا, ى -> ي), so the output bytes are the input bytes with some
// replaced, and every output byte maps to the code point it was read from.
// Cost: about 130 instructions for up to 32 bytes (some 17 code points),
// against some 16 per code point one at a time. The accepted sets below must
// agree with table_; the normalizer test that builds the map code point by
// code point covers every code point of U+0600..U+06FF.
constexpr size_t kWideChunk = 32;

struct WideChunk {
  __m256i bytes;       // the output: the input with alef forms and ى replaced
  __m256i lead_flags;  // 1 where a code point starts, 0 on second bytes
  uint32_t leads;      // the same as bits
  uint32_t length;     // bytes accepted, whole code points: 0..32
};

[[gnu::target("avx2,bmi,popcnt")]] inline __m256i Bytes(unsigned b) {
  return _mm256_set1_epi8(static_cast<char>(b));
}

// `x` moved up by one byte across the whole 32 bytes (byte 0 becomes 0).
[[gnu::target("avx2,bmi,popcnt")]] inline __m256i ShiftUpOneByte(__m256i x) {
  return _mm256_alignr_epi8(x, _mm256_permute2x128_si256(x, x, 0x08), 15);
}

// Classifies in[0..31] (in[32] must be readable and in[0] must start a code
// point). Accepts code points up to the first one that is none of the above
// or whose second byte is past in[31].
[[gnu::target("avx2,bmi,popcnt")]] inline WideChunk ClassifyWideChunk(const unsigned char* in) {
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in));
  const __m256i next = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in + 1));
  // Signed comparisons: second bytes 0x80..0xBF are the smallest signed values.
  const __m256i second = _mm256_cmpgt_epi8(Bytes(0xC0), v);
  const __m256i next_second = _mm256_cmpgt_epi8(Bytes(0xC0), next);
  const __m256i d8 = _mm256_cmpeq_epi8(v, Bytes(0xD8));
  const __m256i d9 = _mm256_cmpeq_epi8(v, Bytes(0xD9));
  // U+0600..U+063F but the honorific signs U+0610..U+061A and U+061C (ALM).
  const __m256i d8_removed = _mm256_or_si256(
      _mm256_and_si256(_mm256_cmpgt_epi8(next, Bytes(0x8F)), _mm256_cmpgt_epi8(Bytes(0x9B), next)),
      _mm256_cmpeq_epi8(next, Bytes(0x9C)));
  const __m256i d8_kept = _mm256_andnot_si256(d8_removed, _mm256_and_si256(d8, next_second));
  // U+0641..U+064A: the letters after tatweel, before the harakat.
  const __m256i d9_kept = _mm256_and_si256(
      d9, _mm256_and_si256(_mm256_cmpgt_epi8(next, Bytes(0x80)), _mm256_cmpgt_epi8(Bytes(0x8B), next)));
  const uint32_t ascii = ~static_cast<uint32_t>(_mm256_movemask_epi8(v));
  const uint32_t two_byte = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_or_si256(d8_kept, d9_kept)));
  // Stop at the first byte that is neither an accepted code point's lead
  // nor its second byte, or at an accepted lead in the last byte.
  const uint64_t stop = static_cast<uint64_t>(~(ascii | two_byte | (two_byte << 1))) |
                        (two_byte & 0x80000000u) | (uint64_t{1} << 32);
  // أ إ آ (D8 A3, D8 A5, D8 A2) -> ا (D8 A7); ى (D9 89) -> ي (D9 8A): the
  // second byte grows by the difference found at the lead.
  const __m256i alef = _mm256_and_si256(
      d8, _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_or_si256(next, Bytes(0x01)), Bytes(0xA3)),
                          _mm256_cmpeq_epi8(next, Bytes(0xA5))));
  const __m256i yeh = _mm256_and_si256(d9, _mm256_cmpeq_epi8(next, Bytes(0x89)));
  const __m256i growth = _mm256_or_si256(_mm256_and_si256(alef, _mm256_sub_epi8(Bytes(0xA7), next)),
                                         _mm256_and_si256(yeh, Bytes(0x01)));
  WideChunk chunk;
  chunk.bytes = _mm256_add_epi8(v, ShiftUpOneByte(growth));
  chunk.lead_flags = _mm256_andnot_si256(second, Bytes(0x01));
  chunk.leads = ~static_cast<uint32_t>(_mm256_movemask_epi8(second));
  chunk.length = static_cast<uint32_t>(_tzcnt_u64(stop));
  return chunk;
}

// The positions of the set bits of each byte value, in order (then zeros).
struct BitPositions {
  uint8_t at[8];
};
constexpr std::array<BitPositions, 256> MakeBitPositions() {
  std::array<BitPositions, 256> table{};
  for (int value = 0; value < 256; ++value) {
    int count = 0;
    for (int bit = 0; bit < 8; ++bit)
      if (value & (1 << bit)) table[value].at[count++] = static_cast<uint8_t>(bit);
  }
  return table;
}
constexpr std::array<BitPositions, 256> kBitPositions = MakeBitPositions();

// Writes an accepted chunk read at byte `pos`, whose first code point has
// index `index`: its bytes, the offsets of each byte (byte j belongs to code
// point `index` + the code points starting in bytes 1..j) and the byte of
// each code point. Returns the index after the chunk. Writes all 32 bytes
// and offsets and up to 8 entries past each group of 8 bytes' code points in
// `cp_byte`: what lies past the chunk is written again by what follows.
[[gnu::target("avx2,bmi,popcnt")]] inline uint32_t WriteWideChunk(const WideChunk& chunk, size_t pos,
                                                                   uint32_t index, char* text, int32_t* starts,
                                                                   int32_t* ends, uint32_t* cp_byte) {
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(text), chunk.bytes);
  // Inclusive prefix sums of the lead flags, in each half then across.
  __m256i count = chunk.lead_flags;
  count = _mm256_add_epi8(count, _mm256_slli_si256(count, 1));
  count = _mm256_add_epi8(count, _mm256_slli_si256(count, 2));
  count = _mm256_add_epi8(count, _mm256_slli_si256(count, 4));
  count = _mm256_add_epi8(count, _mm256_slli_si256(count, 8));
  const __m256i half_totals = _mm256_shuffle_epi8(count, Bytes(15));
  count = _mm256_add_epi8(count, _mm256_permute2x128_si256(half_totals, half_totals, 0x08));
  const __m128i low = _mm256_castsi256_si128(count);
  const __m128i high = _mm256_extracti128_si256(count, 1);
  const __m256i eighths[4] = {_mm256_cvtepu8_epi32(low), _mm256_cvtepu8_epi32(_mm_srli_si128(low, 8)),
                              _mm256_cvtepu8_epi32(high), _mm256_cvtepu8_epi32(_mm_srli_si128(high, 8))};
  const __m256i start_base = _mm256_set1_epi32(static_cast<int32_t>(index) - 1);
  const __m256i end_base = _mm256_set1_epi32(static_cast<int32_t>(index));
  for (int e = 0; e < 4; ++e) {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(starts + 8 * e), _mm256_add_epi32(eighths[e], start_base));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(ends + 8 * e), _mm256_add_epi32(eighths[e], end_base));
  }
  const uint64_t leads = chunk.leads & ((uint64_t{1} << chunk.length) - 1);
  for (int e = 0; e < 4; ++e) {
    const uint32_t bits = static_cast<uint32_t>(leads >> (8 * e)) & 0xFF;
    const __m256i at = _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(&kBitPositions[bits])));
    const __m256i base = _mm256_set1_epi32(static_cast<int32_t>(pos) + 8 * e);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(cp_byte + index), _mm256_add_epi32(at, base));
    index += static_cast<uint32_t>(_mm_popcnt_u32(bits));
  }
  return index;
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
  wide_runs_ = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("popcnt");
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

// A short run's variables, kept out of the Writer (byte stores could alias
// its fields) and apart from it until the run ends.
struct Normalizer::Run {
  // The code point index twice, for both offsets of a two-byte code point.
  static constexpr uint64_t kBoth = 0x100000001ull;

  explicit Run(const Writer& w)
      : text(w.text),
        starts(w.starts),
        ends(w.ends),
        cp_byte(w.cp_byte),
        pos(w.pos),
        o(w.o),
        start_pair(static_cast<uint32_t>(w.index) * kBoth) {}

  uint32_t index() const { return static_cast<uint32_t>(start_pair); }

  // Writes the code point at `pos` as two bytes with two offset entries;
  // false if it has no ShortMapping.
  [[gnu::always_inline]] bool WriteOne(const unsigned char* in, const ShortMapping* map) {
    const ShortMapping& m = map[ShortKey(in[pos], in[pos + 1])];
    if (m.in_length == 0) return false;
    std::memcpy(text + o, m.bytes, 2);
    const uint64_t end_pair = start_pair + kBoth;
    std::memcpy(starts + o, &start_pair, sizeof(start_pair));
    std::memcpy(ends + o, &end_pair, sizeof(end_pair));
    cp_byte[index()] = static_cast<uint32_t>(pos);
    start_pair = end_pair;
    pos += m.in_length;
    o += m.out_length;
    return true;
  }

  // Stores where the run ended in `w`.
  [[gnu::always_inline]] void Finish(const unsigned char* in, const ShortMapping* map, Writer* w) const {
    const int32_t end_index = static_cast<int32_t>(index());
    if (end_index > w->index) {
      const uint32_t last = cp_byte[end_index - 1];
      w->last_out_begin = o - map[ShortKey(in[last], in[last + 1])].out_length;
    }
    w->pos = pos;
    w->o = o;
    w->index = end_index;
  }

  char* const text;
  int32_t* const starts;
  int32_t* const ends;
  uint32_t* const cp_byte;
  size_t pos;
  size_t o;
  uint64_t start_pair;
};

void Normalizer::WriteShortRun(const unsigned char* in, size_t limit, const ShortMapping* map,
                               Writer* w) {
  Run run(*w);
  while (run.pos < limit && run.WriteOne(in, map)) {
  }
  run.Finish(in, map, w);
}

void Normalizer::WriteWideRun(const unsigned char* in, size_t limit, const ShortMapping* map, Writer* w) {
  Run run(*w);
  while (run.pos < limit) {
    // Whole chunks only where in[pos + 32] is readable: their output then
    // stays within the room for one byte past the run.
    if (run.pos + kWideChunk <= limit) {
      const WideChunk chunk = ClassifyWideChunk(in + run.pos);
      if (chunk.length > 0) {
        const uint32_t next = WriteWideChunk(chunk, run.pos, run.index(), run.text + run.o, run.starts + run.o,
                                             run.ends + run.o, run.cp_byte);
        run.start_pair = next * Run::kBoth;
        run.pos += chunk.length;
        run.o += chunk.length;
        continue;
      }
    }
    if (!run.WriteOne(in, map)) break;
  }
  run.Finish(in, map, w);
}

NormalizedText Normalizer::Normalize(std::string_view original) const {
  NormalizedText result;
  Normalize(original, &result);
  return result;
}

void Normalizer::Normalize(std::string_view original, NormalizedText* out) const {
  NormalizedText& result = *out;
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
    if (room >= 2) {
      const size_t limit = std::min(n - 1, w.pos + room - 1);
      if (wide_runs_) {
        WriteWideRun(in, limit, short_map_.data(), &w);
      } else {
        WriteShortRun(in, limit, short_map_.data(), &w);
      }
    }
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
