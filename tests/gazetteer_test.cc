// Tests for the gazetteer (extractor/gazetteer.cc): loading TSV files with
// their header checks, and matching names over tokens and clitic stems.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "khabar/gazetteer.h"
#include "khabar/normalizer.h"
#include "khabar/tokenizer.h"

namespace khabar {
namespace {

const char kHeader[] =
    "# source: hand-written test data\n"
    "# license: CC0\n"
    "name\tcanonical\ttype\tsubtype\tid\n";

std::unique_ptr<Gazetteer> LoadOrDie(const std::string& body) {
  StatusOr<std::unique_ptr<Gazetteer>> g = Gazetteer::Load({DataFile{"places.tsv", kHeader + body}});
  INFO(g.status().message());
  REQUIRE(g.ok());
  return std::move(g.value());
}

// The test gazetteer: clitic cases, a multi-token name with a prefix that is
// itself a name, ة/ه spellings, a given name.
std::unique_ptr<Gazetteer> TestGazetteer() {
  return LoadOrDie(
      "\u0625\u0642\u0644\u064A\u0645 \u0635\u0641\u0631\u0648\t\u0625\u0642\u0644\u064A\u0645 "
      "\u0635\u0641\u0631\u0648\tLOC\tprovince\tma:DIV_1\n"                                  // إقليم صفرو
      "\u0635\u0641\u0631\u0648\t\u0635\u0641\u0631\u0648\tLOC\tcity\tma:CITY_1\n"             // صفرو
      "\u0628\u0644\u062C\u064A\u0643\u0627\t\u0628\u0644\u062C\u064A\u0643\u0627\tLOC\tcountry\tcc:BE\n"  // بلجيكا
      "\u0627\u0644\u0646\u0627\u0638\u0648\u0631\t\u0627\u0644\u0646\u0627\u0638\u0648\u0631\tLOC\tcity\tma:CITY_2\n"  // الناظور
      "\u0627\u0644\u062F\u0627\u0631\t\u0627\u0644\u062F\u0627\u0631\tLOC\tdouar\tma:DOUAR_1\n"  // الدار
      "\u0627\u0644\u062F\u0627\u0631 \u0627\u0644\u0628\u064A\u0636\u0627\u0621\t\u0627\u0644\u062F\u0627\u0631 "
      "\u0627\u0644\u0628\u064A\u0636\u0627\u0621\tLOC\tcity\tma:CITY_3\n"  // الدار البيضاء
      "\u0627\u0644\u062F\u0627\u0631 \u0627\u0644\u0628\u064A\u0636\u0627\u0621 \u0633\u0637\u0627\u062A\t-\tLOC\t"
      "region\tma:REGION_6\n"  // الدار البيضاء سطات
      "\u0627\u0644\u062C\u062F\u064A\u062F\u0629\t\u0627\u0644\u062C\u062F\u064A\u062F\u0629\tLOC\tcity\tma:CITY_4\n"  // الجديدة
      "\u0645\u062D\u0645\u062F\t\u0645\u062D\u0645\u062F\tGIVEN_NAME\t-\tgn:1\n"  // محمد
      "# a comment line among the names\n"
      "ANAPEC\t\u0627\u0644\u0648\u0643\u0627\u0644\u0629 \u0627\u0644\u0648\u0637\u0646\u064A\u0629\tORG\tagency\torg:anapec\n");
}

struct HitView {
  std::string text;  // normalized text of the hit (from the skip on)
  std::string canonical;
  std::string id;
  uint16_t skip;
};

std::vector<HitView> MatchText(const Gazetteer& g, const std::string& original) {
  const std::string text = Normalizer::Default().NormalizeString(original);
  std::vector<Token> tokens = Tokenize(text);
  std::string key_text = text;
  Gazetteer::FoldKeys(&key_text);
  std::vector<GazetteerHit> hits;
  g.Match(key_text, tokens, &hits);
  // MatchFirst agrees with Match's hit at the first token.
  GazetteerHit first;
  const bool has_first = g.MatchFirst(key_text, tokens, &first);
  CHECK(has_first == (!hits.empty() && hits[0].first_token == 0));
  if (has_first) {
    CHECK(first.end_token == hits[0].end_token);
    CHECK(first.skip == hits[0].skip);
    CHECK(first.entry == hits[0].entry);
  }
  std::vector<HitView> out;
  for (const GazetteerHit& h : hits) {
    REQUIRE(h.first_token < h.end_token);
    REQUIRE(h.end_token <= tokens.size());
    const uint32_t begin = tokens[h.first_token].begin + h.skip;
    const uint32_t end = tokens[h.end_token - 1].end;
    const GazetteerEntry& e = g.entries()[h.entry];
    out.push_back(HitView{text.substr(begin, end - begin), e.canonical, e.id, h.skip});
  }
  return out;
}

std::string Describe(const std::vector<HitView>& hits) {
  std::string out;
  for (const HitView& h : hits) out += (out.empty() ? "" : " | ") + h.text + " -> " + h.id;
  return out;
}

struct MatchCase {
  std::string name;
  std::string text;
  std::string expected;  // Describe() of the hits
};

TEST_CASE("Gazetteer: matches over tokens and clitics") {
  std::unique_ptr<Gazetteer> g = TestGazetteer();
  const std::vector<MatchCase> cases = {
      {"plain name", "\u0632\u0627\u0631 \u0628\u0644\u062C\u064A\u0643\u0627",
       "\u0628\u0644\u062C\u064A\u0643\u0627 -> cc:BE"},
      {"preposition and hamza (بإقليم صفرو)",
       "\u0628\u0625\u0642\u0644\u064A\u0645 \u0635\u0641\u0631\u0648",
       "\u0627\u0642\u0644\u064A\u0645 \u0635\u0641\u0631\u0648 -> ma:DIV_1 | \u0635\u0641\u0631\u0648 -> ma:CITY_1"},
      {"conjunction (وبلجيكا)", "\u0648\u0628\u0644\u062C\u064A\u0643\u0627",
       "\u0628\u0644\u062C\u064A\u0643\u0627 -> cc:BE"},
      {"لل with the article restored (للناظور)", "\u0644\u0644\u0646\u0627\u0638\u0648\u0631",
       "\u0644\u0646\u0627\u0638\u0648\u0631 -> ma:CITY_2"},
      {"longest match wins", "\u0641\u064A \u0627\u0644\u062F\u0627\u0631 \u0627\u0644\u0628\u064A\u0636\u0627\u0621.",
       "\u0627\u0644\u062F\u0627\u0631 \u0627\u0644\u0628\u064A\u0636\u0627\u0621 -> ma:CITY_3"},
      {"longest of three", "\u0627\u0644\u062F\u0627\u0631 \u0627\u0644\u0628\u064A\u0636\u0627\u0621 \u0633\u0637\u0627\u062A",
       "\u0627\u0644\u062F\u0627\u0631 \u0627\u0644\u0628\u064A\u0636\u0627\u0621 \u0633\u0637\u0627\u062A -> ma:REGION_6"},
      {"لل before a multi-token name (للدار البيضاء)",
       "\u0644\u0644\u062F\u0627\u0631 \u0627\u0644\u0628\u064A\u0636\u0627\u0621",
       "\u0644\u062F\u0627\u0631 \u0627\u0644\u0628\u064A\u0636\u0627\u0621 -> ma:CITY_3"},
      {"و before a multi-token name", "\u0648\u0627\u0644\u062F\u0627\u0631 \u0627\u0644\u0628\u064A\u0636\u0627\u0621",
       "\u0627\u0644\u062F\u0627\u0631 \u0627\u0644\u0628\u064A\u0636\u0627\u0621 -> ma:CITY_3"},
      {"falls back to the longest complete prefix",
       "\u0627\u0644\u062F\u0627\u0631 \u0627\u0644\u0643\u0628\u064A\u0631\u0629",
       "\u0627\u0644\u062F\u0627\u0631 -> ma:DOUAR_1"},
      {"ta marbuta written as ha", "\u0627\u0644\u062C\u062F\u064A\u062F\u0647",
       "\u0627\u0644\u062C\u062F\u064A\u062F\u0647 -> ma:CITY_4"},
      {"diacritics and tatweel in the text", "\u0628\u064E\u0644\u0652\u062C\u0640\u064A\u0643\u0627",
       "\u0628\u0644\u062C\u064A\u0643\u0627 -> cc:BE"},
      {"Latin name", "\u0648\u0643\u0627\u0644\u0629 ANAPEC", "ANAPEC -> org:anapec"},
      {"given names are not entities", "\u0645\u062D\u0645\u062F", ""},
      {"a name inside a longer word does not match", "\u0628\u0644\u062C\u064A\u0643\u0627\u0648\u064A", ""},
      {"no match", "\u0644\u0627 \u0634\u064A\u0621", ""},
  };
  for (const MatchCase& c : cases) {
    INFO("case: " << c.name);
    CHECK(Describe(MatchText(*g, c.text)) == c.expected);
  }
}

TEST_CASE("Gazetteer: skip is the clitic length in bytes") {
  std::unique_ptr<Gazetteer> g = TestGazetteer();
  std::vector<HitView> hits = MatchText(*g, "\u0648\u0628\u0644\u062C\u064A\u0643\u0627");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].skip == 2);
  hits = MatchText(*g, "\u0644\u0644\u0646\u0627\u0638\u0648\u0631");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].skip == 2);
  hits = MatchText(*g, "\u0628\u0644\u062C\u064A\u0643\u0627");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].skip == 0);
}

