#include "khabar/gazetteer.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "khabar/normalizer.h"
#include "tsv.h"

namespace khabar {
namespace {

bool IsEntityType(std::string_view type) {
  return type == "PERSON" || type == "ORG" || type == "LOC";
}

// Which entry wins when several names share a key: a country over the city of
// the same name, a province over its seat, and so on.
int Rank(const GazetteerEntry& e) {
  if (e.type == "LOC") {
    if (e.subtype == "country") return 0;
    if (e.subtype == "region") return 1;
    if (e.subtype == "province") return 2;
    if (e.subtype == "commune") return 4;
    return 5;
  }
  if (e.type == "ORG") return 3;
  if (e.type == "PERSON") return 6;
  return 9;
}

}  // namespace

std::string Gazetteer::Key(std::string_view token) {
  std::string key;
  KeyInto(token, &key);
  return key;
}

void Gazetteer::KeyInto(std::string_view token, std::string* out) {
  out->assign(token.data(), token.size());
  FoldKeys(out);
}

void Gazetteer::FoldKeys(std::string* text) {
  // ة (D8 A9) -> ه (D9 87); A9 is the rarer byte, so look for it.
  char* const begin = text->data();
  char* const end = begin + text->size();
  for (char* p = begin + 1; p < end;) {
    p = static_cast<char*>(std::memchr(p, '\xA9', static_cast<size_t>(end - p)));
    if (p == nullptr) break;
    if (p[-1] == '\xD8') {
      p[-1] = '\xD9';
      p[0] = '\x87';
    }
    ++p;
  }
}

namespace {
uint64_t EdgeKey(uint32_t node, uint32_t word) { return (static_cast<uint64_t>(node) << 32) | word; }
// The first slot to probe for an edge in a table of 2^64-shift slots.
size_t EdgeSlotIndex(uint32_t node, uint32_t word, int shift) {
  return static_cast<size_t>((EdgeKey(node, word) * 0x9E3779B97F4A7C15ull) >> shift);
}
int EdgeSlotShift(size_t slots) { return 64 - __builtin_ctzll(slots); }
}  // namespace

uint32_t Gazetteer::Child(uint32_t node, uint32_t word) {
  auto [it, inserted] = edges_.emplace(EdgeKey(node, word), static_cast<uint32_t>(nodes_.size()));
  if (inserted) {
    nodes_[node].has_children = true;
    nodes_.emplace_back();
  }
  return it->second;
}

Gazetteer::Link Gazetteer::LinkTo(uint32_t node) const {
  Link link;
  if (node == 0) return link;
  link.next = nodes_[node].has_children ? node : 0;
  link.entity = nodes_[node].entity;
  return link;
}

void Gazetteer::BuildLinks() {
  root_children_.assign(words_.size(), 0);
  for (const auto& [key, child] : edges_)
    if ((key >> 32) == 0) root_children_[static_cast<uint32_t>(key)] = child;
  root_links_.resize(root_children_.size());
  first_words_.assign((root_children_.size() + 63) / 64, 0);
  for (size_t id = 0; id < root_children_.size(); ++id) {
    root_links_[id] = LinkTo(root_children_[id]);
    if (root_links_[id].Exists()) first_words_[id >> 6] |= uint64_t{1} << (id & 63);
  }
  size_t slots = 2;
  while (slots < 2 * edges_.size()) slots *= 2;
  edge_slots_.assign(slots, EdgeSlot{});
  const int shift = EdgeSlotShift(slots);
  for (const auto& [key, child] : edges_) {
    const uint32_t node = static_cast<uint32_t>(key >> 32);
    const uint32_t word = static_cast<uint32_t>(key);
    if (node == 0) continue;
    size_t i = EdgeSlotIndex(node, word, shift);
    while (edge_slots_[i].node != 0) i = (i + 1) & (slots - 1);
    edge_slots_[i] = EdgeSlot{node, word, LinkTo(child)};
  }
  std::unordered_map<uint64_t, uint32_t>().swap(edges_);  // the trie is complete
}

Gazetteer::Link Gazetteer::FindLink(uint32_t node, uint32_t word) const {
  if (word == WordTable::kNotFound) return Link{};
  const size_t mask = edge_slots_.size() - 1;
  for (size_t i = EdgeSlotIndex(node, word, EdgeSlotShift(edge_slots_.size()));; i = (i + 1) & mask) {
    const EdgeSlot& slot = edge_slots_[i];
    if (slot.node == 0) return Link{};
    if (slot.node == node && slot.word == word) return slot.link;
  }
}

StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::vector<DataFile>& files) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->nodes_.emplace_back();
  const Normalizer& normalizer = Normalizer::Default();
  for (const DataFile& file : files) {
    std::string_view content = file.content;
    std::map<std::string, std::string, std::less<>> meta;
    int col_name = -1, col_canonical = -1, col_type = -1, col_subtype = -1, col_id = -1;
    size_t columns = 0;
    int line_no = 0;
    size_t pos = 0;
    while (pos < content.size()) {
      size_t nl = content.find('\n', pos);
      std::string_view line = TrimLine(content.substr(pos, nl == content.npos ? content.npos : nl - pos));
      pos = nl == content.npos ? content.size() : nl + 1;
      ++line_no;
      const std::string where = file.name + ":" + std::to_string(line_no);
      if (line.empty()) continue;
      if (col_name < 0) {
        if (line[0] == '#') {
          std::string_view body = line.substr(1);
          size_t colon = body.find(':');
          if (colon != body.npos) {
            std::string key(body.substr(0, colon));
            key.erase(0, key.find_first_not_of(' '));
            std::string value(body.substr(colon + 1));
            value.erase(0, value.find_first_not_of(' '));
            meta[key] = value;
          }
          continue;
        }
        if (meta.find("source") == meta.end() || meta.find("license") == meta.end())
          return Status::Error(where + ": gazetteer header must name its '# source:' and '# license:'");
        std::vector<std::string_view> header = SplitTabs(line);
        columns = header.size();
        for (size_t i = 0; i < header.size(); ++i) {
          int idx = static_cast<int>(i);
          if (header[i] == "name") col_name = idx;
          else if (header[i] == "canonical") col_canonical = idx;
          else if (header[i] == "type") col_type = idx;
          else if (header[i] == "subtype") col_subtype = idx;
          else if (header[i] == "id") col_id = idx;
        }
        if (col_name < 0 || col_canonical < 0 || col_type < 0 || col_subtype < 0 || col_id < 0)
          return Status::Error(where + ": header must have the columns name, canonical, type, subtype, id");
        continue;
      }
      if (line[0] == '#') continue;
      std::vector<std::string_view> f = SplitTabs(line);
      if (f.size() != columns)
        return Status::Error(where + ": expected " + std::to_string(columns) + " tab-separated fields, found " +
                             std::to_string(f.size()));
      GazetteerEntry e;
      e.name = std::string(f[col_name]);
      e.canonical = std::string(f[col_canonical]);
      e.type = std::string(f[col_type]);
      e.subtype = f[col_subtype] == "-" ? std::string() : std::string(f[col_subtype]);
      e.id = std::string(f[col_id]);
      e.provenance = "gazetteer:" + where;
      if (e.name.empty() || e.type.empty())
        return Status::Error(where + ": empty name or type");
      static const char* kTypes[] = {"PERSON", "ORG", "LOC", "GIVEN_NAME", "FAMILY_NAME"};
      bool known = false;
      for (const char* t : kTypes) known |= e.type == t;
      if (!known) return Status::Error(where + ": unknown type '" + e.type + "'");
      std::string normalized = normalizer.NormalizeString(e.name);
      std::vector<Token> tokens = Tokenize(normalized);
      if (tokens.empty()) return Status::Error(where + ": name has no tokens");
      uint32_t node = 0;
      Gazetteer::FoldKeys(&normalized);
      for (const Token& t : tokens) node = g->Child(node, g->words_.Insert(t.View(normalized)));
      e.num_tokens = static_cast<uint32_t>(tokens.size());
      g->max_name_tokens_ = std::max(g->max_name_tokens_, e.num_tokens);
      uint32_t index = static_cast<uint32_t>(g->entries_.size());
      g->entries_.push_back(std::move(e));
      auto& list = g->nodes_[node].entries;
      list.push_back(index);
      // Keep the best-ranked entry first.
      for (size_t i = list.size() - 1; i > 0 && Rank(g->entries_[list[i]]) < Rank(g->entries_[list[i - 1]]); --i)
        std::swap(list[i], list[i - 1]);
    }
    if (col_name < 0) return Status::Error(file.name + ":1: gazetteer has no header line");
  }
  for (Node& node : g->nodes_)
    for (uint32_t e : node.entries)
      if (IsEntityType(g->entries_[e].type)) {
        node.entity = e;
        break;
      }
  g->BuildLinks();
  return g;
}

