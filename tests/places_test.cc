// Places found by rules/places.yaml and the `place` builder
// (extractor/names/org_value.cc), through the whole pipeline with the default
// rules and gazetteers: one row per phenomenon.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "khabar/data_file.h"
#include "khabar/pipeline.h"
#include "default_pipeline.h"

namespace khabar {
namespace {

std::vector<Entity> Locs(const std::string& text) {
  Article article;
  article.id = "t";
  article.text = text;
  Record record = DefaultPipeline().Process(article, ProcessOptions());
  std::vector<Entity> out;
  for (const Entity& e : record.entities)
    if (e.type == "LOC") out.push_back(e);
  return out;
}

std::string Describe(const std::vector<Entity>& entities) {
  std::string out;
  for (const Entity& e : entities) out += "[" + e.text + "|" + e.subtype + "|" + e.norm + "] ";
  return out.empty() ? "nothing" : out;
}

TEST_CASE("places: unit nouns and the names after them") {
  struct Case {
    const char* phenomenon;
    const char* text;
    const char* loc;      // expected LOC surface
    const char* subtype;  // expected subtype
    const char* norm;     // expected norm ("" = not checked)
  };
  const Case cases[] = {
      {"a commune before ب + province", "بدوار إفري التابع لجماعة تاغزوت نايت عطى بإقليم الحوز",
       "جماعة تاغزوت نايت عطى", "commune", "جماعة تاغزوت نايت عطي"},
      {"a commune with an adjective", "لفائدة تعاونيات بجماعة إداوزكري العليا، وذلك", "جماعة إداوزكري العليا",
       "commune", ""},
      {"a commune before a verb", "جماعة تافراوت المولود تحتضن المهرجان", "جماعة تافراوت المولود", "commune", ""},
      {"الجماعة الترابية: norm as the gazetteers write it", "رئيس الجماعة الترابية إيمي ن واسيف خلال الدورة",
       "الجماعة الترابية إيمي ن واسيف", "commune", "جماعة ايمي ن واسيف"},
      {"a douar before التابع", "يقع مقرها بدوار تيزي نتاست التابع للجماعة", "دوار تيزي نتاست", "douar",
       "دوار تيزي نتاست"},
      {"a douar before another douar", "سكان دوار أيت واحي ودوار إمي نولاون.", "دوار أيت واحي", "douar", ""},
      {"a province", "التابعة لإقليم أسرير الجديد، وذلك", "إقليم أسرير الجديد", "province", ""},
      {"a prefecture of districts", "عامل عمالة مقاطعات مولاي رشيد السيد", "عمالة مقاطعات مولاي رشيد", "province",
       ""},
      {"a city: the generic noun stays outside", "أعلنت جمعيات في مدينة أزمور المغربية عن", "أزمور", "city",
       "أزمور"},
      {"a city after a particle", "تربص مغلق في مدينة حمام سوسة التونسية", "حمام سوسة", "city", ""},
      {"a municipality", "بالشراكة مع بلدية تافرنت الجديدة.", "بلدية تافرنت الجديدة", "commune", ""},
      {"a wilaya", "أقيم الحفل بولاية البليدة، وذلك", "ولاية البليدة", "province", ""},
      {"a caïdat after its officer", "وقائد قيادة أيت عميرة، إلى جانب", "قيادة أيت عميرة", "other", ""},
      {"a district of another country", "لدعم المزارعين في قضاء حاصرون، بحضور", "قضاء حاصرون", "other", ""},
      {"a river", "تدشين سد تلي على وادي تودغى بتراب جماعة", "وادي تودغى", "other", ""},
      {"a name in quote marks", "في ساحة «الأمل» بالمدينة", "ساحة «الأمل»", "other", ""},
      {"a street named after a person", "يقع المقر في شارع عبد الكريم الخطابي بالمدينة", "شارع عبد الكريم الخطابي",
       "other", ""},
      {"a world region", "وتشهد منطقة الشرق الأوسط توترا", "الشرق الأوسط", "region", ""},
      {"a sea with a spelling variant", "وصلت السفينة إلى البحر المتوسط", "البحر المتوسط", "other",
       "البحر الأبيض المتوسط"},
      {"a capital missing from GeoNames", "وصل الوفد إلى واشنطن أمس", "واشنطن", "city", ""},
      {"a camp", "عادت الأسر إلى مخيم الوحدات بعد الزيارة", "مخيم الوحدات", "other", ""},
      {"a province named after an adjective", "وصل إلى إقليم الجديدة صباحا", "إقليم الجديدة", "province", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.phenomenon);
    CAPTURE(c.text);
    const std::vector<Entity> locs = Locs(c.text);
    const Entity* found = nullptr;
    for (const Entity& e : locs)
      if (e.text == c.loc) found = &e;
    INFO("got: " << Describe(locs));
    REQUIRE(found != nullptr);
    CHECK(found->subtype == c.subtype);
    if (*c.norm) CHECK(found->norm == c.norm);
  }
}

TEST_CASE("places: common words after a unit noun are not places") {
  struct Case {
    const char* phenomenon;
    const char* text;
  };
  const Case cases[] = {
      {"جماعة as a group of people", "حضر جماعة من المواطنين"},
      {"جماعة with an adjective", "تبنت جماعة مسلحة الهجوم"},
      {"an anaphoric unit", "وقال رئيس الجماعة إن"},
      {"من جهة أخرى", "ومن جهة أخرى أكد المسؤول"},
      {"وجهة", "أصبحت وجهة سياحية مفضلة"},
      {"a city with an adjective", "إنها مدينة كبيرة"},
      {"an adjective that is also a city", "أطلقت الشركة أجهزتها الجديدة في السوق"},
      {"an adjective that is also a sea", "بلغ المعدل المتوسط للأسعار"},
      {"a summer camp", "نظمت الجمعية مخيما صيفيا ثم مخيم صيفي آخر"},
      {"a city with a common noun", "مدينة الألعاب للأطفال"},
      {"قيادة as leadership", "تحت قيادة المدرب الجديد"},
      {"عمالة as labour", "عمالة الأطفال ظاهرة مقلقة"},
      {"a direction, not the region", "في الجهة الغربية من الملعب"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.phenomenon);
    CAPTURE(c.text);
    const std::vector<Entity> locs = Locs(c.text);
    INFO("got: " << Describe(locs));
    CHECK(locs.empty());
  }
}

}  // namespace
}  // namespace khabar
