// Organizations found by rules/orgs.yaml and the `org` builder
// (extractor/names/org_value.cc), through the whole pipeline with the default
// rules and gazetteers: one row per phenomenon of where a name ends.
#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <map>
#include <string>
#include <vector>

#include "khabar/data_file.h"
#include "khabar/pipeline.h"
#include "default_pipeline.h"

namespace khabar {
namespace {

std::vector<Entity> EntitiesOf(const std::string& text, const std::string& type) {
  Article article;
  article.id = "t";
  article.text = text;
  Record record = DefaultPipeline().Process(article, ProcessOptions());
  std::vector<Entity> out;
  for (const Entity& e : record.entities)
    if (e.type == type) out.push_back(e);
  return out;
}

std::string Describe(const std::vector<Entity>& entities) {
  std::string out;
  for (const Entity& e : entities) out += "[" + e.text + "|" + e.subtype + "|" + e.norm + "] ";
  return out.empty() ? "nothing" : out;
}

TEST_CASE("orgs: the name ends at the right word") {
  struct Case {
    const char* phenomenon;
    const char* text;
    const char* org;      // expected ORG surface
    const char* subtype;  // expected subtype ("" = not checked)
    const char* norm;     // expected norm ("" = not checked)
  };
  const Case cases[] = {
      {"before a verb", "جمعية الغد المشرق للتنمية تنظم قافلة طبية", "جمعية الغد المشرق للتنمية", "association",
       ""},
      {"before a relative pronoun", "مع جمعية الرواد للثقافة التي تأسست سنة 2010", "جمعية الرواد للثقافة",
       "association", ""},
      {"before a comma", "وقال رئيس جمعية الأمل للتنمية، إن", "جمعية الأمل للتنمية", "association", ""},
      {"before a new phrase with a preposition", "نظمت مؤسسة النور للتربية في المدينة يوما دراسيا",
       "مؤسسة النور للتربية", "foundation", ""},
      {"ل complements and و conjuncts inside", "شاركت مؤسسة الأمل للتنمية والتضامن والثقافة في اللقاء",
       "مؤسسة الأمل للتنمية والتضامن والثقافة", "foundation", ""},
      {"a conjunct noun with its genitive", "هيئة الإنصاف وجبر الضرر التابعة للمجلس",
       "هيئة الإنصاف وجبر الضرر", "council", ""},
      {"a country after ب ends the name", "المنظمة العربية للتنمية الإدارية بمصر تنظم ندوة",
       "المنظمة العربية للتنمية الإدارية بمصر", "association", ""},
      {"a province council with ل + place", "صادق المجلس الإقليمي لتارودانت على الميزانية",
       "المجلس الإقليمي لتارودانت", "council", ""},
      {"لل: the span starts at the second ل, norm restores the article", "التابعة للمجلس الإقليمي لتاونات.",
       "لمجلس الإقليمي لتاونات", "council", "المجلس الاقليمي لتاونات"},
      {"a council of a commune", "ونائب رئيس مجلس جماعة تيفلت، السيد", "مجلس جماعة تيفلت", "council", ""},
      {"a regional directorate with its region", "بتنسيق مع المديرية الجهوية للثقافة لجهة فاس مكناس، تنظم",
       "المديرية الجهوية للثقافة لجهة فاس مكناس", "ministry", ""},
      {"a name in quote marks", "عمل سابقا في مؤسسة \"غد أفضل للجميع\" لسنوات", "مؤسسة \"غد أفضل للجميع\"",
       "foundation", "مؤسسة غد افضل للجميع"},
      {"a name ends at its closing quote", "تطمح \"مؤسسة الأفق للتنمية\" إلى", "مؤسسة الأفق للتنمية",
       "foundation", ""},
      {"a Latin name", "ممثل عن وكالة USAID وعدد من الجمعيات", "وكالة USAID", "agency", ""},
      {"a club with its sport", "لعب لفريق النجم الساحلي لكرة القدم ونادي الأمل", "فريق النجم الساحلي لكرة القدم",
       "club", ""},
      {"a club with a place after ل", "عقد نادي الوفاق الرياضي لعين حرودة جمعه العام",
       "نادي الوفاق الرياضي لعين حرودة", "club", ""},
      {"a newspaper before فرع", "جريدة الصباح الجديد فرع فاس", "جريدة الصباح الجديد", "media", ""},
      {"a faculty with its seat", "احتضنت كلية العلوم القانونية بسطات ندوة", "كلية العلوم القانونية بسطات",
       "university", ""},
      {"a ministry before another organization", "بدعم من وزارة الثقافة والتواصل ومجلس الجهة",
       "وزارة الثقافة والتواصل", "ministry", ""},
      {"a news outlet in a byline", "عنوان الخبر\n\nصدى الجبل | 12 ماي 2023\nنظمت", "صدى الجبل", "media", ""},
      {"a world company", "أعلنت مايكروسوفت عن نتائجها الفصلية", "مايكروسوفت", "company", ""},
      {"a club named after its city", "فاز مانشستر يونايتد على ضيفه", "مانشستر يونايتد", "club", ""},
      {"a world newspaper", "ذكرت صحيفة واشنطن بوست أن", "صحيفة واشنطن بوست", "media", "واشنطن بوست"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.phenomenon);
    CAPTURE(c.text);
    const std::vector<Entity> orgs = EntitiesOf(c.text, "ORG");
    const Entity* found = nullptr;
    for (const Entity& e : orgs)
      if (e.text == c.org) found = &e;
    INFO("got: " << Describe(orgs));
    REQUIRE(found != nullptr);
    if (*c.subtype) CHECK(found->subtype == c.subtype);
    if (*c.norm) CHECK(found->norm == c.norm);
  }
}

TEST_CASE("orgs: generic, anaphoric and indefinite mentions are not names") {
  struct Case {
    const char* phenomenon;
    const char* text;
  };
  const Case cases[] = {
      {"a head noun alone", "وعقدت الجمعية جمعها العام العادي"},
      {"a meeting, not a body", "انعقدت الجمعية العامة للمنخرطين يوم السبت"},
      {"a board", "وقررت الهيئة المديرة للمهرجان"},
      {"an indefinite head with a purpose", "وهي جمعية لحماية البيئة"},
      {"an indefinite head with a verb", "أسس الشباب جمعية تهدف إلى رعاية الأطفال"},
      {"an indefinite head with an adjective", "أسست النساء تعاونية نسائية لإنتاج الكسكس"},
      {"a plural head", "بحضور ممثلي الجمعيات المحلية"},
      {"a generic adjective", "وأكدت الوزارة الوصية أن"},
      {"a facility", "افتتح مركز التكوين المهني الذي"},
      {"a team of a club", "وحقق فريق الكبار الصعود"},
      {"a common noun that is also the short name of a movement", "تشكل الخطة القاعدة الأساسية للحل"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.phenomenon);
    CAPTURE(c.text);
    const std::vector<Entity> orgs = EntitiesOf(c.text, "ORG");
    INFO("got: " << Describe(orgs));
    CHECK(orgs.empty());
  }
}

TEST_CASE("orgs: names nested in an organization are not entities") {
  // The commune inside a council, the country inside an organization.
  const std::vector<Entity> locs = EntitiesOf("رئيس مجلس جماعة تيفلت، والمنظمة المغربية للتنمية بالمغرب", "LOC");
  INFO("got: " << Describe(locs));
  CHECK(locs.empty());
}

TEST_CASE("orgs: org_heads lists every head noun of the org_head_* classes") {
  // The builder tests "another organization starts here" with org_heads; the
  // rules use one class per subtype. Both must name the same words.
  const YAML::Node doc = YAML::LoadFile(std::string(KHABAR_SOURCE_DIR) + "/rules/orgs.yaml");
  const YAML::Node classes = doc["classes"];
  std::map<std::string, bool> heads;
  const YAML::Node all_heads = classes["org_heads"];
  for (auto it = all_heads.begin(); it != all_heads.end(); ++it) heads[it->first.as<std::string>()] = false;
  for (auto it = classes.begin(); it != classes.end(); ++it) {
    const std::string name = it->first.as<std::string>();
    if (name.rfind("org_head_", 0) != 0 || name == "org_head_with_seat") continue;
    const YAML::Node words = it->second;
    for (const YAML::Node& word : words) {
      const std::string w = word.as<std::string>();
      CAPTURE(name);
      CAPTURE(w);
      CHECK(heads.count(w) == 1);
      heads[w] = true;
    }
  }
  for (const auto& [word, used] : heads) {
    CAPTURE(word);
    CHECK(used);
  }
}

}  // namespace
}  // namespace khabar
