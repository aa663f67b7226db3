#include "khabar/word_table.h"

#include <cstring>

namespace khabar {
uint64_t WordTable::Hash(std::string_view w) {
  // Eight bytes at a time (words are short; Arabic letters take two bytes);
  // the last block overlaps the one before it rather than being read byte by
  // byte (the length is in the hash, so overlaps do not collide).
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const char* p = w.data();
  const size_t n = w.size();
  uint64_t h = 0x243F6A8885A308D3ull ^ (n * kMul);
  auto mix = [&](uint64_t v) {
    h = (h ^ v) * kMul;
    h ^= h >> 32;
  };
  if (n >= 8) {
    uint64_t v;
    for (size_t i = 0; i + 8 < n; i += 8) {
      std::memcpy(&v, p + i, 8);
      mix(v);
    }
    std::memcpy(&v, p + n - 8, 8);
    mix(v);
  } else if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    mix(lo | (static_cast<uint64_t>(hi) << 32));
  } else if (n > 0) {
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    mix(v);
  }
  return h ^ (h >> 29);
}

bool WordTable::Equal(uint32_t id, std::string_view w) const {
  const auto& [offset, length] = spans_[id];
  if (length != w.size()) return false;
  return w.compare(0, length, arena_.data() + offset, length) == 0;
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
