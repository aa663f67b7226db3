// Tests for the shortcuts the rule engine takes instead of RE2
// (extractor/rule_set.cc, extractor/candidates.cc), which must find exactly
// what RE2 finds:
// - MatchStart: a rule whose pattern opens with `(?m:^)`, `^` or `\A` is
//   tried only where that assertion holds;
// - Rule::words: a pattern of words of letters with `[ \t]+` between them is
//   matched by scanning the words, RE2 deciding only at the end of the match
//   window or where the match ends inside a token;
// - Rule::literals: a choice of literal words, maybe after a choice of
//   literal prefixes, is matched by comparing bytes;
// - Rule::leading: the groups of literal words that open a pattern, and
//   the one group around the rest, are found from the match without RE2;
// - Rule::titled_name: the title and the name of the persons' title
//   pattern are split by a scan of the words;
// - Rule::honorific_name: the honorifics and the name of the persons'
//   honorific pattern are split by a scan of the words;
// - groups_keep: the groups of a pattern that does not look outside its
//   match are searched in the matched bytes alone;
// - Rule::openings: RE2 is not called where none of the literal strings
//   that open every match (maybe with optional blanks and punctuation)
//   starts the text;
// - `needs`: a rule is tried only where a word it needs follows closely
//   enough (the default rules with and without their `needs` are compared
//   on corpus/ and on every rule example).
// Load-time cases check which patterns take each shortcut. Differential
// cases run a rule that takes it and an equivalent one that RE2 alone
// matches (the same regex spelled so that the shortcut is not taken) over
// generated texts (fixed seed), and compare every rule hit.
#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "khabar/json_writer.h"
#include "khabar/pipeline.h"
#include "khabar/rule_set.h"
#include "corpus_texts.h"
#include "default_pipeline.h"

namespace khabar {
namespace {

// Letters of the word class used below: U+0628-U+0639 (ب ... ع, with ة)
// and Latin-1 U+00C0-U+00FF, all two bytes in UTF-8.
const char kClass[] = "[\\x{00C0}-\\x{00FF}\\x{0628}-\\x{0639}]";
const char kBlanks[] = "[ \\t]+";

// Trigger words, every letter in kClass: بحث درس صبر شرح.
const std::vector<std::string> kTriggers = {"\u0628\u062D\u062B", "\u062F\u0631\u0633", "\u0635\u0628\u0631",
                                            "\u0634\u0631\u062D"};
const char kTriggerClass[] =
    "classes:\n"
    "  trig: [\u0628\u062D\u062B, \u062F\u0631\u0633, \u0635\u0628\u0631, \u0634\u0631\u062D]\n";

// Letters of kClass, and letters and other characters outside it.
const std::vector<std::string> kIn = {"\u0628", "\u0629", "\u062A", "\u062B", "\u062C", "\u062D", "\u062E",
                                      "\u062F", "\u0630", "\u0631", "\u0632", "\u0633", "\u0634", "\u0635",
                                      "\u0636", "\u0637", "\u0638", "\u0639", "\u00E9", "\u00FC", "\u00C0"};
const std::vector<std::string> kOut = {"\u0627", "\u0641", "\u0642", "\u0643", "\u0644", "\u0645",
                                       "\u0646", "\u0647", "\u0648", "\u064A", "\u0621", "\u00B5"};
const std::vector<std::string> kOther = {"12",     "2024",   "\u0663", "abc",    "Rabat",  "\u060C", ".",
                                         ",",      "\u00AB", "\u00BB", "\u2014", "(",      ")",      ":",
                                         "\u4E2D", "\u00A0", "-",      "\"",     "\u061F", "\u200F"};
// Proclitics a trigger may carry: و ف ب ال وال.
const std::vector<std::string> kPrefixes = {"", "", "", "\u0648", "\u0641", "\u0628", "\u0627\u0644",
                                            "\u0648\u0627\u0644"};

class Random {
 public:
  explicit Random(uint32_t seed) : engine_(seed) {}
  // A number in [0, n).
  size_t Below(size_t n) { return engine_() % n; }
  bool OneIn(size_t n) { return Below(n) == 0; }
  const std::string& Pick(const std::vector<std::string>& v) { return v[Below(v.size())]; }
  // A proclitic (often none) and a trigger word.
  std::string Trigger() {
    std::string out = Pick(kPrefixes);
    return out + Pick(kTriggers);
  }
  std::string Letters(const std::vector<std::string>& letters, size_t min, size_t max) {
    std::string out;
    for (size_t n = min + Below(max - min + 1); n > 0; --n) out += Pick(letters);
    return out;
  }