void Gazetteer::Match(std::string_view text, const std::vector<Token>& tokens,
                      std::vector<GazetteerHit>* hits) const {
  std::vector<Start> starts;
  std::string scratch;
  for (size_t i = 0; i < tokens.size(); ++i) {
    Start start{static_cast<uint32_t>(i), {}};
    start.ids.fill(WordTable::kNotFound);
    bool any = false;
    // Punctuation too: names may hold it.
    for (int form = 0; form <= tokens[i].num_stems; ++form) {
      start.ids[form] = words_.Find(tokens[i].FormText(text, form, &scratch));
      any |= start.ids[form] != WordTable::kNotFound;
    }
    if (any) starts.push_back(start);
  }
  Match(tokens, starts, hits);
}

template <typename WordId>
bool Gazetteer::LongestAt(uint32_t i, const std::vector<Token>& tokens, WordId id, GazetteerHit* hit) const {
  const Token& first = tokens[i];
  if (first.kind == TokenKind::kPunct) return false;
  const size_t num_tokens = tokens.size();
  bool found = false;
  for (int form = 0; form <= first.num_stems; ++form) {
    uint16_t skip = 0;
    if (form > 0) {
      const Stem& stem = first.stems[form - 1];
      if (stem.DropsArticle()) continue;
      skip = stem.skip;
    }
    const uint32_t word = id(i, form);
    if (!StartsName(word)) continue;
    Link link = root_links_[word];
    for (uint32_t j = i + 1;; ++j) {
      if (link.entity != WordTable::kNotFound && (!found || j > hit->end_token)) {
        *hit = GazetteerHit{i, j, skip, link.entity};
        found = true;
      }
      if (j >= num_tokens || link.next == 0) break;
      link = FindLink(link.next, id(j, 0));
      if (!link.Exists()) break;
    }
  }
  return found;
}

