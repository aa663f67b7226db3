// CoNLL gold for `khabar eval --conll`: a token per line (token first, BIO tag
// last, optional columns between, separated by tabs or spaces), a blank line
// between sentences. The text is rebuilt from the tokens (joined by one
// space, sentences by a newline, every `sentences_per_document` sentences one
// document with id `conll:<n>`, n from 0) and the B-/I- runs become spans in
// code points of that text.
//
// Tags are mapped to khabar types with a TagMap; a tag with no mapping becomes
// an optional span (it counts neither for nor against). `I-X` not preceded by
// `B-X`/`I-X` starts a new span; `S-`/`E-` (BIOES) and bare tags (IO) are
// accepted too. Lines starting with `-DOCSTART-` are skipped.
//
// Thread safety: plain functions. Cost: linear in the file size.
#ifndef KHABAR_EVAL_CONLL_H_
#define KHABAR_EVAL_CONLL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "eval/gold.h"
#include "khabar/status.h"

namespace khabar::eval {

// Tag name (without B-/I-) -> khabar type. An empty type means "not scored".
using TagMap = std::map<std::string, std::string, std::less<>>;

// PER PERS PERSON -> PERSON, LOC GPE -> LOC, ORG -> ORG, DATE -> DATE,
// OCC ROLE -> ROLE.
TagMap DefaultTagMap();

// Applies "PER=PERSON,GPE=LOC,MISC=-" on top of `*map` ("-" or nothing after
// '=' removes the mapping). Returns an error naming the bad item.
Status ApplyTagMapSpec(std::string_view spec, TagMap* map);

struct ConllOptions {
  TagMap tag_map = DefaultTagMap();
  int sentences_per_document = 10;
};

StatusOr<std::vector<GoldDocument>> ParseConll(std::string_view content, const std::string& name,
                                               const ConllOptions& options);
StatusOr<std::vector<GoldDocument>> ReadConll(const std::string& path,
                                              const ConllOptions& options);

}  // namespace khabar::eval

#endif  // KHABAR_EVAL_CONLL_H_
