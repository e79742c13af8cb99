#include "engine/base/date_format.h"

#include <doctest/doctest.h>

#include <string>

namespace uofa {
namespace {

DateFormat Compiled(const char* pattern, bool with_time) {
  std::string error;
  auto format = DateFormat::Compile(pattern, with_time, &error);
  REQUIRE_MESSAGE(format.has_value(), error);
  return *format;
}

TEST_CASE("date format: UK dates and times read as local Europe/London time") {
  DateFormat format = Compiled("%d/%m/%Y %H:%M", true);
  std::string error;
  auto winter = format.Parse("25/11/2025 14:05", &error);
  REQUIRE(winter);
  CHECK(FormatRfc3339(*winter) == "2025-11-25T14:05:00Z");
  auto summer = format.Parse("1/7/2025 9:30", &error);  // one-digit day, month and hour
  REQUIRE(summer);
  CHECK(FormatRfc3339(*summer) == "2025-07-01T08:30:00Z");
  CHECK(FormatRfc3339(*Compiled("%d-%b-%y", false).Parse("05-Mar-24", &error)) ==
        "2024-03-05T00:00:00Z");
  CHECK(FormatRfc3339(*Compiled("%Y%m%d %H%M%S", true).Parse("20240305 101112", &error)) ==
        "2024-03-05T10:11:12Z");
}

TEST_CASE("date format: text that does not follow it, or a day that does not exist, is an error") {
  DateFormat format = Compiled("%d/%m/%Y %H:%M", true);
  std::string error;
  CHECK_FALSE(format.Parse("2025-11-25T14:05", &error));
  CHECK(error == "'2025-11-25T14:05' does not match the date format '%d/%m/%Y %H:%M'");
  CHECK_FALSE(format.Parse("25/11/2025 14:05 extra", &error));
  CHECK(error == "'25/11/2025 14:05 extra' does not match the date format '%d/%m/%Y %H:%M'");
  CHECK_FALSE(format.Parse("31/02/2025 10:00", &error));
  CHECK(error == "'31/02/2025 10:00' is not a valid date");
  CHECK_FALSE(format.Parse("30/03/2025 01:30", &error));  // the spring-forward gap
  CHECK(error == "'30/03/2025 01:30' does not exist in Europe/London (clocks went forward)");
}

TEST_CASE("date format: a bad pattern is an error naming the problem") {
  std::string error;
  CHECK_FALSE(DateFormat::Compile("%d/%m/%Q", false, &error));
  CHECK(error ==
        "unknown directive '%Q' in date format '%d/%m/%Q' (use %d, %m, %b, %Y, %y, %H, %M, %S)");
  CHECK_FALSE(DateFormat::Compile("%d/%m", false, &error));
  CHECK(error == "date format '%d/%m' needs a day (%d), a month (%m or %b) and a year (%Y or %y)");
  CHECK_FALSE(DateFormat::Compile("%d/%m/%Y", true, &error));
  CHECK(error == "datetime format '%d/%m/%Y' needs an hour (%H) and a minute (%M)");
  CHECK_FALSE(DateFormat::Compile("%d/%m/%Y %", false, &error));
  CHECK(error == "date format '%d/%m/%Y %' ends with a lone '%'");
}

}  // namespace
}  // namespace uofa
