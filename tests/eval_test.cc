// Tests for the evaluation library (extractor/eval): span and relation
// matching, rule keys, the gold, record and CoNLL readers.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "eval/conll.h"
#include "eval/gold.h"
#include "eval/report.h"
#include "eval/scorer.h"

namespace khabar::eval {
namespace {

Span S(const char* type, int64_t start, int64_t end, bool optional = false) {
  return Span{type, start, end, optional};
}

struct Tally {
  size_t tp, fp, fn, ignored;
};

Tally Count(const std::vector<Span>& gold, const std::vector<Span>& pred, MatchMode mode) {
  Matching m = MatchSpans(gold, pred, mode);
  return Tally{m.pairs.size(), m.false_hits.size(), m.missed.size(), m.ignored.size()};
}

void CheckTally(const Tally& got, const Tally& expected) {
  CHECK(got.tp == expected.tp);
  CHECK(got.fp == expected.fp);
  CHECK(got.fn == expected.fn);
  CHECK(got.ignored == expected.ignored);
}

TEST_CASE("eval: span matching, strict and overlap, one row per phenomenon") {
  struct Case {
    const char* name;
    std::vector<Span> gold;
    std::vector<Span> pred;
    Tally strict;
    Tally overlap;
  };
  const std::vector<Case> cases = {
      {"exact", {S("PERSON", 0, 10)}, {S("PERSON", 0, 10)}, {1, 0, 0, 0}, {1, 0, 0, 0}},
      {"shorter prediction", {S("PERSON", 0, 10)}, {S("PERSON", 0, 8)}, {0, 1, 1, 0}, {1, 0, 0, 0}},
      {"wrong type", {S("ORG", 0, 10)}, {S("LOC", 0, 10)}, {0, 1, 1, 0}, {0, 1, 1, 0}},
      {"nested, other type inside", {S("ORG", 0, 30)}, {S("ORG", 0, 30), S("LOC", 20, 30)},
       {1, 1, 0, 0}, {1, 1, 0, 0}},
      {"nested, two of the same type inside", {S("ORG", 0, 30)},
       {S("ORG", 0, 10), S("ORG", 12, 30)}, {0, 2, 1, 0}, {1, 1, 0, 0}},
      {"adjacent gold, one prediction over both", {S("LOC", 0, 5), S("LOC", 6, 10)},
       {S("LOC", 0, 10)}, {0, 1, 2, 0}, {1, 0, 1, 0}},
      {"adjacent half-open spans do not overlap", {S("LOC", 0, 5)}, {S("LOC", 5, 9)},
       {0, 1, 1, 0}, {0, 1, 1, 0}},
      {"duplicate predictions", {S("DATE", 3, 9)}, {S("DATE", 3, 9), S("DATE", 3, 9)},
       {1, 1, 0, 0}, {1, 1, 0, 0}},
      {"optional gold matched exactly", {S("PERSON", 0, 5, true)}, {S("PERSON", 0, 5)},
       {0, 0, 0, 1}, {0, 0, 0, 1}},
      {"optional gold overlapped", {S("PERSON", 0, 5, true)}, {S("PERSON", 3, 8)},
       {0, 0, 0, 1}, {0, 0, 0, 1}},
      {"optional gold of another scored type", {S("PERSON", 0, 5, true)}, {S("LOC", 0, 5)},
       {0, 1, 0, 0}, {0, 1, 0, 0}},
      {"gold of a type not scored excuses any prediction", {S("EVENT", 10, 20)},
       {S("ORG", 12, 18)}, {0, 0, 0, 1}, {0, 0, 0, 1}},
      {"optional gold not missed when nothing predicted", {S("ROLE", 0, 4, true)}, {},
       {0, 0, 0, 0}, {0, 0, 0, 0}},
      {"predicted type not scored is ignored", {}, {S("EVENT", 0, 4)}, {0, 0, 0, 1},
       {0, 0, 0, 1}},
      {"required match wins over optional", {S("ORG", 0, 10), S("ORG", 0, 10, true)},
       {S("ORG", 0, 10)}, {1, 0, 0, 0}, {1, 0, 0, 0}},
      {"second prediction on a taken span overlapping an optional one",
       {S("ORG", 0, 10), S("EVENT", 5, 20)}, {S("ORG", 0, 10), S("ORG", 6, 12)},
       {1, 0, 0, 1}, {1, 0, 0, 1}},
      {"nothing predicted", {S("LOC", 0, 3), S("ORG", 4, 9)}, {}, {0, 0, 2, 0}, {0, 0, 2, 0}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CheckTally(Count(c.gold, c.pred, MatchMode::kStrict), c.strict);
    CheckTally(Count(c.gold, c.pred, MatchMode::kOverlap), c.overlap);
  }
}

TEST_CASE("eval: scoring only some types") {
  const std::vector<std::string> types = {"PERSON", "LOC"};
  // A DATE prediction is ignored; a gold DATE becomes optional and excuses any
  // prediction over it.
  Matching m = MatchSpans({S("DATE", 0, 5), S("LOC", 10, 15)},
                          {S("DATE", 20, 25), S("LOC", 1, 4), S("LOC", 10, 15)},
                          MatchMode::kOverlap, types);
  CHECK(m.pairs.size() == 1);
  CHECK(m.missed.empty());
  CHECK(m.false_hits.empty());
  CHECK(m.ignored.size() == 2);

  std::vector<std::string> parsed;
  CHECK(ParseTypeList("LOC, PERSON", &parsed).ok());
  CHECK(parsed == types);  // report order
  CHECK(!ParseTypeList("LOC,PLACE", &parsed).ok());
  CHECK(!ParseTypeList("", &parsed).ok());
  Evaluation ev(types);
  CHECK(ev.overlap.size() == 2);
  CHECK(EvaluationJson(ev, false).find("DATE") == std::string::npos);
}

TEST_CASE("eval: overlap matching is greedy by overlap size, ties by position") {
  // The prediction overlaps the second gold span more.
  Matching m = MatchSpans({S("ORG", 0, 10), S("ORG", 12, 30)}, {S("ORG", 8, 30)},
                          MatchMode::kOverlap);
  REQUIRE(m.pairs.size() == 1);
  CHECK(m.pairs[0].first == 1);
  CHECK(m.missed == std::vector<size_t>{0});

  // Equal overlaps: the earlier gold span is taken.
  m = MatchSpans({S("LOC", 0, 4), S("LOC", 6, 10)}, {S("LOC", 2, 8)}, MatchMode::kOverlap);
  REQUIRE(m.pairs.size() == 1);
  CHECK(m.pairs[0].first == 0);

  // Equal overlaps on one gold span: the earlier prediction is matched.
  m = MatchSpans({S("LOC", 4, 8)}, {S("LOC", 6, 10), S("LOC", 2, 6)}, MatchMode::kOverlap);
  REQUIRE(m.pairs.size() == 1);
  CHECK(m.pairs[0].second == 1);
  CHECK(m.false_hits == std::vector<size_t>{0});

  // Greedy by size gives each gold span its best prediction.
  m = MatchSpans({S("PERSON", 0, 10), S("PERSON", 11, 20)},
                 {S("PERSON", 0, 12), S("PERSON", 9, 20)}, MatchMode::kOverlap);
  REQUIRE(m.pairs.size() == 2);
  CHECK(m.pairs[0] == std::make_pair<size_t, size_t>(0, 0));
  CHECK(m.pairs[1] == std::make_pair<size_t, size_t>(1, 1));
}

TEST_CASE("eval: counts and F1") {
  Counts c{3, 1, 2};
  CHECK(c.Precision() == doctest::Approx(0.75));
  CHECK(c.Recall() == doctest::Approx(0.6));
  CHECK(c.F1() == doctest::Approx(6.0 / 9.0));
  Counts empty;
  CHECK(empty.Precision() == 0.0);
  CHECK(empty.F1() == 0.0);
}

TEST_CASE("eval: rule keys") {
  CHECK(RuleKey("dates.yaml:12 date.weekday_day_month_year") == "date.weekday_day_month_year");
  CHECK(RuleKey("gazetteer:places.tsv:311") == "gazetteer:places.tsv");
  CHECK(RuleKey("gazetteer:places.tsv") == "gazetteer:places.tsv");
  CHECK(RuleKey("person.given_family") == "person.given_family");
  CHECK(RuleKey("") == "(none)");
}

TEST_CASE("eval: name normalization folds alef forms, ta marbuta and spaces") {
  CHECK(NormalizeName("  الجمعية   الساحلية ") == NormalizeName("الجمعيه الساحليه"));
  CHECK(NormalizeName("أحمد") == NormalizeName("احمد"));
  CHECK(NormalizeName("مؤسسة\nالأمل") == NormalizeName("مؤسسه الامل"));
  CHECK(NormalizeName("رئيس") != NormalizeName("رئيسة"));
}

GoldRelation GR(std::optional<std::string> person, std::string role,
                std::optional<std::string> org, std::vector<std::string> alt = {},
                bool optional = false) {
  return GoldRelation{std::move(person), std::move(role), std::move(org), std::move(alt),
                      optional};
}

NameTriple PT(std::optional<std::string> person, std::string role,
              std::optional<std::string> org) {
  return NameTriple{std::move(person), std::move(role), std::move(org)};
}

TEST_CASE("eval: relation matching") {
  const std::vector<GoldRelation> gold = {
      GR("سعيد الناصري", "رئيس", "جمعية الأمل للتنمية", {"الجمعية"}),
      GR(std::nullopt, "نائب الرئيس", "المجلس الإقليمي"),
      GR("ليلى بناني", "الكاتبة العامة", std::nullopt, {}, /*optional=*/true),
  };
  SUBCASE("exact names, org_alt, null person") {
    Matching m = MatchRelations(gold, {PT("سعيد الناصري", "رئيس", "الجمعية"),
                                       PT(std::nullopt, "نائب الرئيس", "المجلس الاقليمي")});
    CHECK(m.pairs.size() == 2);
    CHECK(m.false_hits.empty());
    CHECK(m.missed.empty());
  }
  SUBCASE("ta marbuta and spacing differences still match") {
    Matching m = MatchRelations(gold, {PT("سعيد  الناصري", "رئيس", "جمعيه الامل للتنميه")});
    CHECK(m.pairs.size() == 1);
    CHECK(m.missed.size() == 1);
  }
  SUBCASE("null must be null on both sides") {
    Matching m = MatchRelations(gold, {PT("سعيد الناصري", "نائب الرئيس", "المجلس الإقليمي"),
                                       PT("سعيد الناصري", "رئيس", std::nullopt)});
    CHECK(m.pairs.empty());
    CHECK(m.false_hits.size() == 2);
    CHECK(m.missed.size() == 2);
  }
  SUBCASE("optional gold relation: ignored when predicted, not missed otherwise") {
    Matching m = MatchRelations(gold, {PT("ليلى بناني", "الكاتبة العامة", std::nullopt)});
    CHECK(m.pairs.empty());
    CHECK(m.ignored.size() == 1);
    CHECK(m.false_hits.empty());
    CHECK(m.missed.size() == 2);
  }
  SUBCASE("one-to-one: the second identical prediction is false") {
    Matching m = MatchRelations(gold, {PT("سعيد الناصري", "رئيس", "الجمعية"),
                                       PT("سعيد الناصري", "رئيس", "جمعية الأمل للتنمية")});
    CHECK(m.pairs.size() == 1);
    CHECK(m.false_hits.size() == 1);
  }
  SUBCASE("matching is maximal, not first come") {
    // The first prediction could take either gold relation; the second only one.
    const std::vector<GoldRelation> two = {GR("أ ب", "رئيس", "نادي س", {"النادي"}),
                                           GR("أ ب", "رئيس", "النادي")};
    Matching m = MatchRelations(two, {PT("أ ب", "رئيس", "النادي"), PT("أ ب", "رئيس", "نادي س")});
    CHECK(m.pairs.size() == 2);
  }
}

Entity E(const char* type, int64_t start, int64_t end, const char* text, const char* norm = "",
         const char* value = "", const char* rule = "") {
  Entity e;
  e.type = type;
  e.start = start;
  e.end = end;
  e.text = text;
  e.norm = norm;
  e.value = value;
  e.rule = rule;
  return e;
}

TEST_CASE("eval: predicted relations resolve to names and are deduplicated") {
  Record r;
  r.id = "x";
  r.entities = {E("PERSON", 0, 5, "الناصري", "سعيد الناصري"), E("ROLE", 6, 10, "رئيسة", "", "رئيس"),
                E("ORG", 11, 20, "للجمعية", "الجمعية"), E("ROLE", 30, 34, "رئيس")};
  Relation a;
  a.person = 0;
  a.role = 1;
  a.org = 2;
  Relation b = a;  // same names through another role mention
  b.role = 3;
  Relation c;
  c.role = 3;
  Relation bad;
  bad.role = 9;
  r.relations = {a, b, c, bad};
  std::vector<std::string> problems;
  std::vector<NameTriple> t = PredictedTriples(r, &problems);
  REQUIRE(t.size() == 2);
  CHECK(*t[0].person == "سعيد الناصري");
  CHECK(t[0].role == "رئيس");
  CHECK(*t[0].org == "الجمعية");
  CHECK(!t[1].person);
  CHECK(!t[1].org);
  CHECK(problems.size() == 1);
}

TEST_CASE("eval: scorer counts types, dates, rules and relations") {
  GoldDocument gold;
  gold.id = "d1";
  gold.entities = {
      {"PERSON", 0, 10, "", "", "", false},       {"DATE", 20, 30, "", "2023-12-24", "", false},
      {"DATE", 40, 45, "", "2019", "", false},    {"EVENT", 50, 60, "", "", "", true},
      {"ORG", 70, 80, "", "", "", false},
  };
  gold.relations = {GR("س", "رئيس", "ج")};
  Record pred;
  pred.id = "d1";
  pred.entities = {E("PERSON", 0, 10, "", "", "", "p.yaml:1 person.a"),
                   E("DATE", 20, 31, "", "", "2023-12-24", "d.yaml:2 date.a"),
                   E("DATE", 40, 45, "", "", "2018", "d.yaml:2 date.a"),
                   E("LOC", 52, 58, "", "", "", "gazetteer:places.tsv:7"),
                   E("LOC", 90, 95, "", "", "", "gazetteer:places.tsv:8")};
  Scorer scorer(/*keep_errors=*/true);
  scorer.Add(gold, &pred, "");
  GoldDocument other;
  other.id = "d2";
  other.entities = {{"ROLE", 0, 4, "رئيس", "رئيس", "", false}};
  scorer.Add(other, nullptr, "");
  const Evaluation& ev = scorer.evaluation();
  CHECK(ev.documents == 2);
  CHECK(ev.documents_without_prediction == 1);
  CHECK(ev.overlap.at("PERSON").tp == 1);
  CHECK(ev.overlap.at("DATE").tp == 2);
  CHECK(ev.strict.at("DATE").tp == 1);
  CHECK(ev.strict.at("DATE").fp == 1);
  CHECK(ev.strict.at("DATE").fn == 1);
  CHECK(ev.overlap.at("LOC").fp == 1);  // the one inside EVENT is ignored
  CHECK(ev.overlap.at("ORG").fn == 1);
  CHECK(ev.overlap.at("ROLE").fn == 1);
  const Counts all = ev.OverlapAll();
  CHECK(all.tp == 3);
  CHECK(all.fp == 1);
  CHECK(all.fn == 2);
  CHECK(ev.dates_matched == 2);
  CHECK(ev.dates_value_correct == 1);
  CHECK(ev.relations.fn == 1);
  CHECK(ev.rules.at("date.a").tp == 2);
  CHECK(ev.rules.at("gazetteer:places.tsv").fp == 1);
  CHECK(ev.rules.at("gazetteer:places.tsv").tp == 0);
  auto sorted = ev.RulesByFalseHits();
  CHECK(sorted.front().first == "gazetteer:places.tsv");
  REQUIRE(ev.errors.size() == 2);
  CHECK(ev.errors[1].no_prediction);
  const std::string json = EvaluationJson(ev, false);
  CHECK(json.rfind("{\"overlap\":{\"ALL\":{\"p\":0.75,\"r\":0.6,\"f\":0.6667,\"tp\":3,\"fp\":1,\"fn\":2}", 0) == 0);
  CHECK(json.find("\"documents\":2") != std::string::npos);
}

TEST_CASE("eval: error context is 30 code points on each side") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "ب";
  text += "سلا";
  for (int i = 0; i < 40; ++i) text += "ت";
  GoldDocument gold;
  gold.id = "c";
  gold.entities = {{"LOC", 40, 43, "سلا", "", "", false}};
  Scorer scorer(true);
  scorer.Add(gold, nullptr, text);
  REQUIRE(scorer.evaluation().errors.size() == 1);
  const EntityError& e = scorer.evaluation().errors[0].entities.at(0);
  CHECK(e.text == "سلا");
  CHECK(e.left.size() == 30 * 2);
  CHECK(e.right.size() == 30 * 2);
}

TEST_CASE("eval: gold JSON lines") {
  const std::string content =
      "{\"id\": \"a\", \"meta\": {\"date\": \"2020-02-21\"}, \"entities\": ["
      "{\"type\": \"PERSON\", \"start\": 0, \"end\": 3, \"text\": \"علي\"},"
      "{\"type\": \"EVENT\", \"start\": 5, \"end\": 9, \"text\": \"x\", \"optional\": true}],"
      " \"relations\": [{\"person\": null, \"role\": \"عامل\", \"org\": \"إقليم تارودانت\","
      " \"org_alt\": [\"الإقليم\"]}]}\n"
      "\n"
      "{\"id\": 7, \"entities\": []}\n";
  auto gold = ParseGoldJsonl(content, "g.jsonl");
  REQUIRE(gold.ok());
  REQUIRE(gold.value().size() == 2);
  const GoldDocument& a = gold.value()[0];
  CHECK(a.date == "2020-02-21");
  CHECK(a.entities.size() == 2);
  CHECK(a.entities[1].optional);
  REQUIRE(a.relations.size() == 1);
  CHECK(!a.relations[0].person);
  CHECK(*a.relations[0].org == "إقليم تارودانت");
  CHECK(a.relations[0].org_alt.size() == 1);
  CHECK(gold.value()[1].id == "7");

  auto twice = ParseGoldJsonl("{\"id\": \"a\"}\n{\"id\": \"a\"}\n", "g.jsonl");
  REQUIRE(!twice.ok());
  CHECK(twice.status().message().find("g.jsonl:2") != std::string::npos);
  auto broken = ParseGoldJsonl("{\"id\": \"a\", \"entities\": [{\"type\": \"LOC\"}]}\n", "g.jsonl");
  CHECK(!broken.ok());
  CHECK(!ParseGoldJsonl("not json\n", "g.jsonl").ok());
}

TEST_CASE("eval: predicted records") {
  const std::string content =
      "{\"id\":\"003\",\"source\":\"x.txt\",\"meta\":{\"date\":\"2023-12-24\"},\"entities\":["
      "{\"type\":\"PERSON\",\"start\":0,\"end\":3,\"text\":\"علي\",\"norm\":\"علي\","
      "\"rule\":\"persons.yaml:4 person.a\"},"
      "{\"type\":\"ROLE\",\"start\":4,\"end\":8,\"text\":\"رئيس\",\"value\":\"رئيس\"}],"
      "\"relations\":[{\"type\":\"holds_role\",\"person\":0,\"role\":1,\"org\":null,"
      "\"rule\":\"r\"}],\"errors\":[]}\n";
  auto records = ParseRecordsJsonl(content, "p.jsonl");
  REQUIRE(records.ok());
  REQUIRE(records.value().size() == 1);
  const Record& r = records.value()[0];
  CHECK(r.entities.size() == 2);
  CHECK(r.entities[0].rule == "persons.yaml:4 person.a");
  REQUIRE(r.relations.size() == 1);
  CHECK(*r.relations[0].person == 0);
  CHECK(!r.relations[0].org);
}

TEST_CASE("eval: CoNLL reading") {
  // Tabs and spaces, an I- without B-, two B- in a row, an unmapped tag, CRLF.
  const std::string content =
      "قال\tO\n"
      "محمد  B-PER\n"
      "علي\tI-PER\n"
      "في\tO\n"
      "الرباط\tI-LOC\n"
      "\n"
      "\n"
      "اتحاد x B-ORG\r\n"
      "الكتاب\tI-ORG\r\n"
      "المغرب\tB-ORG\n"
      "كأس\tB-MISC\n"
      "العالم\tI-MISC\n"
      "أمس\tB-TIME\n";
  ConllOptions options;
  auto docs = ParseConll(content, "t.conll", options);
  REQUIRE(docs.ok());
  REQUIRE(docs.value().size() == 1);
  const GoldDocument& d = docs.value()[0];
  CHECK(d.id == "conll:0");
  CHECK(d.text == "قال محمد علي في الرباط\nاتحاد الكتاب المغرب كأس العالم أمس");
  REQUIRE(d.entities.size() == 6);
  CHECK(d.entities[0].type == "PERSON");
  CHECK(d.entities[0].start == 4);
  CHECK(d.entities[0].end == 12);
  CHECK(d.entities[0].text == "محمد علي");
  CHECK(d.entities[1].type == "LOC");  // I- without B- starts a span
  CHECK(d.entities[1].start == 16);
  CHECK(d.entities[1].end == 22);
  CHECK(d.entities[2].type == "ORG");
  CHECK(d.entities[2].start == 23);  // after the newline
  CHECK(d.entities[2].text == "اتحاد الكتاب");
  CHECK(d.entities[3].text == "المغرب");  // B- after I- of the same type: a new span
  CHECK(d.entities[4].type == "MISC");
  CHECK(d.entities[4].optional);
  CHECK(d.entities[4].text == "كأس العالم");
  CHECK(d.entities[5].optional);  // TIME is not mapped
  for (const GoldEntity& e : d.entities) CHECK(!e.text.empty());

  options.sentences_per_document = 1;
  auto split = ParseConll(content, "t.conll", options);
  REQUIRE(split.ok());
  REQUIRE(split.value().size() == 2);
  CHECK(split.value()[1].id == "conll:1");
  CHECK(split.value()[1].entities[0].start == 0);

  CHECK(!ParseConll("token_without_tag\n", "t.conll", ConllOptions()).ok());
}

TEST_CASE("eval: CoNLL tag map") {
  TagMap map = DefaultTagMap();
  CHECK(map.at("GPE") == "LOC");
  CHECK(map.at("OCC") == "ROLE");
  CHECK(ApplyTagMapSpec("FAC=LOC, GPE=-", &map).ok());
  CHECK(map.at("FAC") == "LOC");
  CHECK(map.count("GPE") == 0);
  CHECK(!ApplyTagMapSpec("GPE", &map).ok());
  CHECK(!ApplyTagMapSpec("GPE=PLACE", &map).ok());
}

}  // namespace
}  // namespace khabar::eval
