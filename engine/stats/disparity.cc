// Disparity of use of force by protected characteristic (DOMAIN.md §5: organisations analyse
// their data by protected characteristic; §10: the national ratios). For each group: the people
// admitted in the period, the people subject to a use of force, the rate per person admitted, and
// the rate ratio against a reference group with its 95% confidence interval (measures.h,
// CompareRates). DOMAIN.md names no reference groups; ours follow the comparisons it reports
// (Black against White people, women against men) and are marked as our choice in the notes.
#include <map>
#include <set>

#include "engine/stats/builder.h"
#include "engine/stats/measures.h"

namespace uofa::stats {
namespace {

// A patient missing from the patients table, or with the field empty.
constexpr const char* kNotRecorded = "Not recorded";

struct Characteristic {
  const char* name;
  const char* reference;
  std::string PatientFacts::*group;
};

const Characteristic kCharacteristics[] = {
    {"ethnicity", "White", &PatientFacts::ethnicity},
    {"sex", "Male", &PatientFacts::sex},
    {"age band", "35-44", &PatientFacts::age_band},
    {"learning disability", "No", &PatientFacts::learning_disability},
    {"autism", "No", &PatientFacts::autism},
};

struct GroupCounts {
  std::set<std::string> admitted;
  std::set<std::string> subject;
  std::size_t incidents = 0;
};

}  // namespace

std::vector<DisparityTable> BuildDisparities(const Facts& facts, const std::vector<std::string>& months,
                                             bool suppress) {
  std::vector<DisparityTable> tables;
  if (months.empty()) return tables;
  const DayNumber from = *MonthStart(months.front());
  const DayNumber to = *MonthStart(NextMonth(months.back()));
  std::map<std::string, const PatientFacts*> patients;
  for (const PatientFacts& patient : facts.patients) patients[patient.patient_id] = &patient;

  for (const Characteristic& characteristic : kCharacteristics) {
    auto group_of = [&](const std::string& patient_id) -> std::string {
      auto found = patients.find(patient_id);
      if (found == patients.end()) return kNotRecorded;
      const std::string& group = found->second->*characteristic.group;
      return group.empty() ? kNotRecorded : group;
    };
    std::map<std::string, GroupCounts> groups;
    for (const AdmissionFacts& admission : facts.admissions) {
      const DayNumber end = admission.discharged ? *admission.discharged : facts.as_of + 1;
      if (admission.admitted >= to || end <= from || admission.patient_id.empty()) continue;
      groups[group_of(admission.patient_id)].admitted.insert(admission.patient_id);
    }
    for (const IncidentFacts& incident : facts.incidents) {
      if (incident.patient_id.empty() || incident.month.empty()) continue;
      GroupCounts& counts = groups[group_of(incident.patient_id)];
      counts.subject.insert(incident.patient_id);
      ++counts.incidents;
    }
    DisparityTable table{characteristic.name, characteristic.reference, {}};
    const GroupCounts* reference = nullptr;
    if (auto found = groups.find(characteristic.reference); found != groups.end()) reference = &found->second;
    auto hidden = [&](std::size_t count) { return suppress && count > 0 && count < 5; };
    for (const auto& [name, counts] : groups) {
      DisparityRow row;
      row.group = name;
      row.reference = name == characteristic.reference;
      row.people_admitted = Publish(counts.admitted.size(), suppress);
      row.people_subject = Publish(counts.subject.size(), suppress);
      row.incidents = Publish(counts.incidents, suppress);
      const bool own_hidden = hidden(counts.admitted.size()) || hidden(counts.subject.size());
      if (!own_hidden && !counts.admitted.empty()) {
        row.rate = static_cast<double>(counts.subject.size()) / static_cast<double>(counts.admitted.size());
      }
      if (reference != nullptr && !row.reference && !own_hidden && !hidden(reference->admitted.size()) &&
          !hidden(reference->subject.size())) {
        if (auto ratio = CompareRates(counts.subject.size(), counts.admitted.size(), reference->subject.size(),
                                      reference->admitted.size())) {
          row.ratio = ratio->ratio;
          row.ratio_lower = ratio->lower;
          row.ratio_upper = ratio->upper;
        }
      }
      if (row.reference && !own_hidden && !counts.admitted.empty() && !counts.subject.empty()) row.ratio = 1.0;
      table.rows.push_back(row);
    }
    tables.push_back(std::move(table));
  }
  return tables;
}

}  // namespace uofa::stats
