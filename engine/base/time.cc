#include "engine/base/time.h"

#include "engine/base/text.h"

#include <date/date.h>
#include <date/tz.h>

#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <limits>

namespace uofa {
namespace {

using std::chrono::seconds;
using SysSeconds = date::sys_time<seconds>;
using LocalSeconds = date::local_time<seconds>;

// 128-bit nanosecond arithmetic, so that sums of CEL-range durations cannot overflow.
__extension__ typedef __int128 Int128;

constexpr std::int64_t kNanosPerSecond = 1000000000;
// CEL's duration range: about +-10000 years.
constexpr std::int64_t kMaxDurationSeconds = 315576000000;

const date::time_zone* London() {
  static const date::time_zone* zone = [] () -> const date::time_zone* {
    try {
      return date::locate_zone("Europe/London");
    } catch (const std::exception&) {
      return nullptr;
    }
  }();
  return zone;
}

}  // namespace

void PrepareTimeZone() { London(); }

namespace {

// A tiny cursor over the text being parsed.
struct Cursor {
  std::string_view text;
  std::size_t pos = 0;
  bool AtEnd() const { return pos >= text.size(); }
  char Peek() const { return AtEnd() ? '\0' : text[pos]; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++pos;
    return true;
  }
  // Reads exactly `count` digits.
  bool Digits(int count, int* out) {
    if (pos + static_cast<std::size_t>(count) > text.size()) return false;
    int value = 0;
    for (int i = 0; i < count; ++i) {
      char c = text[pos + i];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    pos += count;
    *out = value;
    return true;
  }
};

bool ParseDatePart(Cursor& cursor, DateOrder order, date::year_month_day* out) {
  int year = 0, month = 0, day = 0;
  if (order == DateOrder::kIso) {
    if (!cursor.Digits(4, &year) || !cursor.Eat('-') || !cursor.Digits(2, &month) ||
        !cursor.Eat('-') || !cursor.Digits(2, &day)) {
      return false;
    }
  } else {
    // DD/MM/YYYY, also accepting single-digit day and month as spreadsheets write them.
    auto one_or_two = [&](int* value) {
      if (cursor.Digits(2, value)) return true;
      return cursor.Digits(1, value);
    };
    if (!one_or_two(&day) || !cursor.Eat('/') || !one_or_two(&month) || !cursor.Eat('/') ||
        !cursor.Digits(4, &year)) {
      return false;
    }
  }
  date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                           date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return false;
  *out = ymd;
  return true;
}

// The number p[0] and p[1] write, or -1 when either is not a digit.
int TwoDigits(const char* p) {
  const unsigned tens = static_cast<unsigned char>(p[0]) - unsigned{'0'};
  const unsigned units = static_cast<unsigned char>(p[1]) - unsigned{'0'};
  return tens < 10 && units < 10 ? static_cast<int>(tens * 10 + units) : -1;
}

// "YYYY-MM-DDTHH:MM" (a space or 't' for the 'T'), the form nearly every export writes, read in
// one step; nullopt for any other text, valid or not, which the general steps read.
std::optional<LocalSeconds> PlainIsoMinutes(std::string_view text) {
  if (text.size() != 16 || text[4] != '-' || text[7] != '-' || text[13] != ':' ||
      (text[10] != 'T' && text[10] != ' ' && text[10] != 't')) {
    return std::nullopt;
  }
  const char* p = text.data();
  const int century = TwoDigits(p), year = TwoDigits(p + 2), month = TwoDigits(p + 5),
            day = TwoDigits(p + 8), hour = TwoDigits(p + 11), minute = TwoDigits(p + 14);
  if ((century | year | month | day | hour | minute) < 0 || hour > 23 || minute > 59) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{century * 100 + year},
                                 date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return LocalSeconds{date::local_days{ymd}.time_since_epoch()} + std::chrono::hours{hour} +
         std::chrono::minutes{minute};
}

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// Europe/London's offset changes twice a year, so each thread keeps the spans of times (local
// or UTC) around the last ones it converted in which their offset holds, and converts a time
// inside one without searching the time-zone database (a search per cell of every export).
struct OffsetSpan {
  std::int64_t begin = 0;  // seconds, [begin, end)
  std::int64_t end = 0;
  seconds offset{0};
  bool Holds(std::int64_t t) const { return begin <= t && t < end; }
};

// The last eight spans met: an export's rows mix years, each year with its two offsets, so one
// span alone would send every other row to the database.
class OffsetSpans {
 public:
  const OffsetSpan* Find(std::int64_t t) const {
    for (const OffsetSpan& span : spans_) {
      if (span.Holds(t)) return &span;
    }
    return nullptr;
  }
  void Add(const OffsetSpan& span) {
    spans_[next_] = span;
    next_ = (next_ + 1) % spans_.size();
  }