TEST_CASE("Gazetteer: entries keep their fields and provenance") {
  std::unique_ptr<Gazetteer> g = TestGazetteer();
  REQUIRE(g->size() == 10);
  const GazetteerEntry& e = g->entries()[0];
  CHECK(e.type == "LOC");
  CHECK(e.subtype == "province");
  CHECK(e.id == "ma:DIV_1");
  CHECK(e.num_tokens == 2);
  CHECK(e.provenance == "gazetteer:places.tsv:4");
  CHECK(g->entries()[8].subtype == "");  // '-' means no subtype
  CHECK(g->entries()[9].provenance == "gazetteer:places.tsv:14");
}

TEST_CASE("Gazetteer: HasWord for token classes") {
  std::unique_ptr<Gazetteer> g = TestGazetteer();
  CHECK(g->HasWord("\u0645\u062D\u0645\u062F", "GIVEN_NAME"));
  CHECK_FALSE(g->HasWord("\u0645\u062D\u0645\u062F", "FAMILY_NAME"));
  CHECK_FALSE(g->HasWord("\u0627\u062D\u0645\u062F", "GIVEN_NAME"));
  CHECK(g->HasWord("\u0628\u0644\u062C\u064A\u0643\u0627", "LOC"));
  CHECK(g->HasWord("\u0627\u0644\u062C\u062F\u064A\u062F\u0647", "LOC"));  // ة/ه folded
}

