// Normalizer: turns original UTF-8 text into the normalized form that rules and
// gazetteers match against, keeping a map back to the original code points.
//
// Per code point: NFKC (ICU), tatweel and every diacritic removed, alef forms
// (أ إ آ ٱ) -> ا, alef maqsura ى -> ي, Arabic-Indic and Persian digits -> ASCII,
// presentation forms -> base letters, invisible marks (ZWJ, ZWNJ, LRM, RLM, BOM,
// soft hyphen) removed, NBSP and other spaces -> ' '. A removed diacritic or
// tatweel is absorbed into the span of the code point before it, so a span of
// normalized text maps back to an original span that includes trailing
// diacritics; a removed invisible control joins no span (it is inside a span
// only when it stands between two of the span's code points).
//
// Thread safety: immutable after construction; Normalize() is const and may be
// called from any number of threads. Cost: the table is built once from ICU
// (~8 ms for the BMP); Normalize() is a table lookup per code point, or with
// AVX2 a classification per 32 bytes of Arabic letters and ASCII.
#ifndef KHABAR_NORMALIZER_H_
#define KHABAR_NORMALIZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace khabar {

// An allocator whose resize() leaves new elements uninitialized: the
// normalizer sizes its maps to the text and writes every element it keeps,
// so zero-filling them first would only cost time.
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// Normalized text and its offset map back to the original.
struct NormalizedText {
  std::string text;  // normalized UTF-8
  // For each byte of `text` (and one past the end): the original code point
  // index where the source of that byte starts, and the index just after it.
  std::vector<int32_t, UninitializedAllocator<int32_t>> orig_start;
  std::vector<int32_t, UninitializedAllocator<int32_t>> orig_end;
  // Byte offset of each original code point (size = code points + 1).
  std::vector<uint32_t, UninitializedAllocator<uint32_t>> orig_cp_byte;

  // Original code-point span of the normalized byte range [begin, end).
  int32_t OriginalStart(size_t begin) const { return orig_start[begin]; }
  int32_t OriginalEnd(size_t begin, size_t end) const {
    return end > begin ? orig_end[end - 1] : orig_start[begin];
  }
};

class Normalizer {
 public:
  // The process-wide normalizer, built on first use.
  static const Normalizer& Default();

  // `original` must be valid UTF-8 (see RepairUtf8).
  NormalizedText Normalize(std::string_view original) const;
  // The same into `out`, replacing its contents and reusing its capacity:
  // a buffer kept across texts is written where it already sits in cache.
  void Normalize(std::string_view original, NormalizedText* out) const;
  // The normalized form alone (for gazetteer names, class entries, examples).
  std::string NormalizeString(std::string_view original) const;

 private:
  Normalizer();
  // Replacement for code points below kTableSize that are not their own
  // (identity_ is 0); entries are UTF-8, empty means "removed". Code points
  // above are copied unchanged.
  static constexpr uint32_t kTableSize = 0x10000;
  std::vector<std::string> table_;
  std::vector<uint8_t> identity_;   // 1 where the code point maps to itself
  std::vector<uint8_t> invisible_;  // 1 for removed format controls

  // Normalize's fast path: one- and two-byte code points whose replacement
  // is no longer than themselves (most of Arabic and ASCII text), found by
  // ShortKey: the lead byte and the payload bits of the byte after it, enough
  // to tell a two-byte code point (after a one-byte one it is ignored).
  struct ShortMapping {
    uint8_t in_length = 0;  // 0: not such a code point
    uint8_t out_length = 0;
    char bytes[2] = {};     // the replacement
  };
  static constexpr uint32_t kShortMapSize = 0x10000;
  static uint32_t ShortKey(uint32_t b0, uint32_t b1) { return (b0 << 8) | (b1 & 0x3F); }
  void BuildShortMap();
  struct Writer;
  // Writes the code points from w->pos on that have a ShortMapping, up to
  // `limit` (exclusive; in[limit] must be readable). Each is written as two
  // bytes with two offset entries, so output needs room for one byte past
  // the run: a shorter code point's second copy is overwritten by what
  // follows it or cut at the end. Kept out of line so that its few variables
  // stay in registers.
  [[gnu::noinline]] static void WriteShortRun(const unsigned char* in, size_t limit, const ShortMapping* map,
                                              Writer* w);
  // The same with AVX2: where 32 bytes before `limit` are ASCII and Arabic
  // letters, they are classified and written at once (the same room
  // suffices: none of them gets shorter).
  [[gnu::noinline, gnu::target("avx2,bmi,popcnt")]] static void WriteWideRun(const unsigned char* in, size_t limit,
                                                                             const ShortMapping* map, Writer* w);
  struct Run;
  std::vector<ShortMapping> short_map_;  // by ShortKey
  bool wide_runs_ = false;               // the CPU has what WriteWideRun needs
};

// Replaces every invalid UTF-8 sequence with U+FFFD. Returns the number of
// replacements made.
size_t RepairUtf8(std::string* text);

// Decodes one code point at `*pos` of valid UTF-8 and advances `*pos`.
inline char32_t DecodeUtf8(std::string_view s, size_t* pos) {
  const unsigned char c = static_cast<unsigned char>(s[*pos]);
  if (c < 0x80) {
    ++*pos;
    return c;
  }
  const size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  char32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (size_t i = 1; i < n && *pos + i < s.size(); ++i)
    cp = (cp << 6) | (static_cast<unsigned char>(s[*pos + i]) & 0x3F);
  *pos += n;
  return cp;
}
// The marks Normalize removes and absorbs into the letter before them:
// harakat, tatweel, superscript alef, Quranic and honorific signs.
bool IsRemovedMark(char32_t c);
void AppendUtf8(char32_t cp, std::string* out);
// Number of code points in valid UTF-8.
size_t CountCodePoints(std::string_view s);

// The end of the run of spaces and tabs of `s` that starts at `pos` (`pos`
// when there is none).
inline size_t SkipSpacesAndTabs(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  return pos;
}

// `s` with runs of white space (space, tab, CR, LF) made one space and none
// at either end; the Into form reuses `out`.
void CollapseSpacesInto(std::string_view s, std::string* out);
std::string CollapseSpaces(std::string_view s);

}  // namespace khabar

#endif  // KHABAR_NORMALIZER_H_
