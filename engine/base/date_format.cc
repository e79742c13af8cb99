#include "engine/base/date_format.h"

#include <cctype>

namespace uofa {
namespace {

constexpr const char* kMonthNames[12] = {"january",   "february", "march",    "april",
                                         "may",       "june",     "july",     "august",
                                         "september", "october",  "november", "december"};

// Reads between `min` and `max` digits at `*pos`.
bool ReadNumber(std::string_view text, std::size_t* pos, int min, int max, int* out) {
  int value = 0, count = 0;
  while (*pos < text.size() && count < max &&
         std::isdigit(static_cast<unsigned char>(text[*pos]))) {
    value = value * 10 + (text[*pos] - '0');
    ++*pos;
    ++count;
  }
  *out = value;
  return count >= min;
}

// A month name, in full or its first three letters, any case.
bool ReadMonthName(std::string_view text, std::size_t* pos, int* out) {
  std::size_t end = *pos;
  while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
  std::size_t length = end - *pos;
  if (length < 3) return false;
  for (int month = 0; month < 12; ++month) {
    std::string_view name = kMonthNames[month];
    if (length != 3 && length != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < length && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(text[*pos + i])) == name[i];
    }
    if (same) {
      *out = month + 1;
      *pos = end;
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<DateFormat> DateFormat::Compile(std::string_view pattern, bool with_time,
                                              std::string* error) {
  DateFormat format;
  format.pattern_ = std::string(pattern);
  bool day = false, month = false, year = false, hour = false, minute = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%') {
      format.tokens_.push_back({Part::kLiteral, pattern[i]});
      continue;
    }
    if (i + 1 == pattern.size()) {
      *error = "date format '" + format.pattern_ + "' ends with a lone '%'";
      return std::nullopt;
    }
    char directive = pattern[++i];
    switch (directive) {
      case 'd':
        format.tokens_.push_back({Part::kDay});
        day = true;
        break;
      case 'm':
        format.tokens_.push_back({Part::kMonth});
        month = true;
        break;
      case 'b':
        format.tokens_.push_back({Part::kMonthName});
        month = true;
        break;
      case 'Y':
        format.tokens_.push_back({Part::kYear4});
        year = true;
        break;
      case 'y':
        format.tokens_.push_back({Part::kYear2});
        year = true;
        break;
      case 'H':
        format.tokens_.push_back({Part::kHour});
        hour = true;
        break;
      case 'M':
        format.tokens_.push_back({Part::kMinute});
        minute = true;
        break;
      case 'S': format.tokens_.push_back({Part::kSecond}); break;
      case '%': format.tokens_.push_back({Part::kLiteral, '%'}); break;
      default:
        *error = "unknown directive '%" + std::string(1, directive) + "' in date format '" +
                 format.pattern_ + "' (use %d, %m, %b, %Y, %y, %H, %M, %S)";
        return std::nullopt;
    }
  }
  if (!day || !month || !year) {
    *error = "date format '" + format.pattern_ +
             "' needs a day (%d), a month (%m or %b) and a year (%Y or %y)";
    return std::nullopt;
  }
  if (with_time && (!hour || !minute)) {
    *error = "datetime format '" + format.pattern_ + "' needs an hour (%H) and a minute (%M)";
    return std::nullopt;
  }
  return format;
}

std::optional<Timestamp> DateFormat::Parse(std::string_view text, std::string* error) const {
  int day = 0, month = 0, year = 0, hour = 0, minute = 0, second = 0;
  std::size_t pos = 0;
  bool ok = true;
  for (const Token& token : tokens_) {
    switch (token.part) {
      case Part::kLiteral:
        ok = pos < text.size() && text[pos] == token.literal;
        if (ok) ++pos;
        break;
      case Part::kDay: ok = ReadNumber(text, &pos, 1, 2, &day); break;
      case Part::kMonth: ok = ReadNumber(text, &pos, 1, 2, &month); break;
      case Part::kMonthName: ok = ReadMonthName(text, &pos, &month); break;
      case Part::kYear4: ok = ReadNumber(text, &pos, 4, 4, &year); break;
      case Part::kYear2:
        ok = ReadNumber(text, &pos, 2, 2, &year);
        year += 2000;
        break;
      case Part::kHour: ok = ReadNumber(text, &pos, 1, 2, &hour); break;
      case Part::kMinute: ok = ReadNumber(text, &pos, 2, 2, &minute); break;
      case Part::kSecond: ok = ReadNumber(text, &pos, 2, 2, &second); break;
    }
    if (!ok) break;
  }
  if (!ok || pos != text.size()) {
    if (error)
      *error = "'" + std::string(text) + "' does not match the date format '" + pattern_ + "'";
    return std::nullopt;
  }
  return LocalFieldsToInstant(year, month, day, hour, minute, second, text, error);
}

}  // namespace uofa
