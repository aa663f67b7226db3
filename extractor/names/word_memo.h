// Internal: answers about words kept per thread for the name builders. The
// same words come back in every article, and an answer costs several class
// and gazetteer lookups; a kept answer costs one probe of a hash table whose
// code is inlined into the caller (most words are asked about many times per
// article, so this lookup is on the hot path).
//
// The table is a cache of fixed size: a word's bucket holds four slots, and a
// new word takes a free one or else the last one, whose word has been
// promoted least (a hit moves a word one slot up, so words asked about often
// stay). Over a long run new words keep coming (names, mostly); a table that
// grew to keep them all was far larger than the caches, and each time it
// doubled it rehashed its words into fresh memory the kernel had to clear.
// A word that was pushed out is just computed again.
//
// A slot holds the word's tag and size, the answer and the word itself when
// it fits (most words: Arabic letters take two bytes), so a kept answer is
// found in the word's bucket alone: a probe that also reached into a separate
// array of words and one of answers missed the caches up to three times.
//
// Thread safety: one WordMemo per thread (declare it thread_local). Memory:
// 2^kLogSlots slots (32 bytes each for answers of up to four bytes) and up to
// kMaxArenaBytes of longer words; when the arena is full, it starts over.
#ifndef KHABAR_NAMES_WORD_MEMO_H_
#define KHABAR_NAMES_WORD_MEMO_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "khabar/gazetteer.h"
#include "khabar/rule_set.h"
#include "khabar/word_table.h"

namespace khabar {
namespace names {

// What tells one data set from another at the same addresses (a pipeline
// loaded after another was freed): the rule set's instance number, unique
// per load, and the gazetteer's size.
inline size_t DataKey(const Gazetteer* gazetteer, const RuleSet* rules) {
  return static_cast<size_t>(rules ? rules->instance() : 0) * 1000003 + (gazetteer ? gazetteer->size() : 0);
}

// Answers of type V per word, computed once per data set while the word
// stays in the table. Starts over when the data changes.
template <typename V, int kLogSlots>
class WordMemo {
 public:
  template <typename Compute>
  V Get(const Gazetteer* gazetteer, const RuleSet* rules, std::string_view word, Compute compute) {
    return Get(gazetteer, rules, DataKey(gazetteer, rules), word, compute);
  }
  // The same with DataKey(gazetteer, rules) given, for callers that work out
  // once what many lookups share.
  template <typename Compute>
  V Get(const Gazetteer* gazetteer, const RuleSet* rules, size_t data_key, std::string_view word, Compute compute) {
    if (gazetteer != gazetteer_ || rules != rules_ || data_key != data_key_) Reset(gazetteer, rules, data_key);
    const uint64_t hash = WordTable::Hash(word);
    const uint64_t check = Check(hash, word.size());
    Slot* const bucket = buckets_[hash & (kBuckets - 1)].ways;
    for (size_t way = 0; way < kWays; ++way) {
      Slot& slot = bucket[way];
      if (slot.check == check && WordTable::SameBytes(Bytes(slot), word.data(), word.size())) {
        if (way == 0) return slot.value;
        std::swap(slot, bucket[way - 1]);
        return bucket[way - 1].value;
      }
    }
    return ComputeAndAdd(bucket, check, word, compute);
  }

 private:
  static constexpr size_t kWays = 4;
  static constexpr size_t kBuckets = (size_t{1} << kLogSlots) / kWays;
  // Words up to this many bytes are kept in their slot, longer ones (a few
  // in a thousand) in arena_; a slot of a one- to four-byte answer then
  // takes 32 bytes, a bucket two cache lines.
  static constexpr size_t kInlineBytes = 20;
  // The words pushed out of the table stay in the arena until it starts over.
  static constexpr size_t kMaxArenaBytes = 1 << 16;
  // The check of a free slot: no word has this size.
  static constexpr uint64_t kEmpty = UINT64_MAX;
  struct alignas(32) Slot {
    uint64_t check = kEmpty;  // Check(hash of the word, its size)
    V value{};
    union {
      char bytes[kInlineBytes];  // the word, when its size <= kInlineBytes
      uint32_t offset;           // of the word in arena_, when longer
    };
  };
  // Aligned so that a bucket of 32-byte slots fills two cache lines.
  struct alignas(128) Bucket {
    Slot ways[kWays];
  };

  // The word's size and the bits of its hash that its bucket does not
  // already tell (the table has fewer than 2^32 buckets), compared at once.
  static uint64_t Check(uint64_t hash, size_t size) { return (hash >> 32) | (static_cast<uint64_t>(size) << 32); }
  static size_t Size(const Slot& slot) { return static_cast<size_t>(slot.check >> 32); }

  const char* Bytes(const Slot& slot) const {
    return Size(slot) <= kInlineBytes ? slot.bytes : arena_.data() + slot.offset;
  }

  // The rare paths are kept out of Get, which is inlined into its callers:
  // their code there would cost every lookup a larger frame.
  [[gnu::noinline]] void Reset(const Gazetteer* gazetteer, const RuleSet* rules, size_t data_key) {
    gazetteer_ = gazetteer;
    rules_ = rules;
    data_key_ = data_key;
    Clear();
  }
  template <typename Compute>
  [[gnu::noinline]] V ComputeAndAdd(Slot* bucket, uint64_t check, std::string_view word, Compute compute) {
    const V value = compute(word);
    Add(bucket, check, word, value);
    return value;
  }

  void Clear() {
    std::fill(buckets_.begin(), buckets_.end(), Bucket());
    arena_.clear();
  }

  // Keeps a word known to be absent from its bucket: in the first free slot,
  // else in place of the last one, whose word has been promoted least.
  void Add(Slot* bucket, uint64_t check, std::string_view word, const V& value) {
    if (word.size() > kInlineBytes && arena_.size() + word.size() > kMaxArenaBytes) Clear();
    size_t way = 0;
    while (way + 1 < kWays && bucket[way].check != kEmpty) ++way;
    Slot& slot = bucket[way];
    slot.check = check;
    slot.value = value;
    if (word.size() <= kInlineBytes) {
      word.copy(slot.bytes, word.size());
    } else {
      slot.offset = static_cast<uint32_t>(arena_.size());
      arena_.append(word.data(), word.size());
    }
  }

  const Gazetteer* gazetteer_ = nullptr;
  const RuleSet* rules_ = nullptr;
  size_t data_key_ = 0;
  std::vector<Bucket> buckets_ = std::vector<Bucket>(kBuckets);
  std::string arena_;  // the words longer than kInlineBytes, end to end
};

}  // namespace names
}  // namespace khabar

#endif  // KHABAR_NAMES_WORD_MEMO_H_
