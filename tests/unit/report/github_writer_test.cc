#include <doctest/doctest.h>

#include <string>

#include "tests/unit/report/hostile_text_audit.h"
#include "tests/unit/report/sample_audit.h"

namespace uofa {
namespace {

using report_testing::HostileTextAudit;
using report_testing::Render;

TEST_CASE("github report: properties escape '%', CR, LF, ':' and ','; messages '%', CR, LF") {
  const std::string output = Render("github", HostileTextAudit());
  const std::string expected_finding =
      "::error file=audits/t%2C1/in%3Acidents%2C1.csv,line=7,title=R-1::"
      "=HYPERLINK(\"x\"): message: 100%25 wrong, \"really\"%0Asecond line (s.1(2))%0A"
      "note=\"a<b>&\\\"c\\\" 'd', e:f %25g%0D%0Aline2\\x01\\x1b[31m|*_`[x](javascript:y)#\xff\"\n";
  CHECK(output.find(expected_finding) != std::string::npos);
  CHECK(output.find("::warning file=audits/t%2C1/in%3Acidents%2C1.csv,line=9,col=3,"
                    "title=uofa input problem::bad cell: '50%25'%0D%0Anext\n") !=
        std::string::npos);
  // One command per line: no data line break and no escape character reaches the log.
  CHECK(output.find('\r') == std::string::npos);
  CHECK(output.find('\x1b') == std::string::npos);
  CHECK(output.find('\x01') == std::string::npos);
}

TEST_CASE("github report: severity picks the command; a finding without a file has no file") {
  AuditResult result = report_testing::SampleAudit();
  const std::string output = Render("github", result);
  CHECK(output.find("::error file=incidents.csv,line=14,title=UOF-S6-5A::INC-1001: ") !=
        std::string::npos);
  CHECK(output.find("::warning file=admissions.csv,line=32,title=UOF-S4-3::") != std::string::npos);
  CHECK(output.find("::notice file=incidents.csv,line=15,title=UOF-S6-5O::") != std::string::npos);
  // Undecided records are not annotated.
  CHECK(output.find("ADM-0050") == std::string::npos);

  result.rules[0].findings[0].location = {};
  CHECK(Render("github", result).find("::error title=UOF-S6-5A::INC-1001: ") != std::string::npos);
}

}  // namespace
}  // namespace uofa
