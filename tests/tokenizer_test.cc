// Tests for the tokenizer (extractor/tokenizer.cc): token kinds, glued
// letters and digits, and the proclitic stems offered for each Arabic word.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "khabar/normalizer.h"
#include "khabar/tokenizer.h"

namespace khabar {
namespace {

// "text/kind" for each token, e.g. "سوس/arabic 21/number".
std::string Describe(const std::string& text) {
  std::string out;
  for (const Token& t : Tokenize(text)) {
    if (!out.empty()) out += ' ';
    out += std::string(t.View(text)) + "/" + TokenKindName(t.kind);
  }
  return out;
}

struct TokenCase {
  std::string name;
  std::string text;  // normalized text
  std::string expected;
};

TEST_CASE("Tokenize: kinds and splits, one row per phenomenon") {
  const std::vector<TokenCase> cases = {
      {"empty", "", ""},
      {"white space only", " \t\n\r ", ""},
      {"Arabic words", "\u0632\u0627\u0631 \u0627\u0644\u0648\u0641\u062F",
       "\u0632\u0627\u0631/arabic \u0627\u0644\u0648\u0641\u062F/arabic"},
      {"Latin word", "ANAPEC", "ANAPEC/latin"},
      {"Latin with accents is one word", "Caf\u00E9", "Caf\u00E9/latin"},
      {"number", "2023", "2023/number"},
      {"punctuation is one token per character", "\u060C.(\u00AB", "\u060C/punct ./punct (/punct \u00AB/punct"},
      {"Arabic glued to digits", "\u0633\u0648\u063321", "\u0633\u0648\u0633/arabic 21/number"},
      {"digits glued to Arabic", "2020\u0622\u062E\u0631", "2020/number \u0622\u062E\u0631/arabic"},
      {"month glued to year and era mark", "\u0646\u0648\u0646\u0628\u063125\u0645",
       "\u0646\u0648\u0646\u0628\u0631/arabic 25/number \u0645/arabic"},
      {"month, year, era mark", "\u0646\u0648\u0646\u0628\u06312023\u0645",
       "\u0646\u0648\u0646\u0628\u0631/arabic 2023/number \u0645/arabic"},
      {"Latin glued to digits", "COP28", "COP/latin 28/number"},
      {"Latin glued to Arabic", "ANAPEC\u0648", "ANAPEC/latin \u0648/arabic"},
      {"date with slashes", "12/11/2023", "12/number //punct 11/number //punct 2023/number"},
      {"decimal point splits", "3.5", "3/number ./punct 5/number"},
      {"hyphenated Latin", "x-y", "x/latin -/punct y/latin"},
      {"Arabic comma glued to a word", "\u0635\u0641\u0631\u0648\u060C",
       "\u0635\u0641\u0631\u0648/arabic \u060C/punct"},
      {"line break separates", "\u0623\n\u0628", "\u0623/arabic \u0628/arabic"},
      {"emoji is not a word", "\U0001F600\u0628", "\U0001F600/punct \u0628/arabic"},
  };
  for (const TokenCase& c : cases) {
    INFO("case: " << c.name);
    CHECK(Describe(c.text) == c.expected);
  }
}

TEST_CASE("Tokenize: offsets are byte offsets into the text") {
  const std::string text = " \u0628\u0644\u062F 12 ab.";
  std::vector<Token> tokens = Tokenize(text);
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].begin == 1);
  CHECK(tokens[0].end == 7);
  CHECK(tokens[1].begin == 8);
  CHECK(tokens[1].end == 10);
  CHECK(tokens[2].View(text) == "ab");
  CHECK(tokens[3].View(text) == ".");
  for (size_t i = 1; i < tokens.size(); ++i) CHECK(tokens[i - 1].end <= tokens[i].begin);
}

TEST_CASE("Tokenize: a limited count gives the first tokens of the whole text") {
  const std::string text = " \u0644\u0644\u0645\u062C\u0644\u0633 12\u0628\u0644\u062F ab.\t\u0641\u064A";
  const std::vector<Token> all = Tokenize(text);
  REQUIRE(all.size() == 6);
  std::vector<Token> some;
  for (size_t max = 0; max <= all.size() + 1; ++max) {
    Tokenize(text, max, &some);
    REQUIRE(some.size() == std::min(max, all.size()));
    for (size_t i = 0; i < some.size(); ++i) {
      CHECK(some[i].begin == all[i].begin);
      CHECK(some[i].end == all[i].end);
      CHECK(some[i].kind == all[i].kind);
      CHECK(some[i].num_stems == all[i].num_stems);
    }
  }
}

// Stems as "stem_text@skip" (skip in letters), with "+al" when the article is
// restored and "-al" when it is dropped from the key.
std::vector<std::string> Stems(const std::string& original_word) {
  const std::string word = Normalizer::Default().NormalizeString(original_word);
  std::vector<Token> tokens = Tokenize(word);
  REQUIRE(tokens.size() == 1);
  std::vector<std::string> out;
  std::string scratch;
  const Token& t = tokens[0];
  for (int i = 0; i < t.num_stems; ++i) {
    const Stem& s = t.stems[i];
    std::string d = std::string(t.StemText(word, s, &scratch)) + "@" + std::to_string(s.skip / 2);
    if (s.add_article) d += "+al";
    if (s.DropsArticle()) d += "-al";
    out.push_back(d);
  }
  return out;
}

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  for (const std::string& s : v)
    if (s == x) return true;
  return false;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : " | ") + s;
  return out;
}

