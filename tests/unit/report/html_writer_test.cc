#include <doctest/doctest.h>

#include <string>

#include "engine/report/svg_charts.h"
#include "tests/unit/report/hostile_text_audit.h"

namespace uofa {
namespace {

using report_testing::HostileTextAudit;
using report_testing::Render;

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_CASE("html report: data is escaped and nothing is fetched or run") {
  const std::string output = Render("html", HostileTextAudit());
  CHECK(Contains(output, "<h3>R-1: Title with &lt;xml&gt; &amp; &quot;quotes&quot;</h3>"));
  CHECK(Contains(output, "a&lt;b&gt;&amp;"));
  CHECK(Contains(output, "javascript:y"));  // as text, never as a link
  CHECK_FALSE(Contains(output, "href="));
  CHECK_FALSE(Contains(output, "<script"));
  CHECK_FALSE(Contains(output, "<xml>"));
  CHECK_FALSE(Contains(output, "\x1b"));
  CHECK_FALSE(Contains(output, "src="));
  CHECK(Contains(output, "<html lang=\"en-GB\">"));
  CHECK(Contains(output, "This is the first recorded run of this audit"));
  CHECK(Contains(output, "Statistics were not computed for this report."));
}

TEST_CASE("html report: gaps opened and closed since the previous run") {
  AuditResult result = HostileTextAudit();
  RunComparison comparison;
  comparison.previous_run_id = "7";
  comparison.previous_run_at = "2024-01-02T03:04:05Z";
  comparison.previous_as_of = "2023-12-31";
  comparison.changes = {{GapChangeKind::kOpened, "R-1", "Title", "INC-<1>", GapSeverity::kHigh},
                        {GapChangeKind::kClosed, "R-2", "Other", "", GapSeverity::kLow},
                        {GapChangeKind::kPersisting, "R-3", "Kept", "INC-3", GapSeverity::kMedium}};
  result.since_previous = comparison;
  const std::string output = Render("html", result);
  CHECK(Contains(output, "(as at 2023-12-31): 1 gap opened, 1 closed and 1 persisting."));
  CHECK(Contains(output, "<td class=\"status gap\">opened</td><th scope=\"row\">R-1</th><td>Title</td><td>INC-&lt;1&gt;</td>"));
  CHECK(Contains(output, "<td class=\"status ok\">closed</td><th scope=\"row\">R-2</th><td>Other</td><td>(whole rule)</td>"));
  CHECK_FALSE(Contains(output, "INC-3"));  // persisting gaps are counted, not listed
}

TEST_CASE("html report: statistics with charts that carry text alternatives") {
  AuditResult result = HostileTextAudit();
  Statistics statistics;
  statistics.period_start = "2025-01";
  statistics.period_end = "2025-02";
  XmrChart chart;
  chart.key = "all";
  chart.title = "All restrictive interventions";
  chart.points = {{"2025-01", {10, false}, 100.0, 100.0, std::nullopt, false, false, false},
                  {"2025-02", {20, false}, 100.0, 200.0, 100.0, true, false, false}};
  chart.has_limits = true;
  chart.mean = 150;
  chart.upper_limit = 416;
  statistics.charts.push_back(chart);
  statistics.funnel = FunnelPlot{40, {{"U", "Oak<", {5, false}, 135, 37.0, 6.4, 74.1, 0, 93.6, FunnelPosition::kWithin}}};
  statistics.tallies.push_back({"duration", "By duration", {{"Under 10 minutes", "Under 10 minutes", {}, {3, true}, {}}}});
  result.statistics = statistics;
  const std::string output = Render("html", result);
  CHECK(Contains(output, "role=\"img\" aria-labelledby=\"spc-all-title spc-all-desc\""));
  CHECK(Contains(output, "<title id=\"spc-all-title\">All restrictive interventions</title>"));
  CHECK(Contains(output, "Mean 150.00; process limits 0.00 to 416.00. 1 month shows special-cause variation."));
  // The month beyond a limit is a triangle, the other a circle: shape, not only colour.
  CHECK(Contains(output, "<path class=\"point special-limit\""));
  CHECK(Contains(output, "<circle class=\"point common\""));
  CHECK(Contains(output, ">Oak&lt;</text>"));
  CHECK(Contains(output, "Interventions by duration: Under 10 minutes *."));
  CHECK(Contains(output, "<summary>Data table: SPC: All restrictive interventions per 1,000 occupied bed days</summary>"));
}

TEST_CASE("HtmlEscape drops control characters and escapes markup") {
  CHECK(report::HtmlEscape("a<b>&\"'\x01\x7f\tc") == "a&lt;b&gt;&amp;&quot;&#39;\tc");
}

}  // namespace
}  // namespace uofa
