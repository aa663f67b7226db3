#include "form_index.h"

namespace khabar {

FormIndex::FormIndex(const Gazetteer& gazetteer, const RuleSet& rules) {
  auto add = [&](std::string_view word) {
    const size_t known = words_.size();
    const uint32_t id = words_.Insert(word);
    if (words_.size() > known) words_.SetPayload(id, Entry{gazetteer.words().Find(word), 0, rules.RulesForWord(word)});
    return id;
  };
  for (uint32_t id = 0; id < gazetteer.words().size(); ++id) add(gazetteer.words().Word(id));
  for (uint32_t id = 0; id < rules.trigger_words().size(); ++id) add(rules.trigger_words().Word(id));
  for (size_t k = 0; k < rules.NeededWords().size(); ++k) {
    for (const std::string& word : rules.NeededWords()[k]) {
      const uint32_t id = add(word);
      Entry entry = words_.Payload<Entry>(id);
      entry.needed |= uint32_t{1} << k;
      words_.SetPayload(id, entry);
    }
  }
}

namespace {

// Ids of a token none of whose forms is a gazetteer word.
Gazetteer::FormIds UnknownForms() {
  Gazetteer::FormIds ids;
  ids.fill(WordTable::kNotFound);
  return ids;
}

}  // namespace

void FormIndex::Lookup(std::string_view key_text, const std::vector<Token>& tokens, Forms* out) const {
  // `needed` is written once per token, over what the last text left (not
  // cleared first); the lists only where something is found.
  const size_t n = tokens.size();
  out->gazetteer_starts.clear();
  out->triggers.clear();
  out->needed.resize(n);
  uint32_t* const needed = out->needed.data();
  std::string scratch;
  for (size_t t = 0; t < n; ++t) {
    const Token& token = tokens[t];
    uint32_t needed_bits = 0;
    if (token.kind == TokenKind::kNumber) {
      needed_bits = uint32_t{1} << RuleSet::kNeedsNumber;
      if (token.end - token.begin == 4) needed_bits |= uint32_t{1} << RuleSet::kNeedsYear;
    }
    if (token.kind == TokenKind::kNumber || token.kind == TokenKind::kLatin)
      out->triggers.push_back(Trigger{static_cast<uint32_t>(t), 0, nullptr});
    // Filled only once a form is a gazetteer word: most tokens have none.
    Gazetteer::Start start;
    bool gazetteer_form = false;
    // The forms as Token::FormText gives them: the word, then its suffixes
    // (with ال restored in front where the stem asks for it).
    const std::string_view word = token.View(key_text);
    auto record = [&](int form, std::string_view text) {
      Entry entry;
      if (!words_.FindPayload(text, &entry)) return;
      if (entry.gazetteer_id != WordTable::kNotFound) {
        if (!gazetteer_form) start = Gazetteer::Start{static_cast<uint32_t>(t), UnknownForms()};
        gazetteer_form = true;
        start.ids[form] = entry.gazetteer_id;
      }
      if (entry.rules != nullptr)
        out->triggers.push_back(Trigger{static_cast<uint32_t>(t), static_cast<uint32_t>(form), entry.rules});
      needed_bits |= entry.needed;
    };
    record(0, word);
    for (int s = 0; s < token.num_stems; ++s) {
      const Stem& stem = token.stems[s];
      const std::string_view rest(word.data() + stem.key_skip, word.size() - stem.key_skip);
      record(1 + s, stem.add_article ? Token::WithArticle(rest, &scratch) : rest);
    }
    needed[t] = needed_bits;
    if (gazetteer_form) out->gazetteer_starts.push_back(start);
  }
}

}  // namespace khabar
