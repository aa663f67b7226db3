#include "khabar/word_table.h"

#include <cstring>

namespace khabar {
namespace {

uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

uint32_t Load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

// The two halves of the 128-bit product of a and b, folded together.
uint64_t Fold(uint64_t a, uint64_t b) {
  const unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
}

// Whether the n bytes at a and b are equal, compared eight bytes at a time
// like Hash reads them, without a call: a Find that makes no call keeps its
// variables in scratch registers.
bool SameBytes(const char* a, const char* b, size_t n) {
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

}  // namespace

inline uint64_t WordTable::Hash(std::string_view w) {
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

bool WordTable::Equal(uint32_t id, std::string_view w) const {
  const auto& [offset, length] = spans_[id];
  return length == w.size() && SameBytes(arena_.data() + offset, w.data(), length);
}

uint32_t WordTable::Find(std::string_view w) const {
  if (slots_.empty()) return kNotFound;
  const uint64_t h = Hash(w);
  const uint64_t tag = h >> 32;
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const uint64_t slot = slots_[i];
    if (slot == 0) return kNotFound;
    if ((slot >> 32) == tag && Equal(static_cast<uint32_t>(slot) - 1, w)) return static_cast<uint32_t>(slot) - 1;
  }
}

void WordTable::Place(uint64_t hash, uint32_t id, std::vector<uint64_t>* slots) {
  const size_t mask = slots->size() - 1;
  size_t i = hash & mask;
  while ((*slots)[i] != 0) i = (i + 1) & mask;
  (*slots)[i] = ((hash >> 32) << 32) | (static_cast<uint64_t>(id) + 1);
}

void WordTable::Grow() {
  std::vector<uint64_t> slots(slots_.empty() ? 1024 : slots_.size() * 2, 0);
  for (uint32_t id = 0; id < hashes_.size(); ++id) Place(hashes_[id], id, &slots);
  slots_.swap(slots);
}

uint32_t WordTable::Insert(std::string_view w) {
  if (uint32_t id = Find(w); id != kNotFound) return id;
  if ((spans_.size() + 1) * 2 > slots_.size()) Grow();
  const uint32_t id = static_cast<uint32_t>(spans_.size());
  const uint64_t h = Hash(w);
  spans_.emplace_back(static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(w.size()));
  arena_.append(w.data(), w.size());
  hashes_.push_back(h);
  Place(h, id, &slots_);
  return id;
}

}  // namespace khabar
