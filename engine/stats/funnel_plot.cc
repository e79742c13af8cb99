// The ward funnel plot (DOMAIN.md §8: variation between wards shown against expected variation).
#include <map>
#include <set>

#include "engine/stats/builder.h"
#include "engine/stats/measures.h"

namespace uofa::stats {

std::optional<FunnelPlot> BuildFunnel(const Facts& facts, const std::vector<std::string>& months, bool suppress) {
  if (months.empty()) return std::nullopt;
  // Wards known from admissions (the denominator); incidents on a ward without admissions have no
  // rate and are left out of the plot (the ward tally still counts them).
  std::map<std::pair<std::string, std::string>, std::set<std::pair<std::string, std::string>>> wards;
  for (const AdmissionFacts& admission : facts.admissions) {
    if (!admission.ward.empty()) wards[{admission.unit, admission.ward}];
  }
  for (const IncidentFacts& incident : facts.incidents) {
    auto found = wards.find({incident.unit, incident.ward});
    if (found == wards.end() || incident.month.empty()) continue;
    for (const InterventionFacts& intervention : incident.interventions) {
      found->second.insert({incident.incident_id, intervention.type_code});
    }
  }
  FunnelPlot plot;
  std::size_t total = 0;
  double total_bed_days = 0;
  std::vector<std::pair<FunnelPoint, std::size_t>> points;
  for (const auto& [place, interventions] : wards) {
    FunnelPoint point;
    point.unit = place.first;
    point.ward = place.second;
    point.bed_days = PeriodBedDays(facts, months.front(), months.back(), &place.first, &place.second);
    if (point.bed_days <= 0) continue;
    total += interventions.size();
    total_bed_days += point.bed_days;
    points.push_back({point, interventions.size()});
  }
  if (points.empty() || total_bed_days <= 0) return std::nullopt;
  const double target_per_day = static_cast<double>(total) / total_bed_days;
  plot.target = target_per_day * 1000.0;
  for (auto& [point, count] : points) {
    const double rate_per_day = static_cast<double>(count) / point.bed_days;
    Limits limits95 = FunnelLimits(target_per_day, point.bed_days, kZ95);
    Limits limits998 = FunnelLimits(target_per_day, point.bed_days, kZ998);
    point.interventions = Publish(count, suppress);
    if (!point.interventions.suppressed) point.rate = rate_per_day * 1000.0;
    point.lower95 = limits95.lower * 1000.0;
    point.upper95 = limits95.upper * 1000.0;
    point.lower998 = limits998.lower * 1000.0;
    point.upper998 = limits998.upper * 1000.0;
    if (rate_per_day > limits998.upper) point.position = FunnelPosition::kAbove998;
    else if (rate_per_day > limits95.upper) point.position = FunnelPosition::kAbove95;
    else if (rate_per_day < limits998.lower) point.position = FunnelPosition::kBelow998;
    else if (rate_per_day < limits95.lower) point.position = FunnelPosition::kBelow95;
    plot.wards.push_back(point);
  }
  return plot;
}

}  // namespace uofa::stats

namespace uofa {

const char* FunnelPositionName(FunnelPosition position) {
  switch (position) {
    case FunnelPosition::kWithin: return "within limits";
    case FunnelPosition::kAbove95: return "above 95% limit";
    case FunnelPosition::kAbove998: return "above 99.8% limit";
    case FunnelPosition::kBelow95: return "below 95% limit";
    case FunnelPosition::kBelow998: return "below 99.8% limit";
  }
  return "within limits";
}

}  // namespace uofa
