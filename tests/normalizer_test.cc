// Tests for the normalizer (extractor/normalizer.cc) and the UTF-8 helpers
// (extractor/utf8.cc): one row per phenomenon, then invariants of the offset
// map over a set of texts.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "khabar/normalizer.h"
#include "khabar/tokenizer.h"

namespace khabar {
namespace {

std::string Utf8(char32_t cp) {
  std::string s;
  AppendUtf8(cp, &s);
  return s;
}

// Code points of valid UTF-8, as hex, for readable failure messages.
std::string Hex(const std::string& s) {
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s%04X", out.empty() ? "" : " ", static_cast<unsigned>(DecodeUtf8(s, &pos)));
    out += buf;
  }
  return out;
}

struct NormCase {
  std::string name;
  std::string input;
  std::string expected;
};

const std::vector<NormCase>& NormCases() {
  static const std::vector<NormCase> cases = {
      {"NFKC full-width Latin and digits", "\uFF21\uFF22\uFF23\uFF11\uFF12", "ABC12"},
      {"NFKC Latin ligature", "\uFB01n", "fin"},
      {"NFKC circled digit", "\u2460", "1"},
      {"tatweel", "\u062C\u0640\u0640\u0640\u0645\u0639\u064A\u0629", "\u062C\u0645\u0639\u064A\u0629"},
      {"harakat (fatha, damma, kasra)", "\u0643\u064E\u062A\u064F\u0628\u0650", "\u0643\u062A\u0628"},
      {"tanwin", "\u0643\u062A\u0627\u0628\u064B\u0627 \u0643\u062A\u0627\u0628\u064C \u0643\u062A\u0627\u0628\u064D",
       "\u0643\u062A\u0627\u0628\u0627 \u0643\u062A\u0627\u0628 \u0643\u062A\u0627\u0628"},
      {"shadda", "\u0645\u062D\u0645\u0651\u062F", "\u0645\u062D\u0645\u062F"},
      {"sukun", "\u0645\u062F\u0652\u0631\u0633\u0629", "\u0645\u062F\u0631\u0633\u0629"},
      {"superscript alef", "\u0647\u0670\u0630\u0627", "\u0647\u0630\u0627"},
      {"combining hamza and madda", "\u0627\u0654\u0627\u0655\u0627\u0653", "\u0627\u0627\u0627"},
      {"Quranic annotation marks", "\u0642\u0627\u0644\u06D6 \u0642\u06E1\u0644\u06DA \u0646\u06ED",
       "\u0642\u0627\u0644 \u0642\u0644 \u0646"},
      {"honorific signs", "\u0645\u062D\u0645\u062F\u0610\u0612", "\u0645\u062D\u0645\u062F"},
      {"alef with hamza above", "\u0623\u062D\u0645\u062F", "\u0627\u062D\u0645\u062F"},
      {"alef with hamza below", "\u0625\u0642\u0644\u064A\u0645", "\u0627\u0642\u0644\u064A\u0645"},
      {"alef with madda", "\u0622\u0633\u0641\u064A", "\u0627\u0633\u0641\u064A"},
      {"alef wasla", "\u0671\u0644\u0631\u062D\u0645\u0646", "\u0627\u0644\u0631\u062D\u0645\u0646"},
      {"alef maqsura", "\u0645\u0635\u0637\u0641\u0649", "\u0645\u0635\u0637\u0641\u064A"},
      {"ta marbuta is kept", "\u062C\u0645\u0639\u064A\u0629", "\u062C\u0645\u0639\u064A\u0629"},
      {"Arabic-Indic digits", "\u0662\u0660\u0662\u0663", "2023"},
      {"Persian digits", "\u06F1\u06F4\u06F4\u06F5", "1445"},
      {"presentation form lam-alef ligature U+FEFB", "\uFEFB", "\u0644\u0627"},
      {"presentation form lam-alef with hamza U+FEF7", "\uFEF7", "\u0644\u0627"},
      {"presentation form alef U+FE8D", "\uFE8D", "\u0627"},
      {"presentation forms of a word", "\uFEE3\uFEA4\uFEE4\uFEAA", "\u0645\u062D\u0645\u062F"},
      {"isolated presentation form of a mark", "\u0628\uFE76", "\u0628"},
      {"ZWJ removed", "\u0628\u200D\u0627", "\u0628\u0627"},
      {"ZWNJ removed", "\u0628\u200C\u0627", "\u0628\u0627"},
      {"LRM and RLM removed", "\u200Fabc\u200E", "abc"},
      {"BOM removed", "\uFEFF\u0646\u0635", "\u0646\u0635"},
      {"NBSP becomes a space", "a\u00A0b", "a b"},
      {"narrow NBSP becomes a space", "1\u202F000", "1 000"},
      {"Latin unchanged, case kept", "ANAPEC Caf\u00E9 x-y", "ANAPEC Caf\u00E9 x-y"},
      {"ASCII punctuation and newlines unchanged", "a, b.\n(c)\t", "a, b.\n(c)\t"},
      {"emoji copied", "\U0001F600\u0645", "\U0001F600\u0645"},
      {"empty", "", ""},
  };
  return cases;
}

TEST_CASE("Normalizer: one row per phenomenon") {
  const Normalizer& n = Normalizer::Default();
  for (const NormCase& c : NormCases()) {
    INFO("case: " << c.name);
    NormalizedText t = n.Normalize(c.input);
    INFO("got      " << Hex(t.text));
    INFO("expected " << Hex(c.expected));
    CHECK(t.text == c.expected);
    CHECK(n.NormalizeString(c.input) == c.expected);
    CHECK(t.orig_cp_byte.size() == CountCodePoints(c.input) + 1);
    CHECK(t.orig_start.size() == t.text.size() + 1);
    CHECK(t.orig_end.size() == t.text.size() + 1);
  }
}

TEST_CASE("Normalizer: every diacritic of U+064B..U+065F is removed") {
  const Normalizer& n = Normalizer::Default();
  for (char32_t c = 0x064B; c <= 0x065F; ++c) {
    CAPTURE(static_cast<unsigned>(c));
    std::string in = "\u0628" + Utf8(c) + "\u0627";
    CHECK(n.NormalizeString(in) == "\u0628\u0627");
  }
}

TEST_CASE("Normalizer: a removed code point widens the span of the one before it") {
  const Normalizer& n = Normalizer::Default();
  // محمّد: the shadda (code point 3) belongs to the span of م (code point 2).
  NormalizedText t = n.Normalize("\u0645\u062D\u0645\u0651\u062F");
  REQUIRE(t.text == "\u0645\u062D\u0645\u062F");
  CHECK(t.OriginalStart(4) == 2);
  CHECK(t.OriginalEnd(4, 6) == 4);
  CHECK(t.OriginalStart(6) == 4);
  CHECK(t.OriginalEnd(0, t.text.size()) == 5);
  CHECK(t.OriginalEnd(3, 3) == t.OriginalStart(3));
  // A text that starts with a diacritic: the first output byte comes from code point 1.
  NormalizedText lead = n.Normalize("\u064E\u0628");
  REQUIRE(lead.text == "\u0628");
  CHECK(lead.OriginalStart(0) == 1);
  CHECK(lead.OriginalEnd(0, 2) == 2);
  // One code point that expands: all its bytes map to it.
  NormalizedText lig = n.Normalize("x\uFEFBy");
  REQUIRE(lig.text == "x\u0644\u0627y");
  for (size_t b = 1; b < 5; ++b) {
    CHECK(lig.orig_start[b] == 1);
    CHECK(lig.orig_end[b] == 2);
  }
}

// Texts for the invariants.
std::vector<std::string> InvariantTexts() {
  std::vector<std::string> texts = {
      "",
      " ",
      "\u064E\u0628\u0650\u0633\u0652\u0645\u0650",  // starts with a diacritic
      "\u0640\u0640",                              // tatweel only
      "\u0646\u0638\u0645\u062A \u062C\u0645\u0639\u064A\u0651\u0629 \u0627\u0644\u0623\u0645\u0644 "
      "\u0628\u0625\u0642\u0644\u064A\u0645 \u0635\u0641\u0631\u0648\u060C \u064A\u0648\u0645 "
      "\u0627\u0644\u0623\u062D\u062F \u0662\u0664 \u062F\u062C\u0646\u0628\u0631 2023\u0645 "
      "\u0628\u0645\u0634\u0627\u0631\u0643\u0629 ANAPEC \u0648\u0645\u0624\u0633\u0633\u0629 "
      "\u00AB\u0627\u0644\u0646\u0647\u0636\u0629\u00BB (\u0633\u0648\u0633" "21).",  // bench-like
      "\uFEFB\uFEF7\uFE8D \uFEE3\uFEA4\uFEE4\uFEAA \uFDF2 \uFDFA",  // presentation forms, ligatures
      "\U0001F600\U0001F1F2\U0001F1E6 \u0645\u063A\u0631\u0628 \U00020000\U0001D400",  // emoji, 4-byte
      "\u200F\u0627\u0644\u0631\u0628\u0627\u0637\u200E \u00A0\u202F\uFEFF\u200D\u200C",
      "e\u0301 A\u030A \u1100\u1161 \uFB01 \u2474 \u00BD \u3000x",
      "\u0628\uFE76 \uFC5E \uFE71 \u0675 \u0622\u0653 \u06DD\u06DE",
      "line\r\nbreak\ttab\x01\x7F",
  };
  // A long random mixture of interesting code points (fixed seed).
  std::mt19937 rng(12345);
  std::vector<char32_t> pool = {' ', 'a', 'Z', '7', '.', '\n', 0x00A0, 0x00AD, 0x0640, 0x064B, 0x0651,
                                0x0652, 0x0670, 0x06D6, 0x0623, 0x0625, 0x0622, 0x0671, 0x0649, 0x0629,
                                0x0660, 0x0669, 0x06F5, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF, 0xFEFB,
                                0xFE8D, 0xFEF7, 0xFDF2, 0xFDFA, 0xFC5E, 0x1F600, 0x20000, 0x2460, 0xFF21};
  for (char32_t c = 0x0621; c <= 0x064A; ++c) pool.push_back(c);
  for (int k = 0; k < 3; ++k) {
    std::string s;
    std::uniform_int_distribution<size_t> pick(0, pool.size() - 1);
    for (int i = 0; i < 2000; ++i) AppendUtf8(pool[pick(rng)], &s);
    texts.push_back(s);
  }
  // Every BMP code point once (except surrogates), to cover the whole table.
  std::string all;
  for (char32_t c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    AppendUtf8(c, &all);
    AppendUtf8(' ', &all);
  }
  texts.push_back(all);
  return texts;
}

// The original substring of code points [start, end).
std::string OriginalSlice(const std::string& original, const NormalizedText& t, int32_t start, int32_t end) {
  return original.substr(t.orig_cp_byte[start], t.orig_cp_byte[end] - t.orig_cp_byte[start]);
}

bool IsCodePointStart(const std::string& s, size_t b) {
  return b >= s.size() || (static_cast<unsigned char>(s[b]) & 0xC0) != 0x80;
}

// Checks that the normalized byte range [b, e) maps back to an original span
// whose normalization is exactly the normalized output of those code points.
void CheckRange(const std::string& original, const NormalizedText& t, size_t b, size_t e) {
  const int32_t s = t.OriginalStart(b);
  const int32_t end = t.OriginalEnd(b, e);
  REQUIRE(s >= 0);
  REQUIRE(s <= end);
  REQUIRE(static_cast<size_t>(end) < t.orig_cp_byte.size());
  // The bytes of the normalized text produced by code points [s, end).
  size_t lo = b, hi = e;
  while (lo > 0 && t.orig_start[lo - 1] >= s) --lo;
  while (hi < t.text.size() && t.orig_start[hi] < end) ++hi;
  const std::string slice = OriginalSlice(original, t, s, end);
  const std::string again = Normalizer::Default().NormalizeString(slice);
  INFO("range [" << b << "," << e << ") -> code points [" << s << "," << end << ") '" << slice << "'");
  CHECK(again == t.text.substr(lo, hi - lo));
  CHECK(again.find(t.text.substr(b, e - b)) != std::string::npos);
}

TEST_CASE("Normalizer: invariants of the offset map") {
  const Normalizer& n = Normalizer::Default();
  std::mt19937 rng(7);
  const std::vector<std::string> texts = InvariantTexts();
  for (size_t i = 0; i < texts.size(); ++i) {
    const std::string& original = texts[i];
    CAPTURE(i);
    INFO("text " << (original.size() < 300 ? original : original.substr(0, 60) + "..."));
    const NormalizedText t = n.Normalize(original);
    const size_t cps = CountCodePoints(original);

    SUBCASE("idempotent") { CHECK(n.NormalizeString(t.text) == t.text); }

    SUBCASE("sizes") {
      CHECK(t.orig_cp_byte.size() == cps + 1);
      CHECK(t.orig_start.size() == t.text.size() + 1);
      CHECK(t.orig_end.size() == t.text.size() + 1);
      CHECK(t.orig_cp_byte.front() == 0);
      CHECK(t.orig_cp_byte.back() == original.size());
      CHECK(t.orig_start.back() == static_cast<int32_t>(cps));
      CHECK(t.orig_end.back() == static_cast<int32_t>(cps));
    }

    SUBCASE("monotonic") {
      bool ok = true;
      for (size_t k = 0; k + 1 < t.orig_cp_byte.size(); ++k) ok &= t.orig_cp_byte[k] < t.orig_cp_byte[k + 1];
      CHECK(ok);
      for (size_t b = 0; b < t.text.size() && ok; ++b) {
        if (!(t.orig_start[b] <= t.orig_start[b + 1] && t.orig_end[b] <= t.orig_end[b + 1] &&
              t.orig_start[b] < t.orig_end[b] && t.orig_end[b] <= static_cast<int32_t>(cps))) {
          ok = false;
          FAIL_CHECK("map not monotonic at byte " << b << ": start " << t.orig_start[b] << "->"
                                                  << t.orig_start[b + 1] << ", end " << t.orig_end[b] << "->"
                                                  << t.orig_end[b + 1]);
        }
      }
    }

    SUBCASE("token spans map back") {
      if (original.size() > 100000) return;  // the all-code-points text has too many tokens
      for (const Token& tok : Tokenize(t.text)) CheckRange(original, t, tok.begin, tok.end);
    }

    SUBCASE("random ranges map back") {
      if (t.text.empty()) return;
      std::uniform_int_distribution<size_t> pos(0, t.text.size());
      std::uniform_int_distribution<size_t> len(0, 40);
      for (int k = 0; k < 300; ++k) {
        size_t b = pos(rng);
        while (!IsCodePointStart(t.text, b)) --b;
        size_t e = std::min(t.text.size(), b + len(rng));
        while (!IsCodePointStart(t.text, e)) ++e;
        CheckRange(original, t, b, e);
      }
    }
  }
}

// Normalize's output computed one code point at a time from NormalizeString,
// for texts whose only invisible controls are U+061C and U+200F.
NormalizedText ReferenceNormalize(const std::string& original) {
  NormalizedText r;
  size_t pos = 0, last_begin = 0;
  int32_t index = 0;
  while (pos < original.size()) {
    const size_t begin = pos;
    const char32_t c = DecodeUtf8(original, &pos);
    r.orig_cp_byte.push_back(static_cast<uint32_t>(begin));
    const std::string piece = Normalizer::Default().NormalizeString(original.substr(begin, pos - begin));
    if (piece.empty() && c != 0x061C && c != 0x200F) {
      for (size_t b = last_begin; b < r.text.size(); ++b) r.orig_end[b] = index + 1;
    } else if (!piece.empty()) {
      last_begin = r.text.size();
      for (char ch : piece) {
        r.text.push_back(ch);
        r.orig_start.push_back(index);
        r.orig_end.push_back(index + 1);
      }
    }
    ++index;
  }
  r.orig_cp_byte.push_back(static_cast<uint32_t>(original.size()));
  r.orig_start.push_back(index);
  r.orig_end.push_back(index);
  return r;
}

TEST_CASE("Normalizer: the map of Arabic text equals one built code point by code point") {
  // Mostly Arabic letters, so that long runs take the sixteen-byte path, mixed
  // with every code point of U+0600..U+06FF, ASCII and a few longer ones.
  std::vector<char32_t> pool;
  for (char32_t c = 0x0621; c <= 0x064A; ++c)
    for (int k = 0; k < 8; ++k) pool.push_back(c);
  for (char32_t c = 0x0600; c <= 0x06FF; ++c) pool.push_back(c);
  for (char32_t c = 0; c < 0x80; ++c) pool.push_back(c);
  for (int k = 0; k < 40; ++k) pool.push_back(' ');
  for (char32_t c : {0x00A0, 0x00E9, 0x200F, 0x201C, 0xFEFB, 0x1F600}) pool.push_back(c);
  std::mt19937 rng(2024);
  std::uniform_int_distribution<size_t> pick(0, pool.size() - 1);
  std::uniform_int_distribution<int> length(0, 300);
  for (int t = 0; t < 2000; ++t) {
    std::string original;
    for (int i = length(rng); i > 0; --i) AppendUtf8(pool[pick(rng)], &original);
    CAPTURE(Hex(original));
    const NormalizedText got = Normalizer::Default().Normalize(original);
    const NormalizedText want = ReferenceNormalize(original);
    REQUIRE(got.text == want.text);
    REQUIRE(got.orig_start == want.orig_start);
    REQUIRE(got.orig_end == want.orig_end);
    REQUIRE(got.orig_cp_byte == want.orig_cp_byte);
  }
}

struct RepairCase {
  std::string name;
  std::string input;
  std::string expected;
  size_t replaced;
};

TEST_CASE("RepairUtf8: every invalid byte becomes U+FFFD") {
  const std::string R = "\xEF\xBF\xBD";
  const std::vector<RepairCase> cases = {
      {"valid ASCII untouched", "abc", "abc", 0},
      {"valid Arabic and emoji untouched", "\u0645\u0631\u062D\u0628\u0627 \U0001F600", "\u0645\u0631\u062D\u0628\u0627 \U0001F600", 0},
      {"U+FFFD itself is valid", R, R, 0},
      {"lone continuation byte", "a\x80z", "a" + R + "z", 1},
      {"two continuation bytes", "\xBF\x80", R + R, 2},
      {"truncated two-byte sequence at the end", "ab\xD9", "ab" + R, 1},
      {"truncated three-byte sequence", "\xE2\x82z", R + R + "z", 2},
      {"truncated four-byte sequence", "\xF0\x9F\x98z", R + R + R + "z", 3},
      {"lead byte followed by ASCII", "\xD9" "a", R + "a", 1},
      {"overlong two-byte (C0 AF)", "\xC0\xAF", R + R, 2},
      {"overlong two-byte (C1 BF)", "\xC1\xBF", R + R, 2},
      {"overlong three-byte", "\xE0\x80\xAF", R + R + R, 3},
      {"overlong four-byte", "\xF0\x80\x80\xAF", R + R + R + R, 4},
      {"UTF-16 surrogate (high)", "\xED\xA0\x80", R + R + R, 3},
      {"UTF-16 surrogate (low)", "\xED\xBF\xBF", R + R + R, 3},
      {"above U+10FFFF (F4 90)", "\xF4\x90\x80\x80", R + R + R + R, 4},
      {"above U+10FFFF (F5 lead)", "\xF5\x80\x80\x80", R + R + R + R, 4},
      {"FE and FF bytes", "\xFE\xFF", R + R, 2},
      {"highest valid code point kept", "\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF", 0},
      {"Latin-1 text", "caf\xE9 \xE0 Rabat", "caf" + R + " " + R + " Rabat", 2},
      {"invalid between valid Arabic", "\u0628\xFF\u0627", "\u0628" + R + "\u0627", 1},
  };
  for (const RepairCase& c : cases) {
    INFO("case: " << c.name);
    std::string s = c.input;
    CHECK(RepairUtf8(&s) == c.replaced);
    CHECK(s == c.expected);
    std::string again = s;
    CHECK(RepairUtf8(&again) == 0);  // the result is valid
    CHECK(again == s);
  }
}

TEST_CASE("UTF-8 helpers round-trip") {
  const std::vector<char32_t> cps = {0x24, 0x7F, 0x80, 0x627, 0x7FF, 0x800, 0xFEFB, 0xFFFD, 0xFFFF,
                                     0x10000, 0x1F600, 0x10FFFF};
  std::string s;
  for (char32_t c : cps) AppendUtf8(c, &s);
  CHECK(CountCodePoints(s) == cps.size());
  size_t pos = 0;
  for (char32_t c : cps) {
    CAPTURE(static_cast<unsigned>(c));
    REQUIRE(pos < s.size());
    CHECK(DecodeUtf8(s, &pos) == c);
  }
  CHECK(pos == s.size());
  CHECK(CountCodePoints("") == 0);
}

}  // namespace
TEST_CASE("CollapseSpaces: one space between words, none at the ends") {
  CHECK(CollapseSpaces("") == "");
  CHECK(CollapseSpaces(" \t\n ") == "");
  CHECK(CollapseSpaces("word") == "word");
  CHECK(CollapseSpaces("  two \t\r\n words  ") == "two words");
  CHECK(CollapseSpaces("\u0645\u062C\u0644\u0633\n\u0627\u0644\u0645\u062F\u064A\u0646\u0629") ==
        "\u0645\u062C\u0644\u0633 \u0627\u0644\u0645\u062F\u064A\u0646\u0629");
  std::string out = "left over";
  CollapseSpacesInto(" a  b ", &out);
  CHECK(out == "a b");
  // Text that is already collapsed, and text that only nearly is.
  CHECK(CollapseSpaces("a b c") == "a b c");
  CHECK(CollapseSpaces(" ") == "");
  CHECK(CollapseSpaces("a") == "a");
  CHECK(CollapseSpaces("a\x01b") == "a\x01b");
  CHECK(CollapseSpaces("a  b") == "a b");
  CHECK(CollapseSpaces("a \tb") == "a b");
  CHECK(CollapseSpaces("a\tb") == "a b");
  CHECK(CollapseSpaces("a b ") == "a b");
  CHECK(CollapseSpaces("\ra b") == "a b");
  CollapseSpacesInto("x y", &out);
  CHECK(out == "x y");
}

}  // namespace khabar
