#include "khabar/value_builder.h"

#include <cstring>

namespace khabar {
namespace {

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

struct NamedBuilder {
  const char* name;
  ValueBuilder builder;
};

const NamedBuilder kBuilders[] = {
    {"date", &BuildDateValue},
    {"org", &BuildOrgValue},
    {"place", &BuildPlaceValue},
    {"person", &BuildPersonValue},
    {"role", &BuildRoleValue},
};

}  // namespace

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<CivilDate> ParseIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  size_t ranges[3][2] = {{0, 4}, {5, 7}, {8, 10}};
  for (int i = 0; i < 3; ++i) {
    for (size_t p = ranges[i][0]; p < ranges[i][1]; ++p) {
      if (s[p] < '0' || s[p] > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (s[p] - '0');
    }
  }
  CivilDate d{parts[0], parts[1], parts[2]};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) return std::nullopt;
  return d;
}

ValueBuilder FindValueBuilder(std::string_view name) {
  for (const NamedBuilder& b : kBuilders)
    if (name == b.name) return b.builder;
  return nullptr;
}

}  // namespace khabar
