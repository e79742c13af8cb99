// Patients, admissions, staff and training of a generated audit. Each record is a pure function
// of the seed and its index (its own random stream), so incidents can look a patient or a member
// of staff up without any table held in memory.
#ifndef UOFA_ENGINE_GEN_PEOPLE_H_
#define UOFA_ENGINE_GEN_PEOPLE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "engine/gen/planted_rules.h"
#include "engine/gen/trust_layout.h"

namespace uofa::gen {

// At most one planted gap per patient: a detail of s.6(5) or s.6(10) left out, or wrong. Every
// non-negligible incident of the patient then fails the gap's rule.
enum class PatientGap {
  kNone, kName, kNhsNumber, kMentalDisorder, kDateOfBirth, kDisability, kDisabilityNature, kMaritalStatus,
  kPregnancy, kEthnicity, kReligion, kSex, kSexualOrientation, kLearningDisabilityOrAutism,
};

// The rule a patient gap makes fail.
Rule RuleOf(PatientGap gap);

// What an incident needs to know of its patient.
struct PatientCore {
  std::int64_t index = 0;
  bool female = false;
  int ward = 0;
  bool informal = false;      // not detained: never secluded
  std::int64_t admitted_day = 0;
  int admitted_minute = 0;    // local minute of the day
  std::int64_t leaves_day = 0;  // discharge day; after the audit date while still an inpatient
  PatientGap gap = PatientGap::kNone;

  // The days incidents can fall on: inside both the admission and the incident window.
  std::int64_t FirstIncidentDay() const;
  std::int64_t LastIncidentDay() const;
};

PatientCore PatientAt(const TrustLayout& layout, std::int64_t index);

// The patient's row of patients.csv (with its line end), and its admission's of admissions.csv.
void AppendPatientRow(const TrustLayout& layout, std::int64_t index, std::string& out);
void AppendAdmissionRow(const TrustLayout& layout, std::int64_t index, std::string& out);

struct StaffMember {
  std::int64_t index = 0;
  std::string id;
  std::string name;
  std::string job_title;
  std::string employment;  // employee, bank, agency
};

// Member `slot` (0 .. kStaffPerWard - 1) of `ward`'s staff.
StaffMember StaffAt(const TrustLayout& layout, int ward, int slot);

// The member's row of staff.csv and rows of training.csv; returns the number of training rows.
int AppendStaffRows(const TrustLayout& layout, int ward, int slot, std::string& staff, std::string& training);

inline constexpr const char* kPatientsHeader =
    "patient_id,name,nhs_number,date_of_birth,sex,ethnicity,religion,disability,disability_nature,marital_status,"
    "pregnant,sexual_orientation,learning_disability,autism,mental_disorder,legal_status\n";
inline constexpr const char* kAdmissionsHeader =
    "admission_id,patient_id,unit,ward,admitted_at,discharged_at,info_given_at,info_refused,info_format,"
    "understanding_checked,info_given_to_others\n";
inline constexpr const char* kStaffHeader =
    "staff_id,name,job_title,unit,employment,started_on,left_on,may_use_force,training_exemption\n";
inline constexpr const char* kTrainingHeader = "staff_id,course,kind,completed_on,provider,rrn_certified,topics\n";

}  // namespace uofa::gen

#endif  // UOFA_ENGINE_GEN_PEOPLE_H_