 private:
  std::array<OffsetSpan, 8> spans_{};  // empty spans hold no time
  std::size_t next_ = 0;               // the span replaced next
};

// The database's first and last spans reach to the ends of time: they are not kept.
constexpr std::int64_t kFar = std::int64_t{1} << 50;

// Local times this close to a change of offset can be skipped or repeated; a span of local times
// keeps clear of them (the zone's changes, summer time and the war years' double summer time,
// are of an hour each).
constexpr std::int64_t kNearChange = 3 * 3600;

std::optional<Timestamp> LocalToInstant(LocalSeconds local, std::string_view text, std::string* error) {
  thread_local OffsetSpans known;
  const std::int64_t local_count = local.time_since_epoch().count();
  if (const OffsetSpan* span = known.Find(local_count)) {
    return Timestamp{(local.time_since_epoch() - span->offset).count(), 0};
  }
  const date::time_zone* zone = London();
  if (zone == nullptr) {
    if (error) *error = "the time-zone database has no 'Europe/London'";
    return std::nullopt;
  }
  date::local_info info = zone->get_info(local);
  SysSeconds instant;
  switch (info.result) {
    case date::local_info::unique: {
      instant = SysSeconds{local.time_since_epoch() - info.first.offset};
      const std::int64_t offset = info.first.offset.count();
      const std::int64_t sys_begin = info.first.begin.time_since_epoch().count();
      const std::int64_t sys_end = info.first.end.time_since_epoch().count();
      if (sys_begin > -kFar && sys_end < kFar) {
        known.Add({sys_begin + offset + kNearChange, sys_end + offset - kNearChange,
                   info.first.offset});
      }
      break;
    }
    case date::local_info::ambiguous:  // the repeated hour in autumn: take the earlier instant
      instant = SysSeconds{local.time_since_epoch() - info.first.offset};
      break;
    case date::local_info::nonexistent:
    default:
      if (error) *error = Quoted(text) + " does not exist in Europe/London (clocks went forward)";
      return std::nullopt;
  }
  return Timestamp{instant.time_since_epoch().count(), 0};
}

LocalFields FieldsOf(LocalSeconds local) {
  auto day_point = date::floor<date::days>(local);
  date::year_month_day ymd{day_point};
  date::hh_mm_ss<seconds> hms{local - day_point};
  date::weekday weekday{day_point};
  auto year_start = date::local_days{ymd.year() / date::January / 1};
  return {static_cast<int>(ymd.year()),
          static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day())),
          static_cast<int>(hms.hours().count()),
          static_cast<int>(hms.minutes().count()),
          static_cast<int>(hms.seconds().count()),
          static_cast<int>(weekday.c_encoding()),
          static_cast<int>((day_point - year_start).count())};
}

LocalSeconds ToLocalSeconds(Timestamp t) {
  thread_local OffsetSpans known;  // of UTC times: one offset each, no margin needed
  SysSeconds sys{seconds{t.seconds}};
  if (const OffsetSpan* span = known.Find(t.seconds)) {
    return LocalSeconds{sys.time_since_epoch() + span->offset};
  }
  const date::time_zone* zone = London();
  if (zone == nullptr) return LocalSeconds{sys.time_since_epoch()};
  date::sys_info info = zone->get_info(sys);
  const std::int64_t begin = info.begin.time_since_epoch().count();
  const std::int64_t end = info.end.time_since_epoch().count();
  if (begin > -kFar && end < kFar) known.Add({begin, end, info.offset});
  return LocalSeconds{sys.time_since_epoch() + info.offset};
}

std::string FormatFraction(std::int32_t nanos) {
  if (nanos == 0) return {};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, ".%09d", nanos);
  std::string out(buffer);
  while (out.back() == '0') out.pop_back();
  return out;
}

}  // namespace

