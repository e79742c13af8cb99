// The facts the statistics are computed from, taken out of the joined records once
// (record_facts.cc) so that every calculation is a pure function tested on hand-made facts.
#ifndef UOFA_ENGINE_STATS_FACTS_H_
#define UOFA_ENGINE_STATS_FACTS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace uofa::stats {

/// A calendar date as a day number (days since 1970-01-01), so bed days are differences.
using DayNumber = long;

struct InterventionFacts {
  std::string type_code;                 ///< normalised two-digit code, or "" when missing
  std::optional<double> duration_minutes;  ///< none when the start or end is missing
};

struct IncidentFacts {
  std::string incident_id;
  std::string patient_id;
  std::string unit, ward;
  std::string month;        ///< "YYYY-MM" of started_at (local time); "" when missing
  std::string reason_code;  ///< normalised, or ""
  bool patient_injury = false;  ///< recorded 'yes'
  bool staff_injury = false;
  std::vector<InterventionFacts> interventions;
};

struct AdmissionFacts {
  std::string patient_id;
  std::string unit, ward;
  DayNumber admitted = 0;
  std::optional<DayNumber> discharged;  ///< none while still in hospital
};

/// The characteristics a disparity table groups by, already as group labels.
struct PatientFacts {
  std::string patient_id;
  /// Each a group label; "Not recorded" when the field is empty, "Not known" when recorded as
  /// unknown (ethnicity: "Not stated or not known" for codes Z and 99).
  std::string ethnicity;            ///< "White", "Black", ..., "Not stated or not known"
  std::string sex;                  ///< "Female", "Male", "Other", "Not known"
  std::string age_band;             ///< "18-24", ..., "Not recorded"
  std::string learning_disability;  ///< "Yes", "No", "Not known"
  std::string autism;
};

/// A named set of intervention type codes charted together ("Physical restraint": 01, 07-13).
struct TypeGroup {
  std::string key;    ///< "physical"
  std::string title;  ///< "Physical restraint"
  std::vector<std::string> codes;
};

struct Facts {
  std::vector<IncidentFacts> incidents;
  std::vector<AdmissionFacts> admissions;
  std::vector<PatientFacts> patients;
  DayNumber as_of = 0;
  std::map<std::string, std::string> type_labels;    ///< code -> label (rules/codes/ri_type.yaml)
  std::map<std::string, std::string> reason_labels;  ///< code -> label (rules/codes/ri_reason.yaml)
  std::vector<TypeGroup> type_groups;                ///< charted by type, in this order
  std::vector<std::string> prone_codes;              ///< codes counted as prone restraint  ///< the audit date: open admissions count bed days up to it
};

/// Day number of a civil date (proleptic Gregorian).
DayNumber DaysFromCivil(int year, int month, int day);
/// "YYYY-MM" of a day number.
std::string MonthOf(DayNumber day);
/// First day of the month "YYYY-MM"; nullopt when malformed.
std::optional<DayNumber> MonthStart(const std::string& month);
/// The month after "YYYY-MM".
std::string NextMonth(const std::string& month);

}  // namespace uofa::stats

#endif  // UOFA_ENGINE_STATS_FACTS_H_
