// XmR (individuals and moving range) charts as NHS England's "Making Data Count" draws them
// (DOMAIN.md §8): centre line at the mean, natural process limits at the mean +/- 2.66 times the
// average moving range, and special-cause variation flagged by a point beyond a limit, a run of
// points on one side of the mean (a shift) or a run rising or falling (a trend).
#ifndef UOFA_ENGINE_STATS_XMR_H_
#define UOFA_ENGINE_STATS_XMR_H_

#include <cstddef>
#include <vector>

#include "uofa/statistics.h"

namespace uofa::stats {

/// Computes the centre line, limits and special-cause flags of `chart.points` (their `value`s,
/// in time order). A shift is `run_length` or more consecutive points strictly above the mean, or
/// strictly below it (a point on the mean ends the run); a trend is `trend_length` or more
/// consecutive points each strictly higher (or lower) than the one before (an equal value ends
/// it). Both lengths are parameters, default 7 (DOMAIN.md §8). The lower limit is not drawn below
/// zero, as a rate cannot be negative. With fewer than two points no limits are computed.
void ComputeXmr(XmrChart& chart, std::size_t run_length, std::size_t trend_length);

}  // namespace uofa::stats

#endif  // UOFA_ENGINE_STATS_XMR_H_
