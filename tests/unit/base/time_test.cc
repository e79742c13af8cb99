#include <doctest/doctest.h>

#include <date/tz.h>

#include <cstdio>
#include <string>

#include "engine/base/time.h"
#include "tests/unit/base/time_test_support.h"

namespace uofa {
namespace {

using testing::At;

std::int64_t MinutesBetween(const char* from, const char* to) {
  return Between(At(from), At(to))->seconds / 60;
}

TEST_CASE("local datetimes are Europe/London, so durations span the clock changes correctly") {
  // Autumn: 01:00-02:00 happens twice; 00:30 to 03:30 local is four hours.
  CHECK(MinutesBetween("2024-10-27T00:30", "2024-10-27T03:30") == 240);
  // Spring: 01:00-02:00 does not happen; 00:30 to 03:30 local is two hours.
  CHECK(MinutesBetween("2025-03-30T00:30", "2025-03-30T03:30") == 120);
  // An ordinary night.
  CHECK(MinutesBetween("2025-01-10T00:30", "2025-01-10T03:30") == 180);
}

TEST_CASE("local and UTC conversions agree with the time-zone database at every step") {
  // Conversions keep the span of the last offset found: walk across clock changes, forward and
  // back, and jump between years, checking each time against the database itself.
  const date::time_zone* london = date::locate_zone("Europe/London");
  using date::local_seconds;
  using date::sys_seconds;
  using std::chrono::seconds;
  auto check_local = [&](local_seconds local) {
    date::local_info info = london->get_info(local);
    auto day = date::floor<date::days>(local);
    date::year_month_day ymd{day};
    date::hh_mm_ss<seconds> hms{local - day};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()));
    CAPTURE(text);
    std::string error;
    std::optional<Timestamp> parsed = ParseDateTime(text, &error);
    if (info.result == date::local_info::nonexistent) {
      CHECK_FALSE(parsed.has_value());
      return;
    }
    REQUIRE(parsed.has_value());
    CHECK(parsed->seconds == (local.time_since_epoch() - info.first.offset).count());
  };
  auto check_utc = [&](sys_seconds sys) {
    auto local = london->to_local(sys);
    auto day = date::floor<date::days>(local);
    date::hh_mm_ss<seconds> hms{local - day};
    LocalFields fields = ToLocal(Timestamp{sys.time_since_epoch().count(), 0});
    CAPTURE(sys.time_since_epoch().count());
    CHECK(fields.hour == hms.hours().count());
    CHECK(fields.minute == hms.minutes().count());
    CHECK(fields.day == static_cast<int>(static_cast<unsigned>(date::year_month_day{day}.day())));
  };
  using namespace date::literals;
  for (date::local_days change : {date::local_days{2025_y / date::March / 30},
                                  date::local_days{2025_y / date::October / 26},
                                  date::local_days{1995_y / date::October / 22},
                                  date::local_days{1972_y / date::March / 19}}) {
    for (int direction : {1, -1}) {
      for (int step = -300; step <= 300; ++step) {
        local_seconds local = change + seconds{direction * step * 600 + 2 * 3600};
        check_local(local);
        check_utc(sys_seconds{local.time_since_epoch()});
        // Now and then a jump to another year and back: the kept span must not be reused
        // outside itself.
        if (step % 50 == 7) {
          const local_seconds elsewhere{date::local_days{2040_y / date::July / 1}};
          check_local(elsewhere + seconds{step * 600});
        }
      }
    }
  }
}

TEST_CASE("datetimes with offsets and in summer time") {
  CHECK(FormatRfc3339(At("2024-07-01T10:00")) == "2024-07-01T09:00:00Z");
  CHECK(FormatRfc3339(At("2024-01-01T10:00")) == "2024-01-01T10:00:00Z");
  CHECK(FormatRfc3339(At("2024-07-01T10:00:00Z")) == "2024-07-01T10:00:00Z");
  CHECK(FormatRfc3339(At("2024-07-01T10:00+02:00")) == "2024-07-01T08:00:00Z");
  CHECK(FormatRfc3339(At("2024-07-01 10:00:30.25")) == "2024-07-01T09:00:30.25Z");
  CHECK(FormatLocalDateTime(At("2024-07-01T09:00:00Z")) == "2024-07-01T10:00");
}

TEST_CASE("invalid dates and times are errors naming the text") {
  std::string error;
  CHECK_FALSE(ParseDate("2023-02-29", &error));
  CHECK(error == "'2023-02-29' is not a valid date");
  CHECK(ParseDate("2024-02-29", &error).has_value());
  CHECK_FALSE(ParseDateTime("2024-13-45T10:00", &error));
  CHECK(error == "'2024-13-45T10:00' is not a valid date and time");
  CHECK_FALSE(ParseDateTime("2024-01-01T24:00", &error));
  CHECK_FALSE(ParseDateTime("2024-01-01T10:00junk", &error));
  CHECK_FALSE(ParseDateTime("2025-03-30T01:30", &error));
  CHECK(error == "'2025-03-30T01:30' does not exist in Europe/London (clocks went forward)");
}

