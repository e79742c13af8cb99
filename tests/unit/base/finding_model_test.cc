#include <doctest/doctest.h>

#include <string>

#include "engine/report/report_summary.h"
#include "uofa/finding.h"

namespace uofa {
namespace {

TEST_CASE("finding model: enumerations have the names reports print") {
  CHECK(std::string(VerdictName(Verdict::kPass)) == "pass");
  CHECK(std::string(VerdictName(Verdict::kFail)) == "fail");
  CHECK(std::string(VerdictName(Verdict::kNotApplicable)) == "not_applicable");
  CHECK(std::string(VerdictName(Verdict::kIndeterminate)) == "indeterminate");
  CHECK(std::string(RuleStatusName(RuleStatus::kMet)) == "met");
  CHECK(std::string(RuleStatusName(RuleStatus::kGap)) == "gap");
  CHECK(std::string(RuleStatusName(RuleStatus::kIndeterminate)) == "indeterminate");
  CHECK(std::string(RuleStatusName(RuleStatus::kNotApplicable)) == "not_applicable");
  CHECK(std::string(RuleStatusName(RuleStatus::kNotAssessed)) == "not_assessed");
  CHECK(std::string(GapSeverityName(GapSeverity::kLow)) == "low");
  CHECK(std::string(GapSeverityName(GapSeverity::kMedium)) == "medium");
  CHECK(std::string(GapSeverityName(GapSeverity::kHigh)) == "high");
}

TEST_CASE("finding model: the pass rate counts decided records only") {
  RuleOutcome rule;
  CHECK_FALSE(rule.PassRate().has_value());
  rule.not_applicable = 10;
  rule.indeterminate = 4;
  CHECK_FALSE(rule.PassRate().has_value());
  rule.passed = 3;
  rule.failed = 1;
  REQUIRE(rule.PassRate().has_value());
  CHECK(*rule.PassRate() == doctest::Approx(0.75));
  rule.failed = 0;
  CHECK(*rule.PassRate() == 1.0);
}

TEST_CASE("report summary: a provision's section is its text up to the first parenthesis") {
  CHECK(report::ProvisionSection("s.6(5)(a)") == "s.6");
  CHECK(report::ProvisionSection("s.12") == "s.12");
  CHECK(report::ProvisionSection("s.2(1),(3)") == "s.2");
  CHECK(report::ProvisionSection("chapter 26 (seclusion)") == "chapter 26");
  CHECK(report::ProvisionSection("") == "");
}

TEST_CASE("report summary: sections sort by the numbers in them") {
  CHECK(report::NaturalLess("s.2", "s.6"));
  CHECK(report::NaturalLess("s.6", "s.12"));
  CHECK_FALSE(report::NaturalLess("s.12", "s.6"));
  CHECK(report::NaturalLess("s.6", "s.6A"));
  CHECK_FALSE(report::NaturalLess("s.6", "s.6"));
  CHECK(report::NaturalLess("rec 1.4.9", "rec 1.4.31"));
  CHECK(report::NaturalLess("s.99999999999999999999", "s.100000000000000000000"));
}

TEST_CASE("report summary: gaps at or above a severity") {
  report::GapCounts gaps;
  gaps.Add(GapSeverity::kHigh);
  gaps.Add(GapSeverity::kMedium);
  gaps.Add(GapSeverity::kMedium);
  gaps.Add(GapSeverity::kLow);
  CHECK(gaps.Total() == 4);
  CHECK(gaps.AtOrAbove(GapSeverity::kHigh) == 1);
  CHECK(gaps.AtOrAbove(GapSeverity::kMedium) == 3);
  CHECK(gaps.AtOrAbove(GapSeverity::kLow) == 4);
}

}  // namespace
}  // namespace uofa
