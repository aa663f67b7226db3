// Gazetteer: large name lists (places, organizations, given names) matched
// over normalized tokens. Each name is split into tokens; at each text token the
// gazetteer looks up the token and its proclitic stems (بإقليم -> اقليم,
// للناظور -> الناظور) and extends over the following tokens, keeping the
// longest name. Keys fold ة -> ه so both spellings match.
//
// Thread safety: immutable after Load(); Match() is const.
// Cost: one hash lookup per token form plus one per extension step; memory is
// roughly 150 bytes per name.
#ifndef KHABAR_GAZETTEER_H_
#define KHABAR_GAZETTEER_H_

#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "khabar/data_file.h"
#include "khabar/status.h"
#include "khabar/tokenizer.h"
#include "khabar/word_table.h"

namespace khabar {

struct GazetteerEntry {
  std::string name;       // as written in the file
  std::string canonical;
  std::string type;       // PERSON ORG LOC, or a token class (GIVEN_NAME ...)
  std::string subtype;
  std::string id;
  std::string provenance;  // "gazetteer:file:line"
  uint32_t num_tokens = 0;
};

struct GazetteerHit {
  uint32_t first_token = 0;  // token range [first_token, end_token)
  uint32_t end_token = 0;
  uint16_t skip = 0;         // bytes of the first token before the name (clitics)
  uint32_t entry = 0;        // index into entries()
};

class Gazetteer {
 public:
  static StatusOr<std::unique_ptr<Gazetteer>> Load(const std::vector<DataFile>& files);

  // All longest matches, at most one per start token, in text order. Hits may
  // overlap; resolution happens later. `key_text` is the normalized text
  // passed through FoldKeys.
  void Match(std::string_view key_text, const std::vector<Token>& tokens,
             std::vector<GazetteerHit>* hits) const;
  // The same from the word ids of the token forms, looked up beforehand:
  // `starts` lists, in text order, the tokens with a form that is a word,
  // with the ids of all their forms (ids[f] for form f, see kMaxForms;
  // kNotFound for a form that is no word or that the token does not have).
  // Only those tokens can start or continue a name, which spares a pass
  // over all the others.
  using FormIds = std::array<uint32_t, kMaxForms>;
  struct Start {
    uint32_t token;
    FormIds ids;
  };
  void Match(const std::vector<Token>& tokens, const std::vector<Start>& starts,
             std::vector<GazetteerHit>* hits) const;
  // The longest match that starts at the first token, if any: Match()'s
  // first hit when it starts there, with only the words it walks looked up.
  bool MatchFirst(std::string_view key_text, const std::vector<Token>& tokens, GazetteerHit* hit) const;
  // The words of the names (folded keys), for indexes built over them.
  const WordTable& words() const { return words_; }
  // Tokens of the longest name: a match reads no token past that many from
  // its start.
  uint32_t max_name_tokens() const { return max_name_tokens_; }

  // Whether a single normalized word is listed with the given type
  // (e.g. GIVEN_NAME) as a single-word name.
  bool HasWord(std::string_view word, std::string_view type) const { return WordTypes(word, {type}) != 0; }
  // Which of `types` the word is listed with, as bits (1 << i for types[i]):
  // one lookup for several questions.
  uint32_t WordTypes(std::string_view word, std::initializer_list<std::string_view> types) const;

  // Normalized names of every entry of `type`, sorted and unique.
  std::vector<std::string> NormalizedNamesOfType(std::string_view type) const;

  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }

  // Folding applied to every key: ة -> ه.
  static std::string Key(std::string_view normalized_token);
  // The same, into a reused buffer (no allocation once it is large enough).
  static void KeyInto(std::string_view normalized_token, std::string* out);
  // Folds a whole normalized text in place; offsets do not change (ة and ه
  // are both two bytes).
  static void FoldKeys(std::string* text);

 private:
  Gazetteer() = default;
  struct Node {
    std::vector<uint32_t> entries;  // names ending here
    // The first of `entries` of an entity type (PERSON, ORG, LOC), or
    // WordTable::kNotFound: what a match ending here yields.
    uint32_t entity = WordTable::kNotFound;
    bool has_children = false;
  };
  // Trie over word ids: node 0 is the root; edges (node, word) -> child,
  // added by Load through Child and then kept as links (see BuildLinks).
  uint32_t Child(uint32_t node, uint32_t word);
  // A node as a match step reaches it, kept with the word or the edge that
  // leads there, so that a step reads one cache line instead of an edge, a
  // node and its bucket.
  struct Link {
    uint32_t next = 0;                       // the node if it has children, else 0
    uint32_t entity = WordTable::kNotFound;  // Node::entity
    bool Exists() const { return next != 0 || entity != WordTable::kNotFound; }
  };
  // The link of an edge (node, word) from a node other than the root, or
  // none: one probe of a table of 16-byte slots at load <= 1/2.
  Link FindLink(uint32_t node, uint32_t word) const;
  Link LinkTo(uint32_t node) const;
  // Once the trie is complete: root_children_, root_links_ and edge_slots_
  // from edges_, which is then released.
  void BuildLinks();
  // The longest match that starts at token i; `id(t, f)` is the word id of
  // form f of token t.
  template <typename WordId>
  bool LongestAt(uint32_t i, const std::vector<Token>& tokens, WordId id, GazetteerHit* hit) const;
  std::vector<GazetteerEntry> entries_;
  uint32_t max_name_tokens_ = 0;
  WordTable words_;
  std::vector<Node> nodes_;
  std::unordered_map<uint64_t, uint32_t> edges_;  // while loading
  std::vector<uint32_t> root_children_;  // by word id: the root's child, or 0
  std::vector<Link> root_links_;         // by word id: LinkTo(root_children_[id])
  // By word id, one bit: whether a name starts with the word
  // (root_links_[id].Exists()). Most words of a text that the gazetteer knows
  // only go on a name; these bits (a few hundred bytes) stay in the cache
  // where reading their links would not.
  std::vector<uint64_t> first_words_;
  bool StartsName(uint32_t word) const {
    return word != WordTable::kNotFound && (first_words_[word >> 6] >> (word & 63) & 1) != 0;
  }
  struct EdgeSlot {
    uint32_t node = 0;  // 0: empty (the root's edges are in root_links_)
    uint32_t word = 0;
    Link link;
  };
  std::vector<EdgeSlot> edge_slots_;  // size a power of two
};

}  // namespace khabar

#endif  // KHABAR_GAZETTEER_H_
