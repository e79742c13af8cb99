// Funnel plot control limits. DOMAIN.md §8 marks funnel plots of rates per 1,000 occupied bed
// days as an unverified convention and names no method; we use the normal approximation to the
// Poisson distribution (Spiegelhalter 2005), with 95% and 99.8% limits as that paper does.
#include <algorithm>
#include <cmath>

#include "engine/stats/measures.h"

namespace uofa::stats {

Limits FunnelLimits(double target_per_day, double bed_days, double z) {
  if (bed_days <= 0) return Limits{0, 0};
  const double spread = z * std::sqrt(target_per_day / bed_days);
  return Limits{std::max(0.0, target_per_day - spread), target_per_day + spread};
}

}  // namespace uofa::stats
