// Internal: the capture groups of rule matches already seen, kept per thread.
//
// After RE2's DFA has found where a match ends, its groups take a second,
// much slower RE2 search (BitState, or the NFA for large patterns: 4,000 to
// 25,000 cycles). The same rule often matches the same text again (the same
// council, title or date in article after article: about half the searches
// on 3,000 news articles, more on longer runs), and the groups of a full
// match over the same bytes are the same when the pattern does not look past
// the match (no ^, $ or \b), so they are kept by rule and matched text.
//
// Thread safety: one GroupCache per thread. Cost: a hash of the matched text
// and one probe per lookup. Memory: up to kMaxEntries matches or kMaxBytes of
// text and offsets, then it starts over.
#ifndef KHABAR_GROUP_CACHE_H_
#define KHABAR_GROUP_CACHE_H_

#include <re2/re2.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khabar {

struct Rule;

class GroupCache {
 public:
  static constexpr size_t kMaxEntries = 1 << 15;
  static constexpr size_t kMaxBytes = 4 << 20;

  // Forgets everything when `rule_set` (RuleSet::instance) is not the set
  // the kept matches came from.
  void UseRuleSet(uint64_t rule_set);
  // Fills groups[1..ngroups] for `rule` matching all of `match` (views into
  // `match`; a group that took no part gets a null view) when kept.
  bool Find(const Rule* rule, std::string_view match, int ngroups, re2::StringPiece* groups) const;
  // Keeps groups[1..ngroups] of `rule` matching all of `match`.
  void Put(const Rule* rule, std::string_view match, int ngroups, const re2::StringPiece* groups);

 private:
  struct Slot {
    uint64_t hash = 0;
    const Rule* rule = nullptr;  // null: empty
    uint32_t text_offset = 0;    // of the matched text in text_
    uint32_t text_size = 0;
    uint32_t groups_offset = 0;  // of the (begin, size) pairs in groups_
  };
  static uint64_t Hash(const Rule* rule, std::string_view match);
  const Slot* FindSlot(uint64_t hash, const Rule* rule, std::string_view match) const;
  void Clear();

  uint64_t rule_set_ = 0;
  std::vector<Slot> slots_;     // open addressing, twice kMaxEntries
  std::string text_;            // matched texts, one after another
  std::vector<int32_t> groups_;  // per group: begin in the match (-1: none), size
  size_t entries_ = 0;
};

}  // namespace khabar

#endif  // KHABAR_GROUP_CACHE_H_
