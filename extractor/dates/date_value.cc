// The `date` value builder: turns the named captures of a rules/dates*.yaml
// match into an ISO 8601 value (DESIGN §2), resolving relative expressions
// against the article's date and converting Hijri dates with ICU's Umm
// al-Qura calendar.
//
// Captures read (all optional; a rule uses the ones it needs):
//   day, day_word        day of month (digits, or a word of class day_ordinal)
//   month, month_num     month (a word of a month_* class, or digits; with
//                        digits a 13xx-15xx year makes the date Hijri)
//   month_from, day_to   ranges: `day [month_from] .. day_to month`
//   year                 Gregorian year, or Hijri year with hmonth / a Hijri era
//   era                  era mark (م, ميلادية, هـ, للهجرة ...)
//   hmonth, hmonth_num   Hijri month (class month_hijri, or digits)
//   era_out              an era mark after a closing parenthesis: عام ( 1325 ) هجري
//   weekday, dir         `السبت الماضي`; dir also follows months and days
//   rel                  a day word (class rel_day: أمس, غدا, اليوم ...)
//   ago, count, count_word, unit, unit_dual, unit_one   `قبل خمسة أشهر`
//   period               العام, الشهر, الأسبوع (with dir, or `هذا` for now)
//   year_to, year_from   a pair of years: the other one must be later/earlier
//   next, after, follow  the word after the date, checked to reject a count
//                        (`2000 مستفيد`), a later reference point (`قبل يومين من`)
//                        or a verb (`غدا الوضع`)
//   no                   rejects the match whenever it takes part
//
// Thread safety: pure function; the ICU calendars, and the answers they gave,
// are per thread.
#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "khabar/rule_set.h"
#include "khabar/value_builder.h"

