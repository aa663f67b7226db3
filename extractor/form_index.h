// Internal: one table of every word the gazetteer, a rule trigger or a rule's
// `needs` knows, so that each form of a token (the word and its clitic stems,
// see Token) is hashed once per article for all three, and the stems that
// restore the article are built once.
//
// Thread safety: immutable after construction. Cost: memory about that of the
// two tables it joins (some hundred kilobytes); one hash lookup per token
// form.
#ifndef KHABAR_FORM_INDEX_H_
#define KHABAR_FORM_INDEX_H_

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "khabar/gazetteer.h"
#include "khabar/rule_set.h"
#include "khabar/tokenizer.h"
#include "khabar/word_table.h"

namespace khabar {

class FormIndex {
 public:
  FormIndex(const Gazetteer& gazetteer, const RuleSet& rules);

  // A token form that triggers rules, or a number or Latin word (whose rules
  // go by its kind: rules is nullptr, listed before the token's forms).
  struct Trigger {
    uint32_t token;
    uint32_t form;                        // 0: the word; 1 + s: stem s
    const std::vector<uint32_t>* rules;  // RuleSet::rules() ids
  };
  // What the tables know of the tokens of a text, dense only where every
  // token is read: most tokens are in no table.
  struct Forms {
    // The tokens with a form that is a gazetteer word (see Gazetteer::Match).
    std::vector<Gazetteer::Start> gazetteer_starts;
    // Where rules run, by token then form: the only tokens rules look at.
    std::vector<Trigger> triggers;
    // By token: bit k: a form of the token is a word of
    // RuleSet::NeededWords()[k]; bit RuleSet::kNeedsNumber: the token is a
    // number; bit RuleSet::kNeedsYear: a number of four bytes (four ASCII
    // digits, as a year of the date rules is written).
    std::vector<uint32_t> needed;
  };
  // `key_text` is the normalized text passed through Gazetteer::FoldKeys.
  void Lookup(std::string_view key_text, const std::vector<Token>& tokens, Forms* out) const;

 private:
  // What a word of words_ is: its payload, kept in the word's record so that
  // a found form costs one cache line.
  struct Entry {
    uint32_t gazetteer_id;                 // Gazetteer::words() id
    uint32_t needed;                       // bits as in Forms::needed
    const std::vector<uint32_t>* rules;  // triggered rules, or nullptr
  };
  WordTable words_{sizeof(Entry)};
};

}  // namespace khabar

#endif  // KHABAR_FORM_INDEX_H_
