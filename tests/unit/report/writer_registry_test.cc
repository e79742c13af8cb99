#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "tests/unit/report/sample_audit.h"
#include "uofa/report.h"

namespace uofa {
namespace {

TEST_CASE("report: an unknown format is refused with a message") {
  std::ostringstream out;
  std::string error;
  CHECK_FALSE(WriteReport("xml", report_testing::SampleAudit(), {}, out, &error));
  CHECK(error == "unknown report format 'xml'");
  CHECK(out.str().empty());
  CHECK_FALSE(WriteReport("xml", report_testing::SampleAudit(), {}, out, nullptr));
}

TEST_CASE("report: formats are listed in table order with descriptions") {
  const std::vector<ReportFormatInfo> formats = ReportFormats();
  REQUIRE(formats.size() >= 2);
  CHECK(formats[0].name == "text");
  CHECK(formats[1].name == "json");
  for (const ReportFormatInfo& format : formats) {
    CAPTURE(format.name);
    CHECK_FALSE(format.description.empty());
    std::ostringstream out;
    std::string error;
    CHECK(WriteReport(format.name, report_testing::SampleAudit(), {}, out, &error));
    CHECK(error.empty());
    CHECK_FALSE(out.str().empty());
  }
}

}  // namespace
}  // namespace uofa
