// Time: instants and durations as CEL has them, and the parsing of the data contract's dates and
// datetimes. A datetime without an offset is local time in Europe/London, converted with the
// system's time-zone database, so durations across the clock changes come out as really elapsed.
#ifndef UOFA_ENGINE_BASE_TIME_H_
#define UOFA_ENGINE_BASE_TIME_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace uofa {

/// An instant: seconds since 1970-01-01T00:00:00Z plus nanoseconds (0..999,999,999).
/// CEL's range is 0001-01-01 to 9999-12-31 UTC.
struct Timestamp {
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;
  friend bool operator==(const Timestamp&, const Timestamp&) = default;
  friend auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

/// A signed span: seconds plus nanoseconds with the same sign as seconds (as protobuf Duration).
struct Duration {
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;
  friend bool operator==(const Duration&, const Duration&) = default;
  friend auto operator<=>(const Duration&, const Duration&) = default;
};

inline constexpr std::int64_t kMinTimestampSeconds = -62135596800;  // 0001-01-01T00:00:00Z
inline constexpr std::int64_t kMaxTimestampSeconds = 253402300799;  // 9999-12-31T23:59:59Z

/// Loads the system's time-zone database, which the first conversion of a local time would
/// otherwise do (a scan of its folder, about 2 ms): for a caller that can start it on another core
/// ahead of need. Thread-safe; later calls return at once.
void PrepareTimeZone();

/// Date formats accepted by ParseDate (DATA-CONTRACT.md "Value formats").
enum class DateOrder { kIso, kDayMonthYear };

/// Parses `YYYY-MM-DD` (or `DD/MM/YYYY` with kDayMonthYear) as midnight Europe/London.
/// Returns nullopt and sets `error` (lowercase, no period) when the text is not a valid date.
std::optional<Timestamp> ParseDate(std::string_view text, std::string* error,
                                   DateOrder order = DateOrder::kIso);

/// Parses ISO 8601 `YYYY-MM-DDTHH:MM[:SS[.fff]]` with optional `Z` or `±HH:MM` (a space may stand
/// for `T`); without an offset the time is local Europe/London. A bare date is midnight local.
/// With kDayMonthYear the date part is `DD/MM/YYYY`. A local time that does not exist (inside the
/// spring-forward gap) is an error; an ambiguous one (autumn repeat) takes the earlier instant.
std::optional<Timestamp> ParseDateTime(std::string_view text, std::string* error,
                                       DateOrder order = DateOrder::kIso);

/// The instant of a local Europe/London date and time given as calendar fields (as a mapping's
/// date format reads them). nullopt, with `error` naming `text`, when the date does not exist or
/// the time falls in the spring-forward gap; an ambiguous autumn time takes the earlier instant.
std::optional<Timestamp> LocalFieldsToInstant(int year, int month, int day, int hour, int minute,
                                              int second, std::string_view text,
                                              std::string* error);

/// Parses an RFC 3339 timestamp as CEL's timestamp() does: an offset or `Z` is required.
std::optional<Timestamp> ParseRfc3339(std::string_view text, std::string* error);

/// RFC 3339 in UTC, e.g. `2023-01-01T10:00:00Z` (fractional seconds only when non-zero).
std::string FormatRfc3339(Timestamp t);
/// Local Europe/London time as `YYYY-MM-DDTHH:MM[:SS]` (seconds only when non-zero).
std::string FormatLocalDateTime(Timestamp t);
/// Local Europe/London date as `YYYY-MM-DD`.
std::string FormatLocalDate(Timestamp t);

/// Breaks an instant into local Europe/London calendar fields.
struct LocalFields {
  int year, month, day, hour, minute, second, day_of_week /* 0 = Sunday */, day_of_year /* 0-based */;
};
LocalFields ToLocal(Timestamp t);
/// The same for an arbitrary IANA zone name or fixed offset `±HH:MM`; nullopt for an unknown zone.
std::optional<LocalFields> ToZone(Timestamp t, std::string_view zone);

/// Midnight Europe/London at the start of the local day containing `t`.
Timestamp StartOfLocalDay(Timestamp t);
/// Adds calendar months / years in local time (day clamped to the month's end), as "3 years
/// from the record date" means in law.
Timestamp AddLocalMonths(Timestamp t, int months);

/// Parses a Go-style duration as CEL's duration() does: `1h30m`, `-2.5s`, `100ms`, `72h`.
std::optional<Duration> ParseDuration(std::string_view text, std::string* error);
/// Formats as CEL does: seconds with an `s` suffix, e.g. `3600s`, `1.5s`.
std::string FormatDuration(Duration d);

/// Arithmetic; nullopt on overflow or out of CEL's range.
std::optional<Duration> Between(Timestamp from, Timestamp to);  // to - from
std::optional<Timestamp> Add(Timestamp t, Duration d);
std::optional<Duration> Add(Duration a, Duration b);
std::optional<Duration> Negate(Duration d);

}  // namespace uofa

#endif  // UOFA_ENGINE_BASE_TIME_H_
