// WordTable: a hash set of words with dense ids, looked up by string_view
// without copying or allocating, optionally with a few bytes of payload kept
// with each word. Callers fold keys themselves (see Gazetteer::Key and
// Gazetteer::FoldKeys).
//
// Thread safety: Find() is const and safe from many threads once building is
// done. Cost: open addressing at load factor <= 0.5; one hash pass and
// usually one comparison per lookup, whose record (the word, its id and
// payload) lies in one cache line when it is no longer than one. A bit
// filter of one byte per two slots (1/16 of the slots' memory) answers most
// lookups of absent words without touching the slots.
#ifndef KHABAR_WORD_TABLE_H_
#define KHABAR_WORD_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace khabar {

class WordTable {
 public:
  static constexpr uint32_t kNotFound = UINT32_MAX;

  WordTable() = default;
  // A table that keeps `payload_size` bytes with each word (see Payload),
  // in the record that a lookup reads anyway.
  explicit WordTable(size_t payload_size) : payload_size_(payload_size) {}

  // The id of `word`, adding it if new. Ids are 0, 1, 2... in insertion order.
  // A new word's payload is zero bytes.
  uint32_t Insert(std::string_view word);
  // The id of `word`, or kNotFound. Inline: it is called once per form of
  // every token, and most words are absent and ruled out by the filter.
  uint32_t Find(std::string_view word) const {
    const uint32_t record = FindRecord(word);
    return record == kNotFound ? kNotFound : Load32(arena_.data() + record);
  }
  // Whether `word` is in the table; if so, its payload (a trivially
  // copyable type of at most payload_size bytes) in *payload. A found
  // word's payload is in the cache line just read for the comparison, where
  // a table of payloads by id would cost another miss.
  template <typename T>
  bool FindPayload(std::string_view word, T* payload) const {
    const uint32_t record = FindRecord(word);
    if (record == kNotFound) return false;
    std::memcpy(payload, arena_.data() + record + kRecordHeader, sizeof(T));
    return true;
  }
  // The payload of an id, read and written as in FindPayload.
  template <typename T>
  T Payload(uint32_t id) const {
    T payload;
    std::memcpy(&payload, arena_.data() + spans_[id].first - payload_size_, sizeof(T));
    return payload;
  }
  template <typename T>
  void SetPayload(uint32_t id, const T& payload) {
    static_assert(std::is_trivially_copyable_v<T>, "payloads are copied as bytes");
    std::memcpy(arena_.data() + spans_[id].first - payload_size_, &payload, sizeof(T));
  }
  // The hash and the comparison of the table, for other tables and filters
  // over the same short words (WordMemo, the person lexicon's key filters,
  // GroupCache).
  static uint64_t Hash(std::string_view w) {
    // A word of up to 16 bytes (most words: Arabic letters take two bytes) is
    // read as two blocks that may overlap, so it takes one 64 x 64 -> 128-bit
    // multiply whose halves are folded together; longer words fold their
    // leading blocks into the seed first. The length is in the seed, so
    // overlaps do not make different lengths collide.
    constexpr uint64_t kSeed = 0xA0761D6478BD642Full;
    constexpr uint64_t kMul = 0xE7037ED1A0B428DBull;
    const char* p = w.data();
    const size_t n = w.size();
    uint64_t seed = kSeed ^ n;
    uint64_t a = 0, b = 0;
    if (n > 16) {
      for (size_t i = 0; i + 16 < n; i += 8) seed = Fold(seed ^ Load64(p + i), kMul);
      a = Load64(p + n - 16);
      b = Load64(p + n - 8);
    } else if (n >= 8) {
      a = Load64(p);
      b = Load64(p + n - 8);
    } else if (n >= 4) {
      a = Load32(p);
      b = Load32(p + n - 4);
    } else if (n > 0) {
      const auto byte = [&](size_t i) { return static_cast<uint64_t>(static_cast<unsigned char>(p[i])); };
      a = (byte(0) << 16) | (byte(n / 2) << 8) | byte(n - 1);
    }
    return Fold(a ^ seed, b ^ kMul);
  }
  // Whether the n bytes at a and b are equal, compared inline eight bytes at
  // a time like Hash reads them (a call to memcmp costs more than most words).
  static bool SameBytes(const char* a, const char* b, size_t n) {
    if (n >= 8) {
      for (size_t i = 0; i + 8 < n; i += 8)
        if (Load64(a + i) != Load64(b + i)) return false;
      return Load64(a + n - 8) == Load64(b + n - 8);
    }
    if (n >= 4) return ((Load32(a) ^ Load32(b)) | (Load32(a + n - 4) ^ Load32(b + n - 4))) == 0;
    for (size_t i = 0; i < n; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

  size_t size() const { return spans_.size(); }
  // The word of an id.
  std::string_view Word(uint32_t id) const {
    return std::string_view(arena_.data() + spans_[id].first, spans_[id].second);
  }

 private:
  static constexpr size_t kCacheLine = 64;
  // Allocates on cache-line boundaries, so that offsets in arena_ tell which
  // records would cross a line.
  template <typename T>
  struct LineAlignedAllocator {
    using value_type = T;
    LineAlignedAllocator() = default;
    template <typename U>
    LineAlignedAllocator(const LineAlignedAllocator<U>&) noexcept {}
    T* allocate(size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), std::align_val_t{kCacheLine})); }
    void deallocate(T* p, size_t n) noexcept { ::operator delete(p, n * sizeof(T), std::align_val_t{kCacheLine}); }
    template <typename U>
    bool operator==(const LineAlignedAllocator<U>&) const noexcept { return true; }
    template <typename U>
    bool operator!=(const LineAlignedAllocator<U>&) const noexcept { return false; }
  };

  static uint64_t Load64(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, sizeof(v));
    return v;
  }
  static uint32_t Load32(const char* p) {
    uint32_t v;
    std::memcpy(&v, p, sizeof(v));
    return v;
  }
  // The two halves of the 128-bit product of a and b, folded together.
  static uint64_t Fold(uint64_t a, uint64_t b) {
    const unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
    return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
  }
  // The filter word of a hash (its top bits) and two bits in that word (from
  // bits 20..31, above the slot index of tables up to 2^20 slots, so that the
  // filter also rules out words whose slots are taken by others).
  size_t FilterWord(uint64_t hash) const { return hash >> filter_shift_; }
  static uint64_t FilterBits(uint64_t hash) {
    return (uint64_t{1} << ((hash >> 20) & 63)) | (uint64_t{1} << ((hash >> 26) & 63));
  }
  // False: no word of the table has this hash. True: maybe one has.
  bool MayHold(uint64_t hash) const {
    const uint64_t bits = FilterBits(hash);
    return (filter_[FilterWord(hash)] & bits) == bits;
  }
  // The offset in arena_ of the record of `word`, or kNotFound.
  uint32_t FindRecord(std::string_view word) const {
    const uint64_t h = Hash(word);
    if (!MayHold(h)) return kNotFound;  // always so while the table is empty
    const uint64_t tag = h >> 32;
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const uint64_t slot = slots_[i];
      if (slot == 0) return kNotFound;
      if ((slot >> 32) == tag) {
        const uint32_t record = static_cast<uint32_t>(slot) - 1;
        if (IsRecordOf(record, word)) return record;
      }
    }
  }
  // Whether the record at arena_[record] is that of `word`. Inline: most
  // probes that reach it are of words found, and a call would make the
  // caller's loop over forms keep its variables in memory.
  bool IsRecordOf(uint32_t record, std::string_view word) const {
    const char* p = arena_.data() + record;
    uint32_t length;
    std::memcpy(&length, p + sizeof(uint32_t), sizeof(length));
    return length == word.size() && SameBytes(p + kRecordHeader + payload_size_, word.data(), length);
  }
  void Grow();
  static void Place(uint64_t hash, uint32_t record, std::vector<uint64_t>* slots);
  void AddToFilter(uint64_t hash) { filter_[FilterWord(hash)] |= FilterBits(hash); }

  // High 32 bits of the hash, then the offset of the word's record in
  // arena_ + 1 (0 = empty): most probes that miss are ruled out without
  // touching the words.
  std::vector<uint64_t> slots_;
  // Two bits per word of the table (see FilterBits), one filter word per 16
  // slots; two empty words before the first Grow, so that Find needs no
  // other test.
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(2, 0);
  int filter_shift_ = 63;  // 64 - log2(filter_.size())
  std::vector<uint64_t> hashes_;  // per id
  std::vector<std::pair<uint32_t, uint32_t>> spans_;  // per id: offset, length in arena_
  // Per word a record: its id and length (four bytes each, native order),
  // its payload (payload_size_ bytes), then its bytes (the folded key). A
  // probe whose tag matches reads only the record for the comparison, the
  // id and the payload: one cache line, as a record of a line or less that
  // would cross one starts on the next one instead (some quarter more bytes
  // for words of ten letters with a 16-byte payload).
  std::vector<char, LineAlignedAllocator<char>> arena_;
  static constexpr size_t kRecordHeader = 2 * sizeof(uint32_t);
  size_t payload_size_ = 0;
};

}  // namespace khabar

#endif  // KHABAR_WORD_TABLE_H_