TEST_CASE("Gazetteer: Key folds ta marbuta only") {
  CHECK(Gazetteer::Key("\u0645\u062F\u064A\u0646\u0629") == "\u0645\u062F\u064A\u0646\u0647");
  CHECK(Gazetteer::Key("\u0629\u0629") == "\u0647\u0647");
  CHECK(Gazetteer::Key("ANAPEC") == "ANAPEC");
  CHECK(Gazetteer::Key("") == "");
}

TEST_CASE("Gazetteer: an empty file list loads an empty gazetteer") {
  StatusOr<std::unique_ptr<Gazetteer>> g = Gazetteer::Load({});
  REQUIRE(g.ok());
  CHECK(g.value()->size() == 0);
  std::vector<GazetteerHit> hits;
  std::string text = "\u0628\u0644\u062C\u064A\u0643\u0627";
  g.value()->Match(text, Tokenize(text), &hits);  // nothing to fold in this text
  CHECK(hits.empty());
}

struct ErrorCase {
  std::string name;
  std::string content;
  std::string where;    // expected "file:line" prefix
  std::string what;     // expected part of the message
};

TEST_CASE("Gazetteer: load errors name file:line") {
  const std::string row = "\u0628\u0644\u062C\u064A\u0643\u0627\t\u0628\u0644\u062C\u064A\u0643\u0627\tLOC\tcountry\tcc:BE\n";
  const std::vector<ErrorCase> cases = {
      {"missing source", "# license: CC0\nname\tcanonical\ttype\tsubtype\tid\n" + row, "bad.tsv:2:", "source"},
      {"missing license", "# source: x\nname\tcanonical\ttype\tsubtype\tid\n" + row, "bad.tsv:2:", "license"},
      {"no metadata at all", "name\tcanonical\ttype\tsubtype\tid\n" + row, "bad.tsv:1:", "source"},
      {"missing column", "# source: x\n# license: y\nname\tcanonical\ttype\tsubtype\n" + row, "bad.tsv:3:",
       "columns"},
      {"too few fields", std::string(kHeader) + row + "\u0635\u0641\u0631\u0648\tLOC\n", "bad.tsv:5:", "fields"},
      {"too many fields", std::string(kHeader) + "a\tb\tLOC\t-\tid\textra\n", "bad.tsv:4:", "fields"},
      {"unknown type", std::string(kHeader) + row + row + "x\tx\tPLACE\t-\tid\n", "bad.tsv:6:", "PLACE"},
      {"empty name", std::string(kHeader) + "\tx\tLOC\t-\tid\n", "bad.tsv:4:", "empty"},
      {"no header line", "# source: x\n# license: y\n", "bad.tsv:1:", "header"},
  };
  for (const ErrorCase& c : cases) {
    INFO("case: " << c.name);
    StatusOr<std::unique_ptr<Gazetteer>> g = Gazetteer::Load({DataFile{"bad.tsv", c.content}});
    REQUIRE_FALSE(g.ok());
    const std::string& msg = g.status().message();
    INFO("message: " << msg);
    CHECK(msg.rfind(c.where, 0) == 0);
    CHECK(msg.find(c.what) != std::string::npos);
  }
}