 private:
  std::mt19937 engine_;
};

// A pipeline of the rules in `yaml`, without gazetteers.
std::unique_ptr<Pipeline> PipelineOf(const std::string& yaml) {
  StatusOr<std::unique_ptr<Pipeline>> p = Pipeline::Create({DataFile{"f.yaml", yaml}}, {});
  INFO(p.status().message());
  REQUIRE(p.ok());
  return std::move(p.value());
}

// Every rule hit before overlaps are resolved, then the entities kept: type,
// code point offsets, surface and rule, one per line.
std::string Hits(const Pipeline& pipeline, const std::string& text) {
  Article article;
  article.id = "t";
  article.text = text;
  Trace trace;
  Record record = pipeline.Process(article, ProcessOptions(), &trace);
  std::string out;
  auto add = [&](const Entity& e) {
    out += e.type + " " + std::to_string(e.start) + "-" + std::to_string(e.end) + " '" + e.text + "' " + e.rule +
           "\n";
  };
  for (const Entity& e : trace.candidates) add(e);
  out += "--\n";
  for (const Entity& e : record.entities) add(e);
  return out;
}

// A rule file of one rule per pattern, all the same but for the pattern, so
// that two files that differ only in how the patterns are written give the
// same provenance.
struct PatternRule {
  std::string id;
  std::string trigger;
  std::string pattern;
};
std::string RuleFile(const std::vector<PatternRule>& rules) {
  std::string yaml = std::string(kTriggerClass) + "rules:\n";
  for (const PatternRule& r : rules)
    yaml += "  - id: " + r.id + "\n    type: PERSON\n    trigger: " + r.trigger + "\n    pattern: '" + r.pattern + "'\n";
  return yaml;
}

// The rule loaded from a file of a rule of `pattern` alone.
Rule LoadOne(const std::string& pattern) {
  StatusOr<std::unique_ptr<RuleSet>> r =
      RuleSet::Load({DataFile{"f.yaml", RuleFile({{"t.rule", "'{trig}'", pattern}})}});
  INFO(pattern << ": " << r.status().message());
  REQUIRE(r.ok());
  REQUIRE(r.value()->rules().size() == 1);
  return r.value()->rules()[0];
}

TEST_CASE("RuleSet: MatchStart comes from the assertion the whole pattern opens with") {
  struct Case {
    std::string pattern;
    MatchStart start;
  };
  const std::vector<Case> cases = {
      {"(?m:^)\\p{Arabic}+", MatchStart::kLineStart},
      {"(?m:^)(?P<span>\\p{Arabic}+)[ \\t]+\\p{Arabic}+", MatchStart::kLineStart},
      {"(?m:^)(?:\\p{Arabic}+|[0-9]+)", MatchStart::kLineStart},  // `|` inside a group
      {"^\\p{Arabic}+", MatchStart::kTextStart},
      {"^[|]\\p{Arabic}+", MatchStart::kTextStart},  // `|` inside a class
      {"\\A\\p{Arabic}+", MatchStart::kTextStart},
      // A quantified assertion may match nowhere: the rule runs anywhere.
      {"(?m:^)?\\p{Arabic}+", MatchStart::kAnywhere},
      {"(?m:^)*\\p{Arabic}+", MatchStart::kAnywhere},
      {"^?\\p{Arabic}+", MatchStart::kAnywhere},
      {"^*\\p{Arabic}+", MatchStart::kAnywhere},
      {"^{0,1}\\p{Arabic}+", MatchStart::kAnywhere},
      {"\\A?\\p{Arabic}+", MatchStart::kAnywhere},
      // Another alternative starts the match elsewhere.
      {"(?m:^)\\p{Arabic}+|[0-9]+", MatchStart::kAnywhere},
      {"^\\p{Arabic}+|[0-9]+", MatchStart::kAnywhere},
      {"\\A[0-9]+|\\p{Arabic}+", MatchStart::kAnywhere},
      // Not at the start.
      {"\\p{Arabic}+(?m:^)", MatchStart::kAnywhere},
      {"\\p{Arabic}+[ \\t]*^", MatchStart::kAnywhere},
      {"\\p{Arabic}+\\A", MatchStart::kAnywhere},
      {"\\p{Arabic}+", MatchStart::kAnywhere},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern);
    CHECK(static_cast<int>(LoadOne(c.pattern).start) == static_cast<int>(c.start));
  }
}

TEST_CASE("RuleSet: only patterns of words of letters with blanks between them are scanned") {
  const std::string w = std::string(kClass) + "+";
  const std::string b = kBlanks;
  struct Case {
    std::string pattern;
    std::vector<int> word_groups;  // the group of each word (0: none); empty: not scanned
    std::vector<int> end_groups;
  };
  const std::vector<Case> cases = {
      {w, {0}, {}},
      {w + b + w, {0, 0}, {}},
      {w + b + w + b + w, {0, 0, 0}, {}},
      {"(?P<span>" + w + ")(?P<read_on>)", {1}, {2}},
      {"(?P<speech>" + w + ")" + b + "(?P<span>" + w + ")", {1, 2}, {}},
      {"(?P<a>" + w + ")" + b + w + b + "(?P<c>" + w + ")(?P<d>)(?P<e>)", {1, 0, 2}, {3, 4}},
      {"(?:" + w + ")(?:" + b + ")(?:(?:" + w + "))", {0, 0}, {}},  // non-capturing groups, as macros give
      {"(?P<a>(?:" + w + "))(?P<e>(?:))", {1}, {2}},
      {"[\\x{0628}\\x{062A}-\\x{062B}]+", {0}, {}},
      {"[\u0628\u062A\u062B]+" + b + "[\\x{0080}-\\x{07FF}]+", {0, 0}, {}},  // literal letters; the whole range
      // A class with a blank, or any ASCII: a word could hold a blank.
      {"[ \\x{0628}-\\x{0639}]+", {}, {}},
      {"[\\x{0628}-\\x{0639} ]+" + b + w, {}, {}},
      {"[\\t\\x{0628}-\\x{0639}]+", {}, {}},
      {"[\\x{0020}\\x{0628}-\\x{0639}]+", {}, {}},
      {"[\\x{0009}\\x{0628}]+", {}, {}},
      {"[a-z\\x{0628}-\\x{0639}]+", {}, {}},
      {"[\\x{0041}-\\x{0639}]+", {}, {}},
      // A code point from U+0800 on.
      {"[\\x{0628}-\\x{0800}]+", {}, {}},
      {"[\\x{0628}\\x{2014}]+", {}, {}},
      {"[\\x{0628}-\\x{0639}\\x{2000}-\\x{2FFF}]+", {}, {}},
      {w + b + "[\\x{4E00}]+", {}, {}},
      // Other classes and repetitions.
      {"[^\\x{0628}-\\x{0639}]+", {}, {}},
      {"\\p{Arabic}+", {}, {}},
      {"[\\x{0628}-\\x{0639}]*", {}, {}},
      {"[\\x{0628}-\\x{0639}]{2,}", {}, {}},
      {"[\\x{0628}-\\x{0639}]+?", {}, {}},
      {"(?:[\\x{0628}-\\x{0639}])+", {}, {}},
      {"(?:" + w + ")?", {}, {}},
      {"(?P<a>" + w + ")+", {}, {}},
      {"(?:" + w + "|[\\x{0641}-\\x{064A}]+)", {}, {}},
      {w + "|" + w + b + w, {}, {}},
      // Blanks written otherwise (\s also takes line breaks).
      {w + "\\s+" + w, {}, {}},
      {w + " +" + w, {}, {}},
      {w + "[ ]+" + w, {}, {}},
      {w + "[\\t ]+" + w, {}, {}},
      {w + "[ \\t]*" + w, {}, {}},
      {w + "(?P<b>" + b + ")" + w, {}, {}},
      // Capture groups the scan does not fill: a group count mismatch.
      {"(" + w + ")" + b + w, {}, {}},
      {"(?P<a>(?P<b>" + w + "))", {}, {}},
      {"(?:(?P<a>" + w + "))", {}, {}},
      // Something before, between or after the words.
      {"(?m:^)" + w, {}, {}},
      {"(?i)" + w, {}, {}},
      {w + b, {}, {}},
      {b + w, {}, {}},
      {w + b + w + "[0-9]+", {}, {}},
      {w + b + w + "(?P<n>[0-9])", {}, {}},
      {w + b + w + "(?:)", {}, {}},
      {w + b + w + "(?:\\b|\\B)", {}, {}},
      {w + b + w + "$", {}, {}},
      {w + "(?P<e>)" + b + w, {}, {}},
      {"(?P<e>)" + w, {}, {}},
      {w + "(?P<e>x)", {}, {}},
      {w + w, {}, {}},
      {w + "\\x{0627}" + w, {}, {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern);
    const Rule rule = LoadOne(c.pattern);
    std::vector<int> word_groups;
    for (const ScannedWord& word : rule.words) word_groups.push_back(word.group);
    CHECK(word_groups == c.word_groups);
    CHECK(rule.end_groups == c.end_groups);
  }
  // The letters of each word are those of its class.
  const Rule two = LoadOne("[\\x{0628}\\x{062A}-\\x{062B}]+" + b + "[\\x{00E9}]+");
  REQUIRE(two.words.size() == 2);
  CHECK(two.words[0].letters.count() == 3);
  CHECK(two.words[0].letters[0x0628]);
  CHECK_FALSE(two.words[0].letters[0x0629]);
  CHECK(two.words[0].letters[0x062A]);
  CHECK(two.words[0].letters[0x062B]);
  CHECK(two.words[1].letters.count() == 1);
  CHECK(two.words[1].letters[0x00E9]);
}

TEST_CASE("RuleSet: groups_keep is set only for patterns that do not look outside their match") {
  struct Case {
    std::string pattern;
    bool keep;
  };
  const std::vector<Case> cases = {
      {"(?P<a>\\p{Arabic}+)[ \\t]+(?P<span>\\p{Arabic}+)", true},
      {"(?P<a>\\p{Arabic}+)[$^]", true},  // inside a class they are characters
      {"(?P<a>\\p{Arabic}+)\\$", true},
      {"\\p{Arabic}+", false},  // no groups
      {"(?P<span>\\p{Arabic}+)(?P<read_on>)", false},  // span_is_match instead
      {"(?P<a>\\p{Arabic}+)$", false},
      {"^(?P<a>\\p{Arabic}+)", false},
      {"(?m:^)(?P<a>\\p{Arabic}+)", false},
      {"(?P<a>\\p{Arabic}+)\\b", false},
      {"(?P<a>\\p{Arabic}+)\\B", false},
      {"\\A(?P<a>\\p{Arabic}+)", false},
      {"(?P<a>\\p{Arabic}+)\\z", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern);
    CHECK(LoadOne(c.pattern).groups_keep == c.keep);
  }
}

// Random text: words of kClass letters (triggers among them, some with a
// proclitic, some very long), words outside it or mixed, digits, Latin,
// punctuation, separated by blanks (sometimes long runs), line breaks, or
// nothing (glued).
std::string RandomText(Random* rng) {
  std::string text;
  for (size_t n = 1 + rng->Below(60); n > 0; --n) {
    switch (rng->Below(10)) {
      case 0:
      case 1:
      case 2: text += rng->Trigger(); break;
      case 3:
      case 4: text += rng->Letters(kIn, 1, 6); break;
      case 5: text += rng->OneIn(3) ? rng->Letters(kIn, 100, 300) : rng->Letters(kIn, 1, 3); break;
      case 6: text += rng->Letters(kOut, 1, 5); break;
      case 7:  // a letter outside the class inside a word
        text += rng->Letters(kIn, 1, 4);
        text += rng->Letters(kOut, 1, 2);
        text += rng->Letters(kIn, 0, 2);
        break;
      default: text += rng->Pick(kOther); break;
    }
    switch (rng->Below(16)) {
      case 0: break;  // glued
      case 1: text += "\t"; break;
      case 2: text += " \t "; break;
      case 3: text += "\n"; break;
      case 4: text += "\r\n"; break;
      case 5: text += rng->Pick(kOther); break;
      case 6: {
        const size_t size = rng->OneIn(2) ? 2 : 480 + rng->Below(60);
        text += std::string(size, rng->OneIn(2) ? ' ' : '\t');
        break;
      }
      default: text += " "; break;
    }
  }
  return text;
}

// Texts where a word or a run of blanks after a trigger ends at every offset
// around the end of the 512-byte match window, followed by the end of the
// text, a blank, a digit, a letter outside the class, Latin or punctuation.
std::vector<std::string> WindowEdgeTexts(Random* rng) {
  const std::vector<std::string> tails = {"", " ", "12", "\u0646", "x", ".", "\n", "\u00E9\u0646"};
  std::vector<std::string> texts;
  for (const std::string& tail : tails) {
    for (size_t pad = 1; pad <= 2; ++pad) {
      for (size_t n = 248; n <= 256; ++n) {
        const std::string trigger = rng->Trigger();
        const std::string blanks(pad, ' ');
        const std::string run = rng->Letters(kIn, n, n);
        texts.push_back(trigger + blanks + run + tail);
        texts.push_back(trigger + blanks + run + " " + kTriggers[1] + tail);
        texts.push_back(trigger + " " + kTriggers[2] + blanks + run + tail);
        texts.push_back(trigger + std::string(2 * n - 1 + pad, n % 2 ? ' ' : '\t') + kTriggers[3] + tail);
      }
    }
  }
  return texts;
}

// The patterns of the differential word rules, written with the word `w`,
// the blanks `b` and a suffix `end`: one, two and three words, each group in
// turn the span (which the entity offsets then show), and no groups.
std::vector<PatternRule> WordRules(const std::string& w, const std::string& b, const std::string& end) {
  const std::string t = "'{trig}'";
  return {
      {"w.one", t, "(?P<span>" + w + ")(?P<read_on>)" + end},
      {"w.one_plain", t, w + end},
      {"w.two_first", t, "(?P<span>" + w + ")" + b + "(?P<b>" + w + ")" + end},
      {"w.two_second", t, "(?P<speech>" + w + ")" + b + "(?P<span>" + w + ")" + end},
      {"w.three_first", t, "(?P<span>" + w + ")" + b + "(?P<b>" + w + ")" + b + "(?P<c>" + w + ")(?P<e>)" + end},
      {"w.three_second", t, "(?P<a>" + w + ")" + b + "(?P<span>" + w + ")" + b + w + end},
      {"w.three_third", t, w + b + "(?P<b>" + w + ")" + b + "(?P<span>" + w + ")(?P<e>)(?P<f>)" + end},
      {"w.three_plain", t, w + b + w + b + w + end},
  };
}

// Runs the rules of `slow` on `texts` and reports the first text where
// their hits differ from `fast_hits`, those of the other rules.
void CompareOn(const std::vector<std::string>& fast_hits, const Pipeline& slow,
               const std::vector<std::string>& texts) {
  for (size_t i = 0; i < texts.size(); ++i) {
    const std::string expected = Hits(slow, texts[i]);
    if (fast_hits[i] != expected) {
      CAPTURE(texts[i]);
      CHECK(fast_hits[i] == expected);
      return;
    }
  }
}

// The hits of `pipeline` on each text, and the number of texts where there
// are any (so that a comparison says something).
std::vector<std::string> AllHits(const Pipeline& pipeline, const std::vector<std::string>& texts, int* matched) {
  std::vector<std::string> hits;
  *matched = 0;
  for (const std::string& text : texts) {
    hits.push_back(Hits(pipeline, text));
    *matched += hits.back().size() > 4;
  }
  return hits;
}

// Checks that the rules of `fast` take a shortcut (`shortcut(rule)`) and
// those of `slow`, the same patterns ending with `(?:)`, do not; then that
// both find the same on `texts`, most of which hold a match.
template <typename Shortcut>
void CheckShortcut(const Pipeline& fast, const Pipeline& slow, Shortcut shortcut,
                   const std::vector<std::string>& texts) {
  for (const Rule& rule : fast.rules().rules()) {
    CAPTURE(rule.id);
    CHECK(shortcut(rule));
  }
  for (const Rule& rule : slow.rules().rules()) {
    CAPTURE(rule.id);
    CHECK_FALSE(shortcut(rule));
  }
  int matched = 0;
  const std::vector<std::string> fast_hits = AllHits(fast, texts, &matched);
  CHECK(matched > static_cast<int>(texts.size()) / 2);
  CompareOn(fast_hits, slow, texts);
}

TEST_CASE("RuleSet: scanned word patterns find what RE2 finds") {
  const std::string w = std::string(kClass) + "+";
  const std::unique_ptr<Pipeline> fast = PipelineOf(RuleFile(WordRules(w, kBlanks, "")));
  for (const Rule& rule : fast->rules().rules()) {
    CAPTURE(rule.id);
    CHECK_FALSE(rule.words.empty());
  }
  // The same regexes, written so that the scan refuses them: an empty group
  // after them (the groups then searched in the matched bytes alone), an
  // assertion that always holds (the groups searched in the whole text), or
  // words and blanks spelled otherwise.
  struct Variant {
    std::string name;
    std::string yaml;
  };
  const std::vector<Variant> variants = {
      {"empty group", RuleFile(WordRules(w, kBlanks, "(?:)"))},
      {"assertion", RuleFile(WordRules(w, kBlanks, "(?:\\b|\\B)"))},
      {"spelling", RuleFile(WordRules("(?:" + std::string(kClass) + ")+", "[\\t ]+", ""))},
  };
  Random rng(20261130);
  std::vector<std::string> texts = WindowEdgeTexts(&rng);
  for (int i = 0; i < 200; ++i) texts.push_back(RandomText(&rng));
  int matched = 0;
  const std::vector<std::string> fast_hits = AllHits(*fast, texts, &matched);
  CHECK(matched > static_cast<int>(texts.size()) / 2);
  for (const Variant& v : variants) {
    INFO("variant: " << v.name);
    const std::unique_ptr<Pipeline> slow = PipelineOf(v.yaml);
    for (const Rule& rule : slow->rules().rules()) {
      CAPTURE(rule.id);
      CHECK(rule.words.empty());
    }
    CompareOn(fast_hits, *slow, texts);
  }
}

TEST_CASE("RuleSet: scanned word patterns at the window edge and inside tokens") {
  // Fixed cases for the scan's hand-overs to RE2; the rules are those of the
  // differential case above.
  const std::string w = std::string(kClass) + "+";
  const std::unique_ptr<Pipeline> p = PipelineOf(RuleFile(WordRules(w, kBlanks, "")));
  const std::string bahth = kTriggers[0];
  const std::string dars = kTriggers[1];
  auto spans = [&](const std::string& text, const std::string& rule_id) {
    Article article;
    article.text = text;
    Trace trace;
    p->Process(article, ProcessOptions(), &trace);
    std::string out;
    for (const Entity& e : trace.candidates)
      if (e.rule.size() > rule_id.size() && e.rule.compare(e.rule.size() - rule_id.size(), rule_id.size(), rule_id) == 0)
        out += (out.empty() ? "" : " ") + std::to_string(e.start) + "-" + std::to_string(e.end);
    return out;
  };
  // Glued digits end the token: the scan decides.
  CHECK(spans(bahth + " " + dars + "12", "w.two_second") == "4-7");
  // A letter outside the class inside the token (درسن): RE2 cuts the text at
  // the last token boundary, before درسن, and finds no second word.
  CHECK(spans(bahth + " " + dars + "\u0646", "w.two_second").empty());
  // A second word that runs past the window: RE2 retries on the whole text.
  std::string run;
  for (int i = 0; i < 300; ++i) run += "\u062F";
  CHECK(spans(bahth + "  " + run, "w.two_second") == "5-305");
  // Matches that do not fit in the window: the scan, like RE2, finds none.
  CHECK(spans(bahth + "  " + run + " " + dars + " x", "w.three_third").empty());
  CHECK(spans(bahth + std::string(600, ' ') + dars + " x", "w.two_second").empty());
}

// A match that reaches the end of the 512-byte window is retried on the
// whole text. The window ends at the start of a code point: were it to split
// a two-byte letter, RE2 would see the match end one byte before it, inside
// the token, and the retry would cut it at the previous token boundary. Here
// 512 bytes after the trigger بحث fall inside the 253rd letter of the word
// after it.
TEST_CASE("RuleSet: a match is retried on the whole text when the window end splits a letter") {
  const std::unique_ptr<Pipeline> p = PipelineOf(RuleFile({{"r.two", "'{trig}'", "\\p{Arabic}+ \\p{Arabic}+"}}));
  std::string run;
  for (int i = 0; i < 300; ++i) run += "\u062F";  // د
  Article article;
  article.text = kTriggers[0] + " " + run;
  const Record record = p->Process(article, ProcessOptions());
  REQUIRE(record.entities.size() == 1);
  CHECK(record.entities[0].end == 304);
}

// Choices of literal words (Rule::literals) over the trigger words بحث درس
// صبر شرح, with `[ \t]+` between words and `[ةه]`, each group in turn the
// span: an optional prefix, a required one, none; words of which one is the
// start of another, and words that start with a prefix (البحث, لدرس, also
// triggers), where the groups take the prefix; choices written with groups.
std::vector<PatternRule> LiteralRules(const std::string& end) {
  const std::string t = "['{trig}', '\u0627\u0644" + kTriggers[0] + "', '\u0644" + kTriggers[1] + "']";
  const std::string& b = kTriggers[0];
  const std::string& d = kTriggers[1];
  const std::string& s = kTriggers[2];
  const std::string& h = kTriggers[3];
  const std::string sp = kBlanks;
  const std::string ta = "[\u0629\u0647]";  // ة or ه
  const std::string words = "(?:" + b + "|" + d + sp + s + "|" + d + "|" + b + sp + d + sp + h + "|" + s + ta + "|" + h +
                            "|\u0627\u0644" + b + "|\u0644" + d + sp + s + ")";
  const std::string art = "\u0627\u0644|\u0644";  // ال or ل
  return {
      {"l.art", t, "(?:(?P<art>" + art + ")?)(?P<span>" + words + ")(?:(?P<tail>))" + end},
      {"l.art_span", t, "(?P<span>" + art + ")?(?P<head>" + words + ")(?P<tail>)(?P<more>)" + end},
      {"l.required", t, "(?P<span>\u0627\u0644|\u0648)(?P<head>" + words + ")(?P<tail>)" + end},
      {"l.bare", t, "(?P<span>" + words + ")(?P<tail>)" + end},
      {"l.one", t, "(?P<span>" + d + sp + s + ")(?P<tail>)" + end},
      // Groups and optional groups inside the choices; ة written as such.
      {"l.nested", t,
       "(?P<span>(?:" + art + "))?(?P<head>(?:" + b + "|" + d + ")(?:" + sp + "(?:\u0627\u0644)?(?:" + s + "|" + h +
           "\u0629))?)(?P<tail>)" + end},
      {"l.whole", t, "(?P<span>(?:" + art + ")?" + d + "(?:\u0629)?(?:" + sp + s + ")?)" + end},
  };
}

TEST_CASE("RuleSet: choices of literal words find what RE2 finds") {
  const std::unique_ptr<Pipeline> fast = PipelineOf(RuleFile(LiteralRules("")));
  for (const Rule& rule : fast->rules().rules()) {
    CAPTURE(rule.id);
    CHECK_FALSE(rule.literals.words.empty());
  }
  // The same regexes, with an empty group after them (the groups then
  // searched by RE2 in the matched bytes alone) or an assertion that always
  // holds (searched in the whole text).
  const std::vector<std::string> ends = {"(?:)", "(?:\\b|\\B)"};
  const std::string& b = kTriggers[0];
  const std::string& d = kTriggers[1];
  const std::string& s = kTriggers[2];
  std::vector<std::string> texts = {
      b + " " + d + " " + kTriggers[3],
      b + " \t" + d + "  " + kTriggers[3] + ".",
      d + " " + s + "\u0647 " + s + "\u0629",
      "\u0627\u0644" + d + " " + s,
      "\u0648\u0627\u0644" + d + " " + s + "x",
      "\u0644" + b + "\u0646 " + d,
      d + " " + s + "\u0646",
      b + " " + d + "12",
      "\u0627\u0644" + b + " \u0644" + d + " " + s + " \u0644\u0644" + d + " " + s,
      "\u0627\u0644\u0627\u0644" + b + " \u0648\u0627\u0644" + b,
      b + " \u0627\u0644" + kTriggers[3] + "\u0629 " + d + "\u0647 " + s + " " + d + "\u0629",
  };
  Random rng(20261201);
  for (const std::string& text : WindowEdgeTexts(&rng)) texts.push_back(text);
  for (int i = 0; i < 300; ++i) texts.push_back(RandomText(&rng));
  int matched = 0;
  const std::vector<std::string> fast_hits = AllHits(*fast, texts, &matched);
  CHECK(matched > static_cast<int>(texts.size()) / 2);
  for (const std::string& end : ends) {
    INFO("end: " << end);
    const std::unique_ptr<Pipeline> slow = PipelineOf(RuleFile(LiteralRules(end)));
    for (const Rule& rule : slow->rules().rules()) {
      CAPTURE(rule.id);
      CHECK(rule.literals.words.empty());
    }
    CompareOn(fast_hits, *slow, texts);
  }
}

// Random lines: triggers (some with a proclitic) or other words at the
// start of a line or after blanks, digits and Latin words, with \n, \r\n or
// blanks before a line break.
std::string RandomLines(Random* rng) {
  const std::vector<std::string> breaks = {"\n", "\n", "\r\n", " \n", "\n\n", "\n ", "\n\t"};
  std::string text = rng->OneIn(4) ? " " : "";
  for (size_t lines = 1 + rng->Below(6); lines > 0; --lines) {
    for (size_t n = 1 + rng->Below(5); n > 0; --n) {
      switch (rng->Below(6)) {
        case 0:
        case 1: text += rng->Trigger(); break;
        case 2: text += rng->Letters(kIn, 1, 5); break;
        case 3: text += rng->Letters(kOut, 1, 5); break;
        case 4: text += rng->OneIn(2) ? "2024" : "Rabat"; break;
        default: text += rng->Pick(kOther); break;
      }
      text += rng->OneIn(5) ? "\t" : " ";
    }
    text += rng->Pick(breaks);
  }
  return text;
}

// Rules opening with line and text starts, triggered by words, numbers and
// Latin words; `wrap` puts the opening assertion inside a group (which RE2
// reads the same, but which makes no MatchStart).
std::vector<PatternRule> StartRules(bool wrap) {
  auto open = [&](const std::string& assertion) { return wrap ? "(?:" + assertion + ")" : assertion; };
  const std::string t = "'{trig}'";
  return {
      {"s.line", t, open("(?m:^)") + "(?P<span>\\p{Arabic}+)[ \\t]+\\p{Arabic}+"},
      {"s.line_one", t, open("(?m:^)") + "\\p{Arabic}+"},
      {"s.text", t, open("^") + "\\p{Arabic}+"},
      {"s.text_a", t, open("\\A") + "\\p{Arabic}+(?:[ \\t]+\\p{Arabic}+)?"},
      {"s.digit_line", "DIGIT", open("(?m:^)") + "[0-9]+"},
      {"s.digit_text", "DIGIT", open("^") + "[0-9]+[ \\t]+\\p{Arabic}+"},
      {"s.latin_line", "LATIN", open("(?m:^)") + "[A-Za-z]+"},
  };
}

TEST_CASE("RuleSet: rules opening with a line or text start find what RE2 finds") {
  const std::unique_ptr<Pipeline> fast = PipelineOf(RuleFile(StartRules(false)));
  const std::unique_ptr<Pipeline> slow = PipelineOf(RuleFile(StartRules(true)));
  for (const Rule& rule : fast->rules().rules()) {
    CAPTURE(rule.id);
    CHECK(rule.start != MatchStart::kAnywhere);
  }
  for (const Rule& rule : slow->rules().rules()) {
    CAPTURE(rule.id);
    CHECK(rule.start == MatchStart::kAnywhere);
  }
  // The same rules written with the flag for the whole pattern.
  std::vector<PatternRule> flagged = StartRules(false);
  for (PatternRule& r : flagged)
    if (r.pattern.compare(0, 6, "(?m:^)") == 0) r.pattern = "(?m)^" + r.pattern.substr(6);
  const std::unique_ptr<Pipeline> flag = PipelineOf(RuleFile(flagged));

  const std::string bahth = kTriggers[0];
  const std::string dars = kTriggers[1];
  std::vector<std::string> texts = {
      bahth + " " + dars,
      bahth + " " + dars + "\n" + dars + " " + bahth,
      "x\n" + bahth + " " + dars,
      "x\r\n" + bahth + " " + dars,
      " " + bahth + " " + dars,
      "\n" + bahth,
      "\u0648" + bahth + " " + dars + "\n\u0648" + dars,
      "12 " + dars + "\n34 " + bahth + "\nRabat\n x",
  };
  Random rng(1130);
  for (int i = 0; i < 400; ++i) texts.push_back(RandomLines(&rng));
  int matched = 0;
  const std::vector<std::string> fast_hits = AllHits(*fast, texts, &matched);
  CHECK(matched > static_cast<int>(texts.size()) / 2);
  CompareOn(fast_hits, *slow, texts);
  CompareOn(fast_hits, *flag, texts);

  // What the line start means: at the start of the text or after \n only.
  auto count = [&](const std::string& text) {
    Article article;
    article.text = text;
    Trace trace;
    fast->Process(article, ProcessOptions(), &trace);
    int n = 0;
    for (const Entity& e : trace.candidates) n += e.rule.find("s.line_one") != std::string::npos;
    return n;
  };
  CHECK(count(bahth + " " + dars + "\n" + dars + "\n" + bahth) == 3);
  CHECK(count(dars + " " + bahth + " \t" + bahth) == 1);
  CHECK(count("x\r" + bahth) == 0);
  CHECK(count("x\n " + bahth) == 0);
  CHECK(count("\u0648" + bahth) == 0);  // the stem after و is not at the line start
}

// Patterns with groups that split a match in more than one way, their
// groups searched in the matched bytes alone (`end` empty) or in the whole
// text (`end` an assertion that always holds).
std::vector<PatternRule> AmbiguousRules(const std::string& end) {
  const std::string t = "'{trig}'";
  const std::string w = std::string(kClass);
  return {
      {"g.split", t, "(?P<a>" + w + "+)(?P<span>" + w + "*)(?P<c>" + w + ")" + end},
      {"g.lazy", t, "(?P<span>\\p{Arabic}+?)(?P<b>" + w + "*)" + end},
      {"g.blanks", t, "(?P<a>" + w + "+)(?P<span>[ \\t" + w.substr(1) + "*)[ \\t]+\\p{Arabic}+" + end},
      {"g.repeat", t, "(?P<span>(?:\\p{Arabic}+[ \\t]+)+?)(?P<b>\\p{Arabic}+)" + end},
      {"g.optional", t, "(?P<a>" + w + "+)?(?P<span>" + w + "{1,2})[ \\t]?(?P<c>" + w + "*)" + end},
  };
}

TEST_CASE("RuleSet: groups searched in the matched bytes alone are those found in the whole text") {
  const std::unique_ptr<Pipeline> fast = PipelineOf(RuleFile(AmbiguousRules("")));
  const std::unique_ptr<Pipeline> slow = PipelineOf(RuleFile(AmbiguousRules("(?:\\b|\\B)")));
  for (const Rule& rule : fast->rules().rules()) {
    CAPTURE(rule.id);
    CHECK(rule.groups_keep);
    CHECK(rule.words.empty());
  }
  for (const Rule& rule : slow->rules().rules()) {
    CAPTURE(rule.id);
    CHECK_FALSE(rule.groups_keep);
  }
  Random rng(3011);
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) texts.push_back(RandomText(&rng));
  // The same texts twice: the second time the groups come from the cache.
  for (int i = 0; i < 300; ++i) texts.push_back(texts[i]);
  int matched = 0;
  const std::vector<std::string> fast_hits = AllHits(*fast, texts, &matched);
  CHECK(matched > static_cast<int>(texts.size()) / 2);
  CompareOn(fast_hits, *slow, texts);
}

// Patterns of leading literal groups and a group around the rest
// (Rule::leading), each group in turn the span, `end` after them: words of
// which one starts another (the groups then left to RE2), [ةه], and a rest
// that may start with the words again.
std::vector<PatternRule> LeadingRules(const std::string& end) {
  const std::string t = "'{trig}'";
  const std::string& b = kTriggers[0];
  const std::string& d = kTriggers[1];
  const std::string& s = kTriggers[2];
  const std::string& h = kTriggers[3];
  const std::string sp = kBlanks;
  const std::string heads = b + "|" + d + sp + s + "|" + s + "[\u0629\u0647]|" + h;
  const std::string tail = "(?:" + sp + "[^ \\t\\r\\n.,]+){1,3}";
  const std::string words = "(?:[^ \\t\\r\\n.,]+)(?:" + sp + "[^ \\t\\r\\n.,]+){0,2}";
  return {
      {"d.head", t, "(?P<span>" + heads + ")(?P<known>)(?P<tail>" + tail + ")" + end},
      {"d.tail", t, "(?:(?P<head>" + heads + "))(?P<known>)(?:(?P<span>" + tail + "))" + end},
      {"d.both_head", t, "(?P<span>" + b + "|" + d + ")(?P<second>" + sp + s + "|" + sp + h + ")(?P<tail>" + tail + ")" + end},
      {"d.both_second", t, "(?P<head>" + b + "|" + d + ")(?P<span>" + sp + s + "|" + sp + h + ")(?P<tail>" + tail + ")" + end},
      {"d.prefix_head", t, "(?P<span>" + b + "|" + b + sp + d + ")(?P<tail>" + tail + ")" + end},
      {"d.prefix_tail", t, "(?P<head>" + b + "|" + b + sp + d + ")(?P<span>" + tail + ")" + end},
      // Blanks before the last group, which opens with no blank.
      {"d.blanks_head", t, "(?P<span>" + heads + ")(?P<known>)" + sp + "(?P<tail>" + words + ")" + end},
      {"d.blanks_tail", t, "(?P<head>" + heads + ")(?P<known>)" + sp + "(?P<span>" + words + ")" + end},
      {"d.blanks_letter", t, "(?P<head>" + b + "|" + d + ")" + sp + "(?P<span>" + s + "(?:" + sp + "[^ \\t]+)?)" + end},
  };
}

TEST_CASE("RuleSet: groups of leading literal words are those RE2 finds") {
  const std::unique_ptr<Pipeline> fast = PipelineOf(RuleFile(LeadingRules("")));
  const std::unique_ptr<Pipeline> slow = PipelineOf(RuleFile(LeadingRules("(?:)")));
  const std::string& b = kTriggers[0];
  const std::string& d = kTriggers[1];
  const std::string& s = kTriggers[2];
  std::vector<std::string> texts = {
      b + " " + d + " " + s + " x",
      b + "  " + d + "\t" + b + " " + d + " " + b,
      d + " \t" + s + " " + s + "\u0647 " + kTriggers[3] + ".",
      s + "\u0629 " + b + " " + d + ",",
      kTriggers[3] + " " + s + "\u0629 " + d,
  };
  Random rng(711);
  for (int i = 0; i < 400; ++i) texts.push_back(RandomText(&rng));
  CheckShortcut(*fast, *slow, [](const Rule& rule) { return !rule.leading.groups.empty(); }, texts);
}

TEST_CASE("RuleSet: only groups of literal words, then one group around the rest, are leading literals") {
  const std::string& b = kTriggers[0];
  const std::string& d = kTriggers[1];
  struct Case {
    std::string pattern;
    bool leading;
  };
  const std::vector<Case> cases = {
      {"(?P<head>" + b + ")(?P<known>)(?P<tail>[ \\t]+\\p{Arabic}+)", true},
      {"(?:(?P<head>" + b + "|" + d + "))(?:(?P<tail>.+))", true},
      {"(?P<head>" + b + "[ \\t]+" + d + ")(?P<tail>.+)", true},
      {"(?P<head>" + b + ")?(?P<tail>.+)", false},            // an optional head
      {"(?P<head>" + b + ")(?P<tail>.+)?", false},            // an optional rest
      {"(?P<head>" + b + "[ \\t]+)(?P<tail>.+)", false},     // blanks that end a head
      {"(?P<head>" + b + ")(?P<tail>(?P<inner>.)+)", false},  // a group in the rest
      {"(?P<head>" + b + ")[ \\t]+(?P<tail>.+)", false},     // a rest that may open with a blank
      {"(?P<head>" + b + ")[ \\t]+(?P<tail>(?:[^ \\t]+)(?:[ \\t]+.)?)", true},
      {"(?P<head>" + b + ")[ \\t]+(?P<tail>" + d + "[ \\t]+.)", true},
      {"(?P<head>" + b + ")[ \\t]+(?P<tail>[^ \\t]*.)", false},      // an optional first letter
      {"(?P<head>" + b + ")[ \\t]+(?P<tail>(?:" + d + "|[ \\t]).)", false},  // a choice
      {"(?P<head>" + b + ")[ \\t]+(?P<known>)(?P<tail>" + d + ")", false},   // blanks between heads
      {"(?P<head>" + b + ")[ \\t]+x(?P<tail>" + d + ")", false},             // the rest not all in the group
      {"(?P<head>" + b + "+)(?P<tail>.+)", false},            // no literal
      {"(?P<tail>.+)", false},                                // no head
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern);
    CHECK(LoadOne(c.pattern).leading.groups.empty() != c.leading);
  }
}

