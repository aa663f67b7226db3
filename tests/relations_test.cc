// holds_role relations (extractor/relations.cc) through the whole pipeline
// with the default rules and gazetteers: one row per pattern of how news
// text says who holds which title where.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "khabar/data_file.h"
#include "khabar/pipeline.h"
#include "default_pipeline.h"

namespace khabar {
namespace {

// Alef forms and ى folded, so that gazetteer canonicals and normalized
// norms compare alike.
std::string Fold(std::string s) {
  const std::pair<std::string, std::string> kFolds[] = {
      {"\xD8\xA3", "\xD8\xA7"}, {"\xD8\xA5", "\xD8\xA7"}, {"\xD8\xA2", "\xD8\xA7"}, {"\xD9\x89", "\xD9\x8A"}};
  for (const auto& [from, to] : kFolds)
    for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
  return s;
}

// Every relation as "person|role|org" (norms; role value; "-" when absent),
// sorted and joined by " ; ".
std::string Relations(const std::string& text) {
  Article article;
  article.id = "t";
  article.text = text;
  Record record = DefaultPipeline().Process(article, ProcessOptions());
  auto name = [&](const std::optional<int>& i) {
    if (!i) return std::string("-");
    const Entity& e = record.entities.at(*i);
    return Fold(e.norm.empty() ? e.text : e.norm);
  };
  std::vector<std::string> rows;
  for (const Relation& r : record.relations) {
    CHECK(r.type == "holds_role");
    CHECK(r.rule.rfind("relations.cc ", 0) == 0);
    rows.push_back(name(r.person) + "|" + record.entities.at(r.role).value + "|" + name(r.org));
  }
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  std::string out;
  for (const std::string& row : rows) out += (out.empty() ? "" : " ; ") + row;
  return out;
}

TEST_CASE("relations: who holds which title where") {
  struct Case {
    const char* pattern;
    const char* text;
    const char* relations;
  };
  const Case cases[] = {
      {"X، رئيس ORG", "وحضر اللقاء يوسف العلوي، رئيس جمعية الأمل للتنمية، وعدد من الفاعلين",
       "يوسف العلوي|رئيس|جمعية الامل للتنمية"},
      {"انتخاب X رئيسا لـORG", "انتخب الجمع العام يوسف العلوي رئيسا لجمعية الأمل للتنمية",
       "يوسف العلوي|رئيس|جمعية الامل للتنمية"},
      {"رئيس ORG السيد X", "وقال رئيس جمعية الأمل للتنمية السيد محمد أمزال إن المشروع انطلق",
       "محمد امزال|رئيس|جمعية الامل للتنمية"},
      {"a title with no person", "وحضرت الحفل نائبة رئيس مجلس جماعة سطات.", "-|نائب الرئيس|مجلس جماعة سطات"},
      {"a title with a place", "وأشرف عامل صاحب الجلالة على إقليم أزيلال على الافتتاح", "-|عامل|اقليم ازيلال"},
      {"an anaphoric organization", "نظمت جمعية الأمل للتنمية لقاء. وقال رئيس الجمعية محمد أمزال إن",
       "محمد امزال|رئيس|جمعية الامل للتنمية"},
      {"X، الكاتب العام لـanaphor",
       "نظمت المنظمة الدولية للتنمية لقاء. وحضر كريم أوحماد، الكاتب العام للمنظمة، الاجتماع",
       "كريم اوحماد|الكاتب العام|المنظمة الدولية للتنمية"},
      {"ORG التي يترأسها X, with a رئيس of the paragraph",
       "وتعمل جمعية الأمل للتنمية التي يترأسها “يوسف العلوي”، رئيس الجمعية، على المشروع",
       "يوسف العلوي|رئيس|جمعية الامل للتنمية"},
      {"a board in a list inherits the organization",
       "انتخب الجمع العام يوسف العلوي رئيسا لجمعية الأمل للتنمية، وسعاد الحجوي نائبة للرئيس، "
       "وحسن البقالي أمينا للمال.",
       "حسن البقالي|أمين المال|جمعية الامل للتنمية ; سعاد الحجوي|نائب الرئيس|جمعية الامل للتنمية ; "
       "يوسف العلوي|رئيس|جمعية الامل للتنمية"},
      {"a title with a generic organization and no person", "وصادق المجلس الجماعي على الميزانية بحضور رئيس الجماعة",
       ""},
      {"X، وY: the conjunction joins another person",
       "وحضر الحفل رئيس جمعية الأمل للتنمية، يوسف العلوي، وعامل إقليم الحوز.",
       "-|عامل|اقليم الحوز ; يوسف العلوي|رئيس|جمعية الامل للتنمية"},
  };
  for (const Case& c : cases) {
    INFO(c.pattern << ": " << c.text);
    CHECK(Relations(c.text) == c.relations);
  }
}

}  // namespace
}  // namespace khabar
