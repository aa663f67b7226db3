// Persons and titles of office (rules/persons.yaml, rules/roles.yaml, the
// `person` and `role` builders in extractor/names/person_value.cc and the
// linking of extractor/mentions.cc), through the whole pipeline with the
// default rules and gazetteers: one row per phenomenon.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "khabar/data_file.h"
#include "khabar/pipeline.h"
#include "default_pipeline.h"

namespace khabar {
namespace {

// "text" or "text=norm" of every entity of `type`, joined by " | ".
std::string Describe(const std::string& text, const std::string& type, bool with_norm) {
  Article article;
  article.id = "t";
  article.text = text;
  Record record = DefaultPipeline().Process(article, ProcessOptions());
  std::string out;
  for (const Entity& e : record.entities) {
    if (e.type != type) continue;
    if (!out.empty()) out += " | ";
    out += e.text;
    if (with_norm) out += "=" + (type == "ROLE" ? e.value : e.norm);
  }
  return out;
}

TEST_CASE("persons: where a name starts and ends") {
  struct Case {
    const char* phenomenon;
    const char* text;
    const char* persons;  // every PERSON, " | "-separated
  };
  const Case cases[] = {
      {"given name and nisba surname", "وقال يوسف العلوي إن المشروع انطلق", "يوسف العلوي"},
      {"the honorific stays outside", "وافتتح السيد أحمد البقالي اللقاء", "أحمد البقالي"},
      {"an honorific after لل", "ثم أعطيت الكلمة للسيد حسن أوعلي الذي شكر الحاضرين", "حسن أوعلي"},
      {"an unknown surname after an honorific", "وتدخل السيد محمد أمزال بكلمة", "محمد أمزال"},
      {"compound given name and أيت", "وقدم نور الدين أيت حمو عرضا", "نور الدين أيت حمو"},
      {"glued compound", "وقدم نورالدين ايت حمو عرضا", "نورالدين ايت حمو"},
      {"عبد + word", "وأشرف عبد الرحيم الوزاني على التنظيم", "عبد الرحيم الوزاني"},
      {"بن + word", "وشارك أنيس بن عمر في اللقاء", "أنيس بن عمر"},
      {"a name before a title", "وحضر كريم أوحماد، الكاتب العام للجمعية", "كريم أوحماد"},
      {"a name after a title and an organization", "وقال رئيس جمعية الأمل للتنمية محمد أمزال إن", "محمد أمزال"},
      {"a name after a byline word", "بقلم: سعاد الحجوي", "سعاد الحجوي"},
      {"a name after a verb of office", "الجمعية التي يترأسها “هشام الكرمي” منذ سنتين", "هشام الكرمي"},
      {"the name ends before a verb", "ونجح يوسف الخطابي في تنظيم الدوري", "يوسف الخطابي"},
      {"the name ends before على", "وأشرف عبد الإله بنكيران على الافتتاح", "عبد الإله بنكيران"},
      {"a later surname alone is linked", "وقال يوسف الخطابي إن الدوري ناجح. وأضاف الخطابي أن", "يوسف الخطابي | الخطابي"},
      {"a repeated full name needs no context", "بقلم: هشام أزناك\nوقال هشام أزناك إن", "هشام أزناك | هشام أزناك"},
      {"a name before a title after a comma and و", "، وكهينة زروقي أمينة عامة", "كهينة زروقي"},
      {"a common word that is a given name", "يبقى الأمل قائما في نور المستقبل", ""},
      {"على + noun is not علي + surname", "وحصل الفريق على المستوى الأول", ""},
      {"a title word is not a name", "انتخب أمين المال في الجمع العام", ""},
      {"a feminine noun and an article word", "خلال زيارة العمل التي قام بها الوفد", ""},
      {"a given name after ك", "وكان كريم الخلق محبوبا", ""},
      {"a verb before a name and a title", "وأكد نور الشمس مدير المدرسة", ""},
      {"an honorific before a title", "وقال السيد الرئيس إن اللقاء ناجح", ""},
      {"a foreign name after a title and a nationality", "وصرح الرئيس الفنلندي ماتياس كورهونين بأن", "ماتياس كورهونين"},
      {"a complement before the nationality", "وأشار وزير الدفاع الكندي روبرت ماكلين إلى", "روبرت ماكلين"},
      {"a verb after a title and a nationality", "وأكد أن الرئيس الفنلندي سعى إلى التهدئة", ""},
      {"an accusative after a foreign name", "وشن المندوب الكندي روبرت ماكلين هجوما على", "روبرت ماكلين"},
      {"a foreign name after a verb of speech", "وقال دانيال أولريش إن المحادثات انتهت", "دانيال أولريش"},
      {"a surname alone after a verb of speech", "ورأى كورهونين أنه يجب الانتظار", "كورهونين"},
      {"a country after a verb of speech", "وأعلنت البرتغال أنها ستشارك", ""},
      {"a verb of speech without a clause after", "وتابع دراسته الجامعية", ""},
      {"a foreign name after a nationality used as a noun", "وسجل الكندي فرانسوا لوبلان الهدف الثاني في الدقيقة 80",
       ""},
      {"a foreign name after a nationality, a clause after it", "وتألق الكندي فرانسوا لوبلان في المباراة",
       "فرانسوا لوبلان"},
      {"a sports adjective is not a nationality", "وشارك في النشاط الرياضي كريم في الدوري", ""},
      {"a place after a nationality", "بعد لقاء نظيره الكندي بأوتاوا أمس", ""},
      {"a foreign name after a bare title, a clause after it", "وقال إن الرئيس فيكتور هانسن في زيارة", "فيكتور هانسن"},
      {"a place after a title and its organization", "برفقة مدير وكالة التنمية الفلاحية بأوتاوا، السيد", ""},
      {"a participle after a title", "انتخب كريم بنعلي أمينا للمال، مؤكدا أن النادي", "كريم بنعلي"},
      {"a given name and an unknown surname, a clause after them", "وسجل يوسف فانتو هدفين في المباراة",
       "يوسف فانتو"},
      {"a feminine noun and an article noun before a clause", "لتكون زينة البيت في العيد", ""},
      {"a given name and a place", "وزار سمير باريس في الصيف", ""},
      {"a one-word name found after a verb of speech, said again", "ورأى كورهونين أنه يجب الانتظار. ثم عاد كورهونين",
       "كورهونين | كورهونين"},
      {"a surname after a verb of speech takes the full name",
       "وقال رشيد أيت عدي إن الدورة ناجحة. وأضاف أيت عدي أن", "رشيد أيت عدي | أيت عدي"},
  };
  for (const Case& c : cases) {
    INFO(c.phenomenon << ": " << c.text);
    CHECK(Describe(c.text, "PERSON", false) == c.persons);
  }
}

TEST_CASE("persons: a surname mention takes the full name as norm") {
  CHECK(Describe("وقال يوسف الخطابي إن الدوري ناجح. وأضاف الخطابي أن", "PERSON", true) ==
        "يوسف الخطابي=يوسف الخطابي | الخطابي=يوسف الخطابي");
}

TEST_CASE("persons: a surname after a verb of speech takes the full name as norm") {
  CHECK(Describe("وقال رشيد أيت عدي إن الدورة ناجحة. وأضاف أيت عدي أن", "PERSON", true) ==
        "رشيد أيت عدي=رشيد ايت عدي | أيت عدي=رشيد ايت عدي");
}

TEST_CASE("roles: the title and its canonical value") {
  struct Case {
    const char* phenomenon;
    const char* text;
    const char* roles;  // every ROLE as text=value, " | "-separated
  };
  const Case cases[] = {
      {"masculine", "وقال رئيس جمعية الأمل إن", "رئيس=رئيس"},
      {"feminine", "وأكدت رئيسة الجمعية أن", "رئيسة=رئيس"},
      {"accusative", "وانتخب الجمع العام يوسف العلوي رئيسا للجمعية", "رئيسا=رئيس"},
      {"article", "وشكر الرئيس الحاضرين", "الرئيس=رئيس"},
      {"deputy of a president", "وحضرت نائبة رئيس المجلس الإقليمي", "نائبة رئيس=نائب الرئيس"},
      {"deputy with ل", "وانتخبت سعاد العلمي نائبة للرئيس", "نائبة للرئيس=نائب الرئيس"},
      {"ordinal left out", "وتلا النائب الأول للرئيس جدول الأعمال", "النائب الأول للرئيس=نائب الرئيس"},
      {"secretary general", "وقدمت الكاتبة العامة للجمعية التقرير", "الكاتبة العامة=الكاتب العام"},
      {"treasurer", "وانتخب عبد الحق الريفي أمينا للمال", "أمينا للمال=أمين المال"},
      {"governor with His Majesty", "وأشرف عامل صاحب الجلالة على إقليم أزيلال على الافتتاح",
       "عامل صاحب الجلالة=عامل"},
      {"governor before a province: the title alone", "وترأس عامل إقليم الحوز الاجتماع", "عامل=عامل"},
      {"coordinator", "وقدم المنسق العام للمبادرة الحصيلة", "المنسق العام=المنسق العام"},
      {"king before his name", "وبعث المشاركون برقية إلى الملك محمد السادس", "الملك=الملك"},
      {"a pronoun on the title before a name", "ويشرف رئيسها السيد أحمد البقالي على أنشطتها", "رئيسها=رئيس"},
      {"abstract nouns are not titles", "يتولى رئاسة الجمعية منذ سنوات", ""},
      {"a worker is not a governor", "أصيب عامل بناء في الحادث", ""},
      {"وإلى is not a wali", "وإلى جانب ذلك تم توزيع الهدايا", ""},
      {"public property is not the king", "تحرير الملك العمومي من الاحتلال", ""},
      {"an adjective is not a director", "وقررت الهيئة المديرة للمهرجان تأجيل الدورة", ""},
  };
  for (const Case& c : cases) {
    INFO(c.phenomenon << ": " << c.text);
    CHECK(Describe(c.text, "ROLE", true) == c.roles);
  }
}

}  // namespace
}  // namespace khabar
