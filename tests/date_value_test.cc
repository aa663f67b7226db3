// Tests for the date rules (rules/dates.yaml) and the `date` value builder
// (extractor/dates/date_value.cc), through the real pipeline: one row per
// phenomenon, with the DATE entities the sentence must give (surface, value,
// calendar, relative), and rows that must give no DATE at all.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "khabar/pipeline.h"

namespace khabar {
namespace {

const Pipeline& DefaultPipeline() {
  static const std::unique_ptr<Pipeline> pipeline = [] {
    auto p = Pipeline::Create(DefaultRuleFiles(), DefaultGazetteerFiles());
    REQUIRE_MESSAGE(p.ok(), p.status().message());
    return std::move(p.value());
  }();
  return *pipeline;
}

struct ExpectedDate {
  std::string text;
  std::string value;
  std::string hijri_value;  // non-empty for Hijri dates (calendar "hijri")
  bool relative = false;
};

struct DateCase {
  std::string name;
  std::string text;
  std::string anchor;  // article date, or empty
  std::vector<ExpectedDate> expected;
};

std::vector<Entity> Dates(const std::string& text, const std::string& anchor) {
  Article article;
  article.id = "t";
  article.text = text;
  article.date = anchor;
  Record record = DefaultPipeline().Process(article, ProcessOptions());
  std::vector<Entity> out;
  for (Entity& e : record.entities)
    if (e.type == "DATE") out.push_back(std::move(e));
  return out;
}

std::string Describe(const std::vector<Entity>& dates) {
  std::string out;
  for (const Entity& e : dates) {
    out += "[" + e.text + " = " + e.value;
    if (!e.calendar.empty()) out += " " + e.calendar + " " + e.hijri_value;
    if (e.relative) out += " relative";
    out += " (" + e.rule + ")] ";
  }
  return out.empty() ? "no DATE" : out;
}

void Check(const DateCase& c) {
  CAPTURE(c.name);
  CAPTURE(c.text);
  const std::vector<Entity> got = Dates(c.text, c.anchor);
  const std::string described = Describe(got);
  CAPTURE(described);
  REQUIRE(got.size() == c.expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    const ExpectedDate& want = c.expected[i];
    CHECK(got[i].text == want.text);
    CHECK(got[i].value == want.value);
    CHECK(got[i].relative == want.relative);
    CHECK(got[i].hijri_value == want.hijri_value);
    CHECK(got[i].calendar == (want.hijri_value.empty() ? "" : "hijri"));
  }
}

const char kAnchor[] = "2024-03-15";  // a Friday

const std::vector<DateCase>& Cases() {
  static const std::vector<DateCase> cases = {
      // Month names in every system.
      {"standard month", "وقعت الاتفاقية في 12 يناير 2023 بالقاهرة", "", {{"12 يناير 2023", "2023-01-12"}}},
      {"Egyptian spelling", "احتشد المتظاهرون يوم 30 يونيه 2013", "", {{"30 يونيه 2013", "2013-06-30"}}},
      {"Maghrebi month", "انعقدت الدورة يوم 4 ماي 2023", "", {{"4 ماي 2023", "2023-05-04"}}},
      {"Maghrebi month 2", "انطلقت القافلة في 18 دجنبر 2020", "", {{"18 دجنبر 2020", "2020-12-18"}}},
      {"Algerian month", "أجريت الامتحانات في 13 جوان 2022", "", {{"13 جوان 2022", "2022-06-13"}}},
      {"Levantine two-word month", "جرت الانتخابات في 6 كانون الثاني 2019", "", {{"6 كانون الثاني 2019", "2019-01-06"}}},
      {"two systems with a slash", "عقدت الجلسة يوم 10 آذار/مارس 2021", "", {{"10 آذار/مارس 2021", "2021-03-10"}}},
      {"two systems in parentheses", "نشر التقرير في 4 مارس (آذار) 2021", "", {{"4 مارس (آذار) 2021", "2021-03-04"}}},
      {"closing parenthesis stays outside", "(30 نيسان/أبريل) كان آخر موعد", "2015-07-20",
       {{"30 نيسان/أبريل", "2015-04-30", "", true}}},
      // Day, month, year.
      {"weekday", "نظمت الجمعية يومه الأحد 24 شتنبر 2023 أمسية", "", {{"الأحد 24 شتنبر 2023", "2023-09-24"}}},
      {"weekday and comma", "الخميس، 7 نونبر 2024 - أعلنت الوزارة", "", {{"الخميس، 7 نونبر 2024", "2024-11-07"}}},
      {"era mark", "تأسست في 3 مارس 1998م بفاس", "", {{"3 مارس 1998م", "1998-03-03"}}},
      {"glued to letters", "موقع الأطلس21 فبراير 2020آخر تحديث", "", {{"21 فبراير 2020", "2020-02-21"}}},
      {"year glued to month", "جرى اللقاء في 9 أكتوبر2022م بالقاعة", "", {{"9 أكتوبر2022م", "2022-10-09"}}},
      {"Arabic-Indic digits", "عقد الاجتماع في ١٥ مارس ٢٠٢٣ بالولاية", "", {{"١٥ مارس ٢٠٢٣", "2023-03-15"}}},
      {"ordinal word", "أعلن عن النتائج في الأول من يوليو 2021", "", {{"الأول من يوليو 2021", "2021-07-01"}}},
      {"فاتح", "يدخل القانون حيز التنفيذ فاتح يناير 2025", "", {{"فاتح يناير 2025", "2025-01-01"}}},
      {"compound ordinal", "رحل في الثالث والعشرين من أبريل 2020", "", {{"الثالث والعشرين من أبريل 2020", "2020-04-23"}}},
      {"not a real day", "سجلت الوثيقة في 31 فبراير 2023 خطأ", "", {{"فبراير 2023", "2023-02"}}},
      // Numeric dates.
      {"slashes", "تاريخ الإصدار: 17/09/2022", "", {{"17/09/2022", "2022-09-17"}}},
      {"dots", "وصلت الشحنة يوم 17.09.2022 إلى الميناء", "", {{"17.09.2022", "2022-09-17"}}},
      {"year first", "نشر في 2022-09-17 على البوابة", "", {{"2022-09-17", "2022-09-17"}}},
      {"month first when the day cannot be a month", "بتاريخ 4 / 22 / 1948 وصلت البرقية", "", {{"4 / 22 / 1948", "1948-04-22"}}},
      {"numeric Hijri", "صدر الأمر بتاريخ 18 / 3 / 1391 هـ", "", {{"18 / 3 / 1391 هـ", "1971-05-13", "1391-03-18"}}},
      // Month and year, year alone.
      {"month and year", "بلغ التضخم ذروته في مارس 2023", "", {{"مارس 2023", "2023-03"}}},
      {"year after سنة with era", "تأسست الجمعية سنة 2019م بمدينة وجدة", "", {{"2019م", "2019"}}},
      {"year after عام", "اندلعت الانتفاضة عام 2011 في عدة مدن", "", {{"2011", "2011"}}},
      {"year in parentheses", "أصدر المرصد تقريره السنوي (2023) حول الهجرة", "", {{"2023", "2023"}}},
      {"two years", "ارتفع العدد بين 2016 و2018 بشكل ملحوظ", "", {{"2016", "2016"}, {"2018", "2018"}}},
      {"Hijri year", "توفي العلامة سنة 1420هـ بالمدينة", "", {{"1420هـ", "1999-04-17/2000-04-05", "1420"}}},
      // Hijri dates.
      {"Hijri date", "أحيا المصلون ليلة القدر يوم 27 رمضان 1444هـ", "", {{"27 رمضان 1444هـ", "2023-04-18", "1444-09-27"}}},
      {"Hijri فاتح", "يبدأ العام الهجري فاتح محرم 1445", "", {{"فاتح محرم 1445", "2023-07-19", "1445-01-01"}}},
      {"Hijri two-word month", "صدر الظهير في 15 من ذي القعدة 1442 هـ", "", {{"15 من ذي القعدة 1442 هـ", "2021-06-25", "1442-11-15"}}},
      {"Hijri month and year", "صام المسلمون شهر رمضان 1445هـ", "", {{"رمضان 1445هـ", "2024-03-11/2024-04-09", "1445-09"}}},
      {"Hijri day that does not exist", "حرر في 30 رمضان 1444هـ", "",
       {{"رمضان 1444هـ", "2023-03-23/2023-04-20", "1444-09"}}},
      // Relative dates.
      {"yesterday", "أعلنت الوزارة أمس عن إجراءات جديدة", kAnchor, {{"أمس", "2024-03-14", "", true}}},
      {"yesterday without anchor", "أعلنت الوزارة أمس عن إجراءات جديدة", "", {{"أمس", "XXXX-XX-XX", "", true}}},
      {"tomorrow with weekday", "تنطلق غدا السبت أشغال المؤتمر", kAnchor, {{"غدا السبت", "2024-03-16", "", true}}},
      {"today after صباح", "يعقد المجلس اجتماعه صباح اليوم بمقره", kAnchor, {{"اليوم", "2024-03-15", "", true}}},
      {"last Saturday", "التقى الوزيران السبت الماضي في جنيف", kAnchor, {{"السبت الماضي", "2024-03-09", "", true}}},
      {"next Wednesday", "ستنطلق الحملة الأربعاء المقبل", kAnchor, {{"الأربعاء المقبل", "2024-03-20", "", true}}},
      {"same weekday last week", "أعلنت النتائج يوم الجمعة الماضي", kAnchor, {{"الجمعة الماضي", "2024-03-08", "", true}}},
      {"years ago", "أسس الشباب الجمعية منذ 4 سنوات", kAnchor, {{"منذ 4 سنوات", "2020", "", true}}},
      {"dual", "غادر اللاعب المعسكر قبل يومين", kAnchor, {{"قبل يومين", "2024-03-13", "", true}}},
      {"number word", "اختفى الشاب قبل خمسة أشهر", kAnchor, {{"قبل خمسة أشهر", "2023-10", "", true}}},
      {"weeks ahead", "ستعلن النتائج بعد أسبوعين", kAnchor, {{"بعد أسبوعين", "2024-03-29", "", true}}},
      {"last year", "سجل الاقتصاد العام الماضي نموا ضعيفا", kAnchor, {{"العام الماضي", "2023", "", true}}},
      {"next month", "يفتح باب التسجيل الشهر المقبل", kAnchor, {{"الشهر المقبل", "2024-04", "", true}}},
      {"last week", "تراجعت المبيعات الأسبوع الماضي", kAnchor, {{"الأسبوع الماضي", "2024-W10", "", true}}},
      {"month ahead", "سيعقد المؤتمر في نونبر المقبل", kAnchor, {{"نونبر المقبل", "2024-11", "", true}}},
      {"month ahead without anchor", "سيعقد المؤتمر خلال شهر نونبر المقبل", "", {{"نونبر المقبل", "XXXX-11", "", true}}},
      {"month behind", "صادق المجلس في أبريل الماضي على الميزانية", kAnchor, {{"أبريل الماضي", "2023-04", "", true}}},
      {"current month", "تنتهي الأشغال في يونيو الجاري", "2024-06-10", {{"يونيو الجاري", "2024-06", "", true}}},
      {"day and month take the anchor's year", "تنطلق الدورة في 20 أبريل", kAnchor, {{"20 أبريل", "2024-04-20", "", true}}},
      {"weekday decides when the anchor is a day off", "قالت الوزارة أمس الخميس إن الحصيلة ارتفعت", "2024-03-16",
       {{"أمس الخميس", "2024-03-14", "", true}}},
      // Ranges.
      {"range of days", "تنظم الدورة من 3 إلى 5 أكتوبر 2022 بمراكش", "", {{"3 إلى 5 أكتوبر 2022", "2022-10-03/2022-10-05"}}},
      {"range across months", "تقام الأيام من 28 فبراير إلى 2 مارس 2023", "",
       {{"28 فبراير إلى 2 مارس 2023", "2023-02-28/2023-03-02"}}},
      {"range with و", "ينظم الملتقى يومي 14 و15 دجنبر 2023", "", {{"14 و15 دجنبر 2023", "2023-12-14/2023-12-15"}}},
      // Not dates.
      {"the verb مارس", "مارس مهنة التعليم لسنوات طويلة", kAnchor, {}},
      {"آب as father", "قال آب الضحية إن ابنه كان في طريقه إلى المدرسة", kAnchor, {}},
      {"اليوم in a newspaper name", "نشرت جريدة الحقيقة اليوم مقالا حول الانتخابات", kAnchor, {}},
      {"اليوم meaning nowadays", "أصبحت المدينة اليوم وجهة سياحية", kAnchor, {}},
      {"bare weekday", "أدى المصلون صلاة الجمعة في المسجد", kAnchor, {}},
      {"a count", "استفاد 1500 مستفيد من القافلة الطبية", kAnchor, {}},
      {"a count in the year range", "تم ربط الكهرباء في 2000 منزل بالإقليم", kAnchor, {}},
      {"article of law", "تنص المادة 19 من القانون 103.13 على ذلك", kAnchor, {}},
      {"score", "فاز الفريق بنتيجة 3-1 على ضيفه", kAnchor, {}},
      {"phone number", "للاستفسار يرجى الاتصال بالرقم 05 22 45 19 87", kAnchor, {}},
      {"duration without anchor word", "استمرت الأشغال 4 سنوات كاملة", kAnchor, {}},
      {"counted from another day", "قررت اللجنة الاجتماع قبل يومين من الاقتراع", kAnchor, {}},
      {"the verb غدا", "غدا الوضع أكثر تعقيدا بعد الفيضانات", kAnchor, {}},
      {"the next day of an event", "عاد الوفد صبيحة اليوم التالي للاجتماع", kAnchor, {}},
  };
  return cases;
}

TEST_CASE("date expressions and their values") {
  for (const DateCase& c : Cases()) {
    SUBCASE(c.name.c_str()) { Check(c); }
  }
}

TEST_CASE("DATE spans keep exact offsets into the original text") {
  const std::string text = "أُعلِنَت النتائج يومَ ١٥ مارس ٢٠٢٣م في الرباط";
  Article article;
  article.text = text;
  Record record = DefaultPipeline().Process(article, ProcessOptions());
  bool found = false;
  for (const Entity& e : record.entities) {
    if (e.type != "DATE") continue;
    found = true;
    CHECK(e.text == "١٥ مارس ٢٠٢٣م");
    CHECK(e.value == "2023-03-15");
    CHECK(e.end - e.start == 13);
  }
  CHECK(found);
}

}  // namespace
}  // namespace khabar