TEST_CASE("RuleSet: only literal strings that open every match are openings") {
  const std::string& b = kTriggers[0];
  const std::string& d = kTriggers[1];
  const std::string blanks(1, LiteralWords::kBlanks);
  struct Case {
    std::string pattern;
    std::vector<std::string> openings;
  };
  const std::vector<Case> cases = {
      {"(?P<span>(?P<rel>" + b + "|" + d + "[ \\t\\n]+(?:x)?y)(?:[ \\t]+z)?)[0-9]+",
       {b, d + blanks + "xy", d + blanks + "y"}},
      {"(?:" + b + "|" + d + ")[ \\t]+\\p{Arabic}+", {b, d}},
      {b + "[ \\t]+" + d, {b + blanks + d}},
      {"(?P<a>" + b + ")?" + d, {}},         // an optional first group
      {"(?P<a>" + b + ")+" + d, {}},         // a repeated first group
      {"(?P<a>" + b + ")|" + d + "[0-9]", {}},  // a choice that is not literal
      {"(?P<a>" + b + "|)" + d, {}},         // an empty opening
      {"\\p{Arabic}+" + b, {}},
      // Optional blanks and punctuation.
      {"(?P<s>" + b + "[ \\t]*:?|" + d + "[ \\t\\n]*-)[ \\t]*\\p{Arabic}+",
       {b + blanks + ":", b + blanks, b + ":", b, d + blanks + "-", d + "-"}},
      {b + "\\.?" + d, {b + "." + d, b + d}},
      {b + "[ \\t]+[ \\t]*" + d, {}},  // a run of blanks before another
      {b + "[ \\t]* " + d, {}},           // a blank written as such
      {b + "(?:x)?" + d, {b + "x" + d, b + d}},
      {b + "x?" + d, {}},                   // an optional letter
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern);
    CHECK(LoadOne(c.pattern).openings == c.openings);
  }
}