TEST_CASE("Gazetteer: the error names the right file among several") {
  std::vector<DataFile> files = {
      DataFile{"a.tsv", std::string(kHeader) + "x\tx\tLOC\t-\tid\n"},
      DataFile{"b.tsv", std::string(kHeader) + "y\ty\tLOC\t-\n"},
  };
  StatusOr<std::unique_ptr<Gazetteer>> g = Gazetteer::Load(files);
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().message().rfind("b.tsv:4:", 0) == 0);
}

TEST_CASE("Gazetteer: Windows line ends are accepted") {
  std::string content = "# source: x\r\n# license: y\r\nname\tcanonical\ttype\tsubtype\tid\r\n"
                        "\u0628\u0644\u062C\u064A\u0643\u0627\t\u0628\u0644\u062C\u064A\u0643\u0627\tLOC\tcountry\tcc:BE\r\n";
  StatusOr<std::unique_ptr<Gazetteer>> g = Gazetteer::Load({DataFile{"crlf.tsv", content}});
  INFO(g.status().message());
  REQUIRE(g.ok());
  CHECK(g.value()->entries()[0].id == "cc:BE");
  CHECK(Describe(MatchText(*g.value(), "\u0628\u0644\u062C\u064A\u0643\u0627")) ==
        "\u0628\u0644\u062C\u064A\u0643\u0627 -> cc:BE");
}

}  // namespace
}  // namespace khabar
