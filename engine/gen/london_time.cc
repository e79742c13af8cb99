#include "engine/gen/london_time.h"

#include <cstdio>

namespace uofa::gen {

namespace {

// Day count of the last Sunday of a month (1970-01-01 was a Thursday).
std::int64_t LastSunday(int year, int month) {
  const int next_year = month == 12 ? year + 1 : year;
  const int next_month = month == 12 ? 1 : month + 1;
  const std::int64_t last_day = DaysFromCivil(next_year, next_month, 1) - 1;
  const std::int64_t weekday = ((last_day % 7) + 7 + 4) % 7;  // 0 = Sunday
  return last_day - weekday;
}

Minutes SummerTimeStart(int year) { return LastSunday(year, 3) * kMinutesPerDay + kMinutesPerHour; }
Minutes SummerTimeEnd(int year) { return LastSunday(year, 10) * kMinutesPerDay + kMinutesPerHour; }

// Writes `value` (0 <= value < 10^width) as `width` digits at `out`. The generators format
// millions of datetimes, and snprintf dominated their time.
void Digits(char* out, int value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

// `YYYY-MM-DD` (or, outside years 0-9999, what printf's %04d makes of the year).
std::string DateText(const CivilDate& date) {
  if (date.year < 0 || date.year > 9999) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    return text;
  }
  std::string text = "0000-00-00";
  Digits(text.data(), date.year, 4);
  Digits(text.data() + 5, date.month, 2);
  Digits(text.data() + 8, date.day, 2);
  return text;
}

std::int64_t FloorDiv(std::int64_t value, std::int64_t divisor) {
  std::int64_t quotient = value / divisor;
  if ((value % divisor != 0) && ((value < 0) != (divisor < 0))) --quotient;
  return quotient;
}

}  // namespace

// Howard Hinnant's days_from_civil.
std::int64_t DaysFromCivil(int year, int month, int day) {
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = FloorDiv(y, 400);
  const std::int64_t year_of_era = y - era * 400;
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate CivilFromDays(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = FloorDiv(z, 146097);
  const std::int64_t day_of_era = z - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t mp = (5 * day_of_year + 2) / 153;
  const auto day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  const auto month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const auto year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

int LondonOffset(Minutes instant) {
  const int year = CivilFromDays(FloorDiv(instant, kMinutesPerDay)).year;
  return instant >= SummerTimeStart(year) && instant < SummerTimeEnd(year) ? 60 : 0;
}

Minutes LondonToInstant(int year, int month, int day, int hour, int minute) {
  const Minutes wall = DaysFromCivil(year, month, day) * kMinutesPerDay + hour * kMinutesPerHour + minute;
  if (LondonOffset(wall - 60) == 60) return wall - 60;  // summer time (first of a repeated hour)
  if (LondonOffset(wall) == 0) return wall;             // winter time
  return wall;  // the skipped spring hour: read as winter time, an hour later on the clock
}

std::string FormatLondonDateTime(Minutes instant) {
  const int offset = LondonOffset(instant);
  const Minutes wall = instant + offset;
  const CivilDate date = CivilFromDays(FloorDiv(wall, kMinutesPerDay));
  const Minutes minute_of_day = wall - FloorDiv(wall, kMinutesPerDay) * kMinutesPerDay;
  std::string result = DateText(date);
  result += "T00:00";
  Digits(result.data() + result.size() - 5, static_cast<int>(minute_of_day / 60), 2);
  Digits(result.data() + result.size() - 2, static_cast<int>(minute_of_day % 60), 2);
  const Minutes end = SummerTimeEnd(date.year);
  if (instant >= end - kMinutesPerHour && instant < end + kMinutesPerHour) {
    result += offset == 60 ? "+01:00" : "+00:00";
  }
  return result;
}

std::string FormatLondonDate(Minutes instant) {
  return FormatDate(FloorDiv(instant + LondonOffset(instant), kMinutesPerDay));
}

std::string FormatDate(std::int64_t days) {
  return DateText(CivilFromDays(days));
}

}  // namespace uofa::gen