// Texts of triggers (most of them the first two, which the rules below
// open with) followed by blanks, line feeds and punctuation, or none, then
// words.
std::string RandomOpeningText(Random* rng) {
  const std::vector<std::string> seps = {"", " ", "  ", "\t", "\n", " \n ", ":", " :", ": ", "-", " - ", "\u060C", "."};
  std::string text;
  for (size_t n = 2 + rng->Below(6); n > 0; --n) {
    text += rng->OneIn(2) ? kTriggers[rng->Below(2)] : rng->Trigger();
    for (size_t k = rng->Below(3); k > 0; --k) text += rng->Pick(seps);
    text += rng->OneIn(4) ? rng->Pick(kOther) : rng->Letters(kIn, 1, 6);
    text += rng->OneIn(3) ? "\n" : " ";
  }
  return text;
}

TEST_CASE("RuleSet: openings with optional blanks and punctuation find what RE2 finds") {
  const std::string w = std::string(kClass) + "+";
  const std::string& b = kTriggers[0];
  const std::string& d = kTriggers[1];
  auto rules = [&](const std::string& os, const std::string& ls) {
    const std::string t = "'{trig}'";
    return RuleFile({{"o.byline", t, "(?P<strong>" + b + os + ":?|" + d + os + ":)" + os + "(?P<span>" + w + ")"},
                     {"o.dash", t, "(?P<lead>" + d + ls + "-?)" + os + "(?P<span>" + w + ")"}});
  };
  const std::unique_ptr<Pipeline> fast = PipelineOf(rules("[ \\t]*", "[ \\t\\n]*"));
  // The same regexes with the blanks spelled otherwise: no openings.
  const std::unique_ptr<Pipeline> slow = PipelineOf(rules("[\\t ]*", "[\\n\\t ]*"));
  Random rng(20261201);
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) texts.push_back(RandomOpeningText(&rng));
  CheckShortcut(*fast, *slow, [](const Rule& rule) { return !rule.openings.empty(); }, texts);
}

