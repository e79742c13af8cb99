#include <doctest/doctest.h>

#include <string>

#include "engine/base/dates_in_text.h"

namespace uofa {
namespace {

std::string Found(std::string_view text) {
  std::string out;
  for (const DateInText& date : FindDatesInText(text)) {
    if (!out.empty()) out += ' ';
    out += date.Iso() + '@' + std::to_string(date.offset) + '+' + std::to_string(date.length);
  }
  return out;
}

}  // namespace

TEST_CASE("dates in text: ISO, UK numeric and written forms, in order") {
  CHECK(Found("Approved 2025-05-12; review 31/05/2026.") == "2025-05-12@9+10 2026-05-31@28+10");
  CHECK(Found("came into force on 31 March 2022 and 18th Aug 2022") == "2022-03-31@19+13 2022-08-18@37+13");
  CHECK(Found("Review by May 1, 2027 or 1.6.2027") == "2027-05-01@10+11 2027-06-01@25+8");
  CHECK(Found("Sept 3, 2024") == "2024-09-03@0+12");
}

TEST_CASE("dates in text: impossible dates and near misses are skipped") {
  CHECK(Found("31 June 2025, 29/02/2025, 2025-13-01, 12 Mayday 2025, version 3.1.2025x") == "");
  CHECK(Found("29/02/2024") == "2024-02-29@0+10");
  CHECK(Found("") == "");
}

}  // namespace uofa
