#include <doctest/doctest.h>

#include <string>

#include "tests/unit/report/hostile_text_audit.h"
#include "tests/unit/report/sample_audit.h"

namespace uofa {
namespace {

using report_testing::HostileTextAudit;
using report_testing::Render;

TEST_CASE("csv report: RFC 4180 quoting of commas, quotes and line breaks; CRLF rows") {
  const std::string output = Render("csv", HostileTextAudit());
  const std::string expected =
      "rule_id,pack,provision,severity,verdict,record_id,file,line,last,unit,message,evidence,remedy,waiver,"
      "kind,field,column\r\n"
      "R-1,pack<1>,s.1(2),high,fail,\"'=HYPERLINK(\"\"x\"\")\",\"in:cidents,1.csv\",7,,,"
      "\"message: 100% wrong, \"\"really\"\"\nsecond line\","
      "\"note=\"\"a<b>&\\\"\"c\\\"\" 'd', e:f "
      "%g\r\nline2\x01\x1b[31m|*_`[x](javascript:y)#\xff\"\"\","
      "\"fix it, now\",,rule,,\r\n";
  CHECK(output == expected);
}

TEST_CASE("csv report: one row per failing or undecided record, with a header") {
  const AuditResult result = report_testing::SampleAudit();
  const std::string output = Render("csv", result);
  std::size_t rows = 0;
  for (std::size_t at = output.find("\r\n"); at != std::string::npos;
       at = output.find("\r\n", at + 2)) {
    ++rows;
  }
  std::size_t findings = 0;
  for (const RuleOutcome& rule : result.rules) findings += rule.findings.size();
  CHECK(rows == findings + 1 + result.input_problems.size());  // each input problem is data quality
  CHECK(output.find("UOFA-DQ-UNMAPPED-VALUE,,,warning,,,incidents.csv,41,,,unknown code '02' in field "
                    "'type_code',,\"Correct the value at the source, or list its label under the "
                    "field's 'values' in the mapping in uofa.yaml.\",,data_quality,type_code,22\r\n") !=
        std::string::npos);
  CHECK(output.find("UOF-S4-3,uof-act-2018,s.4(3); s.4(4),medium,indeterminate,ADM-0050,"
                    "admissions.csv,51,,,could not be decided: 'admitted_at' has no value,,") !=
        std::string::npos);
}

TEST_CASE("csv report: text that a spreadsheet would run as a formula is made inert") {
  AuditResult result = HostileTextAudit();
  for (const char* start : {"=1+1", "+1", "-1", "@SUM(A1)"}) {
    CAPTURE(start);
    result.rules[0].findings[0].record_id = start;
    CHECK(Render("csv", result).find(",'" + std::string(start) + ",") != std::string::npos);
  }
}

}  // namespace
}  // namespace uofa
