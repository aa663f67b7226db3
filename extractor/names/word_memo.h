// Internal: answers about words kept per thread for the name builders. The
// same words come back in every article, and an answer costs several class
// and gazetteer lookups; a kept answer costs one probe of a hash table whose
// code is inlined into the caller (most words are asked about many times per
// article, so this lookup is on the hot path).
//
// Thread safety: one WordMemo per thread (declare it thread_local). Memory:
// up to kMaxCachedWords words, then it starts over.
#ifndef KHABAR_NAMES_WORD_MEMO_H_
#define KHABAR_NAMES_WORD_MEMO_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/gazetteer.h"
#include "khabar/rule_set.h"
#include "khabar/word_table.h"

namespace khabar {
namespace names {

// Answers of type V per word, computed once per data set. Starts over when
// the data changes or kMaxCachedWords words are kept.
template <typename V>
class WordMemo {
 public:
  static constexpr size_t kMaxCachedWords = 1 << 18;

  template <typename Compute>
  V Get(const Gazetteer* gazetteer, const RuleSet* rules, std::string_view word, Compute compute) {
    const size_t data_size = (gazetteer ? gazetteer->size() : 0) * 131 + (rules ? rules->rules().size() : 0);
    if (gazetteer != gazetteer_ || rules != rules_ || data_size != data_size_ || values_.size() >= kMaxCachedWords) {
      gazetteer_ = gazetteer;
      rules_ = rules;
      data_size_ = data_size;
      Clear();
    }
    const uint64_t hash = WordTable::Hash(word);
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.id == kEmpty) break;
      if (slot.hash == hash && slot.size == word.size() && WordTable::SameBytes(arena_.data() + slot.offset, word.data(), word.size()))
        return values_[slot.id];
    }
    const V value = compute(word);
    Add(hash, word, value);
    return value;
  }


 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0;  // of the word in arena_
    uint32_t size = 0;
    uint32_t id = kEmpty;  // into values_
  };



  void Clear() {
    slots_.assign(1024, Slot());
    arena_.clear();
    values_.clear();
  }

  // Keeps a word known to be absent (load factor at most one half).
  void Add(uint64_t hash, std::string_view word, const V& value) {
    if ((values_.size() + 1) * 2 > slots_.size()) Grow();
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i].id != kEmpty) i = (i + 1) & mask;
    slots_[i] = Slot{hash, static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(word.size()),
                     static_cast<uint32_t>(values_.size())};
    arena_.append(word.data(), word.size());
    values_.push_back(value);
  }

  void Grow() {
    std::vector<Slot> slots(slots_.size() * 2);
    const size_t mask = slots.size() - 1;
    for (const Slot& slot : slots_) {
      if (slot.id == kEmpty) continue;
      size_t i = slot.hash & mask;
      while (slots[i].id != kEmpty) i = (i + 1) & mask;
      slots[i] = slot;
    }
    slots_.swap(slots);
  }

  const Gazetteer* gazetteer_ = nullptr;
  const RuleSet* rules_ = nullptr;
  size_t data_size_ = 0;
  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  std::string arena_;    // the words, end to end
  std::vector<V> values_;  // by id
};

}  // namespace names
}  // namespace khabar

#endif  // KHABAR_NAMES_WORD_MEMO_H_
