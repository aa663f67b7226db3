#include "khabar/word_table.h"

namespace khabar {

void WordTable::Place(uint64_t hash, uint32_t record, std::vector<uint64_t>* slots) {
  const size_t mask = slots->size() - 1;
  size_t i = hash & mask;
  while ((*slots)[i] != 0) i = (i + 1) & mask;
  (*slots)[i] = ((hash >> 32) << 32) | (static_cast<uint64_t>(record) + 1);
}

void WordTable::Grow() {
  std::vector<uint64_t> slots(slots_.empty() ? 1024 : slots_.size() * 2, 0);
  for (uint32_t id = 0; id < hashes_.size(); ++id) Place(hashes_[id], spans_[id].first - payload_size_ - kRecordHeader, &slots);
  slots_.swap(slots);
  filter_.assign(slots_.size() / 16, 0);
  filter_shift_ = 64 - __builtin_ctzll(filter_.size());
  for (uint64_t h : hashes_) AddToFilter(h);
}

uint32_t WordTable::Insert(std::string_view w) {
  if (uint32_t id = Find(w); id != kNotFound) return id;
  if ((spans_.size() + 1) * 2 > slots_.size()) Grow();
  const uint32_t id = static_cast<uint32_t>(spans_.size());
  const uint64_t h = Hash(w);
  const size_t record_size = kRecordHeader + payload_size_ + w.size();
  // A record longer than a line starts where it is: moving it to the next
  // line would only add padding.
  const size_t line_offset = arena_.size() % kCacheLine;
  if (line_offset != 0 && line_offset + record_size > kCacheLine)
    arena_.resize(arena_.size() + kCacheLine - line_offset);
  const uint32_t record = static_cast<uint32_t>(arena_.size());
  const uint32_t length = static_cast<uint32_t>(w.size());
  const char* const id_bytes = reinterpret_cast<const char*>(&id);
  const char* const length_bytes = reinterpret_cast<const char*>(&length);
  arena_.insert(arena_.end(), id_bytes, id_bytes + sizeof(id));
  arena_.insert(arena_.end(), length_bytes, length_bytes + sizeof(length));
  arena_.resize(arena_.size() + payload_size_, '\0');
  arena_.insert(arena_.end(), w.data(), w.data() + w.size());
  spans_.emplace_back(record + kRecordHeader + payload_size_, length);
  hashes_.push_back(h);
  Place(h, record, &slots_);
  AddToFilter(h);
  return id;
}

}  // namespace khabar