TEST_CASE("the usual minute form is read as the general steps read it, and refused where they are") {
  // "YYYY-MM-DDTHH:MM" is read in one step: each spelling agrees with the longer form.
  const std::int64_t summer = At("2024-07-08T21:03:00").seconds;
  CHECK(At("2024-07-08T21:03").seconds == summer);
  CHECK(At("2024-07-08 21:03").seconds == summer);
  CHECK(At("2024-07-08t21:03").seconds == summer);
  CHECK(At(" 2024-07-08T21:03\t").seconds == summer);
  CHECK(FormatRfc3339(At("2024-07-08T21:03")) == "2024-07-08T20:03:00Z");
  CHECK(FormatRfc3339(At("2024-01-08T21:03")) == "2024-01-08T21:03:00Z");
  for (const char* bad : {"2024-02-30T10:00", "2024-00-10T10:00", "2024-1a-10T10:00",
                          "2024-01-10T1:000", "2024-01-10X10:00", "2024/01/10T10:00",
                          "2024-01-10T10:60", "-024-01-10T10:00", "2024-01-10T10-00"}) {
    CAPTURE(bad);
    std::string error;
    CHECK_FALSE(ParseDateTime(bad, &error));
    CHECK(error == "'" + std::string(bad) + "' is not a valid date and time");
  }
}

TEST_CASE("UK day-month-year dates when the mapping says so") {
  std::string error;
  auto uk = ParseDate("25/11/2026", &error, DateOrder::kDayMonthYear);
  REQUIRE(uk.has_value());
  CHECK(FormatLocalDate(*uk) == "2026-11-25");
  auto short_form = ParseDateTime("5/3/2024 14:05", &error, DateOrder::kDayMonthYear);
  REQUIRE(short_form.has_value());
  CHECK(FormatLocalDateTime(*short_form) == "2024-03-05T14:05");
  CHECK_FALSE(ParseDate("31/02/2024", &error, DateOrder::kDayMonthYear));
}

TEST_CASE("calendar months are added in local time, clamped to the month's end") {
  CHECK(FormatLocalDate(AddLocalMonths(At("2022-03-31T00:00"), 36)) == "2025-03-31");
  CHECK(FormatLocalDate(AddLocalMonths(At("2024-02-29T00:00"), 12)) == "2025-02-28");
  CHECK(FormatLocalDateTime(AddLocalMonths(At("2024-01-31T10:15"), 1)) == "2024-02-29T10:15");
}

TEST_CASE("durations parse and format as CEL does") {
  std::string error;
  CHECK(FormatDuration(*ParseDuration("1h30m", &error)) == "5400s");
  CHECK(FormatDuration(*ParseDuration("-2.5s", &error)) == "-2.5s");
  CHECK(FormatDuration(*ParseDuration("100ms", &error)) == "0.1s");
  CHECK(FormatDuration(*ParseDuration("0", &error)) == "0s");
  CHECK_FALSE(ParseDuration("10 minutes", &error));
  CHECK(error == "'10 minutes' is not a valid duration");
  CHECK_FALSE(ParseDuration("999999999999999h", &error));
}

TEST_CASE("timestamp arithmetic stays in range") {
  Timestamp max{kMaxTimestampSeconds, 0};
  CHECK_FALSE(Add(max, Duration{1, 0}).has_value());
  CHECK(Add(max, Duration{-1, 0})->seconds == kMaxTimestampSeconds - 1);
  CHECK(Add(Timestamp{0, 500000000}, Duration{0, -600000000})->nanos == 900000000);
  CHECK(Add(Timestamp{0, 500000000}, Duration{0, -600000000})->seconds == -1);
}

TEST_CASE("local times are written with zeros, and seconds only when there are some") {
  CHECK(FormatLocalDateTime(At("2024-01-05T03:04:00Z")) == "2024-01-05T03:04");
  CHECK(FormatLocalDateTime(At("2024-07-05T23:04:09Z")) == "2024-07-06T00:04:09");
  CHECK(FormatLocalDateTime(Timestamp{At("2024-01-05T03:04:00Z").seconds, 5}) ==
        "2024-01-05T03:04:00");
  CHECK(FormatLocalDate(At("2024-07-05T23:04:09Z")) == "2024-07-06");
  // The first and last instants (London kept its local mean time, 1m15s behind, until 1847).
  CHECK(FormatLocalDateTime(Timestamp{kMinTimestampSeconds, 0}) == "0000-12-31T23:58:45");
  CHECK(FormatLocalDate(Timestamp{kMinTimestampSeconds, 0}) == "0000-12-31");
  CHECK(FormatLocalDateTime(Timestamp{kMaxTimestampSeconds, 0}) == "9999-12-31T23:59:59");
}

TEST_CASE("spans and sums are exact near the epoch and far from it") {
  auto show = [](std::optional<Duration> d) {
    return d ? std::to_string(d->seconds) + "s " + std::to_string(d->nanos) + "ns" : "none";
  };
  // Within 292 years of the epoch (64-bit nanoseconds) and beyond it: the nanoseconds take the
  // sign of the seconds.
  CHECK(show(Between(Timestamp{10, 700000000}, Timestamp{12, 200000000})) == "1s 500000000ns");
  CHECK(show(Between(Timestamp{12, 200000000}, Timestamp{10, 700000000})) == "-1s -500000000ns");
  CHECK(show(Between(Timestamp{0, 1}, Timestamp{0, 0})) == "0s -1ns");
  const Timestamp first{kMinTimestampSeconds, 0};
  const Timestamp last{kMaxTimestampSeconds, 999999999};
  CHECK(show(Between(first, last)) == "315537897599s 999999999ns");
  CHECK(show(Between(last, first)) == "-315537897599s -999999999ns");
  CHECK(show(Between(Timestamp{-9300000000, 250000000}, Timestamp{0, 0})) ==
        "9299999999s 750000000ns");
  const std::optional<Timestamp> far = Add(first, Duration{315537897599, 999999999});
  REQUIRE(far.has_value());
  CHECK(*far == last);
  const std::optional<Timestamp> back = Add(Timestamp{-9300000000, 250000000},
                                            Duration{-1, -500000000});
  REQUIRE(back.has_value());
  CHECK(back->seconds == -9300000002);
  CHECK(back->nanos == 750000000);
}

}  // namespace
}  // namespace uofa