namespace khabar {
namespace {

constexpr int kMinGregorianYear = 1900;
constexpr int kMaxGregorianYear = 2100;
constexpr int kMinHijriYear = 1300;
constexpr int kMaxHijriYear = 1500;
constexpr int64_t kMsPerDay = 86400000;

// Classes of rules/dates.yaml looked up here, found by name once per rule
// set (DateClassOf) rather than on every lookup.
enum DateClass {
  kMonthMashriq,
  kMonthMaghreb,
  kMonthAlgeria,
  kMonthLevant,
  kMonthHijri,
  kDayOrdinal,
  kRelDay,
  kRelDir,
  kWeekday,
  kAdverbAfterDay,
  kAgo,
  kNumberWord,
  kUnit,
  kUnitDual,
  kUnitOne,
  kOffsetStop,
  kPeriod,
  kCountNoun,
  kYearFollow,
  kNumDateClasses
};
constexpr std::array<const char*, kNumDateClasses> kDateClassNames = {
    "month_mashriq", "month_maghreb", "month_algeria", "month_levant", "month_hijri",
    "day_ordinal", "rel_day", "rel_dir", "weekday", "adverb_after_day",
    "ago", "number_word", "unit", "unit_dual", "unit_one",
    "offset_stop", "period", "count_noun", "year_follow"};
constexpr std::array<DateClass, 4> kMonthClasses = {kMonthMashriq, kMonthMaghreb, kMonthAlgeria, kMonthLevant};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 (proleptic Gregorian), and back.
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CivilDate c;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = static_cast<int>(yoe + era * 400 + (c.month <= 2));
  return c;
}

int64_t ToDays(const CivilDate& c) { return DaysFromCivil(c.year, c.month, c.day); }
// 0 = Sunday .. 6 = Saturday.
int Weekday(int64_t days) { return static_cast<int>(((days % 7) + 11) % 7); }

bool ValidDay(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= DaysIn(y, m); }
bool ValidGregorianYear(int y) { return y >= kMinGregorianYear && y <= kMaxGregorianYear; }

// Appends v as printf's "%0*d" would (a sign counts towards the width),
// without printf's format parsing: a value formats up to six numbers.
void AppendPadded(int v, int width, std::string* out) {
  char digits[12];
  int n = 0;
  unsigned magnitude = v < 0 ? 0u - static_cast<unsigned>(v) : static_cast<unsigned>(v);
  do {
    digits[n++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (v < 0) {
    out->push_back('-');
    --width;
  }
  if (width > n) out->append(width - n, '0');
  while (n > 0) out->push_back(digits[--n]);
}

std::string Pad(int v, int width) {
  std::string out;
  AppendPadded(v, width, &out);
  return out;
}

// YYYY-MM-DD, built in place (the most common value).
std::string Iso(const CivilDate& c) {
  std::string out;
  AppendPadded(c.year, 4, &out);
  out.push_back('-');
  AppendPadded(c.month, 2, &out);
  out.push_back('-');
  AppendPadded(c.day, 2, &out);
  return out;
}

std::string IsoWeek(int64_t days) {
  // The ISO week's Thursday decides the year.
  const int iso_dow = (Weekday(days) + 6) % 7;  // Monday = 0
  const int64_t thursday = days - iso_dow + 3;
  const CivilDate t = CivilFromDays(thursday);
  const int64_t jan1 = DaysFromCivil(t.year, 1, 1);
  const int week = static_cast<int>((thursday - jan1) / 7 + 1);
  return Pad(t.year, 4) + "-W" + Pad(week, 2);
}

// Adds months to (year, month).
void AddMonths(int* y, int* m, int delta) {
  int total = *y * 12 + (*m - 1) + delta;
  *y = total / 12;
  *m = total % 12 + 1;
}

std::optional<int> ParseInt(std::string_view s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  int v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  return v;
}

// The class `cls` of the rule set (nullptr when it has none), found by name
// once per thread and rule set.
const RuleSet::Class* DateClassOf(const RuleSet& rules, DateClass cls) {
  thread_local uint64_t found_for = 0;
  thread_local std::array<const RuleSet::Class*, kNumDateClasses> classes;
  if (found_for != rules.instance()) {
    for (int i = 0; i < kNumDateClasses; ++i) classes[i] = rules.FindClass(kDateClassNames[i]);
    found_for = rules.instance();
  }
  return classes[cls];
}

std::optional<std::string_view> ClassString(const ValueContext& ctx, DateClass cls, std::string_view word) {
  if (!ctx.rules || word.empty()) return std::nullopt;
  return ctx.rules->ClassValue(DateClassOf(*ctx.rules, cls), word);
}

std::optional<int> ClassInt(const ValueContext& ctx, DateClass cls, std::string_view word) {
  std::optional<std::string_view> v = ClassString(ctx, cls, word);
  if (!v) return std::nullopt;
  bool neg = !v->empty() && v->front() == '-';
  std::optional<int> n = ParseInt(neg ? v->substr(1) : *v);
  if (!n) return std::nullopt;
  return neg ? -*n : *n;
}

bool InClass(const ValueContext& ctx, DateClass cls, std::string_view word) {
  return ClassString(ctx, cls, word).has_value();
}

std::optional<int> MonthValue(const ValueContext& ctx, std::string_view word) {
  if (std::optional<int> n = ParseInt(word)) return *n >= 1 && *n <= 12 ? n : std::nullopt;
  for (const DateClass cls : kMonthClasses)
    if (std::optional<int> v = ClassInt(ctx, cls, word)) return v;
  return std::nullopt;
}

std::optional<int> DayValue(const RuleMatch& m, const ValueContext& ctx, std::string_view digits_group,
                            std::string_view word_group) {
  if (m.Has(digits_group)) return ParseInt(m.Group(digits_group));
  if (m.Has(word_group)) return ClassInt(ctx, kDayOrdinal, m.Group(word_group));
  return std::nullopt;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ال
constexpr std::string_view kAlef = "\xD8\xA7";        // ا

// True when the era mark is Hijri (هـ, هجري, للهجرة ...).
bool IsHijriEra(std::string_view era) {
  return StartsWith(era, "\xD9\x87") /* ه */ || era.find("\xD9\x87\xD8\xAC\xD8\xB1") != std::string_view::npos;
}

// ---- Hijri (Umm al-Qura) through ICU -------------------------------------

// ICU takes tens of thousands of instructions for one date, and the news
// name few Hijri dates: each answer is computed once per thread and kept.
class HijriCalendar {
 public:
  HijriCalendar() {
    UErrorCode status = U_ZERO_ERROR;
    cal_.reset(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(),
                                             icu::Locale("ar@calendar=islamic-umalqura"), status));
    if (U_FAILURE(status)) cal_.reset();
  }

  // Gregorian day of a Hijri date; nullopt when it does not exist.
  std::optional<int64_t> ToDays(int y, int m, int d) {
    auto [it, added] = to_days_.try_emplace({y, m, d});
    if (added) it->second = ComputeToDays(y, m, d);
    return it->second;
  }

  // Days in a Hijri month, 29 or 30: whether day 30 exists says which (ICU's
  // getActualMaximum clones the calendar, some 130,000 instructions). Only
  // asked about months whose first day exists.
  int MonthLength(int y, int m) { return ToDays(y, m, 30) ? 30 : 29; }

  // Hijri year, month and day of a Gregorian day.
  bool FromDays(int64_t days, int* y, int* m, int* d) {
    auto [it, added] = from_days_.try_emplace(days);
    HijriDay& h = it->second;
    if (added) h.ok = ComputeFromDays(days, &h.year, &h.month, &h.day);
    *y = h.year;
    *m = h.month;
    *d = h.day;
    return h.ok;
  }

 private:
  struct HijriDay {
    bool ok = false;
    int year = 0;
    int month = 0;
    int day = 0;
  };

  std::optional<int64_t> ComputeToDays(int y, int m, int d) {
    if (!cal_) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    cal_->clear();
    cal_->setLenient(false);
    cal_->set(UCAL_EXTENDED_YEAR, y);
    cal_->set(UCAL_MONTH, m - 1);
    cal_->set(UCAL_DATE, d);
    UDate t = cal_->getTime(status);
    if (U_FAILURE(status)) return std::nullopt;
    int64_t ms = static_cast<int64_t>(t);
    return ms >= 0 ? ms / kMsPerDay : -((-ms + kMsPerDay - 1) / kMsPerDay);
  }

  bool ComputeFromDays(int64_t days, int* y, int* m, int* d) {
    if (!cal_) return false;
    UErrorCode status = U_ZERO_ERROR;
    cal_->clear();
    cal_->setTime(static_cast<UDate>(days * kMsPerDay), status);
    *y = cal_->get(UCAL_EXTENDED_YEAR, status);
    *m = cal_->get(UCAL_MONTH, status) + 1;
    *d = cal_->get(UCAL_DATE, status);
    return U_SUCCESS(status);
  }

  std::unique_ptr<icu::Calendar> cal_;
  std::map<std::tuple<int, int, int>, std::optional<int64_t>> to_days_;
  std::map<int64_t, HijriDay> from_days_;
};

HijriCalendar& Hijri() {
  thread_local HijriCalendar calendar;
  return calendar;
}

// ---- the cases ---------------------------------------------------------------

Value Relative(std::string value) {
  Value v;
  v.value = std::move(value);
  v.relative = true;
  return v;
}

// `أمس`, `غدا`, `اليوم`, `بعد غد`.
std::optional<Value> DayWord(const RuleMatch& m, const ValueContext& ctx) {
  std::optional<int> offset = ClassInt(ctx, kRelDay, m.Group("rel"));
  if (!offset) return std::nullopt;
  if (m.Has("next")) {
    // `غدا` is also the verb "became": `غدا الوضع`, `غدا مطلبا`.
    std::string_view next = m.Group("next");
    const bool today = *offset == 0;
    if (InClass(ctx, kWeekday, next) || InClass(ctx, kAdverbAfterDay, next)) {
      // fine
    } else if (StartsWith(next, kAl)) {
      // `اليوم التالي`, `اليوم الأول من العيد`: another day than today.
      return std::nullopt;
    } else if (!today && EndsWith(next, kAlef)) {
      return std::nullopt;
    }
  }
  if (!ctx.anchor) return Relative("XXXX-XX-XX");
  int64_t day = ToDays(*ctx.anchor) + *offset;
  // `أمس الخميس`: when the article's date is a day off (a collection date, a
  // time zone), the weekday named in the text decides, within three days.
  if (std::optional<int> wd = ClassInt(ctx, kWeekday, m.Group("weekday"))) {
    for (int d : {0, -1, 1, -2, 2, -3, 3}) {
      if (Weekday(day + d) == *wd) {
        day += d;
        break;
      }
    }
  }
  return Relative(Iso(CivilFromDays(day)));
}

// `قبل خمسة أشهر`, `منذ 4 سنوات`, `بعد أسبوعين`.
std::optional<Value> CountOffset(const RuleMatch& m, const ValueContext& ctx) {
  std::optional<int> sign = ClassInt(ctx, kAgo, m.Group("ago"));
  if (!sign) return std::nullopt;
  int count = 0;
  std::optional<std::string_view> unit;
  if (m.Has("unit_dual")) {
    count = 2;
    unit = ClassString(ctx, kUnitDual, m.Group("unit_dual"));
  } else if (m.Has("unit_one")) {
    count = 1;
    unit = ClassString(ctx, kUnitOne, m.Group("unit_one"));
  } else {
    std::optional<int> n = m.Has("count") ? ParseInt(m.Group("count"))
                                          : ClassInt(ctx, kNumberWord, m.Group("count_word"));
    if (!n || *n <= 0 || *n > 200) return std::nullopt;
    count = *n;
    unit = ClassString(ctx, kUnit, m.Group("unit"));
  }
  if (!unit || unit->empty()) return std::nullopt;
  if (m.Has("next")) {
    std::string_view next = m.Group("next");
    // `قبل يومين من الاقتراع`: counted from another day, not from the article.
    // The class value says for which direction: 0 both, 1 only after (`بعد 3 أيام على
    // اختفائه`, while `قبل 3 أيام على الطريق` is still an offset from the article).
    if (ParseInt(next)) return std::nullopt;
    if (std::optional<int> stop = ClassInt(ctx, kOffsetStop, next); stop && (*stop == 0 || *stop == *sign))
      return std::nullopt;
    // `قبل شهر رمضان`, `قبل سنة 2019`, `قبل يوم الاقتراع`: a noun phrase, not an offset.
    if (m.Has("unit_one") && (StartsWith(next, kAl) || MonthValue(ctx, next) ||
                              InClass(ctx, kMonthHijri, next)))
      return std::nullopt;
  }
  const int delta = *sign * count;
  const char u = unit->front();
  if (!ctx.anchor) return Relative(u == 'y' ? "XXXX" : u == 'm' ? "XXXX-XX" : "XXXX-XX-XX");
  const CivilDate a = *ctx.anchor;
  switch (u) {
    case 'd': return Relative(Iso(CivilFromDays(ToDays(a) + delta)));
    case 'w': return Relative(Iso(CivilFromDays(ToDays(a) + 7 * delta)));
    case 'm': {
      int y = a.year, mo = a.month;
      AddMonths(&y, &mo, delta);
      return Relative(Pad(y, 4) + "-" + Pad(mo, 2));
    }
    case 'y': return Relative(Pad(a.year + delta, 4));
    default: return std::nullopt;
  }
}

// `العام الماضي`, `الشهر المقبل`, `الأسبوع الماضي`, `هذا العام`.
std::optional<Value> Period(const RuleMatch& m, const ValueContext& ctx) {
  std::optional<std::string_view> unit = ClassString(ctx, kPeriod, m.Group("period"));
  if (!unit || unit->empty()) return std::nullopt;
  int dir = 0;
  if (m.Has("dir")) {
    std::optional<int> d = ClassInt(ctx, kRelDir, m.Group("dir"));
    if (!d) return std::nullopt;
    dir = *d;
  }
  const char u = unit->front();
  if (!ctx.anchor) return Relative(u == 'y' ? "XXXX" : u == 'm' ? "XXXX-XX" : "XXXX-WXX");
  const CivilDate a = *ctx.anchor;
  switch (u) {
    case 'y': return Relative(Pad(a.year + dir, 4));
    case 'm': {
      int y = a.year, mo = a.month;
      AddMonths(&y, &mo, dir);
      return Relative(Pad(y, 4) + "-" + Pad(mo, 2));
    }
    case 'w': return Relative(IsoWeek(ToDays(a) + 7 * dir));
    default: return std::nullopt;
  }
}

// `السبت الماضي`, `الأربعاء المقبل`: the nearest such day before/after the anchor.
std::optional<Value> WeekdayRelative(const RuleMatch& m, const ValueContext& ctx) {
  std::optional<int> wd = ClassInt(ctx, kWeekday, m.Group("weekday"));
  std::optional<int> dir = ClassInt(ctx, kRelDir, m.Group("dir"));
  if (!wd || !dir || *dir == 0) return std::nullopt;
  if (!ctx.anchor) return Relative("XXXX-XX-XX");
  const int64_t a = ToDays(*ctx.anchor);
  const int aw = Weekday(a);
  int64_t day;
  if (*dir > 0) {
    int diff = (*wd - aw + 7) % 7;
    day = a + (diff == 0 ? 7 : diff);
  } else {
    int diff = (aw - *wd + 7) % 7;
    day = a - (diff == 0 ? 7 : diff);
  }
  return Relative(Iso(CivilFromDays(day)));
}

// The year of a month (and day) that has no year: from the anchor and an
// optional direction (الماضي -1, الجاري 0, المقبل +1).
std::optional<int> ResolveYear(const ValueContext& ctx, int month, int day, std::optional<int> dir) {
  if (!ctx.anchor) return std::nullopt;
  const CivilDate a = *ctx.anchor;
  if (!dir || *dir == 0) return a.year;
  const int here = a.month * 100 + (day > 0 ? a.day : 0);
  const int there = month * 100 + (day > 0 ? day : 0);
  if (*dir > 0) return there > here ? a.year : a.year + 1;
  return there < here ? a.year : a.year - 1;
}

// Gregorian dates with a month: day-month-year, month-year, day-month, ranges.
std::optional<Value> Gregorian(const RuleMatch& m, const ValueContext& ctx) {
  std::optional<int> month = MonthValue(ctx, m.Group(m.Has("month") ? "month" : "month_num"));
  if (!month) return std::nullopt;
  if (m.Has("era") && IsHijriEra(m.Group("era"))) return std::nullopt;
  std::optional<int> day = DayValue(m, ctx, "day", "day_word");
  if ((m.Has("day") || m.Has("day_word")) && !day) return std::nullopt;
  std::optional<int> dir;
  if (m.Has("dir")) {
    dir = ClassInt(ctx, kRelDir, m.Group("dir"));
    if (!dir) return std::nullopt;
  }
  bool relative = false;
  int year = 0;
  bool year_known = true;
  if (m.Has("year")) {
    std::optional<int> y = ParseInt(m.Group("year"));
    if (!y || !ValidGregorianYear(*y)) return std::nullopt;
    year = *y;
  } else {
    relative = true;
    std::optional<int> y = ResolveYear(ctx, *month, day.value_or(0), dir);
    if (y) year = *y;
    else year_known = false;
  }
  const int check_year = year_known ? year : 2000;  // a leap year: 29 February stays possible
  auto ymd = [&](int y, int mo, int d) {
    return year_known ? Iso(CivilDate{y, mo, d}) : "XXXX-" + Pad(mo, 2) + "-" + Pad(d, 2);
  };
  Value v;
  v.relative = relative;
  if (m.Has("day_to")) {
    std::optional<int> to = ParseInt(m.Group("day_to"));
    int from_month = *month;
    if (m.Has("month_from")) {
      std::optional<int> fm = MonthValue(ctx, m.Group("month_from"));
      if (!fm) return std::nullopt;
      from_month = *fm;
    }
    if (!day || !to) return std::nullopt;
    const int from_year = from_month > *month ? check_year - 1 : check_year;
    if (!ValidDay(from_year, from_month, *day) || !ValidDay(check_year, *month, *to)) return std::nullopt;
    if (from_month == *month && *day >= *to) return std::nullopt;
    v.value = ymd(from_month > *month ? year - 1 : year, from_month, *day) + "/" + ymd(year, *month, *to);
    return v;
  }
  if (day) {
    if (!ValidDay(check_year, *month, *day)) return std::nullopt;
    v.value = ymd(year, *month, *day);
    return v;
  }
  v.value = (year_known ? Pad(year, 4) : std::string("XXXX")) + "-" + Pad(*month, 2);
  return v;
}

// Hijri dates: the value is Gregorian, hijri_value keeps the Hijri date.
std::optional<Value> HijriDate(const RuleMatch& m, const ValueContext& ctx) {
  std::optional<int> month = m.Has("hmonth") ? ClassInt(ctx, kMonthHijri, m.Group("hmonth"))
                                             : ParseInt(m.Group("hmonth_num"));
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  if (m.Has("era") && !IsHijriEra(m.Group("era"))) return std::nullopt;
  std::optional<int> day = DayValue(m, ctx, "day", "day_word");
  if ((m.Has("day") || m.Has("day_word")) && !day) return std::nullopt;
  Value v;
  v.calendar = "hijri";
  int year = 0;
  if (m.Has("year")) {
    std::optional<int> y = ParseInt(m.Group("year"));
    if (!y || *y < kMinHijriYear || *y > kMaxHijriYear) return std::nullopt;
    year = *y;
  } else {
    v.relative = true;
    int hy, hm, hd;
    if (!ctx.anchor || !Hijri().FromDays(ToDays(*ctx.anchor), &hy, &hm, &hd)) {
      if (!day || *day < 1 || *day > 30) return std::nullopt;
      v.value = "XXXX-XX-XX";
      v.hijri_value = "XXXX-" + Pad(*month, 2) + "-" + Pad(*day, 2);
      return v;
    }
    year = hy;
  }
  if (day) {
    std::optional<int64_t> days = Hijri().ToDays(year, *month, *day);
    if (!days) return std::nullopt;
    v.value = Iso(CivilFromDays(*days));
    v.hijri_value = Pad(year, 4) + "-" + Pad(*month, 2) + "-" + Pad(*day, 2);
    return v;
  }
  std::optional<int64_t> first = Hijri().ToDays(year, *month, 1);
  if (!first) return std::nullopt;
  const int length = Hijri().MonthLength(year, *month);
  v.value = Iso(CivilFromDays(*first)) + "/" + Iso(CivilFromDays(*first + length - 1));
  v.hijri_value = Pad(year, 4) + "-" + Pad(*month, 2);
  return v;
}

// A year alone: `2019م`, `سنة 2011`, `(2025)`, `1420هـ`, one of a pair.
std::optional<Value> YearAlone(const RuleMatch& m, const ValueContext& ctx) {
  std::optional<int> y = ParseInt(m.Group("year"));
  if (!y) return std::nullopt;
  if (m.Has("after") && InClass(ctx, kCountNoun, m.Group("after"))) return std::nullopt;
  if (m.Has("follow") && !m.Has("era") && !InClass(ctx, kYearFollow, m.Group("follow")))
    return std::nullopt;
  Value v;
  const std::string_view era = m.Has("era") ? m.Group("era") : m.Group("era_out");
  if (!era.empty() && IsHijriEra(era)) {
    if (*y < kMinHijriYear || *y > kMaxHijriYear) return std::nullopt;
    std::optional<int64_t> first = Hijri().ToDays(*y, 1, 1);
    std::optional<int64_t> next = Hijri().ToDays(*y + 1, 1, 1);
    if (!first || !next) return std::nullopt;
    v.value = Iso(CivilFromDays(*first)) + "/" + Iso(CivilFromDays(*next - 1));
    v.calendar = "hijri";
    v.hijri_value = Pad(*y, 4);
    return v;
  }
  if (!ValidGregorianYear(*y)) return std::nullopt;
  // A pair of years (`بين 2016 و2018`, `2023-2024`) runs forwards.
  if (m.Has("year_to")) {
    std::optional<int> to = ParseInt(m.Group("year_to"));
    if (!to || *to <= *y || *to - *y > 100) return std::nullopt;
  }
  if (m.Has("year_from")) {
    std::optional<int> from = ParseInt(m.Group("year_from"));
    if (!from || *from >= *y || *y - *from > 100) return std::nullopt;
  }
  v.value = Pad(*y, 4);
  return v;
}

// Numeric dates: `17/09/2022`, `2022-09-17`, `4 / 22 / 1948` (month first when
// the day cannot be a month), `18 / 3 / 1391 هـ` (a 13xx-15xx year is Hijri).
std::optional<Value> Numeric(const RuleMatch& m) {
  std::optional<int> d = ParseInt(m.Group("day"));
  std::optional<int> mo = ParseInt(m.Group("month_num"));
  std::optional<int> y = ParseInt(m.Group("year"));
  if (!d || !mo || !y) return std::nullopt;
  const bool hijri_era = m.Has("era") && IsHijriEra(m.Group("era"));
  if (*y >= kMinHijriYear && *y <= kMaxHijriYear) {
    if (m.Has("era") && !hijri_era) return std::nullopt;
    if (*mo > 12 || *d > 30) return std::nullopt;
    std::optional<int64_t> days = Hijri().ToDays(*y, *mo, *d);
    if (!days) return std::nullopt;
    Value v;
    v.value = Iso(CivilFromDays(*days));
    v.calendar = "hijri";
    v.hijri_value = Pad(*y, 4) + "-" + Pad(*mo, 2) + "-" + Pad(*d, 2);
    return v;
  }
  if (hijri_era || !ValidGregorianYear(*y)) return std::nullopt;
  if (*mo > 12 && *d <= 12) std::swap(*d, *mo);
  if (!ValidDay(*y, *mo, *d)) return std::nullopt;
  Value v;
  v.value = Iso(CivilDate{*y, *mo, *d});
  return v;
}

// The captures that choose the kind of date, found in one pass over the
// groups instead of a search by name for each (up to ten per match).
struct DateKind {
  bool no = false;
  bool rel = false;
  bool ago = false;
  bool period = false;
  bool hmonth = false;  // hmonth or hmonth_num
  bool month = false;
  bool month_num = false;
  bool weekday = false;
  bool dir = false;
  bool year = false;

  explicit DateKind(const RuleMatch& match) {
    for (const auto& group : match.groups) {
      const std::string_view name = group.first;
      if (name == "no") no = true;
      else if (name == "rel") rel = true;
      else if (name == "ago") ago = true;
      else if (name == "period") period = true;
      else if (name == "hmonth" || name == "hmonth_num") hmonth = true;
      else if (name == "month") month = true;
      else if (name == "month_num") month_num = true;
      else if (name == "weekday") weekday = true;
      else if (name == "dir") dir = true;
      else if (name == "year") year = true;
    }
  }
};

}  // namespace

std::optional<Value> BuildDateValue(const RuleMatch& match, const ValueContext& context) {
  const DateKind kind(match);
  if (kind.no) return std::nullopt;
  if (kind.rel) return DayWord(match, context);
  if (kind.ago) return CountOffset(match, context);
  if (kind.period) return Period(match, context);
  if (kind.hmonth) return HijriDate(match, context);
  if (kind.month) return Gregorian(match, context);
  if (kind.month_num) return Numeric(match);
  if (kind.weekday && kind.dir) return WeekdayRelative(match, context);
  if (kind.year) return YearAlone(match, context);
  return std::nullopt;
}

}  // namespace khabar