struct StemCase {
  std::string name;
  std::string word;                    // original spelling
  std::vector<std::string> must_have;  // stems that must be offered
};

TEST_CASE("Tokenize: proclitic stems") {
  const std::vector<StemCase> cases = {
      {"preposition ب before a normalized hamza (بإقليم)", "\u0628\u0625\u0642\u0644\u064A\u0645",
       {"\u0627\u0642\u0644\u064A\u0645@1"}},
      {"conjunction و (وبلجيكا)", "\u0648\u0628\u0644\u062C\u064A\u0643\u0627",
       {"\u0628\u0644\u062C\u064A\u0643\u0627@1"}},
      {"conjunction ف (فالرباط)", "\u0641\u0627\u0644\u0631\u0628\u0627\u0637",
       {"\u0627\u0644\u0631\u0628\u0627\u0637@1"}},
      {"لل restores the article, span skips one letter (للناظور)", "\u0644\u0644\u0646\u0627\u0638\u0648\u0631",
       {"\u0627\u0644\u0646\u0627\u0638\u0648\u0631@1+al"}},
      {"ولل (وللمجلس)", "\u0648\u0644\u0644\u0645\u062C\u0644\u0633",
       {"\u0627\u0644\u0645\u062C\u0644\u0633@2+al"}},
      {"و + article (والمجلس)", "\u0648\u0627\u0644\u0645\u062C\u0644\u0633",
       {"\u0627\u0644\u0645\u062C\u0644\u0633@1"}},
      {"article dropped from the key (المجلس)", "\u0627\u0644\u0645\u062C\u0644\u0633",
       {"\u0645\u062C\u0644\u0633@0-al"}},
      {"بال (بالمغرب)", "\u0628\u0627\u0644\u0645\u063A\u0631\u0628", {"\u0627\u0644\u0645\u063A\u0631\u0628@1"}},
      {"ك (كرئيس)", "\u0643\u0631\u0626\u064A\u0633", {"\u0631\u0626\u064A\u0633@1"}},
      {"وب (وبإقليم)", "\u0648\u0628\u0625\u0642\u0644\u064A\u0645", {"\u0627\u0642\u0644\u064A\u0645@2"}},
  };
  for (const StemCase& c : cases) {
    INFO("case: " << c.name);
    std::vector<std::string> stems = Stems(c.word);
    INFO("stems: " << Join(stems));
    for (const std::string& m : c.must_have) CHECK(Contains(stems, m));
  }
}

TEST_CASE("Tokenize: short words and non-clitic words offer no stems") {
  const std::vector<std::string> words = {
      "\u0641\u064A",              // في
      "\u0645\u0646",              // من
      "\u0628\u0647",              // به
      "\u0627\u0644",              // ال
      "\u0648",                    // و
      "\u0645\u062F\u064A\u0646\u0629",  // مدينة: no proclitic
  };
  for (const std::string& w : words) {
    CAPTURE(w);
    std::vector<Token> tokens = Tokenize(w);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].num_stems == 0);
  }
}

TEST_CASE("Tokenize: stems never leave a key shorter than two letters") {
  // Every Arabic token of a few sentences: each stem key has at least two letters
  // and its skip stays inside the token.
  const std::string text = Normalizer::Default().NormalizeString(
      "\u0648\u0644\u0644\u0645 \u0648\u0628\u0647 \u0644\u0644\u0647 \u0628\u0627\u0644 \u0648\u0627\u0644 "
      "\u0641\u0644\u0644 \u0643\u0627\u0644\u0623\u0633\u062F \u0644\u0644\u062C\u0645\u0639\u064A\u0629");
  std::string scratch;
  for (const Token& t : Tokenize(text)) {
    CAPTURE(std::string(t.View(text)));
    for (int i = 0; i < t.num_stems; ++i) {
      const Stem& s = t.stems[i];
      CHECK(s.skip < t.end - t.begin);
      CHECK(s.key_skip < t.end - t.begin);
      CHECK(CountCodePoints(t.StemText(text, s, &scratch)) >= 2);
    }
  }
}

TEST_CASE("ComputeStems agrees with Tokenize") {
  const std::string word = "\u0648\u0644\u0644\u0645\u062C\u0644\u0633";
  Stem stems[4];
  int n = ComputeStems(word, stems);
  std::vector<Token> tokens = Tokenize(word);
  REQUIRE(tokens.size() == 1);
  REQUIRE(n == tokens[0].num_stems);
  for (int i = 0; i < n; ++i) {
    CHECK(stems[i].skip == tokens[0].stems[i].skip);
    CHECK(stems[i].key_skip == tokens[0].stems[i].key_skip);
    CHECK(stems[i].add_article == tokens[0].stems[i].add_article);
  }
}

}  // namespace
}  // namespace khabar
