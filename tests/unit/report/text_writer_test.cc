#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "tests/unit/report/sample_audit.h"
#include "uofa/report.h"

namespace uofa {
namespace {

std::string Text(const AuditResult& result, const ReportOptions& options = {}) {
  std::ostringstream out;
  std::string error;
  REQUIRE(WriteReport("text", result, options, out, &error));
  return out.str();
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("text report: colour only when asked for") {
  ReportOptions options;
  CHECK_FALSE(Contains(Text(report_testing::SampleAudit(), options), "\x1b["));
  options.color = true;
  const std::string coloured = Text(report_testing::SampleAudit(), options);
  CHECK(Contains(coloured, "\x1b[1;31mHIGH\x1b[0m    s.6(5)(a)  no reason recorded"));
  CHECK(Contains(coloured, "\x1b[0m"));
}

TEST_CASE("text report: lines stay under 100 columns for the sample") {
  std::istringstream lines(Text(report_testing::SampleAudit()));
  std::string line;
  while (std::getline(lines, line)) {
    CAPTURE(line);
    CHECK(line.size() < 100);
  }
}

TEST_CASE("text report: gap headlines end with the rule id") {
  const std::string text = Text(report_testing::SampleAudit());
  CHECK(
      Contains(text, "HIGH    s.6(5)(a)  no reason recorded for the use of force  [UOF-S6-5A]\n"));
  // One of the twelve failures is waived: it counts neither way in the pass rate (228 of 239).
  CHECK(Contains(text, "        failing: 12 of 240 records, 1 waived (95.3% pass; target 98%)\n"));
  CHECK(Contains(text, "        failing: 2 of 59 records (96.6% pass)\n"));
  CHECK(Contains(text, "        INC-1001  incidents.csv:14  reason_code=(missing)\n"));
  CHECK(Contains(text, "        ... and 6 more\n"));  // 11 unwaived failures, 5 shown
}

TEST_CASE("text report: max_examples bounds the records listed per gap") {
  ReportOptions options;
  options.max_examples = 0;
  const std::string text = Text(report_testing::SampleAudit(), options);
  CHECK_FALSE(Contains(text, "INC-1001  incidents.csv:14"));
  CHECK(Contains(text, "        ... and 11 more\n"));
  CHECK(Contains(text, "    ... and 3 more (all are listed in the JSON report)\n"));
}

TEST_CASE("text report: the closing line names the fail-on threshold") {
  ReportOptions options;
  options.fail_on = GapSeverity::kMedium;
  const std::string text = Text(report_testing::SampleAudit(), options);
  CHECK(Contains(text,
                 "\n3 gaps (1 high, 1 medium, 1 low); exit status reflects gaps at or above "
                 "medium\n"));

  AuditResult one_gap = report_testing::SampleAudit();
  one_gap.rules.resize(1);
  CHECK(Contains(Text(one_gap),
                 "\n1 gap (1 high, 0 medium, 0 low); exit status reflects gaps at "
                 "or above high\n"));
}

TEST_CASE("text report: input problems never show the offending source line") {
  // The line of a rejected row may hold a patient's name or NHS number.
  const std::string text = Text(report_testing::SampleAudit());
  CHECK(Contains(text, "incidents.csv:77:1: error: row has 12 cells, expected 14 [UOFA-DQ-REJECTED-ROW]\n"));
  CHECK_FALSE(Contains(text, "Test Patient"));
}

TEST_CASE("text report: problems other than data quality are counted by kind, values generalised") {
  AuditResult result = report_testing::SampleAudit();
  for (Diagnostic& problem : result.input_problems) problem.code.clear();
  const std::string text = Text(result);
  CHECK_FALSE(Contains(text, "Data quality ("));
  CHECK(Contains(text, "  2  row has N cells, expected N\n"));
  CHECK(Contains(text, "  1  unknown code '...' in field 'type_code'\n"));
}

TEST_CASE("text report: data-quality findings are summarised per file, column and kind") {
  const std::string text = Text(report_testing::SampleAudit());
  CHECK(Contains(text,
                 "Data quality (3 findings in 2 columns)\n"
                 "  file           column     kind                    count  first\n"
                 "  incidents.csv  (row)      UOFA-DQ-REJECTED-ROW        2  77:1\n"
                 "  incidents.csv  type_code  UOFA-DQ-UNMAPPED-VALUE      1  41:22\n"));
  CHECK(Contains(text, "Input problems (3: 2 errors, 1 warning)\n"
                       "  every one is a data-quality finding (above)\n"));
}

TEST_CASE("text report: the summary groups rules by pack, then by the section of their first citation") {
  const std::string text = Text(report_testing::SampleAudit());
  const std::size_t s4 = text.find("\n  uof-act-2018  s.4 ");
  const std::size_t s5 = text.find("\n                s.5 ");
  const std::size_t s6 = text.find("\n                s.6 ");
  const std::size_t s12 = text.find("\n                s.12 ");
  const std::size_t nice = text.find("\n  nice-ng10     statement 5 ");
  REQUIRE(nice != std::string::npos);
  CHECK(s12 < nice);
  REQUIRE(s4 != std::string::npos);
  REQUIRE(s12 != std::string::npos);
  CHECK(s4 < s5);
  CHECK(s5 < s6);
  CHECK(s6 < s12);
}

}  // namespace
}  // namespace uofa

namespace uofa {
namespace {

TEST_CASE("text report: control characters from the data are shown as escapes") {
  AuditResult result = report_testing::SampleAudit();
  result.rules[0].findings[0].record_id = "INC\x1b[2J";
  result.rules[0].findings[0].evidence = {{"description", "line one\nline two\t\x7f"}};
  const std::string text = Text(result);
  CHECK(Contains(
      text,
      "        INC\\x1b[2J  incidents.csv:14  description=\"line one\\nline two\\t\\x7f\"\n"));
  CHECK_FALSE(Contains(text, "\x1b"));
}

TEST_CASE("text report: gaps are ordered by severity, then by rule id with numbers by value") {
  AuditResult result;
  for (const char* id : {"UOF-S12-1", "UOF-S6-1", "UOF-S9-1"}) {
    RuleOutcome rule;
    rule.id = id;
    rule.message = "missing";
    rule.severity = std::string(id) == "UOF-S9-1" ? GapSeverity::kHigh : GapSeverity::kMedium;
    rule.status = RuleStatus::kGap;
    rule.failed = 1;
    result.rules.push_back(rule);
  }
  const std::string text = Text(result);
  const std::size_t s9 = text.find("[UOF-S9-1]");
  const std::size_t s6 = text.find("[UOF-S6-1]");
  const std::size_t s12 = text.find("[UOF-S12-1]");
  CHECK(s9 < s6);
  CHECK(s6 < s12);
  CHECK(Contains(text, "MEDIUM  -  missing  [UOF-S6-1]\n"));
  CHECK(Contains(text, "        failing: 1 of 1 record (0.0% pass)\n"));
}

}  // namespace
}  // namespace uofa