// The persons' title pattern (TitledName) over Arabic letters, each group
// in turn the span, `end` after it.
std::vector<PatternRule> TitledRules(const std::string& end) {
  const std::string t = "'{trig}'";
  const std::string w = "(?:[\\x{0621}-\\x{063A}\\x{0641}-\\x{064A}]+)";
  const std::string sp = "(?:[ \\t]+)";
  auto pattern = [&](const std::string& title, const std::string& name) {
    return "(?P<" + title + ">(?:\u0627\u0644|\u0644)?" + w + "(?:" + sp + "\u0627\u0644" + w + "){0,2})" + sp +
           "(?:(?:[\u201C\"\u00AB](?:[ \\t]*))?)(?P<" + name + ">(?:" + w + "(?:" + sp + w + "){0,5}))" + end;
  };
  return {{"t.name", t, pattern("title", "span")}, {"t.title", t, pattern("span", "name")}};
}

// Texts of a trigger and words after it: with and without the article,
// after blanks or a quote, a word that is the article alone, punctuation.
std::string RandomTitledText(Random* rng) {
  const std::vector<std::string> seps = {" ", " ", " ", "\t", "  ", " \u201C", " \"", " \u00AB ", "\u201C", ", ", "\n"};
  std::string text = rng->OneIn(3) ? rng->Letters(kIn, 1, 4) + " " : "";
  for (size_t n = 1 + rng->Below(4); n > 0; --n) {
    text += rng->Trigger();
    for (size_t k = rng->Below(11); k > 0; --k) {
      text += rng->Pick(seps);
      if (rng->OneIn(2)) text += rng->OneIn(8) ? "\u0644" : "\u0627\u0644";
      if (!rng->OneIn(12)) text += rng->Letters(rng->OneIn(3) ? kOut : kIn, 1, 4);
    }
    text += rng->OneIn(2) ? " " : rng->Pick(kOther);
  }
  return text;
}

