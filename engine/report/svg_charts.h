// Inline SVG charts for the HTML report: an XmR chart, a funnel plot and a bar chart. Each is
// self-contained markup with a <title> and <desc> (the text alternative) and role="img"; special
// causes and outliers are marked by shape as well as colour, so colour is never the only signal.
#ifndef UOFA_ENGINE_REPORT_SVG_CHARTS_H_
#define UOFA_ENGINE_REPORT_SVG_CHARTS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "uofa/statistics.h"

namespace uofa::report {

/// `text` with &, <, >, " and ' as character references, and control characters other than
/// tab and line feed dropped: safe in HTML text, attributes and SVG.
std::string HtmlEscape(std::string_view text);

/// An XmR chart: the monthly values joined by a line, the centre line, both process limits
/// (dashed), and points: circles for common cause, squares for a shift or trend, triangles for a
/// point beyond a limit. `id` makes the title and description ids unique in the page.
std::string XmrChartSvg(const XmrChart& chart, std::string_view id);

/// A funnel plot: wards as points (bed days across, rate up) around the overall rate, with the
/// 95% (dashed) and 99.8% (dotted) limits; wards beyond a limit drawn as triangles and labelled.
std::string FunnelPlotSvg(const FunnelPlot& funnel, std::string_view id);

/// A horizontal bar chart of labelled counts; a suppressed count has no bar and reads "*".
std::string BarChartSvg(const std::vector<std::pair<std::string, Count>>& bars, std::string_view title,
                        std::string_view id);

}  // namespace uofa::report

#endif  // UOFA_ENGINE_REPORT_SVG_CHARTS_H_
