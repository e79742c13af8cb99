// Statistics from facts: the tallies, charts, funnel plot and disparity tables, each built by
// its own file (tallies.cc, spc_charts.cc, funnel_plot.cc, disparity.cc) and assembled here.
#ifndef UOFA_ENGINE_STATS_BUILDER_H_
#define UOFA_ENGINE_STATS_BUILDER_H_

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "engine/stats/facts.h"
#include "uofa/statistics.h"

namespace uofa::stats {

struct BuildOptions {
  bool suppress = true;
  std::size_t run_length = 7;
  std::size_t trend_length = 7;
};

/// The months from the first to the last incident month, in order; empty without dated incidents.
std::vector<std::string> PeriodMonths(const Facts& facts);

/// Occupied bed days of all admissions within the months [first, last], up to `facts.as_of`;
/// restricted to one ward when `ward` is given (the admission's unit and ward must match).
double PeriodBedDays(const Facts& facts, const std::string& first, const std::string& last,
                     const std::string* unit = nullptr, const std::string* ward = nullptr);

/// Incidents, interventions and people by month, unit, ward, type, reason and duration band.
std::vector<Tally> BuildTallies(const Facts& facts, const std::vector<std::string>& months, bool suppress);

/// The duration band of an intervention (DOMAIN.md §10): "Under 10 minutes", ..., "Not recorded".
std::string DurationBand(const InterventionFacts& intervention);
/// Every band in display order.
const std::vector<std::string>& DurationBands();

/// XmR charts of monthly interventions per 1,000 occupied bed days: all types, then each group.
std::vector<XmrChart> BuildCharts(const Facts& facts, const std::vector<std::string>& months,
                                  const BuildOptions& options);

/// Wards' interventions per 1,000 occupied bed days against the overall rate; nullopt when no
/// ward has bed days.
std::optional<FunnelPlot> BuildFunnel(const Facts& facts, const std::vector<std::string>& months, bool suppress);

/// Disparity by ethnicity, sex, age band, learning disability and autism.
std::vector<DisparityTable> BuildDisparities(const Facts& facts, const std::vector<std::string>& months,
                                             bool suppress);

/// All of the above, with the headline counts and the notes on method.
Statistics BuildStatistics(const Facts& facts, const BuildOptions& options);

}  // namespace uofa::stats

#endif  // UOFA_ENGINE_STATS_BUILDER_H_
