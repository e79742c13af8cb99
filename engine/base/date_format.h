// DateFormat: a date or datetime layout written strftime-style ("%d/%m/%Y %H:%M"), compiled once
// from a mapping in uofa.yaml and then used to read every cell of a column without allocating.
// Directives: %d day, %m month (one or two digits each), %b month name (Jan, January, any
// case), %Y four-digit year, %y two-digit year (2000-2099), %H hour (0-23, one or two digits),
// %M minute, %S second, %% a percent sign; any other character must appear as written. Times
// read are local Europe/London (DATA-CONTRACT.md "Value formats").
#ifndef UOFA_ENGINE_BASE_DATE_FORMAT_H_
#define UOFA_ENGINE_BASE_DATE_FORMAT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/time.h"

namespace uofa {

class DateFormat {
 public:
  /// Compiles `pattern`. nullopt, with `*error` set (lowercase, no period), when it holds an
  /// unknown directive or lacks a day, month or year (and, with `with_time`, an hour and minute).
  static std::optional<DateFormat> Compile(std::string_view pattern, bool with_time,
                                           std::string* error);

  /// Reads `text` (already trimmed). nullopt, with `*error`, when it does not follow the format
  /// or names a date or local time that does not exist.
  std::optional<Timestamp> Parse(std::string_view text, std::string* error) const;

  const std::string& pattern() const { return pattern_; }

 private:
  enum class Part { kLiteral, kDay, kMonth, kMonthName, kYear4, kYear2, kHour, kMinute, kSecond };
  struct Token {
    Part part;
    char literal = 0;
  };
  std::string pattern_;
  std::vector<Token> tokens_;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_BASE_DATE_FORMAT_H_