std::optional<Timestamp> ParseDate(std::string_view text, std::string* error, DateOrder order) {
  std::string_view trimmed = TrimSpace(text);
  Cursor cursor{trimmed};
  date::year_month_day ymd;
  if (!ParseDatePart(cursor, order, &ymd) || !cursor.AtEnd()) {
    if (error) *error = Quoted(trimmed) + " is not a valid date";
    return std::nullopt;
  }
  return LocalToInstant(LocalSeconds{date::local_days{ymd}.time_since_epoch()}, trimmed, error);
}

std::optional<Timestamp> ParseDateTime(std::string_view text, std::string* error, DateOrder order) {
  std::string_view trimmed = TrimSpace(text);
  if (order == DateOrder::kIso) {
    if (std::optional<LocalSeconds> local = PlainIsoMinutes(trimmed)) {
      return LocalToInstant(*local, trimmed, error);
    }
  }
  Cursor cursor{trimmed};
  auto fail = [&]() -> std::optional<Timestamp> {
    if (error) *error = Quoted(trimmed) + " is not a valid date and time";
    return std::nullopt;
  };
  date::year_month_day ymd;
  if (!ParseDatePart(cursor, order, &ymd)) return fail();
  int hour = 0, minute = 0, second = 0;
  std::int32_t nanos = 0;
  if (!cursor.AtEnd()) {
    if (!cursor.Eat('T') && !cursor.Eat(' ') && !cursor.Eat('t')) return fail();
    if (!cursor.Digits(2, &hour) || !cursor.Eat(':') || !cursor.Digits(2, &minute)) return fail();
    if (cursor.Eat(':')) {
      if (!cursor.Digits(2, &second)) return fail();
      if (cursor.Eat('.')) {
        int digits = 0;
        while (!cursor.AtEnd() && cursor.Peek() >= '0' && cursor.Peek() <= '9') {
          if (digits < 9) nanos = nanos * 10 + (cursor.Peek() - '0');
          ++digits;
          ++cursor.pos;
        }
        if (digits == 0) return fail();
        for (int i = digits; i < 9; ++i) nanos *= 10;
      }
    }
    if (hour > 23 || minute > 59 || second > 59) return fail();
  }
  auto local = LocalSeconds{date::local_days{ymd}.time_since_epoch()} + std::chrono::hours{hour} +
               std::chrono::minutes{minute} + seconds{second};
  if (cursor.AtEnd()) {
    auto instant = LocalToInstant(local, trimmed, error);
    if (instant) instant->nanos = nanos;
    return instant;
  }
  // Explicit offset.
  int offset_seconds = 0;
  if (cursor.Eat('Z') || cursor.Eat('z')) {
    offset_seconds = 0;
  } else {
    int sign = cursor.Eat('+') ? 1 : (cursor.Eat('-') ? -1 : 0);
    int offset_hours = 0, offset_minutes = 0;
    if (sign == 0 || !cursor.Digits(2, &offset_hours)) return fail();
    cursor.Eat(':');
    if (!cursor.Digits(2, &offset_minutes)) return fail();
    if (offset_hours > 23 || offset_minutes > 59) return fail();
    offset_seconds = sign * (offset_hours * 3600 + offset_minutes * 60);
  }
  if (!cursor.AtEnd()) return fail();
  return Timestamp{local.time_since_epoch().count() - offset_seconds, nanos};
}