TEST_CASE("RuleSet: the title pattern's words split as RE2 splits them") {
  const std::unique_ptr<Pipeline> fast = PipelineOf(RuleFile(TitledRules("")));
  const std::unique_ptr<Pipeline> slow = PipelineOf(RuleFile(TitledRules("(?:)")));
  Random rng(4242);
  std::vector<std::string> texts;
  for (int i = 0; i < 600; ++i) texts.push_back(RandomTitledText(&rng));
  CheckShortcut(*fast, *slow, [](const Rule& rule) { return rule.titled_name.on; }, texts);
}

// The persons' honorific pattern (HonorificName) with the title words
// سيد سيدة حاج over Arabic letters, each group in turn the span, `end` after
// it.
std::vector<PatternRule> HonorificRules(const std::string& end) {
  const std::string t = "'{trig}'";
  const std::string w = "(?:[\\x{0621}-\\x{063A}\\x{0641}-\\x{064A}]+)";
  const std::string hon =
      "(?:(?:(?:\u0627\u0644|\u0644)(?:\u0633\u064A\u062F|\u0633\u064A\u062F\u0629|\u062D\u0627\u062C)"
      "(?:[ \\t]+)|(?:\u062F|\u0630)(?:[ \\t]*)\\.(?:[ \\t]*)))";
  auto pattern = [&](const std::string& strong, const std::string& name) {
    return "(?P<" + strong + ">" + hon + ")(?:" + hon + ")*(?:(?:[\u201C\"\u00AB](?:[ \\t]*))?)(?P<" + name +
           ">(?:" + w + "(?:(?:[ \\t]+)" + w + "){0,5}))" + end;
  };
  return {{"h.name", t, pattern("strong", "span")}, {"h.strong", t, pattern("span", "name")}};
}

