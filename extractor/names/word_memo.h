// Internal: answers about words kept per thread for the name builders. The
// same words come back in every article, and an answer costs several class
// and gazetteer lookups; a kept answer costs one probe of a hash table whose
// code is inlined into the caller (most words are asked about many times per
// article, so this lookup is on the hot path).
//
// A slot holds the word's tag, its size, the answer and the word itself when
// it fits (most words: Arabic letters take two bytes), so a kept answer is
// mostly found in one cache line: the tables outgrow the caches, and a probe
// that also reached into a separate array of words and one of answers missed
// them up to three times.
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
    if (gazetteer != gazetteer_ || rules != rules_ || data_size != data_size_ || count_ >= kMaxCachedWords)
      Reset(gazetteer, rules, data_size);
    const uint64_t hash = WordTable::Hash(word);
    const uint32_t tag = Tag(hash);
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.size == kEmpty) break;
      if (slot.tag == tag && slot.size == word.size() && WordTable::SameBytes(Bytes(slot), word.data(), word.size()))
        return slot.value;
    }
    return ComputeAndAdd(hash, word, compute);
  }

 private:
  // The rare paths are kept out of Get, which is inlined into its callers:
  // their code there would cost every lookup a larger frame.
  [[gnu::noinline]] void Reset(const Gazetteer* gazetteer, const RuleSet* rules, size_t data_size) {
    gazetteer_ = gazetteer;
    rules_ = rules;
    data_size_ = data_size;
    Clear();
  }
  template <typename Compute>
  [[gnu::noinline]] V ComputeAndAdd(uint64_t hash, std::string_view word, Compute compute) {
    const V value = compute(word);
    Add(hash, word, value);
    return value;
  }

  static constexpr uint32_t kEmpty = UINT32_MAX;
  // Words up to this many bytes are kept in their slot, longer ones in
  // arena_; a slot of a one- to four-byte answer then takes 32 bytes, two to
  // a cache line.
  static constexpr size_t kInlineBytes = 20;
  struct alignas(32) Slot {
    uint32_t tag = 0;       // Tag(hash of the word)
    uint32_t size = kEmpty;  // of the word; kEmpty in a free slot
    V value{};
    union {
      char bytes[kInlineBytes];  // the word, when size <= kInlineBytes
      uint32_t offset;           // of the word in arena_, when longer
    };
  };

  // The bits of the hash that the slot's place does not already tell (the
  // table has fewer than 2^32 slots).
  static uint32_t Tag(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }

  const char* Bytes(const Slot& slot) const {
    return slot.size <= kInlineBytes ? slot.bytes : arena_.data() + slot.offset;
  }

  void Clear() {
    slots_.assign(1024, Slot());
    arena_.clear();
    count_ = 0;
  }

  // Keeps a word known to be absent (load factor at most one half).
  void Add(uint64_t hash, std::string_view word, const V& value) {
    if ((count_ + 1) * 2 > slots_.size()) Grow();
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i].size != kEmpty) i = (i + 1) & mask;
    Slot& slot = slots_[i];
    slot.tag = Tag(hash);
    slot.size = static_cast<uint32_t>(word.size());
    slot.value = value;
    if (word.size() <= kInlineBytes) {
      word.copy(slot.bytes, word.size());
    } else {
      slot.offset = static_cast<uint32_t>(arena_.size());
      arena_.append(word.data(), word.size());
    }
    ++count_;
  }

  // Doubles the table; the slots keep no full hash, so their words are
  // hashed again (a few times per thread).
  void Grow() {
    std::vector<Slot> slots(slots_.size() * 2);
    const size_t mask = slots.size() - 1;
    for (Slot& slot : slots_) {
      if (slot.size == kEmpty) continue;
      size_t i = WordTable::Hash(std::string_view(Bytes(slot), slot.size)) & mask;
      while (slots[i].size != kEmpty) i = (i + 1) & mask;
      slots[i] = std::move(slot);
    }
    slots_.swap(slots);
  }

  const Gazetteer* gazetteer_ = nullptr;
  const RuleSet* rules_ = nullptr;
  size_t data_size_ = 0;
  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  std::string arena_;  // the words longer than kInlineBytes, end to end
  size_t count_ = 0;   // words kept
};

}  // namespace names
}  // namespace khabar

#endif  // KHABAR_NAMES_WORD_MEMO_H_
