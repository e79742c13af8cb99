// Civil dates and Europe/London local time, for writing the generated audits' datetimes.
#ifndef UOFA_ENGINE_GEN_LONDON_TIME_H_
#define UOFA_ENGINE_GEN_LONDON_TIME_H_

#include <cstdint>
#include <string>

namespace uofa::gen {

// An instant, in whole minutes since 1970-01-01T00:00Z. Every time in the generators is held in
// UTC so that durations across the clock changes come out right; only the writer goes local.
using Minutes = std::int64_t;

inline constexpr Minutes kMinutesPerHour = 60;
inline constexpr Minutes kMinutesPerDay = 24 * 60;

// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t DaysFromCivil(int year, int month, int day);

struct CivilDate {
  int year;
  int month;
  int day;
};
CivilDate CivilFromDays(std::int64_t days);

// Minutes east of UTC in Europe/London at `instant`: 60 during British Summer Time, else 0.
// Summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
// October (the rule in force since 1996).
int LondonOffset(Minutes instant);

// The instant of a London wall-clock time. A time in the repeated autumn hour resolves to its
// first (summer-time) occurrence; a time in the skipped spring hour moves forward an hour.
Minutes LondonToInstant(int year, int month, int day, int hour, int minute);

// `YYYY-MM-DDTHH:MM` in London time. Inside the repeated autumn hour, where the wall clock alone
// is ambiguous, the offset is appended (`+01:00` or `+00:00`), as the data contract allows.
std::string FormatLondonDateTime(Minutes instant);

// `YYYY-MM-DD` of the London calendar day holding `instant`.
std::string FormatLondonDate(Minutes instant);

// `YYYY-MM-DD` of a day count.
std::string FormatDate(std::int64_t days);

}  // namespace uofa::gen

#endif  // UOFA_ENGINE_GEN_LONDON_TIME_H_
