#include "group_cache.h"

#include "khabar/word_table.h"

namespace khabar {

void GroupCache::UseRuleSet(uint64_t rule_set) {
  if (rule_set == rule_set_ && !slots_.empty()) return;
  rule_set_ = rule_set;
  Clear();
}

void GroupCache::Clear() {
  slots_.assign(2 * kMaxEntries, Slot());
  text_.clear();
  groups_.clear();
  entries_ = 0;
}

uint64_t GroupCache::Hash(const Rule* rule, std::string_view match) {
  return WordTable::Hash(match) ^ (reinterpret_cast<uintptr_t>(rule) * 0x9E3779B97F4A7C15ull);
}

const GroupCache::Slot* GroupCache::FindSlot(uint64_t hash, const Rule* rule, std::string_view match) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.rule == nullptr) return &slot;
    if (slot.hash == hash && slot.rule == rule && slot.text_size == match.size() &&
        WordTable::SameBytes(text_.data() + slot.text_offset, match.data(), match.size()))
      return &slot;
  }
}

bool GroupCache::Find(const Rule* rule, std::string_view match, int ngroups, re2::StringPiece* groups) const {
  if (slots_.empty()) return false;
  const Slot* slot = FindSlot(Hash(rule, match), rule, match);
  if (slot->rule == nullptr) return false;
  const int32_t* g = groups_.data() + slot->groups_offset;
  for (int k = 1; k <= ngroups; ++k, g += 2)
    groups[k] = g[0] < 0 ? re2::StringPiece() : re2::StringPiece(match.data() + g[0], static_cast<size_t>(g[1]));
  return true;
}

void GroupCache::Put(const Rule* rule, std::string_view match, int ngroups, const re2::StringPiece* groups) {
  const size_t bytes = text_.size() + match.size() + sizeof(int32_t) * (groups_.size() + 2 * ngroups);
  if (slots_.empty() || entries_ >= kMaxEntries || bytes > kMaxBytes) Clear();
  const uint64_t hash = Hash(rule, match);
  Slot* slot = const_cast<Slot*>(FindSlot(hash, rule, match));
  if (slot->rule != nullptr) return;  // kept already
  slot->hash = hash;
  slot->rule = rule;
  slot->text_offset = static_cast<uint32_t>(text_.size());
  slot->text_size = static_cast<uint32_t>(match.size());
  slot->groups_offset = static_cast<uint32_t>(groups_.size());
  text_.append(match);
  for (int k = 1; k <= ngroups; ++k) {
    const bool took_part = groups[k].data() != nullptr;
    groups_.push_back(took_part ? static_cast<int32_t>(groups[k].data() - match.data()) : -1);
    groups_.push_back(took_part ? static_cast<int32_t>(groups[k].size()) : 0);
  }
  ++entries_;
}

}  // namespace khabar
