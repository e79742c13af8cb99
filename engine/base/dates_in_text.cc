#include "engine/base/dates_in_text.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>

namespace uofa {
namespace {

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool ValidDate(int year, int month, int day) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  int days = kDays[month - 1] + (month == 2 && IsLeap(year) ? 1 : 0);
  return day <= days;
}

int MonthNumber(std::string_view name) {
  static const char* kNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  std::string prefix;
  for (char c : name.substr(0, 3)) prefix += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (int i = 0; i < 12; ++i) {
    if (prefix == kNames[i]) return i + 1;
  }
  return 0;
}

constexpr const char* kMonth =
    "(?i:(January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec))";

struct Patterns {
  RE2 iso{R"(\b(\d{4})-(\d{2})-(\d{2})\b)"};
  RE2 numeric{R"(\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b)"};
  RE2 day_first{std::string(R"(\b(\d{1,2})(?i:st|nd|rd|th)?\s+)") + kMonth + R"(\.?,?\s+(\d{4})\b)"};
  RE2 month_first{std::string(R"(\b)") + kMonth + R"(\.?\s+(\d{1,2})(?i:st|nd|rd|th)?,\s*(\d{4})\b)"};
};

const Patterns& GetPatterns() {
  static const Patterns patterns;
  return patterns;
}

void Add(std::vector<DateInText>& out, std::string_view text, std::string_view match, int year, int month,
         int day) {
  if (!ValidDate(year, month, day)) return;
  out.push_back({year, month, day, static_cast<std::size_t>(match.data() - text.data()), match.size()});
}

}  // namespace

std::string DateInText::Iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::vector<DateInText> FindDatesInText(std::string_view text) {
  const Patterns& patterns = GetPatterns();
  std::vector<DateInText> dates;
  auto scan = [&](const RE2& re, auto handle) {
    re2::StringPiece input(text.data(), text.size());
    int groups = re.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> submatch(groups + 1);
    std::size_t position = 0;
    while (position <= text.size() &&
           re.Match(re2::StringPiece(text.data(), text.size()), position, text.size(), RE2::UNANCHORED,
                    submatch.data(), groups + 1)) {
      handle(submatch);
      std::size_t end = static_cast<std::size_t>(submatch[0].data() - text.data()) + submatch[0].size();
      position = std::max(end, position + 1);
    }
  };
  auto number = [](re2::StringPiece piece) {
    int value = 0;
    for (char c : piece) value = value * 10 + (c - '0');
    return value;
  };
  auto view = [](re2::StringPiece piece) { return std::string_view(piece.data(), piece.size()); };
  scan(patterns.iso, [&](const std::vector<re2::StringPiece>& m) {
    Add(dates, text, view(m[0]), number(m[1]), number(m[2]), number(m[3]));
  });
  scan(patterns.numeric, [&](const std::vector<re2::StringPiece>& m) {
    Add(dates, text, view(m[0]), number(m[3]), number(m[2]), number(m[1]));
  });
  scan(patterns.day_first, [&](const std::vector<re2::StringPiece>& m) {
    Add(dates, text, view(m[0]), number(m[3]), MonthNumber(view(m[2])), number(m[1]));
  });
  scan(patterns.month_first, [&](const std::vector<re2::StringPiece>& m) {
    Add(dates, text, view(m[0]), number(m[3]), MonthNumber(view(m[1])), number(m[2]));
  });
  std::sort(dates.begin(), dates.end(),
            [](const DateInText& a, const DateInText& b) { return a.offset < b.offset; });
  return dates;
}

}  // namespace uofa
