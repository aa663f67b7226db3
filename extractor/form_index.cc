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
  out->gazetteer.resize(tokens.size());
  out->rules.resize(tokens.size());
  out->needed.assign(tokens.size(), 0);
  std::string scratch;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const Token& token = tokens[t];
    out->gazetteer[t].fill(WordTable::kNotFound);
    out->rules[t].fill(nullptr);
    if (token.kind == TokenKind::kNumber) out->needed[t] = uint32_t{1} << RuleSet::kNeedsNumber;
    for (int form = 0; form <= token.num_stems; ++form) {
      const uint32_t id = words_.Find(token.FormText(key_text, form, &scratch));
      if (id == WordTable::kNotFound) continue;
      out->gazetteer[t][form] = gazetteer_ids_[id];
      out->rules[t][form] = rules_[id];
      out->needed[t] |= needed_[id];
    }
  }
}

}  // namespace khabar
