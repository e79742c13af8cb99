// The small measures the statistics are built from, each a pure function: suppression of small
// counts, occupied bed days, rates, rate ratios with confidence intervals, funnel limits.
#ifndef UOFA_ENGINE_STATS_MEASURES_H_
#define UOFA_ENGINE_STATS_MEASURES_H_

#include <cstddef>
#include <optional>

#include "engine/stats/facts.h"
#include "uofa/statistics.h"

namespace uofa::stats {

/// A count as published (DOMAIN.md §9, national counting conventions): with `suppress`, 1 to 4
/// is hidden and anything else rounded to the nearest 5 (halves up). Zero is shown: it reveals
/// no person. Without `suppress`, the exact count.
Count Publish(std::size_t count, bool suppress);

/// Occupied bed days of one admission within the days [from, to): a bed is occupied on each date
/// from the admission date up to, not including, the discharge date (a midnight census); a stay
/// still open counts up to, not including, `as_of`.
long OccupiedBedDays(const AdmissionFacts& admission, DayNumber from, DayNumber to, DayNumber as_of);

/// `count` per 1,000 `bed_days`; nullopt when there are no bed days.
std::optional<double> RatePer1000(std::size_t count, double bed_days);

struct RateRatio {
  double ratio = 0;
  double lower = 0;  ///< 95% confidence interval
  double upper = 0;
};

/// The ratio of rates (a / people_a) / (b / people_b) with a 95% confidence interval by the log
/// method with Poisson standard errors: exp(ln RR +/- 1.959964 x sqrt(1/a + 1/b)). nullopt when a
/// count or a denominator is zero (the logarithm is undefined).
std::optional<RateRatio> CompareRates(std::size_t a, std::size_t people_a, std::size_t b, std::size_t people_b);

/// Funnel plot control limits for a rate, by the normal approximation to the Poisson
/// distribution (Spiegelhalter, "Funnel plots for comparing institutional performance", 2005):
/// target +/- z x sqrt(target / exposure), not below zero. `target` is per bed day; the limits
/// are returned per bed day.
struct Limits {
  double lower = 0;
  double upper = 0;
};
Limits FunnelLimits(double target_per_day, double bed_days, double z);

/// Two-sided z values of the funnel's limits: 95% (1.959964) and 99.8% (3.090232).
inline constexpr double kZ95 = 1.959964;
inline constexpr double kZ998 = 3.090232;

}  // namespace uofa::stats

#endif  // UOFA_ENGINE_STATS_MEASURES_H_
