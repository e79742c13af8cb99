// The SPC series: monthly restrictive interventions per 1,000 occupied bed days, overall and by
// type (DOMAIN.md §8, the headline measure), each an XmR chart.
#include <algorithm>
#include <set>

#include "engine/stats/builder.h"
#include "engine/stats/measures.h"
#include "engine/stats/xmr.h"

namespace uofa::stats {
namespace {

XmrChart Chart(const Facts& facts, const std::vector<std::string>& months, std::string key, std::string title,
               const std::vector<std::string>* codes, const BuildOptions& options) {
  XmrChart chart;
  chart.key = std::move(key);
  chart.title = std::move(title);
  for (const std::string& month : months) {
    const double bed_days = PeriodBedDays(facts, month, month);
    if (bed_days <= 0) continue;  // no denominator: the month has no rate to plot
    std::set<std::pair<std::string, std::string>> interventions;
    for (const IncidentFacts& incident : facts.incidents) {
      if (incident.month != month) continue;
      for (const InterventionFacts& intervention : incident.interventions) {
        if (codes != nullptr && std::find(codes->begin(), codes->end(), intervention.type_code) == codes->end()) continue;
        interventions.insert({incident.incident_id, intervention.type_code});
      }
    }
    XmrPoint point;
    point.month = month;
    point.interventions = Publish(interventions.size(), options.suppress);
    if (!point.interventions.suppressed) point.bed_days = bed_days;
    point.value = *RatePer1000(interventions.size(), bed_days);
    chart.points.push_back(point);
  }
  ComputeXmr(chart, options.run_length, options.trend_length);
  return chart;
}

}  // namespace

std::vector<XmrChart> BuildCharts(const Facts& facts, const std::vector<std::string>& months,
                                  const BuildOptions& options) {
  std::vector<XmrChart> charts;
  charts.push_back(Chart(facts, months, "all", "All restrictive interventions", nullptr, options));
  for (const TypeGroup& group : facts.type_groups) {
    charts.push_back(Chart(facts, months, group.key, group.title, &group.codes, options));
  }
  return charts;
}

}  // namespace uofa::stats