std::optional<Timestamp> LocalFieldsToInstant(int year, int month, int day, int hour, int minute,
                                              int second, std::string_view text,
                                              std::string* error) {
  date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                           date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok() || month < 1 || month > 12 || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
      second < 0 || second > 59) {
    if (error) *error = Quoted(text) + " is not a valid date";
    return std::nullopt;
  }
  auto local = LocalSeconds{date::local_days{ymd}.time_since_epoch()} + std::chrono::hours{hour} +
               std::chrono::minutes{minute} + seconds{second};
  return LocalToInstant(local, text, error);
}

std::optional<Timestamp> ParseRfc3339(std::string_view text, std::string* error) {
  std::string_view trimmed = TrimSpace(text);
  // An offset or Z is required; a bare local time is not RFC 3339.
  bool has_offset = !trimmed.empty() && (trimmed.back() == 'Z' || trimmed.back() == 'z');
  if (!has_offset && trimmed.size() > 6) {
    char sign = trimmed[trimmed.size() - 6];
    has_offset = (sign == '+' || sign == '-') && trimmed[trimmed.size() - 3] == ':';
  }
  if (!has_offset || trimmed.size() < 20 || (trimmed[10] != 'T' && trimmed[10] != 't')) {
    if (error) *error = Quoted(trimmed) + " is not an RFC 3339 timestamp";
    return std::nullopt;
  }
  auto parsed = ParseDateTime(trimmed, error, DateOrder::kIso);
  if (!parsed) {
    if (error) *error = Quoted(trimmed) + " is not an RFC 3339 timestamp";
    return std::nullopt;
  }
  if (parsed->seconds < kMinTimestampSeconds || parsed->seconds > kMaxTimestampSeconds) {
    if (error) *error = "timestamp out of range";
    return std::nullopt;
  }
  return parsed;
}

std::string FormatRfc3339(Timestamp t) {
  SysSeconds sys{seconds{t.seconds}};
  return date::format("%Y-%m-%dT%H:%M:%S", sys) + FormatFraction(t.nanos) + "Z";
}

