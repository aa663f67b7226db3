// Tests for the JSON writer (extractor/json_writer.cc): escaping, stable key
// order, optional fields, and that the output parses back.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "khabar/json_writer.h"

namespace khabar {
namespace {

std::string JsonString(const std::string& s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

struct EscapeCase {
  std::string name;
  std::string input;
  std::string expected;  // the JSON literal
};

TEST_CASE("JSON writer: string escaping, one row per phenomenon") {
  const std::vector<EscapeCase> cases = {
      {"empty", "", "\"\""},
      {"plain ASCII", "abc", "\"abc\""},
      {"double quote", "say \"hi\"", "\"say \\\"hi\\\"\""},
      {"backslash", "a\\b", "\"a\\\\b\""},
      {"newline", "a\nb", "\"a\\nb\""},
      {"carriage return", "a\rb", "\"a\\rb\""},
      {"tab", "a\tb", "\"a\\tb\""},
      {"NUL", std::string("a\0b", 3), "\"a\\u0000b\""},
      {"other control characters", "\x01\x1F\x08\x0C", "\"\\u0001\\u001f\\u0008\\u000c\""},
      {"DEL passes", "\x7F", "\"\x7F\""},
      {"slash is not escaped", "a/b", "\"a/b\""},
      {"Arabic stays UTF-8", "\u0628\u0644\u062C\u064A\u0643\u0627", "\"\u0628\u0644\u062C\u064A\u0643\u0627\""},
      {"4-byte characters stay UTF-8", "\U0001F600", "\"\U0001F600\""},
      {"line and paragraph separators", "\u2028\u2029", "\"\u2028\u2029\""},
  };
  for (const EscapeCase& c : cases) {
    INFO("case: " << c.name);
    const std::string out = JsonString(c.input);
    CHECK(out == c.expected);
    // nlohmann reads it back to the same string.
    nlohmann::json parsed = nlohmann::json::parse(out, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    CHECK(parsed.get<std::string>() == c.input);
  }
}

Record FullRecord() {
  Record r;
  r.id = "003 \"quoted\"";
  r.source = "corpus/003.txt";
  r.meta.title = "\u0639\u0646\u0648\u0627\u0646\n\u0637\u0648\u064A\u0644";
  r.meta.date = "2023-12-24";
  r.meta.author = "\u0645\u062D\u0645\u062F";
  r.meta.outlet = "\u0647\u0633\u0628\u0631\u064A\u0633";
  Entity org;
  org.type = "ORG";
  org.subtype = "association";
  org.start = 0;
  org.end = 11;
  org.text = "\u062C\u0645\u0639\u064A\u0629 \u0627\u0644\u0623\u0645\u0644";
  org.norm = "\u062C\u0645\u0639\u064A\u0629 \u0627\u0644\u0627\u0645\u0644";
  org.rule = "orgs.yaml:41 org.association";
  Entity date;
  date.type = "DATE";
  date.start = 20;
  date.end = 40;
  date.text = "1 \u0631\u0645\u0636\u0627\u0646 1445";
  date.value = "2024-03-11";
  date.calendar = "hijri";
  date.hijri_value = "1445-09-01";
  date.relative = true;
  date.rule = "dates.yaml:12 date.hijri";
  Entity loc;
  loc.type = "LOC";
  loc.subtype = "country";
  loc.start = 50;
  loc.end = 56;
  loc.text = "\u0628\u0644\u062C\u064A\u0643\u0627";
  loc.norm = loc.text;
  loc.id = "cc:BE";
  loc.rule = "gazetteer:countries.tsv:12";
  loc.priority = 40;  // not written
  Entity role;
  role.type = "ROLE";
  role.start = 60;
  role.end = 64;
  role.text = "\u0631\u0626\u064A\u0633";
  role.rule = "roles.yaml:3 role.title";
  r.entities = {org, date, loc, role};
  Relation full;
  full.person = 2;
  full.role = 3;
  full.org = 0;
  full.rule = "relations:role_of";
  Relation bare;
  bare.role = 3;
  r.relations = {full, bare};
  r.errors = {"invalid UTF-8: 2 byte(s) replaced with U+FFFD", "second \"error\""};
  return r;
}

std::vector<std::string> Keys(const nlohmann::ordered_json& j) {
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  return keys;
}

TEST_CASE("JSON writer: a full record parses back with a stable key order") {
  std::string line;
  AppendRecordJson(FullRecord(), &line);
  REQUIRE(!line.empty());
  CHECK(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);  // exactly one line
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(line, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(j.dump() + "\n" == line);  // compact: no insignificant white space

  CHECK(Keys(j) == std::vector<std::string>{"id", "source", "meta", "entities", "relations", "errors"});
  CHECK(j["id"] == "003 \"quoted\"");
  CHECK(j["source"] == "corpus/003.txt");
  CHECK(Keys(j["meta"]) == std::vector<std::string>{"title", "date", "author", "outlet"});
  CHECK(j["meta"]["title"] == "\u0639\u0646\u0648\u0627\u0646\n\u0637\u0648\u064A\u0644");

  REQUIRE(j["entities"].size() == 4);
  const auto& org = j["entities"][0];
  CHECK(Keys(org) == std::vector<std::string>{"type", "subtype", "start", "end", "text", "norm", "rule"});
  CHECK(org["start"] == 0);
  CHECK(org["end"] == 11);
  CHECK(org["norm"] == "\u062C\u0645\u0639\u064A\u0629 \u0627\u0644\u0627\u0645\u0644");
  const auto& date = j["entities"][1];
  CHECK(Keys(date) == std::vector<std::string>{"type", "start", "end", "text", "value", "calendar", "hijri_value",
                                               "relative", "rule"});
  CHECK(date["relative"] == true);
  CHECK(date["calendar"] == "hijri");
  const auto& loc = j["entities"][2];
  CHECK(Keys(loc) == std::vector<std::string>{"type", "subtype", "start", "end", "text", "norm", "id", "rule"});
  CHECK(loc["id"] == "cc:BE");
  CHECK_FALSE(loc.contains("priority"));
  const auto& role = j["entities"][3];
  CHECK(Keys(role) == std::vector<std::string>{"type", "start", "end", "text", "rule"});

  REQUIRE(j["relations"].size() == 2);
  CHECK(Keys(j["relations"][0]) == std::vector<std::string>{"type", "person", "role", "org", "rule"});
  CHECK(j["relations"][0]["type"] == "holds_role");
  CHECK(j["relations"][0]["person"] == 2);
  CHECK(j["relations"][0]["role"] == 3);
  CHECK(j["relations"][0]["org"] == 0);
  CHECK(j["relations"][1]["person"].is_null());
  CHECK(j["relations"][1]["org"].is_null());
  CHECK(j["relations"][1]["role"] == 3);
  CHECK(j["relations"][1].contains("rule"));

  REQUIRE(j["errors"].size() == 2);
  CHECK(j["errors"][1] == "second \"error\"");
}

TEST_CASE("JSON writer: an empty record has every top-level key") {
  Record r;
  r.id = "e";
  std::string line;
  AppendRecordJson(r, &line);
  CHECK(line == "{\"id\":\"e\",\"source\":\"\",\"meta\":{},\"entities\":[],\"relations\":[],\"errors\":[]}\n");
}

TEST_CASE("JSON writer: the same record always gives the same bytes") {
  std::string a, b;
  AppendRecordJson(FullRecord(), &a);
  AppendRecordJson(FullRecord(), &b);
  CHECK(a == b);
  // Appending adds to what is there.
  std::string two = a;
  AppendRecordJson(FullRecord(), &two);
  CHECK(two == a + a);
}

TEST_CASE("JSON writer: only the meta fields that are set are written") {
  Record r;
  r.id = "m";
  r.meta.date = "2024-01-01";
  std::string line;
  AppendRecordJson(r, &line);
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(line);
  CHECK(Keys(j["meta"]) == std::vector<std::string>{"date"});
}

}  // namespace
}  // namespace khabar
