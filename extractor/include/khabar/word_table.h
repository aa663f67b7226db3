// WordTable: a hash set of words with dense ids, looked up by string_view
// without copying or allocating. Callers fold keys themselves (see
// Gazetteer::Key and Gazetteer::FoldKeys).
//
// Thread safety: Find() is const and safe from many threads once building is
// done. Cost: open addressing at load factor <= 0.5; one hash pass and
// usually one comparison per lookup.
#ifndef KHABAR_WORD_TABLE_H_
#define KHABAR_WORD_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khabar {

class WordTable {
 public:
  static constexpr uint32_t kNotFound = UINT32_MAX;

  // The id of `word`, adding it if new. Ids are 0, 1, 2... in insertion order.
  uint32_t Insert(std::string_view word);
  // The id of `word`, or kNotFound.
  uint32_t Find(std::string_view word) const;
  size_t size() const { return spans_.size(); }
  // The word of an id.
  std::string_view Word(uint32_t id) const { return std::string_view(arena_).substr(spans_[id].first, spans_[id].second); }

 private:
  static uint64_t Hash(std::string_view word);
  bool Equal(uint32_t id, std::string_view word) const;
  void Grow();
  static void Place(uint64_t hash, uint32_t id, std::vector<uint64_t>* slots);

  // High 32 bits of the hash, then id + 1 (0 = empty): most probes that
  // miss are ruled out without touching the words.
  std::vector<uint64_t> slots_;
  std::vector<uint64_t> hashes_;  // per id
  std::vector<std::pair<uint32_t, uint32_t>> spans_;  // per id: offset, length in arena_
  std::string arena_;             // folded keys
};

}  // namespace khabar

#endif  // KHABAR_WORD_TABLE_H_
