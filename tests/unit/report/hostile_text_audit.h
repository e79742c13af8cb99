// An audit whose data holds every character the report formats must escape: XML and Markdown
// punctuation, quotes, commas, colons, percent signs, line breaks, other control characters and
// bytes that are not UTF-8. Shared by the escaping tests of the markdown, sarif, junit, github and
// csv writers.
#ifndef UOFA_TESTS_UNIT_REPORT_HOSTILE_TEXT_AUDIT_H_
#define UOFA_TESTS_UNIT_REPORT_HOSTILE_TEXT_AUDIT_H_

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>

#include "uofa/finding.h"
#include "uofa/report.h"

namespace uofa::report_testing {

/// The value of the one evidence field of the one failing record.
inline const std::string kHostileValue =
    std::string("a<b>&\"c\" 'd', e:f %g\r\nline2\x01\x1b[31m|*_`[x](javascript:y)#\xff");

inline AuditResult HostileTextAudit() {
  AuditResult result;
  result.tool_version = "0.1.0";
  result.audit_dir = "audits/t,1";
  result.as_of = "2024-03-31";
  result.packs = {{"pack<1>", "Pack & \"title\"", "1.0"}};
  RuleOutcome rule;
  rule.id = "R-1";
  rule.title = "Title with <xml> & \"quotes\"";
  rule.pack = "pack<1>";
  rule.subject = "incident";
  rule.severity = GapSeverity::kHigh;
  rule.citations = {{"act", "An Act, 2018", "https://example.org/act", "s.1(2)"}};
  rule.message = "message: 100% wrong, \"really\"\nsecond line";
  rule.remedy = "fix it, now";
  rule.status = RuleStatus::kGap;
  rule.passed = 1;
  rule.failed = 1;
  Finding finding;
  finding.record_id = "=HYPERLINK(\"x\")";
  finding.location = {"audits/t,1/in:cidents,1.csv", 7, 0};
  finding.evidence = {{"note", kHostileValue}};
  rule.findings.push_back(finding);
  result.rules.push_back(rule);
  result.input_problems.push_back(
      {Severity::kWarning, {"audits/t,1/in:cidents,1.csv", 9, 3}, "bad cell: '50%'\r\nnext", "", {}, {}});
  return result;
}

inline std::string Render(std::string_view format, const AuditResult& result) {
  std::ostringstream out;
  std::string error;
  REQUIRE_MESSAGE(WriteReport(format, result, {}, out, &error), error);
  return out.str();
}

}  // namespace uofa::report_testing

#endif  // UOFA_TESTS_UNIT_REPORT_HOSTILE_TEXT_AUDIT_H_
