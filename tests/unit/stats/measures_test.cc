// The pure measures behind the statistics, against figures worked by hand (the arithmetic is in
// each comment).
#include <doctest/doctest.h>

#include "engine/stats/measures.h"
#include "engine/stats/xmr.h"

namespace uofa::stats {
namespace {

TEST_CASE("counts under 5 are suppressed and others rounded to the nearest 5") {
  CHECK(Publish(0, true).suppressed == false);
  CHECK(Publish(0, true).value == 0);
  for (std::size_t n = 1; n <= 4; ++n) CHECK(Publish(n, true).suppressed);
  CHECK(Publish(5, true).value == 5);
  CHECK(Publish(7, true).value == 5);
  CHECK(Publish(8, true).value == 10);
  CHECK(Publish(12, true).value == 10);
  CHECK(Publish(13, true).value == 15);
  CHECK_FALSE(Publish(3, false).suppressed);
  CHECK(Publish(3, false).value == 3);
  CHECK(CountText(Publish(2, true)) == "*");
  CHECK(CountText(Publish(13, true)) == "15");
}

TEST_CASE("occupied bed days count nights from admission to the night before discharge") {
  AdmissionFacts stay{"P1", "U", "Oak", 10, 15};
  CHECK(OccupiedBedDays(stay, 0, 100, 50) == 5);
  CHECK(OccupiedBedDays(stay, 12, 14, 50) == 2);
  CHECK(OccupiedBedDays(stay, 15, 20, 50) == 0);
  AdmissionFacts open{"P2", "U", "Oak", 10, std::nullopt};
  CHECK(OccupiedBedDays(open, 0, 100, 20) == 10);  // up to the night before the audit date
  CHECK(*RatePer1000(6, 149) == doctest::Approx(40.268456).epsilon(1e-6));
  CHECK_FALSE(RatePer1000(6, 0).has_value());
}

TEST_CASE("rate ratio with a 95% interval from the log rate ratio and Poisson standard errors") {
  // (20/100) / (10/200) = 4; SE = sqrt(1/20 + 1/10) = 0.387298; 4 x exp(-/+ 1.959964 x SE).
  std::optional<RateRatio> ratio = CompareRates(20, 100, 10, 200);
  REQUIRE(ratio);
  CHECK(ratio->ratio == doctest::Approx(4.0));
  CHECK(ratio->lower == doctest::Approx(1.8724).epsilon(1e-4));
  CHECK(ratio->upper == doctest::Approx(8.5453).epsilon(1e-4));
  CHECK_FALSE(CompareRates(0, 100, 10, 200).has_value());
  CHECK_FALSE(CompareRates(5, 0, 10, 200).has_value());
}

TEST_CASE("funnel limits by the normal approximation to the Poisson") {
  // 10 per 1,000 bed days at 1,000 bed days: 0.01 +/- 1.959964 x sqrt(0.01 / 1000).
  Limits limits = FunnelLimits(0.01, 1000, kZ95);
  CHECK(limits.lower * 1000 == doctest::Approx(3.8020).epsilon(1e-4));
  CHECK(limits.upper * 1000 == doctest::Approx(16.1980).epsilon(1e-4));
  // Never below zero.
  CHECK(FunnelLimits(0.01, 10, kZ998).lower == 0);
}

XmrChart ChartOf(const std::vector<double>& values) {
  XmrChart chart;
  for (double value : values) {
    XmrPoint point;
    point.value = value;
    chart.points.push_back(point);
  }
  return chart;
}

TEST_CASE("XmR limits, a point beyond the upper limit, and a shift of seven below the mean") {
  // Mean 69/10 = 6.9; moving ranges 1,1,1,1,1,1,15,15,1: average 37/9 = 4.1111;
  // upper limit 6.9 + 2.66 x 4.1111 = 17.8356; lower limit below zero, so 0.
  XmrChart chart = ChartOf({5, 6, 5, 6, 5, 6, 5, 20, 5, 6});
  ComputeXmr(chart, 7, 7);
  REQUIRE(chart.has_limits);
  CHECK(chart.mean == doctest::Approx(6.9));
  CHECK(chart.average_moving_range == doctest::Approx(4.111111));
  CHECK(chart.upper_limit == doctest::Approx(17.835556));
  CHECK(chart.lower_limit == 0);
  CHECK_FALSE(chart.points[0].moving_range.has_value());
  CHECK(*chart.points[7].moving_range == doctest::Approx(15));
  for (std::size_t i = 0; i < 10; ++i) {
    CAPTURE(i);
    CHECK(chart.points[i].outside_limits == (i == 7));
    CHECK(chart.points[i].in_shift == (i <= 6));  // seven points below 6.9
    CHECK_FALSE(chart.points[i].in_trend);
  }
}

TEST_CASE("XmR trend of seven rising points, and a run one short is not flagged") {
  // Mean 3.7; moving ranges 1,1,1,1,1,1,4,0,0: average 10/9 = 1.1111; limits 0.7444 to 6.6556.
  XmrChart chart = ChartOf({1, 2, 3, 4, 5, 6, 7, 3, 3, 3});
  ComputeXmr(chart, 7, 7);
  CHECK(chart.lower_limit == doctest::Approx(0.744444));
  CHECK(chart.upper_limit == doctest::Approx(6.655556));
  for (std::size_t i = 0; i < 10; ++i) {
    CAPTURE(i);
    CHECK(chart.points[i].in_trend == (i <= 6));
    CHECK(chart.points[i].outside_limits == (i == 6));  // 7 > 6.6556
    CHECK_FALSE(chart.points[i].in_shift);              // runs of 3, 4 and 3 about the mean
  }
  XmrChart shorter = ChartOf({1, 2, 3, 4, 5, 6, 2, 3, 2, 3});
  ComputeXmr(shorter, 7, 7);
  for (const XmrPoint& point : shorter.points) CHECK_FALSE(point.in_trend);
  // The lengths are parameters: with 6, the six rising points are a trend.
  ComputeXmr(shorter, 7, 6);
  CHECK(shorter.points[0].in_trend);
  CHECK(shorter.points[5].in_trend);
  CHECK_FALSE(shorter.points[6].in_trend);
}

TEST_CASE("a point on the mean ends a shift") {
  // Mean 70/14 = 5: three below, one on the mean, three below, six above, one on the mean.
  XmrChart chart = ChartOf({4, 4, 4, 5, 4, 4, 4, 6, 6, 6, 6, 6, 6, 5});
  ComputeXmr(chart, 7, 7);
  CHECK(chart.mean == doctest::Approx(5.0));
  for (const XmrPoint& point : chart.points) CHECK_FALSE(point.in_shift);
  XmrChart one = ChartOf({3});
  ComputeXmr(one, 7, 7);
  CHECK_FALSE(one.has_limits);
}

}  // namespace
}  // namespace uofa::stats
