// RuleSet: the rules of rules/*.yaml compiled to RE2, with their macros,
// classes, triggers and examples (DESIGN §4).
//
// A rule is tried only where one of its triggers occurs: at the start of a
// token that is a number (DIGIT), a Latin word (LATIN), or a word or class
// member (also through its proclitic stems, in which case the match starts
// after the clitic), and where the assertion the pattern opens with, if
// any, holds (`(?m:^)`: at a line start). The pattern is matched anchored
// there.
//
// A rule may also say what it needs nearby (`needs`: a word of a class, or a
// number, within N tokens after its trigger); elsewhere it is not tried. The
// rules triggered by numbers share one RE2::Set, which tells in one DFA pass
// which of them match at a number: only those are tried.
//
// Thread safety: immutable after Load(); RE2 objects are thread-safe.
// Cost: compiling ~100 rules takes a few milliseconds; each trigger costs one
// anchored RE2 match per rule (after one set match for a number), bounded by the
// rule's DFA budget, or a scan of the text for patterns that are words of
// letters alone (Rule::words) or a choice of literal words (Rule::literals).
#ifndef KHABAR_RULE_SET_H_
#define KHABAR_RULE_SET_H_

#include <bitset>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/data_file.h"
#include "khabar/status.h"
#include "khabar/value_builder.h"
#include "khabar/word_table.h"

namespace re2 {
class RE2;
}

