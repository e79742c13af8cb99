#include <doctest/doctest.h>

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

TEST_CASE("junit report: XML special characters are escaped in attributes and text") {
  const std::string output = Render("junit", HostileTextAudit());
  CHECK(Contains(output, "<testsuite name=\"pack&lt;1&gt;\""));
  CHECK(Contains(output, "name=\"R-1: Title with &lt;xml&gt; &amp; &quot;quotes&quot;\""));
  // Line breaks in an attribute are character references, so that parsers keep them.
  CHECK(Contains(output,
                 "<failure message=\"message: 100% wrong, &quot;really&quot;&#10;second "
                 "line\" type=\"high\">"));
  CHECK(Contains(output, "a&lt;b&gt;&amp;\\\"c\\\" 'd', e:f %g&#13;\nline2"));
}

TEST_CASE("junit report: control characters and bytes that are not UTF-8 never reach the XML") {
  const std::string output = Render("junit", HostileTextAudit());
  CHECK(Contains(output, "line2\\x01\\x1b[31m"));
  CHECK(Contains(output, "#\xEF\xBF\xBD"));  // U+FFFD for the stray 0xff byte
  for (char c : output) {
    const auto byte = static_cast<unsigned char>(c);
    CAPTURE(static_cast<int>(byte));
    CHECK((byte >= 0x20 || c == '\n'));
    CHECK(byte != 0xff);
  }
}

TEST_CASE("junit report: well-formed UTF-8 is kept, malformed sequences are replaced") {
  AuditResult result = HostileTextAudit();
  // é, €, an emoji; then an overlong '/', a surrogate, a truncated sequence and U+FFFE.
  result.rules[0].findings[0].evidence = {
      {"ok", "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"},
      {"bad", std::string("\xC0\xAF|\xED\xA0\x80|\xE2\x82|\xEF\xBF\xBE")}};
  const std::string output = Render("junit", result);
  CHECK(Contains(output, "ok=\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"));
  const std::string replacement = "\xEF\xBF\xBD";
  CHECK(Contains(output, "bad=" + replacement + replacement + "|" + replacement + replacement +
                             replacement + "|" + replacement + replacement + "|" + replacement +
                             replacement + replacement));
}

TEST_CASE("junit report: gaps fail, not assessed and not applicable are skipped") {
  const std::string output = Render("junit", report_testing::SampleAudit());
  CHECK(Contains(output,
                 "<testsuites name=\"uofa\" tests=\"10\" failures=\"5\" errors=\"1\" "
                 "skipped=\"2\">"));
  // One failing case per file, column and kind of data-quality finding.
  CHECK(Contains(output,
                 "<testsuite name=\"data quality\" tests=\"2\" failures=\"2\" errors=\"0\" "
                 "skipped=\"0\">"));
  CHECK(Contains(output,
                 "<testcase classname=\"data quality.incidents.csv\" name=\"incidents.csv (row) "
                 "UOFA-DQ-REJECTED-ROW\">\n      <failure message=\"2 findings; first at "
                 "incidents.csv:77:1\" type=\"UOFA-DQ-REJECTED-ROW\">"));
  CHECK(Contains(output, "<skipped message=\"not assessed: no staff records\"/>"));
  CHECK(Contains(output, "<error message=\"3 input problems: 2 errors, 1 warning\""));
}

}  // namespace
}  // namespace uofa
