// Assembles the Statistics from facts: headline counts, tallies, charts, funnel, disparities and
// the notes on method that every output prints with them.
#include "engine/stats/builder.h"

#include <algorithm>
#include <set>

#include "engine/stats/measures.h"

namespace uofa::stats {

Statistics BuildStatistics(const Facts& facts, const BuildOptions& options) {
  Statistics statistics;
  statistics.suppressed = options.suppress;
  const std::vector<std::string> months = PeriodMonths(facts);
  if (!months.empty()) {
    statistics.period_start = months.front();
    statistics.period_end = months.back();
  }
  std::set<std::string> people;
  std::set<std::pair<std::string, std::string>> interventions, prone;
  std::size_t patient_injuries = 0, staff_injuries = 0;
  for (const IncidentFacts& incident : facts.incidents) {
    if (!incident.patient_id.empty()) people.insert(incident.patient_id);
    patient_injuries += incident.patient_injury ? 1 : 0;
    staff_injuries += incident.staff_injury ? 1 : 0;
    for (const InterventionFacts& intervention : incident.interventions) {
      interventions.insert({incident.incident_id, intervention.type_code});
      if (std::find(facts.prone_codes.begin(), facts.prone_codes.end(), intervention.type_code) !=
          facts.prone_codes.end()) {
        prone.insert({incident.incident_id, intervention.type_code});
      }
    }
  }
  statistics.incidents = Publish(facts.incidents.size(), options.suppress);
  statistics.interventions = Publish(interventions.size(), options.suppress);
  statistics.people = Publish(people.size(), options.suppress);
  statistics.prone_interventions = Publish(prone.size(), options.suppress);
  statistics.patient_injuries = Publish(patient_injuries, options.suppress);
  statistics.staff_injuries = Publish(staff_injuries, options.suppress);
  if (!months.empty()) statistics.bed_days = PeriodBedDays(facts, months.front(), months.back());
  if (!statistics.interventions.suppressed) {
    statistics.rate_per_1000 = RatePer1000(interventions.size(), statistics.bed_days);
  }
  statistics.tallies = BuildTallies(facts, months, options.suppress);
  statistics.charts = BuildCharts(facts, months, options);
  statistics.funnel = BuildFunnel(facts, months, options.suppress);
  statistics.disparities = BuildDisparities(facts, months, options.suppress);

  std::vector<std::string>& notes = statistics.notes;
  if (options.suppress) {
    notes.push_back("Counts of 1 to 4 are suppressed (*) and other counts rounded to the nearest 5, as national "
                    "statistics publish them; rates and ratios that would reveal a suppressed count are not shown.");
  } else {
    notes.push_back("Exact counts, not suppressed: for internal use only, not for publication.");
  }
  notes.push_back("An intervention is one incident and type pair; incidents and people are counted distinctly.");
  notes.push_back("Occupied bed days are counted at midnight from admissions: each night from the admission date "
                  "to the night before discharge, or to the night before the audit date for a stay still open.");
  notes.push_back("SPC charts are XmR charts: centre line at the mean, process limits at the mean plus or minus "
                  "2.66 times the average moving range; special causes are a point beyond a limit, a shift of " +
                  std::to_string(options.run_length) + " points on one side of the mean, or a trend of " +
                  std::to_string(options.trend_length) + " points rising or falling.");
  notes.push_back("Funnel limits use the normal approximation to the Poisson distribution around the overall "
                  "rate, at 95% and 99.8%.");
  notes.push_back("Rate ratios compare people subject to force per person admitted with the reference group; "
                  "the 95% confidence interval uses the log rate ratio with Poisson standard errors. The reference "
                  "groups are our choice, not a national standard.");
  notes.push_back("Duration bands are provisional until checked against the national publication.");
  return statistics;
}

}  // namespace uofa::stats
