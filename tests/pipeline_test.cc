// End-to-end tests of the pipeline (extractor/pipeline.cc) with the default
// rules and gazetteers. They check only what must hold whatever rules exist:
// offsets map back to the original text exactly, entities are sorted and do
// not overlap, types and relation indexes are valid, output is deterministic.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "khabar/data_file.h"
#include "khabar/json_writer.h"
#include "khabar/normalizer.h"
#include "khabar/pipeline.h"
#include "corpus_texts.h"
#include "default_pipeline.h"

namespace khabar {
namespace {

std::u32string Decode(const std::string& s) {
  std::u32string out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(DecodeUtf8(s, &pos));
  return out;
}

std::string Encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

struct Text {
  std::string name;
  std::string text;
};

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::vector<Text> MessyTexts() {
  const std::string sentence =
      "\u0646\u0638\u0645\u062A \u062C\u0645\u0639\u064A\u0629 \u0627\u0644\u0623\u0645\u0644 \u0628\u0625\u0642\u0644\u064A\u0645 "
      "\u0635\u0641\u0631\u0648 \u064A\u0648\u0645 \u0627\u0644\u0623\u062D\u062F 24 \u062F\u062C\u0646\u0628\u0631 2023\u0645 "
      "\u0628\u062D\u0636\u0648\u0631 \u0631\u0626\u064A\u0633 \u0627\u0644\u0645\u062C\u0644\u0633 "
      "\u0627\u0644\u0625\u0642\u0644\u064A\u0645\u064A \u0644\u0644\u0646\u0627\u0638\u0648\u0631 \u0648\u0628\u0644\u062C\u064A\u0643\u0627. ";
  std::vector<Text> texts = {
      {"empty", ""},
      {"white space only", "  \n\t \r\n  "},
      {"punctuation only", "\u060C.\u061F!\u00AB\u00BB()\u061B:-"},
      {"plain news sentence", sentence},
      {"diacritics inside names",
       "\u0632\u0627\u0631 \u0627\u0644\u0648\u0641\u062F\u064F \u0628\u064E\u0644\u0652\u062C\u0650\u064A\u0643\u064E\u0627 "
       "\u0648\u064E\u0625\u0650\u0642\u0652\u0644\u0650\u064A\u0645\u064E \u0635\u064E\u0641\u0652\u0631\u064F\u0648 "
       "\u064A\u064E\u0648\u0652\u0645\u064E 5 \u0645\u064E\u0627\u0631\u0650\u0633\u064E"},
      {"tatweel", "\u062C\u0645\u0639\u0640\u0640\u0640\u064A\u0629 \u0627\u0644\u0623\u0645\u0640\u0640\u0644 "
                  "\u0628\u0627\u0644\u0646\u0640\u0640\u0627\u0638\u0648\u0631 \u064A\u0640\u0648\u0645 5 \u0645\u0627\u0631\u0633"},
      {"presentation forms",
       "\uFE8F\uFEDF\uFEA0\uFEF4\uFEDC\uFE8E \uFEED\uFE8D\uFEDF\uFEE4\uFED0\uFEAE\uFE8F \uFEFB \uFEF7 \u0644\u0644\u0646\u0627\u0638\u0648\u0631"},
      {"glued digits", "\u0641\u064A 12 \u0646\u0648\u0646\u0628\u06312023\u0645 \u0633\u0648\u063321 2020\u0622\u062E\u0631 "
                       "\u0627\u0644\u0623\u062D\u062F24\u062F\u062C\u0646\u0628\u0631"},
      {"Arabic-Indic and Persian digits",
       "\u064A\u0648\u0645 \u0662\u0664 \u062F\u062C\u0646\u0628\u0631 \u0662\u0660\u0662\u0663 \u0648\u0641\u064A "
       "\u06F1\u06F2 \u0645\u0627\u0631\u0633 \u06F2\u06F0\u06F2\u06F4"},
      {"invisible marks and NBSP",
       "\u200F\u0628\u0644\u200C\u062C\u064A\u0643\u0627\u200E \u0625\u0642\u0644\u064A\u0645\u00A0\u0635\u0641\u0631\u0648\uFEFF "
       "\u0627\u0644\u0645\u063A\u200D\u0631\u0628"},
      {"starts with a diacritic", "\u064E\u0628\u0644\u062C\u064A\u0643\u0627 \u0648\u0627\u0644\u0645\u063A\u0631\u0628"},
      {"emoji and 4-byte characters",
       "\U0001F600\u0628\u0644\u062C\u064A\u0643\u0627\U0001F1F2\U0001F1E6 \U00020000 \u0627\u0644\u0645\u063A\u0631\u0628 "
       "\U0001F44D 5 \u0645\u0627\u0631\u0633 2020"},
      {"Latin and Arabic mixed", "ANAPEC \u0648\u0643\u0627\u0644\u0629 ANAPEC \u0648COP28 \u0628\u0640Rabat 2023"},
      {"CRLF and tabs", "\u0628\u0644\u062C\u064A\u0643\u0627\r\n\t\u0627\u0644\u0645\u063A\u0631\u0628\r\n"},
      {"control characters", std::string("\u0628\u0644\u062C\u064A\u0643\u0627\x01\x02\x7F \u0627\u0644\u0645\u063A\u0631\u0628\0x", 30)},
      {"replacement characters", "\u0628\uFFFD\u0644\u062C\u064A\u0643\u0627 \uFFFD\uFFFD"},
      {"a name split over a line break", "\u0625\u0642\u0644\u064A\u0645\n\u0635\u0641\u0631\u0648 \u0627\u0644\u062F\u0627\u0631\n"
                                         "\u0627\u0644\u0628\u064A\u0636\u0627\u0621"},
      {"very long line", Repeat(sentence, 1500)},
      {"many short lines", Repeat(sentence + "\n", 300)},
  };
  return texts;
}

const std::set<std::string> kTypes = {"PERSON", "ORG", "LOC", "DATE", "ROLE"};
const std::set<std::string> kLocSubtypes = {"country", "region", "province", "commune", "city", "douar", "other"};
const std::set<std::string> kOrgSubtypes = {"association", "foundation", "council", "ministry", "party", "media",
                                            "club", "company", "agency", "university", "other"};

std::string Show(const Entity& e) {
  return e.type + " [" + std::to_string(e.start) + "," + std::to_string(e.end) + ") '" + e.text + "' <- " + e.rule;
}

// Checks one entity against the original text.
void CheckEntity(const std::u32string& original, const Entity& e) {
  INFO("entity " << Show(e));
  CHECK(e.start >= 0);
  CHECK(e.start < e.end);
  REQUIRE(static_cast<size_t>(e.end) <= original.size());
  CHECK(e.text == Encode(original.substr(e.start, e.end - e.start)));
  CHECK(kTypes.count(e.type) == 1);
  if (e.type == "LOC" && !e.subtype.empty()) CHECK(kLocSubtypes.count(e.subtype) == 1);
  if (e.type == "ORG" && !e.subtype.empty()) CHECK(kOrgSubtypes.count(e.subtype) == 1);
  CHECK_FALSE(e.rule.empty());
}

void CheckRecord(const Article& article, const Record& record) {
  const std::u32string original = Decode(article.text);
  CHECK(record.id == article.id);
  CHECK(record.source == article.source);
  for (const Entity& e : record.entities) CheckEntity(original, e);
  for (size_t i = 1; i < record.entities.size(); ++i) {
    const Entity& a = record.entities[i - 1];
    const Entity& b = record.entities[i];
    INFO("entities " << Show(a) << " and " << Show(b));
    CHECK(a.start < b.start);  // sorted
    CHECK(a.end <= b.start);   // no overlap
  }
  const int n = static_cast<int>(record.entities.size());
  for (const Relation& r : record.relations) {
    INFO("relation role " << r.role << " rule " << r.rule);
    REQUIRE(r.role >= 0);
    REQUIRE(r.role < n);
    CHECK(record.entities[r.role].type == "ROLE");
    if (r.person) {
      REQUIRE(*r.person >= 0);
      REQUIRE(*r.person < n);
      CHECK(record.entities[*r.person].type == "PERSON");
    }
    if (r.org) {
      REQUIRE(*r.org >= 0);
      REQUIRE(*r.org < n);
      const std::string& t = record.entities[*r.org].type;
      CHECK((t == "ORG" || t == "LOC"));
    }
  }
}

TEST_CASE("Pipeline: the default data loads") {
  const Pipeline& p = DefaultPipeline();
  CHECK(p.gazetteer().size() > 0);
  CHECK_FALSE(DefaultRuleFiles().empty());
  CHECK_FALSE(DefaultGazetteerFiles().empty());
  for (size_t i = 1; i < DefaultRuleFiles().size(); ++i)
    CHECK(DefaultRuleFiles()[i - 1].name < DefaultRuleFiles()[i].name);
}

TEST_CASE("Pipeline: entities map back to the original text on messy input") {
  const Pipeline& p = DefaultPipeline();
  std::vector<Text> texts = MessyTexts();
  for (CorpusText& t : CorpusTexts()) texts.push_back(Text{std::move(t.name), std::move(t.text)});
  size_t entities = 0;
  for (const Text& t : texts) {
    INFO("text: " << t.name);
    Article article;
    article.id = t.name;
    article.source = "test";
    article.text = t.text;
    REQUIRE(RepairUtf8(&article.text) == 0);
    Trace trace;
    Record record = p.Process(article, ProcessOptions(), &trace);
    CheckRecord(article, record);
    entities += record.entities.size();
    // Every candidate, before resolution, maps back too.
    const std::u32string original = Decode(article.text);
    for (const Entity& c : trace.candidates) CheckEntity(original, c);
    // The trace holds what the stages saw.
    CHECK(trace.normalized.text == Normalizer::Default().NormalizeString(article.text));
    for (const Token& tok : trace.tokens) CHECK(tok.end <= trace.normalized.text.size());
    // Deterministic.
    Record again = p.Process(article, ProcessOptions());
    std::string a, b;
    AppendRecordJson(record, &a);
    AppendRecordJson(again, &b);
    CHECK(a == b);
  }
  // The default data finds something in these texts.
  CHECK(entities > 0);
}

TEST_CASE("Pipeline: empty-ish texts give no entities") {
  const Pipeline& p = DefaultPipeline();
  for (const std::string& text : {std::string(), std::string(" \n\t"), std::string("\u060C.!()"),
                                  std::string("\u064E\u0651\u0640")}) {
    INFO("text: '" << text << "'");
    Article article;
    article.id = "e";
    article.text = text;
    Record record = p.Process(article, ProcessOptions());
    CHECK(record.entities.empty());
    CHECK(record.relations.empty());
    CHECK(record.errors.empty());
  }
}

TEST_CASE("Pipeline: the record carries the article's id, source, meta and errors") {
  const Pipeline& p = DefaultPipeline();
  Article article;
  article.id = "x";
  article.source = "in.jsonl";
  article.title = "\u0639\u0646\u0648\u0627\u0646";
  article.date = "2023-12-24";
  article.outlet = "\u0647\u0633\u0628\u0631\u064A\u0633";
  article.text = "\u0628\u0644\u062C\u064A\u0643\u0627";
  article.errors = {"invalid UTF-8: 1 byte(s) replaced with U+FFFD"};
  Record record = p.Process(article, ProcessOptions());
  CHECK(record.id == "x");
  CHECK(record.source == "in.jsonl");
  CHECK(record.meta.title == article.title);
  CHECK(record.meta.date == "2023-12-24");
  CHECK(record.meta.outlet == article.outlet);
  CHECK(record.errors == article.errors);
}

TEST_CASE("Pipeline: an article marked skip_extraction gets its errors and no entities") {
  const Pipeline& p = DefaultPipeline();
  Article article;
  article.id = "big";
  article.text = "\u0628\u0644\u062C\u064A\u0643\u0627 \u0627\u0644\u0645\u063A\u0631\u0628";
  article.errors = {"too big"};
  article.skip_extraction = true;
  Record record = p.Process(article, ProcessOptions());
  CHECK(record.id == "big");
  CHECK(record.entities.empty());
  CHECK(record.errors == std::vector<std::string>{"too big"});
}

TEST_CASE("Pipeline: the anchor date changes only date values") {
  const Pipeline& p = DefaultPipeline();
  Article article;
  article.id = "d";
  article.text = "\u0632\u0627\u0631 \u0627\u0644\u0648\u0641\u062F \u0628\u0644\u062C\u064A\u0643\u0627 \u064A\u0648\u0645 5 "
                 "\u0645\u0627\u0631\u0633 \u0627\u0644\u0645\u0627\u0636\u064A";
  ProcessOptions a, b;
  a.doc_date = "2020-06-01";
  b.doc_date = "2024-01-15";
  Record ra = p.Process(article, a);
  Record rb = p.Process(article, b);
  REQUIRE(ra.entities.size() == rb.entities.size());
  for (size_t i = 0; i < ra.entities.size(); ++i) {
    CHECK(ra.entities[i].start == rb.entities[i].start);
    CHECK(ra.entities[i].end == rb.entities[i].end);
    CHECK(ra.entities[i].type == rb.entities[i].type);
    if (ra.entities[i].type != "DATE") CHECK(ra.entities[i].value == rb.entities[i].value);
  }
}

}  // namespace
}  // namespace khabar
