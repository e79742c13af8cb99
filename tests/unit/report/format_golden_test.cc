// The markdown, sarif, junit, github and csv reports of the hand-built audits, byte for byte
// against golden files (regenerate with UOFA_UPDATE_GOLDENS=1, see golden/README.md).
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>

#include "tests/unit/report/sample_audit.h"
#include "uofa/report.h"

namespace uofa {
namespace {

constexpr std::string_view kFormats[] = {"markdown", "sarif", "junit", "github", "csv"};

std::string Extension(std::string_view format) {
  if (format == "markdown") return "md";
  if (format == "junit") return "junit.xml";
  if (format == "github") return "github.txt";
  return std::string(format);
}

std::string Render(std::string_view format, const AuditResult& result) {
  std::ostringstream out;
  std::string error;
  REQUIRE_MESSAGE(WriteReport(format, result, {}, out, &error), error);
  return out.str();
}

TEST_CASE("report: markdown, sarif, junit, github and csv output match their golden files") {
  for (std::string_view format : kFormats) {
    CAPTURE(format);
    report_testing::CheckGolden("sample." + Extension(format),
                                Render(format, report_testing::SampleAudit()));
    report_testing::CheckGolden("empty." + Extension(format), Render(format, AuditResult{}));
  }
}

TEST_CASE("report: every format gives the same output on every run") {
  const AuditResult result = report_testing::SampleAudit();
  for (std::string_view format : kFormats) {
    CAPTURE(format);
    CHECK(Render(format, result) == Render(format, result));
  }
}

TEST_CASE("report: no format prints the source line of an input problem") {
  // SampleAudit's first input problem carries a source line with a name and an NHS number.
  const AuditResult result = report_testing::SampleAudit();
  REQUIRE(result.input_problems.front().source_line.find("Test Patient") != std::string::npos);
  for (std::string_view format : kFormats) {
    CAPTURE(format);
    const std::string output = Render(format, result);
    CHECK(output.find("Test Patient") == std::string::npos);
    CHECK(output.find("9990000000") == std::string::npos);
  }
}

}  // namespace
}  // namespace uofa
