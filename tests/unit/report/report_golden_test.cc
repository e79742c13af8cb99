// The text and JSON reports of a hand-built audit, byte for byte against golden files.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "tests/unit/report/sample_audit.h"
#include "uofa/report.h"

namespace uofa {
namespace {

std::string Render(std::string_view format, const AuditResult& result,
                   const ReportOptions& options = {}) {
  std::ostringstream out;
  std::string error;
  REQUIRE_MESSAGE(WriteReport(format, result, options, out, &error), error);
  return out.str();
}

TEST_CASE("report: text output matches its golden file") {
  report_testing::CheckGolden("sample.txt", Render("text", report_testing::SampleAudit()));
}

TEST_CASE("report: json output matches its golden file") {
  report_testing::CheckGolden("sample.json", Render("json", report_testing::SampleAudit()));
}

TEST_CASE("report: an empty audit renders in both formats") {
  report_testing::CheckGolden("empty.txt", Render("text", AuditResult{}));
  report_testing::CheckGolden("empty.json", Render("json", AuditResult{}));
}

TEST_CASE("report: output is the same on every run") {
  const AuditResult result = report_testing::SampleAudit();
  CHECK(Render("text", result) == Render("text", result));
  CHECK(Render("json", result) == Render("json", result));
}

}  // namespace
}  // namespace uofa
