#include "form_index.h"

namespace khabar {

FormIndex::FormIndex(const Gazetteer& gazetteer, const RuleSet& rules) {
  auto add = [&](std::string_view word) {
    const uint32_t id = words_.Insert(word);
    if (id == gazetteer_ids_.size()) {
      gazetteer_ids_.push_back(gazetteer.words().Find(word));
      rules_.push_back(rules.RulesForWord(word));
      needed_.push_back(0);
    }
    return id;
  };
  for (uint32_t id = 0; id < gazetteer.words().size(); ++id) add(gazetteer.words().Word(id));
  for (uint32_t id = 0; id < rules.trigger_words().size(); ++id) add(rules.trigger_words().Word(id));
  for (size_t k = 0; k < rules.NeededWords().size(); ++k)
    for (const std::string& word : rules.NeededWords()[k]) needed_[add(word)] |= uint32_t{1} << k;
}

void FormIndex::Lookup(std::string_view key_text, const std::vector<Token>& tokens, Forms* out) const {
  // Each token's entries are written once, pushed rather than resized and
  // then filled.
  out->gazetteer.clear();
  out->rules.clear();
  out->needed.clear();
  out->gazetteer.reserve(tokens.size());
  out->rules.reserve(tokens.size());
  out->needed.reserve(tokens.size());
  std::string scratch;
  for (const Token& token : tokens) {
    Gazetteer::FormIds& gazetteer = out->gazetteer.emplace_back();
    auto& rules = out->rules.emplace_back();
    uint32_t& needed = out->needed.emplace_back(token.kind == TokenKind::kNumber ? uint32_t{1} << RuleSet::kNeedsNumber : 0);
    gazetteer.fill(WordTable::kNotFound);
    rules.fill(nullptr);
    for (int form = 0; form <= token.num_stems; ++form) {
      const uint32_t id = words_.Find(token.FormText(key_text, form, &scratch));
      if (id == WordTable::kNotFound) continue;
      gazetteer[form] = gazetteer_ids_[id];
      rules[form] = rules_[id];
      needed |= needed_[id];
    }
  }
}

}  // namespace khabar
