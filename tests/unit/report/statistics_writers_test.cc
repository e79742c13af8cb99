#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "uofa/statistics.h"

namespace uofa {
namespace {

Statistics SmallStatistics() {
  Statistics statistics;
  statistics.period_start = "2025-01";
  statistics.period_end = "2025-01";
  statistics.incidents = {10, false};
  statistics.people = {0, true};
  statistics.tallies.push_back({"ward", "By ward", {{"=cmd", "=cmd|' /C calc'!A0", {5, false}, {0, true}, {}}}});
  return statistics;
}

std::string Write(const std::string& format, const Statistics& statistics) {
  std::ostringstream out;
  std::string error;
  REQUIRE_MESSAGE(WriteStatistics(format, statistics, out, &error), error);
  return out.str();
}

TEST_CASE("statistics csv: one row per figure, formulas made inert") {
  const std::string csv = Write("csv", SmallStatistics());
  CHECK(csv.rfind("table,row,column,value\r\nsummary,Incidents,Value,10\r\nsummary,Interventions,Value,0\r\n"
                  "summary,People subject to force,Value,*\r\n",
                  0) == 0);
  CHECK(csv.find("ward,'=cmd|' /C calc'!A0,Incidents,5\r\n") != std::string::npos);
  CHECK(csv.find("ward,'=cmd|' /C calc'!A0,Interventions,*\r\n") != std::string::npos);
}

TEST_CASE("statistics json: a suppressed count is \"*\" and an absent rate null") {
  const std::string json = Write("json", SmallStatistics());
  CHECK(json.find("\"incidents\": 10,") != std::string::npos);
  CHECK(json.find("\"people\": \"*\",") != std::string::npos);
  CHECK(json.find("\"rate_per_1000_bed_days\": null,") != std::string::npos);
  CHECK(json.find("\"funnel\": null,") != std::string::npos);
}

TEST_CASE("statistics formats are one table") {
  CHECK(StatisticsFormats() == std::vector<std::string>{"text", "json", "csv", "markdown"});
  std::ostringstream out;
  std::string error;
  CHECK_FALSE(WriteStatistics("html", SmallStatistics(), out, &error));
  CHECK(error == "unknown statistics format 'html'");
}

}  // namespace
}  // namespace uofa