void Gazetteer::Match(const std::vector<Token>& tokens, const std::vector<Start>& starts,
                      std::vector<GazetteerHit>* hits) const {
  // The sizes read once: the pushes to `hits` could, for all the compiler
  // knows, change them.
  const Start* const start = starts.data();
  const size_t num_starts = starts.size();
  for (size_t s = 0; s < num_starts; ++s) {
    // The first token's forms from start[s]; a later token's word from its
    // own start, a few entries on (names are a few tokens long), or none.
    auto id = [&](uint32_t t, int form) {
      if (t == start[s].token) return start[s].ids[form];
      size_t k = s + 1;
      while (k < num_starts && start[k].token < t) ++k;
      return k < num_starts && start[k].token == t ? start[k].ids[0] : WordTable::kNotFound;
    };
    GazetteerHit hit;
    if (LongestAt(start[s].token, tokens, id, &hit)) hits->push_back(hit);
  }
}

bool Gazetteer::MatchFirst(std::string_view key_text, const std::vector<Token>& tokens, GazetteerHit* hit) const {
  if (tokens.empty()) return false;
  std::string scratch;
  auto id = [&](uint32_t t, int form) { return words_.Find(tokens[t].FormText(key_text, form, &scratch)); };
  return LongestAt(0, tokens, id, hit);
}

std::vector<std::string> Gazetteer::NormalizedNamesOfType(std::string_view type) const {
  std::vector<std::string> names;
  for (const GazetteerEntry& e : entries_)
    if (e.type == type) names.push_back(Normalizer::Default().NormalizeString(e.name));
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

uint32_t Gazetteer::WordTypes(std::string_view word, std::initializer_list<std::string_view> types) const {
  // Only ة is folded: most words are their own key.
  std::string_view key = word;
  if (std::memchr(word.data(), '\xA9', word.size()) != nullptr) {
    thread_local std::string folded;
    KeyInto(word, &folded);
    key = folded;
  }
  const uint32_t word_id = words_.Find(key);
  const uint32_t node = word_id == WordTable::kNotFound ? 0 : root_children_[word_id];
  if (node == 0) return 0;
  uint32_t bits = 0;
  for (uint32_t e : nodes_[node].entries) {
    uint32_t bit = 1;
    for (std::string_view type : types) {
      if (entries_[e].type == type) bits |= bit;
      bit <<= 1;
    }
  }
  return bits;
}

}  // namespace khabar