// Texts of honorifics (السيد لسيدة الحاج د. ذ .) and words after them, with
// blanks, quotes and punctuation between.
std::string RandomHonorificText(Random* rng) {
  const std::vector<std::string> honorifics = {
      "\u0627\u0644\u0633\u064A\u062F", "\u0644\u0633\u064A\u062F\u0629", "\u0627\u0644\u062D\u0627\u062C",
      "\u062F.", "\u0630 .", "\u062F", "\u0627\u0644\u0633\u064A\u062F\u0629"};
  const std::vector<std::string> seps = {" ", " ", " ", "\t", "  ", "", " \u201C", " \"", "\u00AB ", ", ", "\n"};
  std::string text = rng->OneIn(3) ? rng->Letters(kIn, 1, 4) + " " : "";
  for (size_t n = 1 + rng->Below(4); n > 0; --n) {
    text += rng->Pick(honorifics);
    for (size_t k = rng->Below(10); k > 0; --k) {
      text += rng->Pick(seps);
      text += rng->OneIn(3) ? rng->Pick(honorifics) : rng->Letters(rng->OneIn(3) ? kOut : kIn, 1, 4);
    }
    text += rng->OneIn(2) ? " " : rng->Pick(kOther);
  }
  return text;
}

TEST_CASE("RuleSet: the honorific pattern's words split as RE2 splits them") {
  const std::string yaml = "classes:\n  trig: [\u0627\u0644\u0633\u064A\u062F, \u0644\u0633\u064A\u062F\u0629, "
                           "\u0627\u0644\u062D\u0627\u062C, \u062F, \u0630]\n";
  auto file = [&](const std::string& end) {
    std::string rules = RuleFile(HonorificRules(end));
    return yaml + rules.substr(rules.find("rules:"));
  };
  const std::unique_ptr<Pipeline> fast = PipelineOf(file(""));
  const std::unique_ptr<Pipeline> slow = PipelineOf(file("(?:)"));
  Random rng(1357);
  std::vector<std::string> texts;
  for (int i = 0; i < 600; ++i) texts.push_back(RandomHonorificText(&rng));
  CheckShortcut(*fast, *slow, [](const Rule& rule) { return rule.honorific_name.on; }, texts);
}

