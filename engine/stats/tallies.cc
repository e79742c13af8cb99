// Counts by dimension under the national counting conventions (DOMAIN.md §9): an intervention is
// one (incident, type) pair, so two rows of the same type in one incident count once; incidents
// and people are counted distinctly.
#include <map>
#include <set>

#include "engine/stats/builder.h"
#include "engine/stats/measures.h"

namespace uofa::stats {
namespace {

constexpr const char* kNotRecorded = "Not recorded";

struct Accumulator {
  std::set<std::string> incidents;
  std::set<std::pair<std::string, std::string>> interventions;  // (incident, type)
  std::set<std::string> people;
};

TallyRow ToRow(const std::string& key, const std::string& label, const Accumulator& accumulator, bool suppress) {
  return TallyRow{key, label, Publish(accumulator.incidents.size(), suppress),
                  Publish(accumulator.interventions.size(), suppress), Publish(accumulator.people.size(), suppress)};
}

std::string OrNotRecorded(const std::string& text) { return text.empty() ? kNotRecorded : text; }

std::string Label(const std::map<std::string, std::string>& labels, const std::string& code) {
  if (code.empty()) return kNotRecorded;
  auto found = labels.find(code);
  return found == labels.end() ? code + " (not a listed code)" : code + " " + found->second;
}

// Adds `incident` with each of its types to the row keyed by `key`.
void AddIncident(Accumulator& row, const IncidentFacts& incident) {
  row.incidents.insert(incident.incident_id);
  if (!incident.patient_id.empty()) row.people.insert(incident.patient_id);
  for (const InterventionFacts& intervention : incident.interventions) {
    row.interventions.insert({incident.incident_id, intervention.type_code});
  }
}

void AddIntervention(Accumulator& row, const IncidentFacts& incident, const InterventionFacts& intervention) {
  row.incidents.insert(incident.incident_id);
  if (!incident.patient_id.empty()) row.people.insert(incident.patient_id);
  row.interventions.insert({incident.incident_id, intervention.type_code});
}

// Rows in key order, the "Not recorded" row last.
Tally Finish(std::string dimension, std::string title, const std::map<std::string, Accumulator>& rows,
             const std::map<std::string, std::string>* labels, bool suppress) {
  Tally tally{std::move(dimension), std::move(title), {}};
  const Accumulator* missing = nullptr;
  for (const auto& [key, accumulator] : rows) {
    if (key.empty() || key == kNotRecorded) {
      missing = &accumulator;
      continue;
    }
    tally.rows.push_back(ToRow(key, labels ? Label(*labels, key) : key, accumulator, suppress));
  }
  if (missing != nullptr) tally.rows.push_back(ToRow("", kNotRecorded, *missing, suppress));
  return tally;
}

}  // namespace

std::vector<Tally> BuildTallies(const Facts& facts, const std::vector<std::string>& months, bool suppress) {
  std::map<std::string, Accumulator> by_month, by_unit, by_ward, by_type, by_reason, by_band;
  for (const std::string& month : months) by_month[month];
  for (const IncidentFacts& incident : facts.incidents) {
    AddIncident(by_month[incident.month], incident);
    AddIncident(by_unit[incident.unit], incident);
    const std::string ward_key = incident.ward.empty() ? "" : OrNotRecorded(incident.unit) + " / " + incident.ward;
    AddIncident(by_ward[ward_key], incident);
    AddIncident(by_reason[incident.reason_code], incident);
    for (const InterventionFacts& intervention : incident.interventions) {
      AddIntervention(by_type[intervention.type_code], incident, intervention);
      AddIntervention(by_band[DurationBand(intervention)], incident, intervention);
    }
  }
  std::vector<Tally> tallies;
  tallies.push_back(Finish("month", "By month", by_month, nullptr, suppress));
  tallies.push_back(Finish("unit", "By unit", by_unit, nullptr, suppress));
  tallies.push_back(Finish("ward", "By ward", by_ward, nullptr, suppress));
  tallies.push_back(Finish("type", "By type of intervention", by_type, &facts.type_labels, suppress));
  tallies.push_back(Finish("reason", "By reason", by_reason, &facts.reason_labels, suppress));
  // Duration bands in band order, not alphabetical.
  Tally bands{"duration", "By duration of intervention", {}};
  for (const std::string& band : DurationBands()) {
    auto found = by_band.find(band);
    bands.rows.push_back(ToRow(band, band, found == by_band.end() ? Accumulator{} : found->second, suppress));
  }
  tallies.push_back(std::move(bands));
  return tallies;
}

}  // namespace uofa::stats