namespace {

// `value`, from 0 to 10^width - 1, as `width` digits padded with zeros ("%0<width>d").
void PutDigits(int value, int width, std::string* out) {
  char digits[4];
  for (int i = width - 1; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out->append(digits, static_cast<std::size_t>(width));
}

// The local date as "YYYY-MM-DD". A finding's evidence has one for each time it shows, so it is
// written digit by digit rather than by a formatted print, which costs ten times as much.
std::string LocalDateText(const LocalFields& f) {
  if (f.year < 0 || f.year > 9999) {  // outside the timestamps' range: as printf would write it
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", f.year, f.month, f.day);
    return buffer;
  }
  std::string text;
  text.reserve(19);
  PutDigits(f.year, 4, &text);
  text += '-';
  PutDigits(f.month, 2, &text);
  text += '-';
  PutDigits(f.day, 2, &text);
  return text;
}

}  // namespace

std::string FormatLocalDateTime(Timestamp t) {
  const LocalFields f = ToLocal(t);
  std::string text = LocalDateText(f);
  text += 'T';
  PutDigits(f.hour, 2, &text);
  text += ':';
  PutDigits(f.minute, 2, &text);
  if (f.second != 0 || t.nanos != 0) {
    text += ':';
    PutDigits(f.second, 2, &text);
  }
  return text;
}

std::string FormatLocalDate(Timestamp t) { return LocalDateText(ToLocal(t)); }

LocalFields ToLocal(Timestamp t) { return FieldsOf(ToLocalSeconds(t)); }

std::optional<LocalFields> ToZone(Timestamp t, std::string_view zone_name) {
  SysSeconds sys{seconds{t.seconds}};
  // Fixed offsets: "+01:00", "-05:30", also "01:00" as CEL allows.
  Cursor cursor{TrimSpace(zone_name)};
  int sign = 1;
  if (cursor.Eat('-')) sign = -1; else cursor.Eat('+');
  int hours = 0, minutes = 0;
  std::size_t start = cursor.pos;
  if (cursor.Digits(2, &hours) && cursor.Eat(':') && cursor.Digits(2, &minutes) && cursor.AtEnd()) {
    seconds offset{sign * (hours * 3600 + minutes * 60)};
    return FieldsOf(LocalSeconds{sys.time_since_epoch() + offset});
  }
  cursor.pos = start;
  try {
    const date::time_zone* zone = date::locate_zone(std::string(TrimSpace(zone_name)));
    return FieldsOf(zone->to_local(sys));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

Timestamp StartOfLocalDay(Timestamp t) {
  LocalSeconds local = ToLocalSeconds(t);
  auto midnight = date::floor<date::days>(local);
  auto instant = LocalToInstant(LocalSeconds{midnight.time_since_epoch()}, "", nullptr);
  return instant.value_or(Timestamp{t.seconds - (local - midnight).count(), 0});
}

Timestamp AddLocalMonths(Timestamp t, int months) {
  LocalSeconds local = ToLocalSeconds(t);
  auto day_point = date::floor<date::days>(local);
  auto time_of_day = local - day_point;
  date::year_month_day ymd{day_point};
  date::year_month shifted = date::year_month{ymd.year(), ymd.month()} + date::months{months};
  date::day last = date::year_month_day_last{shifted.year(), date::month_day_last{shifted.month()}}.day();
  date::day day = ymd.day() > last ? last : ymd.day();
  LocalSeconds target = LocalSeconds{date::local_days{shifted.year() / shifted.month() / day}.time_since_epoch()} + time_of_day;
  auto instant = LocalToInstant(target, "", nullptr);
  if (!instant) {
    // Inside the spring-forward gap: the same wall-clock time an hour later exists.
    instant = LocalToInstant(target + std::chrono::hours{1}, "", nullptr);
  }
  Timestamp out = instant.value_or(t);
  out.nanos = t.nanos;
  return out;
}

std::optional<Duration> ParseDuration(std::string_view text, std::string* error) {
  std::string_view input = TrimSpace(text);
  auto fail = [&]() -> std::optional<Duration> {
    if (error) *error = Quoted(input) + " is not a valid duration";
    return std::nullopt;
  };
  if (input.empty()) return fail();
  std::size_t pos = 0;
  bool negative = false;
  if (input[pos] == '-' || input[pos] == '+') {
    negative = input[pos] == '-';
    ++pos;
  }
  if (pos >= input.size()) return fail();
  if (input.substr(pos) == "0") return Duration{};
  // Accumulate in nanoseconds with 128-bit headroom.
  Int128 total = 0;
  while (pos < input.size()) {
    std::size_t start = pos;
    while (pos < input.size() && input[pos] >= '0' && input[pos] <= '9') ++pos;
    Int128 whole = 0;
    for (std::size_t i = start; i < pos; ++i) {
      whole = whole * 10 + (input[i] - '0');
      if (whole > static_cast<Int128>(kMaxDurationSeconds) * kNanosPerSecond) return fail();
    }
    bool had_whole = pos > start;
    Int128 fraction = 0, scale = 1;
    bool had_fraction = false;
    if (pos < input.size() && input[pos] == '.') {
      ++pos;
      std::size_t fraction_start = pos;
      while (pos < input.size() && input[pos] >= '0' && input[pos] <= '9') {
        if (scale < static_cast<Int128>(1000000000000000000LL)) {
          fraction = fraction * 10 + (input[pos] - '0');
          scale *= 10;
        }
        ++pos;
      }
      had_fraction = pos > fraction_start;
    }
    if (!had_whole && !had_fraction) return fail();
    std::size_t unit_start = pos;
    while (pos < input.size() && !(input[pos] >= '0' && input[pos] <= '9') && input[pos] != '.') ++pos;
    std::string_view unit = input.substr(unit_start, pos - unit_start);
    Int128 unit_nanos;
    if (unit == "h") unit_nanos = 3600 * kNanosPerSecond;
    else if (unit == "m") unit_nanos = 60 * kNanosPerSecond;
    else if (unit == "s") unit_nanos = kNanosPerSecond;
    else if (unit == "ms") unit_nanos = 1000000;
    else if (unit == "us" || unit == "\xC2\xB5s") unit_nanos = 1000;
    else if (unit == "ns") unit_nanos = 1;
    else return fail();
    total += whole * unit_nanos + fraction * unit_nanos / scale;
    if (total > static_cast<Int128>(kMaxDurationSeconds) * kNanosPerSecond) return fail();
  }
  if (negative) total = -total;
  std::int64_t secs = static_cast<std::int64_t>(total / kNanosPerSecond);
  std::int32_t nanos = static_cast<std::int32_t>(total % kNanosPerSecond);
  return Duration{secs, nanos};
}

std::string FormatDuration(Duration d) {
  bool negative = d.seconds < 0 || d.nanos < 0;
  std::int64_t secs = d.seconds < 0 ? -d.seconds : d.seconds;
  std::int32_t nanos = d.nanos < 0 ? -d.nanos : d.nanos;
  return (negative ? "-" : "") + std::to_string(secs) + FormatFraction(nanos) + "s";
}

namespace {

Int128 ToNanos(std::int64_t seconds, std::int32_t nanos) {
  return static_cast<Int128>(seconds) * kNanosPerSecond + nanos;
}

// Nanoseconds as whole seconds and the nanoseconds left (of the same sign), as `/` and `%` give
// them. An instant or span within 292 years of the epoch fits 64 bits, where dividing by a
// constant is a multiplication rather than a call.
struct SecondsAndNanos {
  Int128 seconds, nanos;
};
SecondsAndNanos Split(Int128 total) {
  if (total >= std::numeric_limits<std::int64_t>::min() &&
      total <= std::numeric_limits<std::int64_t>::max()) {
    const auto narrow = static_cast<std::int64_t>(total);
    return {narrow / kNanosPerSecond, narrow % kNanosPerSecond};
  }
  return {total / kNanosPerSecond, total % kNanosPerSecond};
}

std::optional<Duration> DurationFromNanos(Int128 total) {
  if (total > static_cast<Int128>(kMaxDurationSeconds) * kNanosPerSecond ||
      total < -static_cast<Int128>(kMaxDurationSeconds) * kNanosPerSecond) {
    return std::nullopt;
  }
  const SecondsAndNanos split = Split(total);
  return Duration{static_cast<std::int64_t>(split.seconds),
                  static_cast<std::int32_t>(split.nanos)};
}

}  // namespace

std::optional<Duration> Between(Timestamp from, Timestamp to) {
  return DurationFromNanos(ToNanos(to.seconds, to.nanos) - ToNanos(from.seconds, from.nanos));
}

std::optional<Timestamp> Add(Timestamp t, Duration d) {
  const auto [whole, part] = Split(ToNanos(t.seconds, t.nanos) + ToNanos(d.seconds, d.nanos));
  Int128 secs = whole;
  Int128 nanos = part;
  if (nanos < 0) {
    nanos += kNanosPerSecond;
    secs -= 1;
  }
  if (secs < kMinTimestampSeconds || secs > kMaxTimestampSeconds) return std::nullopt;
  return Timestamp{static_cast<std::int64_t>(secs), static_cast<std::int32_t>(nanos)};
}

std::optional<Duration> Add(Duration a, Duration b) {
  return DurationFromNanos(ToNanos(a.seconds, a.nanos) + ToNanos(b.seconds, b.nanos));
}

std::optional<Duration> Negate(Duration d) { return DurationFromNanos(-ToNanos(d.seconds, d.nanos)); }

}  // namespace uofa
