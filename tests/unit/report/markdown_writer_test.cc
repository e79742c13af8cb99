#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "tests/unit/report/hostile_text_audit.h"
#include "tests/unit/report/sample_audit.h"

namespace uofa {
namespace {

using report_testing::HostileTextAudit;
using report_testing::Render;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("markdown report: data cannot break a table, start a link or become HTML") {
  const std::string output = Render("markdown", HostileTextAudit());
  CHECK(Contains(output,
                 "| =HYPERLINK(\"x\") | in:cidents,1.csv:7 | note=\"a&lt;b&gt;&amp;\\\\\"c\\\\\" "
                 "'d', e:f %g\\\\r\\\\nline2\\\\x01\\\\x1b\\[31m\\|\\*\\_\\`\\[x\\](javascript:y)"
                 "\\#\xff\" |\n"));
  CHECK_FALSE(Contains(output, "<xml>"));
  CHECK(Contains(output, "Title with &lt;xml&gt; &amp; \"quotes\""));
  CHECK_FALSE(Contains(output, "\x1b"));
  CHECK_FALSE(Contains(output, "\r"));
  // Every table row is one line.
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] != '|') continue;
    CAPTURE(line);
    CHECK(line.back() == '|');
  }
}

TEST_CASE("markdown report: only web addresses become links") {
  AuditResult result = HostileTextAudit();
  result.rules[0].citations[0].url = "javascript:alert(1)";
  const std::string output = Render("markdown", result);
  CHECK(Contains(output, "- **Cites:** s.1(2), An Act, 2018\n"));
  CHECK_FALSE(Contains(output, "2018](javascript"));
}

TEST_CASE("markdown report: failing records are listed up to max_examples") {
  ReportOptions options;
  options.max_examples = 2;
  std::ostringstream out;
  REQUIRE(WriteReport("markdown", report_testing::SampleAudit(), options, out, nullptr));
  CHECK(Contains(out.str(), "| INC-1008 | incidents.csv:21 |"));
  CHECK_FALSE(Contains(out.str(), "| INC-1015 | incidents.csv:28 |"));
  CHECK(Contains(out.str(), "| and 9 more |"));  // 11 unwaived failures, 2 shown
}

}  // namespace
}  // namespace uofa
