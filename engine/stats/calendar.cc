// Calendar arithmetic on day numbers (Howard Hinnant's days_from_civil), for bed days by month.
#include <cstdio>

#include "engine/stats/facts.h"

namespace uofa::stats {

DayNumber DaysFromCivil(int year, int month, int day) {
  year -= month <= 2;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long year_of_era = year - era * 400;
  const long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

std::string MonthOf(DayNumber day) {
  day += 719468;
  const long era = (day >= 0 ? day : day - 146096) / 146097;
  const long day_of_era = day - era * 146097;
  const long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  long year = year_of_era + era * 400;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long mp = (5 * day_of_year + 2) / 153;
  const long month = mp + (mp < 10 ? 3 : -9);
  year += month <= 2;
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04ld-%02ld", year, month);
  return buffer;
}

std::optional<DayNumber> MonthStart(const std::string& month) {
  int year = 0, number = 0;
  char tail = 0;
  if (month.size() != 7 || std::sscanf(month.c_str(), "%4d-%2d%c", &year, &number, &tail) != 2) return std::nullopt;
  if (number < 1 || number > 12) return std::nullopt;
  return DaysFromCivil(year, number, 1);
}

std::string NextMonth(const std::string& month) {
  std::optional<DayNumber> start = MonthStart(month);
  if (!start) return month;
  return MonthOf(*start + 31);  // day 32 counted from the 1st always falls in the next month
}

}  // namespace uofa::stats
