// XmR chart limits and special-cause rules (DOMAIN.md §8; NHS England "Making Data Count").
#include "engine/stats/xmr.h"

#include <algorithm>
#include <cmath>

namespace uofa::stats {
namespace {

// The conventional XmR scaling constant: 3 / d2, with d2 = 1.128 for moving ranges of two points.
constexpr double kLimitFactor = 2.66;

// Marks every point of each maximal run for which `continues(i)` holds between consecutive points
// (or on point i itself, for shifts) when the run has at least `length` points.
template <typename Continues, typename Mark>
void MarkRuns(std::size_t size, std::size_t length, Continues continues, Mark mark) {
  std::size_t start = 0;
  while (start < size) {
    if (!continues(start, start)) {
      ++start;
      continue;
    }
    std::size_t end = start + 1;
    while (end < size && continues(start, end)) ++end;
    if (end - start >= length) {
      for (std::size_t i = start; i < end; ++i) mark(i);
    }
    start = end;
  }
}

}  // namespace

void ComputeXmr(XmrChart& chart, std::size_t run_length, std::size_t trend_length) {
  chart.run_length = run_length;
  chart.trend_length = trend_length;
  std::vector<XmrPoint>& points = chart.points;
  const std::size_t n = points.size();
  if (n < 2) {
    chart.has_limits = false;
    if (n == 1) chart.mean = points[0].value;
    return;
  }
  double sum = 0;
  for (const XmrPoint& point : points) sum += point.value;
  chart.mean = sum / static_cast<double>(n);
  double range_sum = 0;
  for (std::size_t i = 1; i < n; ++i) {
    points[i].moving_range = std::fabs(points[i].value - points[i - 1].value);
    range_sum += *points[i].moving_range;
  }
  chart.average_moving_range = range_sum / static_cast<double>(n - 1);
  chart.upper_limit = chart.mean + kLimitFactor * chart.average_moving_range;
  chart.lower_limit = std::max(0.0, chart.mean - kLimitFactor * chart.average_moving_range);
  chart.has_limits = true;

  for (XmrPoint& point : points) {
    point.outside_limits = point.value > chart.upper_limit || point.value < chart.lower_limit;
  }
  const double mean = chart.mean;
  auto side = [&](std::size_t i) { return points[i].value > mean ? 1 : points[i].value < mean ? -1 : 0; };
  MarkRuns(n, run_length, [&](std::size_t start, std::size_t i) { return side(i) != 0 && side(i) == side(start); },
           [&](std::size_t i) { points[i].in_shift = true; });
  // A trend counts points: k points rising means k - 1 rises in a row.
  auto direction = [&](std::size_t i) {
    if (i == 0) return 0;
    return points[i].value > points[i - 1].value ? 1 : points[i].value < points[i - 1].value ? -1 : 0;
  };
  std::size_t i = 1;
  while (i < n) {
    const int d = direction(i);
    if (d == 0) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < n && direction(end) == d) ++end;
    // Rises i..end-1 span the points i-1..end-1.
    if (end - (i - 1) >= trend_length) {
      for (std::size_t k = i - 1; k < end; ++k) points[k].in_trend = true;
    }
    i = end;
  }
}

}  // namespace uofa::stats
