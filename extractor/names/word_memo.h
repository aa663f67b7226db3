// Internal: answers about words kept per thread for the name builders. The
// same words come back in every article, and an answer costs several class
// and gazetteer lookups; a kept answer costs one hash lookup.
//
// Thread safety: one WordMemo per thread (declare it thread_local). Memory:
// up to kMaxCachedWords words, then it starts over.
#ifndef KHABAR_NAMES_WORD_MEMO_H_
#define KHABAR_NAMES_WORD_MEMO_H_

#include <cstddef>
#include <cstdint>
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
      words_ = WordTable();
      values_.clear();
    }
    if (uint32_t id = words_.Find(word); id != WordTable::kNotFound) return values_[id];
    const V value = compute(word);
    words_.Insert(word);
    values_.push_back(value);
    return value;
  }

 private:
  const Gazetteer* gazetteer_ = nullptr;
  const RuleSet* rules_ = nullptr;
  size_t data_size_ = 0;
  WordTable words_;
  std::vector<V> values_;  // by word id
};

}  // namespace names
}  // namespace khabar

#endif  // KHABAR_NAMES_WORD_MEMO_H_
