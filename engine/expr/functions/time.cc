// Time functions: timestamp(), duration(), date(), and the calendar accessors of timestamps (in
// a zone: the argument, else Europe/London for record rules or UTC for plain CEL) and durations.
#include <date/date.h>
#include <date/tz.h>

#include <chrono>
#include <exception>
#include <optional>

#include "engine/base/time.h"
#include "engine/expr/functions/builtins.h"

namespace uofa::expr::builtins {
namespace {

struct Civil {
  int year, month /* 1-12 */, day /* 1-31 */, hour, minute, second, day_of_week, day_of_year;
  std::int32_t nanos;
};

// A fixed offset `[+|-]HH:MM`; nullopt when the text is not one.
std::optional<int> ParseOffsetMinutes(std::string_view zone) {
  int sign = 1;
  if (!zone.empty() && (zone[0] == '+' || zone[0] == '-')) {
    sign = zone[0] == '-' ? -1 : 1;
    zone.remove_prefix(1);
  }
  if (zone.size() != 5 || zone[2] != ':') return std::nullopt;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!digit(zone[0]) || !digit(zone[1]) || !digit(zone[3]) || !digit(zone[4])) return std::nullopt;
  int hours = (zone[0] - '0') * 10 + (zone[1] - '0');
  int minutes = (zone[3] - '0') * 10 + (zone[4] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  return sign * (hours * 60 + minutes);
}

// Breaks `t` into calendar fields in `zone` (empty: the default zone). Returns an error message
// for an unknown zone.
std::optional<Civil> Breakdown(Timestamp t, std::string_view zone, bool local_default,
                               std::string* error) {
  using std::chrono::seconds;
  if (zone.empty() && local_default) {
    // Record rules' default zone, with the offsets base/time keeps: no look-up of the zone by
    // name, nor of its rules, per call.
    const LocalFields local = ToLocal(t);
    return Civil{local.year,   local.month,       local.day,         local.hour, local.minute,
                 local.second, local.day_of_week, local.day_of_year, t.nanos};
  }
  date::sys_seconds instant{seconds{t.seconds}};
  seconds offset{0};
  if (!zone.empty() && zone != "UTC") {
    if (std::optional<int> minutes = ParseOffsetMinutes(zone)) {
      offset = seconds{*minutes * 60};
    } else {
      try {
        const date::time_zone* tz = date::locate_zone(std::string(zone));
        offset = tz->get_info(instant).offset;
      } catch (const std::exception&) {
        *error = "unknown time zone '" + std::string(zone) + "'";
        return std::nullopt;
      }
    }
  }
  auto local = instant + offset;
  auto days = date::floor<date::days>(local);
  date::year_month_day ymd{days};
  date::hh_mm_ss<seconds> clock{local - days};
  auto year_start = date::sys_days{ymd.year() / date::January / 1};
  Civil c;
  c.year = static_cast<int>(ymd.year());
  c.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  c.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  c.hour = static_cast<int>(clock.hours().count());
  c.minute = static_cast<int>(clock.minutes().count());
  c.second = static_cast<int>(clock.seconds().count());
  c.day_of_week = static_cast<int>(date::weekday{days}.c_encoding());
  c.day_of_year = static_cast<int>((days - year_start).count());
  c.nanos = t.nanos;
  return c;
}

// Evaluates an accessor of a timestamp (optionally with a zone argument).
template <typename Field>
Value TimestampField(const Args& args, const CallContext& context, Field field) {
  std::string_view zone;
  if (args.size() > 1) zone = args[1].as_string();
  std::string error;
  std::optional<Civil> civil = Breakdown(args[0].as_timestamp(), zone, context.local_time, &error);
  if (!civil) return Value::Error(error);
  return Value::Int(field(*civil));
}

}  // namespace

Value ToTimestamp(const Args& args, const CallContext&) {
  const Value& v = args[0];
  switch (v.kind()) {
    case ValueKind::kTimestamp:
      return v;
    case ValueKind::kString: {
      std::string error;
      std::optional<Timestamp> t = ParseRfc3339(v.as_string(), &error);
      if (!t) return Value::Error(error.empty() ? "invalid timestamp" : error);
      return Value::Time(*t);
    }
    case ValueKind::kInt:
      if (v.as_int() < kMinTimestampSeconds || v.as_int() > kMaxTimestampSeconds) {
        return Value::Error("timestamp out of range");
      }
      return Value::Time(Timestamp{v.as_int(), 0});
    default:
      return NoMatchingOverload("timestamp");
  }
}

Value ToDuration(const Args& args, const CallContext&) {
  const Value& v = args[0];
  switch (v.kind()) {
    case ValueKind::kDuration:
      return v;
    case ValueKind::kString: {
      std::string error;
      std::optional<Duration> d = ParseDuration(v.as_string(), &error);
      if (!d) return Value::Error(error.empty() ? "invalid duration" : error);
      return Value::Span(*d);
    }
    default:
      return NoMatchingOverload("duration");
  }
}

Value DateOf(const Args& args, const CallContext&) {
  std::string error;
  std::optional<Timestamp> t = ParseDate(args[0].as_string(), &error);
  if (!t) return Value::Error(error.empty() ? "invalid date" : error);
  return Value::Time(*t);
}

Value GetFullYear(const Args& args, const CallContext& context) {
  return TimestampField(args, context, [](const Civil& c) { return c.year; });
}
Value GetMonth(const Args& args, const CallContext& context) {
  return TimestampField(args, context, [](const Civil& c) { return c.month - 1; });
}
Value GetDate(const Args& args, const CallContext& context) {
  return TimestampField(args, context, [](const Civil& c) { return c.day; });
}
Value GetDayOfMonth(const Args& args, const CallContext& context) {
  return TimestampField(args, context, [](const Civil& c) { return c.day - 1; });
}
Value GetDayOfWeek(const Args& args, const CallContext& context) {
  return TimestampField(args, context, [](const Civil& c) { return c.day_of_week; });
}
Value GetDayOfYear(const Args& args, const CallContext& context) {
  return TimestampField(args, context, [](const Civil& c) { return c.day_of_year; });
}

// Hours, minutes and seconds: of a timestamp, the clock field; of a duration, the whole span
// converted to that unit (CEL's definition).
Value GetHours(const Args& args, const CallContext& context) {
  if (args[0].kind() == ValueKind::kDuration)
    return Value::Int(args[0].as_duration().seconds / 3600);
  return TimestampField(args, context, [](const Civil& c) { return c.hour; });
}
Value GetMinutes(const Args& args, const CallContext& context) {
  if (args[0].kind() == ValueKind::kDuration) return Value::Int(args[0].as_duration().seconds / 60);
  return TimestampField(args, context, [](const Civil& c) { return c.minute; });
}
Value GetSeconds(const Args& args, const CallContext& context) {
  if (args[0].kind() == ValueKind::kDuration) return Value::Int(args[0].as_duration().seconds);
  return TimestampField(args, context, [](const Civil& c) { return c.second; });
}
Value GetMilliseconds(const Args& args, const CallContext& context) {
  if (args[0].kind() == ValueKind::kDuration) {
    return Value::Int(args[0].as_duration().nanos / 1000000);
  }
  return TimestampField(args, context, [](const Civil& c) { return c.nanos / 1000000; });
}

}  // namespace uofa::expr::builtins
