// Inline SVG charts (svg_charts.h). Drawn by hand: a few lines, circles and paths need no
// charting library, and the report must not load scripts.
#include "engine/report/svg_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/report/statistics_tables.h"
#include "engine/stats/measures.h"

namespace uofa::report {
namespace {

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// A round axis maximum at or above `value`: 1, 2 or 5 times a power of ten.
double NiceCeiling(double value) {
  if (value <= 0) return 1;
  const double power = std::pow(10.0, std::floor(std::log10(value)));
  for (double step : {1.0, 2.0, 5.0, 10.0}) {
    if (value <= step * power) return step * power;
  }
  return 10 * power;
}

struct Frame {
  double left = 56, right = 16, top = 16, bottom = 44, width = 720, height = 280;
  double x_max = 1, y_max = 1;
  double PlotWidth() const { return width - left - right; }
  double PlotHeight() const { return height - top - bottom; }
  double X(double value) const { return left + PlotWidth() * value / x_max; }
  double Y(double value) const { return top + PlotHeight() * (1 - std::min(value, y_max) / y_max); }
};

std::string Open(const Frame& frame, std::string_view id, std::string_view title, const std::string& description) {
  const std::string escaped_id = HtmlEscape(id);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " + Number(frame.width) + ' ' +
         Number(frame.height) + "\" role=\"img\" aria-labelledby=\"" + escaped_id + "-title " + escaped_id +
         "-desc\">\n<title id=\"" + escaped_id + "-title\">" + HtmlEscape(title) + "</title>\n<desc id=\"" +
         escaped_id + "-desc\">" + HtmlEscape(description) + "</desc>\n";
}

// The fewest decimals (0 to 2) that show every tick of the axis exactly.
int TickDecimals(double maximum) {
  for (int decimals = 0; decimals < 2; ++decimals) {
    const double scale = std::pow(10.0, decimals);
    bool exact = true;
    for (int i = 1; i <= 4; ++i) {
      const double value = maximum * i / 4 * scale;
      exact = exact && std::fabs(value - std::round(value)) < 1e-9;
    }
    if (exact) return decimals;
  }
  return 2;
}

std::string YAxis(const Frame& frame, std::string_view label) {
  std::string svg;
  const int decimals = TickDecimals(frame.y_max);
  for (int i = 0; i <= 4; ++i) {
    const double value = frame.y_max * i / 4;
    const double y = frame.Y(value);
    svg += "<line class=\"grid\" x1=\"" + Number(frame.left) + "\" x2=\"" + Number(frame.width - frame.right) +
           "\" y1=\"" + Number(y) + "\" y2=\"" + Number(y) + "\"/>\n";
    svg += "<text class=\"tick\" x=\"" + Number(frame.left - 6) + "\" y=\"" + Number(y + 4) +
           "\" text-anchor=\"end\">" + Fixed(value, decimals) + "</text>\n";
  }
  svg += "<text class=\"axis-label\" transform=\"translate(14 " + Number(frame.top + frame.PlotHeight() / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">" + HtmlEscape(label) + "</text>\n";
  return svg;
}

std::string Marker(const std::string& shape, double x, double y, const std::string& css_class) {
  if (shape == "square") {
    return "<rect class=\"" + css_class + "\" x=\"" + Number(x - 4.5) + "\" y=\"" + Number(y - 4.5) +
           "\" width=\"9\" height=\"9\"/>\n";
  }
  if (shape == "up" || shape == "down") {
    const double d = shape == "up" ? -1 : 1;
    return "<path class=\"" + css_class + "\" d=\"M" + Number(x) + ' ' + Number(y + 6 * d) + " L" + Number(x - 6) +
           ' ' + Number(y - 4.5 * d) + " L" + Number(x + 6) + ' ' + Number(y - 4.5 * d) + " Z\"/>\n";
  }
  return "<circle class=\"" + css_class + "\" cx=\"" + Number(x) + "\" cy=\"" + Number(y) + "\" r=\"3.5\"/>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') break;
        if (c == 0x7f) break;
        out += c;
    }
  }
  return out;
}

std::string XmrChartSvg(const XmrChart& chart, std::string_view id) {
  Frame frame;
  const std::size_t n = chart.points.size();
  double highest = chart.has_limits ? chart.upper_limit : 0;
  std::size_t special = 0;
  for (const XmrPoint& point : chart.points) {
    highest = std::max(highest, point.value);
    special += point.SpecialCause() ? 1 : 0;
  }
  frame.y_max = NiceCeiling(highest * 1.05);
  frame.x_max = n > 1 ? static_cast<double>(n - 1) : 1;
  std::string description = chart.title + " per 1,000 occupied bed days by month";
  if (n > 0) description += ", " + chart.points.front().month + " to " + chart.points.back().month;
  if (chart.has_limits) {
    description += ". Mean " + Fixed(chart.mean, 2) + "; process limits " + Fixed(chart.lower_limit, 2) + " to " +
                   Fixed(chart.upper_limit, 2) + ". " + std::to_string(special) +
                   (special == 1 ? " month shows" : " months show") + " special-cause variation.";
  } else {
    description += ". Too few months for process limits.";
  }
  std::string svg = Open(frame, id, chart.title, description);
  svg += YAxis(frame, "per 1,000 bed days");
  auto x_of = [&](std::size_t i) { return n > 1 ? frame.X(static_cast<double>(i)) : frame.left + frame.PlotWidth() / 2; };
  const std::size_t step = std::max<std::size_t>(1, (n + 11) / 12);
  for (std::size_t i = 0; i < n; i += step) {
    svg += "<text class=\"tick\" x=\"" + Number(x_of(i)) + "\" y=\"" + Number(frame.height - frame.bottom + 16) +
           "\" text-anchor=\"middle\">" + HtmlEscape(chart.points[i].month) + "</text>\n";
  }
  if (chart.has_limits) {
    // Limits are labelled at the right end and the mean at the left, so that close lines stay legible.
    auto horizontal = [&](double value, const char* css_class, const char* label, bool at_left) {
      const double y = frame.Y(value);
      return "<line class=\"" + std::string(css_class) + "\" x1=\"" + Number(frame.left) + "\" x2=\"" +
             Number(frame.width - frame.right) + "\" y1=\"" + Number(y) + "\" y2=\"" + Number(y) +
             "\"/>\n<text class=\"line-label\" x=\"" +
             Number(at_left ? frame.left + 4 : frame.width - frame.right - 2) + "\" y=\"" + Number(y - 3) +
             "\" text-anchor=\"" + (at_left ? "start" : "end") + "\">" + label + ' ' + Fixed(value, 2) + "</text>\n";
    };
    svg += horizontal(chart.upper_limit, "limit", "upper limit", false);
    svg += horizontal(chart.mean, "centre", "mean", true);
    svg += horizontal(chart.lower_limit, "limit", "lower limit", false);
  }
  if (n > 1) {
    svg += "<polyline class=\"series\" points=\"";
    for (std::size_t i = 0; i < n; ++i) {
      svg += (i ? " " : "") + Number(x_of(i)) + ',' + Number(frame.Y(chart.points[i].value));
    }
    svg += "\"/>\n";
  }
  for (std::size_t i = 0; i < n; ++i) {
    const XmrPoint& point = chart.points[i];
    const double x = x_of(i), y = frame.Y(point.value);
    if (point.outside_limits) {
      svg += Marker(point.value > chart.mean ? "up" : "down", x, y, "point special-limit");
    } else if (point.in_shift || point.in_trend) {
      svg += Marker("square", x, y, "point special-run");
    } else {
      svg += Marker("circle", x, y, "point common");
    }
  }
  svg += "</svg>\n";
  return svg;
}

std::string FunnelPlotSvg(const FunnelPlot& funnel, std::string_view id) {
  Frame frame;
  frame.height = 320;
  double widest = 1, highest = funnel.target;
  std::size_t outside = 0;
  for (const FunnelPoint& point : funnel.wards) {
    widest = std::max(widest, point.bed_days);
    if (point.rate) highest = std::max(highest, *point.rate);
    outside += point.position == FunnelPosition::kWithin ? 0 : 1;
  }
  frame.x_max = NiceCeiling(widest * 1.05);
  const double target_per_day = funnel.target / 1000.0;
  // The funnel's upper limit at a quarter of the smallest ward's bed days sets the height.
  highest = std::max(highest, stats::FunnelLimits(target_per_day, frame.x_max / 8, stats::kZ998).upper * 1000);
  frame.y_max = NiceCeiling(highest * 1.05);
  std::string description = "Funnel plot of " + std::to_string(funnel.wards.size()) +
                            " wards' interventions per 1,000 occupied bed days against the overall rate of " +
                            Fixed(funnel.target, 2) + ". " + std::to_string(outside) +
                            (outside == 1 ? " ward lies" : " wards lie") + " beyond the 95% control limits.";
  std::string svg = Open(frame, id, "Ward funnel plot", description);
  svg += YAxis(frame, "per 1,000 bed days");
  for (int i = 0; i <= 4; ++i) {
    const double value = frame.x_max * i / 4;
    svg += "<text class=\"tick\" x=\"" + Number(frame.X(value)) + "\" y=\"" + Number(frame.height - frame.bottom + 16) +
           "\" text-anchor=\"middle\">" + Fixed(value, 0) + "</text>\n";
  }
  svg += "<text class=\"axis-label\" x=\"" + Number(frame.left + frame.PlotWidth() / 2) + "\" y=\"" +
         Number(frame.height - 8) + "\" text-anchor=\"middle\">occupied bed days</text>\n";
  auto curve = [&](double z, bool upper, const char* css_class) {
    std::string path = "<path class=\"" + std::string(css_class) + "\" d=\"";
    bool first = true;
    for (int i = 1; i <= 120; ++i) {
      const double bed_days = frame.x_max * i / 120;
      stats::Limits limits = stats::FunnelLimits(target_per_day, bed_days, z);
      const double value = (upper ? limits.upper : limits.lower) * 1000;
      if (value > frame.y_max) continue;
      path += (first ? "M" : " L") + Number(frame.X(bed_days)) + ' ' + Number(frame.Y(value));
      first = false;
    }
    return path + "\"/>\n";
  };
  svg += curve(stats::kZ95, true, "limit");
  svg += curve(stats::kZ95, false, "limit");
  svg += curve(stats::kZ998, true, "limit-outer");
  svg += curve(stats::kZ998, false, "limit-outer");
  const double target_y = frame.Y(funnel.target);
  svg += "<line class=\"centre\" x1=\"" + Number(frame.left) + "\" x2=\"" + Number(frame.width - frame.right) +
         "\" y1=\"" + Number(target_y) + "\" y2=\"" + Number(target_y) + "\"/>\n";
  for (const FunnelPoint& point : funnel.wards) {
    if (!point.rate) continue;  // suppressed: not plotted
    const double x = frame.X(point.bed_days), y = frame.Y(*point.rate);
    const bool above = point.position == FunnelPosition::kAbove95 || point.position == FunnelPosition::kAbove998;
    const bool below = point.position == FunnelPosition::kBelow95 || point.position == FunnelPosition::kBelow998;
    svg += Marker(above ? "up" : below ? "down" : "circle", x, y,
                  above || below ? "point special-limit" : "point common");
    svg += "<text class=\"point-label\" x=\"" + Number(x + 8) + "\" y=\"" + Number(y + 4) + "\">" +
           HtmlEscape(point.ward) + "</text>\n";
  }
  svg += "</svg>\n";
  return svg;
}

std::string BarChartSvg(const std::vector<std::pair<std::string, Count>>& bars, std::string_view title,
                        std::string_view id) {
  Frame frame;
  frame.left = 170;
  frame.right = 60;
  frame.top = 8;
  frame.bottom = 8;
  frame.height = frame.top + frame.bottom + 26.0 * static_cast<double>(bars.size());
  double highest = 1;
  for (const auto& [label, count] : bars) highest = std::max(highest, static_cast<double>(count.value));
  frame.x_max = highest;
  std::string description = std::string(title) + ":";
  for (const auto& [label, count] : bars) description += ' ' + label + ' ' + CountText(count) + ';';
  description.back() = '.';
  std::string svg = Open(frame, id, title, description);
  double y = frame.top;
  for (const auto& [label, count] : bars) {
    svg += "<text class=\"tick\" x=\"" + Number(frame.left - 8) + "\" y=\"" + Number(y + 17) +
           "\" text-anchor=\"end\">" + HtmlEscape(label) + "</text>\n";
    const double width = count.suppressed ? 0 : frame.X(static_cast<double>(count.value)) - frame.left;
    svg += "<rect class=\"bar\" x=\"" + Number(frame.left) + "\" y=\"" + Number(y + 4) + "\" width=\"" +
           Number(width) + "\" height=\"18\"/>\n";
    svg += "<text class=\"bar-label\" x=\"" + Number(frame.left + width + 6) + "\" y=\"" + Number(y + 17) + "\">" +
           CountText(count) + "</text>\n";
    y += 26;
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace uofa::report
