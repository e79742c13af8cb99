// Occupied bed days, the denominator of the headline measure (DOMAIN.md §8: restrictive
// interventions per 1,000 occupied bed days).
#include <algorithm>

#include "engine/stats/measures.h"

namespace uofa::stats {

long OccupiedBedDays(const AdmissionFacts& admission, DayNumber from, DayNumber to, DayNumber as_of) {
  const DayNumber end = admission.discharged ? *admission.discharged : as_of;
  const DayNumber first = std::max(admission.admitted, from);
  const DayNumber last = std::min(end, to);  // exclusive
  return last > first ? last - first : 0;
}

std::optional<double> RatePer1000(std::size_t count, double bed_days) {
  if (bed_days <= 0) return std::nullopt;
  return static_cast<double>(count) * 1000.0 / bed_days;
}

}  // namespace uofa::stats