namespace khabar {

class Gazetteer;

struct RuleExample {
  std::string text;
  std::string match;   // expected entity surface ("" for counter-examples)
  std::string value;   // expected value, if given
  std::string anchor;  // anchor date, if given
  int line = 0;
};

// Where a match of a rule may start, from the zero-width assertion its whole
// pattern opens with: a rule is not tried where the assertion fails, which
// costs a byte comparison instead of an RE2 call.
enum class MatchStart {
  kAnywhere,
  kLineStart,  // `(?m:^)`: at the start of the text or after a line feed
  kTextStart,  // `^` or `\A`: at the start of the text
};

// One word of a pattern made of words (Rule::words): a run of letters of a
// class (all below U+0800, none a blank), maybe a capture group.
struct ScannedWord {
  std::bitset<0x800> letters;
  int group = 0;  // the capture group around the word, or 0
};

// A pattern that is a choice of literal words (Rule::literals), maybe after
// a choice of literal prefixes: `(?P<art>ال|ل)?(?P<head>(?:مجلس|...))`, and
// empty groups at its end. Each word is its bytes, with kBlanks standing for
// a run of blanks (`[ \t]+`) and kTaOrHa for ة or ه (`[ةه]`), as class words
// are written in patterns.
struct LiteralWords {
  static constexpr char kBlanks = '\x01';
  static constexpr char kTaOrHa = '\x02';
  int prefix_group = 0;  // the group around the prefixes, or 0 for none
  bool prefix_optional = false;
  std::vector<std::string> prefixes;  // in the pattern's order
  int word_group = 0;                 // the group around the words
  std::vector<std::string> words;     // empty: not such a pattern
};

// A pattern whose groups are named groups of literal words (LiteralWords
// strings), or empty ones, at its start, and one named group around all the
// rest, maybe after blanks: `(?P<head>ولاية|محافظة)(?P<known>)(?P<tail>...)`. Where one string
// of each group, or ones of the same size, start the matched text, every
// way of matching all of it goes through them: the groups follow from the
// match without RE2's second search.
struct LeadingLiterals {
  struct Group {
    int group = 0;
    std::vector<std::string> strings;  // empty: an empty group
  };
  std::vector<Group> groups;  // in the pattern's order
  // Blanks (`[ \t]+`) before the last group, which opens with no blank:
  // all those of the match there.
  bool blanks_before_rest = false;
  int rest_group = 0;  // 0: not such a pattern
};

// A pattern of a title of one to three words, the later ones with the
// article ال, then a name of one to six words, maybe after a quote:
// `(?P<title>(?:ال|ل)?{W}(?:{SP}ال{W}){0,2}){SP}{OPEN}(?P<span>{W}(?:{SP}{W}){0,5})`
// with the persons' macros, W a class of letters that holds ا and ل. The
// words of a match split into title and name one way only, the title as
// long as it can be, which a scan of the words finds without RE2's second
// search.
struct TitledName {
  bool on = false;
  std::bitset<0x800> letters;  // of W
};

// A pattern of honorifics then a name of one to six words, maybe after a
// quote: `(?P<strong>{HON})(?:{HON})*{OPEN}(?P<span>{W}(?:{SP}{W}){0,5})`
// with the persons' macros, HON a title word after ال or ل and blanks, or
// د or ذ and a dot. An honorific is found by comparing words, and the name
// is what follows as many honorifics as leave a name, which a scan of the
// matched text finds without RE2's second search.
struct HonorificName {
  bool on = false;
  std::bitset<0x800> letters;      // of W
  std::vector<std::string> words;  // the title words, without ال or ل
};

struct Rule {
  // What is read on every try at a trigger comes first, on one or two
  // cache lines; descriptions and examples follow.
  std::shared_ptr<re2::RE2> re;
  // `needs`: the rule is tried only where a word of NeededWords()[k] (a
  // token or one of its stems) for some bit k of `needs_mask`, a number for
  // bit kNeedsNumber, or a number of four digits for bit kNeedsYear, follows
  // its trigger within `needs_within` tokens;
  // 0 when the rule needs nothing.
  uint32_t needs_mask = 0;
  int needs_within = 0;
  // `after_article: false`: the rule is not tried where its trigger word
  // follows the article ال and only the word without it is a trigger word
  // (الرياض is no given name رياض).
  bool after_article = true;
  MatchStart start = MatchStart::kAnywhere;  // computed at load
  // The groups are `span`, around the whole pattern, and empty markers at
  // its end: the whole match gives them all.
  bool span_is_match = false;
  // The groups of a match depend only on the matched text (the pattern has
  // no ^, $ or \b): they may be kept and reused (GroupCache), and are
  // searched in the matched bytes alone.
  bool groups_keep = false;
  int span_group = -1;  // index of the group `span`, if any
  // `not_spelled`: spellings of the trigger word in the original text
  // (before normalization; diacritics and tatweel aside) where the rule is
  // not tried: على is the preposition, never the name علي, though both
  // normalize to علي.
  std::vector<std::string> not_spelled;
  // When the pattern is only words of letters with blanks ([ \t]+) between
  // them, each word maybe a group, and empty groups at its end
  // (`(?P<speech>{PER_W}){PER_SP}(?P<span>{PER_W})`): its words, and its
  // empty groups. Such a pattern splits any text one way only, so that its
  // match and groups are found by scanning the words, without RE2; empty
  // for other patterns.
  std::vector<ScannedWord> words;
  // When the pattern is a choice of literal words (LiteralWords), these:
  // its matches are found by comparing bytes, without RE2, since RE2 would
  // take the longest word and, for the groups, the first prefix in the
  // pattern's order that leads to it.
  LiteralWords literals;
  std::vector<int> end_groups;  // of `words` or of `literals`
  // For other patterns, when known, literal strings (LiteralWords strings,
  // a run of blanks there maybe holding line feeds) one of which opens every
  // match: where none starts the text, RE2 is not called (`غدا|بعد{S}(?:ال)?غد`
  // at the many بعد of other phrases).
  std::vector<std::string> openings;
  // When the pattern opens with groups of literal words (LeadingLiterals):
  // the groups of its matches follow from the matched text.
  LeadingLiterals leading;
  TitledName titled_name;
  HonorificName honorific_name;
  std::vector<std::pair<std::string, int>> named_groups;  // of `re`: name, index
  ValueBuilder builder = nullptr;

  std::string id;
  std::string type;
  std::string subtype;
  std::string file;
  int line = 0;
  int priority = 0;
  std::string pattern;   // as written
  std::string expanded;  // after macro and class expansion
  std::string builder_name;
  bool trigger_digit = false;
  bool trigger_latin = false;
  std::vector<RuleExample> examples;
  std::vector<RuleExample> counter_examples;
  std::string provenance;      // Provenance(), computed at load

  std::string Provenance() const;  // "file:line id"
};

class RuleSet {
 public:
  // Parses and compiles all files; the first problem found is returned with
  // its file:line and rule id. With a gazetteer, patterns and triggers may
  // name a gazetteer type in capitals ({GIVEN_NAME}) as a class of its
  // single- and multi-word names.
  static StatusOr<std::unique_ptr<RuleSet>> Load(const std::vector<DataFile>& files,
                                                 const Gazetteer* gazetteer = nullptr);

