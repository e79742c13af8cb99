// Rate ratios against a reference group, for the disparity tables (DOMAIN.md §5: organisations
// analyse their use of force by protected characteristic).
#include <cmath>

#include "engine/stats/measures.h"

namespace uofa::stats {

std::optional<RateRatio> CompareRates(std::size_t a, std::size_t people_a, std::size_t b, std::size_t people_b) {
  if (a == 0 || b == 0 || people_a == 0 || people_b == 0) return std::nullopt;
  const double ratio = (static_cast<double>(a) / static_cast<double>(people_a)) /
                       (static_cast<double>(b) / static_cast<double>(people_b));
  const double standard_error = std::sqrt(1.0 / static_cast<double>(a) + 1.0 / static_cast<double>(b));
  const double log_ratio = std::log(ratio);
  return RateRatio{ratio, std::exp(log_ratio - kZ95 * standard_error), std::exp(log_ratio + kZ95 * standard_error)};
}

}  // namespace uofa::stats