TEST_CASE("RuleSet: the default rules whose groups need no RE2 search are found so") {
  std::set<std::string> titled;
  std::set<std::string> honorific;
  std::set<std::string> leading;
  for (const Rule& rule : DefaultPipeline().rules().rules()) {
    if (rule.titled_name.on) titled.insert(rule.id);
    if (rule.honorific_name.on) honorific.insert(rule.id);
    if (!rule.leading.groups.empty()) leading.insert(rule.id);
  }
  CHECK(titled == std::set<std::string>{"person.title"});
  CHECK(honorific == std::set<std::string>{"person.honorific"});
  CHECK(leading.count("loc.wilaya") == 1);
  CHECK(leading.count("loc.district_known") == 1);
  CHECK(leading.count("loc.city") == 1);  // blanks before the last group
}

TEST_CASE("RuleSet: the day words open with the words they need") {
  for (const Rule& rule : DefaultPipeline().rules().rules()) {
    if (rule.id != "date.tomorrow" && rule.id != "date.yesterday") continue;
    CAPTURE(rule.id);
    CHECK(rule.openings.size() >= 3);
  }
}

// The texts of corpus/ and of every example and counter-example of the
// default rules, as articles.
std::vector<Article> CorpusAndExampleArticles() {
  std::vector<Article> articles;
  for (CorpusText& t : CorpusTexts()) {
    Article& a = articles.emplace_back();
    a.id = std::move(t.name);
    a.text = std::move(t.text);
    a.date = "2024-03-15";
  }
  for (const Rule& rule : DefaultPipeline().rules().rules()) {
    for (const auto* list : {&rule.examples, &rule.counter_examples}) {
      for (const RuleExample& example : *list) {
        Article& a = articles.emplace_back();
        a.id = rule.id;
        a.text = example.text;
        a.date = example.anchor.empty() ? "2024-03-15" : example.anchor;
      }
    }
  }
  return articles;
}

TEST_CASE("RuleSet: the default rules find the same with and without their needs") {
  // The default rule files with every `needs:` line taken out.
  std::vector<DataFile> without;
  const std::regex needs_line("\\n[ \\t]+needs:[^\\n]*");
  size_t removed = 0;
  for (const DataFile& f : DefaultRuleFiles()) {
    std::string content = std::regex_replace(f.content, needs_line, "");
    removed += f.content.size() - content.size();
    without.push_back(DataFile{f.name, content});
  }
  REQUIRE(removed > 0);
  StatusOr<std::unique_ptr<Pipeline>> plain = Pipeline::Create(without, DefaultGazetteerFiles());
  REQUIRE(plain.ok());
  size_t needing = 0;
  for (const Rule& rule : plain.value()->rules().rules()) CHECK(rule.needs_mask == 0);
  for (const Rule& rule : DefaultPipeline().rules().rules()) needing += rule.needs_mask != 0;
  CHECK(needing >= 20);

  const std::vector<Article> articles = CorpusAndExampleArticles();
  REQUIRE(articles.size() > 300);
  // Provenance names rule lines, which the removed lines have moved.
  const std::regex line_number("\\.yaml:[0-9]+");
  for (const Article& article : articles) {
    std::string with_needs, without_needs;
    AppendRecordJson(DefaultPipeline().Process(article, ProcessOptions()), &with_needs);
    AppendRecordJson(plain.value()->Process(article, ProcessOptions()), &without_needs);
    with_needs = std::regex_replace(with_needs, line_number, ".yaml");
    without_needs = std::regex_replace(without_needs, line_number, ".yaml");
    INFO(article.id << ": " << article.text.substr(0, 200));
    CHECK(with_needs == without_needs);
  }
}

}  // namespace
}  // namespace khabar