  const std::vector<Rule>& rules() const { return rules_; }
  // A number no other rule set loaded by this process has: a key for
  // per-thread caches of answers about this set.
  uint64_t instance() const { return instance_; }

  // Rules triggered by a word, given folded (Gazetteer::Key / FoldKeys).
  const std::vector<uint32_t>* RulesForWord(std::string_view word) const;
  // The words that trigger rules (folded), for indexes built over them.
  const WordTable& trigger_words() const { return trigger_words_; }
  const std::vector<uint32_t>& DigitRules() const { return digit_rules_; }
  // The DigitRules that match at the start of `window`, the text from a
  // number on (in DigitRules order): found by one DFA pass over the set of
  // their patterns, where most numbers start no date. All of DigitRules
  // when that is not known: fewer than two rules, a pattern that reads
  // outside its match, or RE2 out of memory.
  void DigitRulesAt(std::string_view window, std::vector<uint32_t>* ids) const;
  const std::vector<uint32_t>& LatinRules() const { return latin_rules_; }
  // The classes named by `needs` fields, by bit of needs_mask (at most
  // kMaxNeededClasses), as their words' first tokens (folded keys).
  static constexpr int kMaxNeededClasses = 30;
  static constexpr int kNeedsYear = 30;    // the bit of `needs: {class: YEAR}`
  static constexpr int kNeedsNumber = 31;  // the bit of `needs: {class: DIGIT}`
  const std::vector<std::vector<std::string>>& NeededWords() const { return needed_words_; }

  // Value of a normalized word (or words) in a class (e.g. month_gregorian,
  // "مارس" -> "3"). No allocation once warm; safe from many threads.
  std::optional<std::string_view> ClassValue(std::string_view class_name,
                                             std::string_view word) const;
  // The first two letters of the keys of a table (see LetterPairs in
  // rule_set.cc): a key whose pair is absent is not in the table, found
  // without a hash lookup. 8 KB.
  struct LetterPairs {
    std::vector<bool> seen = std::vector<bool>(1 << 16, false);
    void Add(std::string_view key);
    bool MayHold(std::string_view key) const;
  };
  // A class of words (internal to the rule set: callers only hold pointers
  // from FindClass).
  struct Class {
    std::vector<std::string> words;  // normalized
    WordTable keys;                       // folded words -> key id
    LetterPairs pairs;                    // of `keys`
    std::vector<std::string> key_values;  // by key id
    // Sets the value of `key`; a later entry for the same key wins.
    void Set(std::string_view key, std::string value) {
      pairs.Add(key);
      const uint32_t id = keys.Insert(key);
      if (id == key_values.size()) key_values.push_back(std::move(value));
      else key_values[id] = std::move(value);
    }
  };
  // The same for a class found once with FindClass (nullptr: no such class),
  // for callers that ask one class about many words.
  const Class* FindClass(std::string_view class_name) const;
  std::optional<std::string_view> ClassValue(const Class* cls, std::string_view word) const;
  // Whether a class of that name exists.
  bool HasClass(std::string_view class_name) const;
  // The classes that hold the normalized word (or words), or nullptr when
  // none does: one hash lookup instead of one ClassValue per class, for
  // callers that ask several classes about a word.
  const std::vector<const Class*>* ClassesHolding(std::string_view word) const;

 private:
  RuleSet() = default;
  uint64_t instance_ = 0;
  std::vector<Rule> rules_;
  std::map<std::string, Class, std::less<>> classes_;
  WordTable class_names_;                   // the names of classes_
  std::vector<const Class*> class_by_name_;  // by class_names_ id
  WordTable class_keys_;  // the keys of every class
  std::vector<std::vector<const Class*>> key_classes_;  // by class_keys_ id
  LetterPairs class_key_pairs_;
  WordTable trigger_words_;
  std::vector<std::vector<uint32_t>> word_rules_;  // by trigger word id
  std::vector<uint32_t> digit_rules_;
  struct DigitSet;  // an RE2::Set (rule_set.cc)
  std::shared_ptr<const DigitSet> digit_set_;  // see DigitRulesAt
  std::vector<uint32_t> latin_rules_;
  std::vector<std::string> needed_classes_;              // by bit of needs_mask
  std::vector<std::vector<std::string>> needed_words_;   // by bit of needs_mask

  friend class RuleSetLoader;
};

}  // namespace khabar

#endif  // KHABAR_RULE_SET_H_
