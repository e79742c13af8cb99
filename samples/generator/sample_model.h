// The sample trust's records as the generator builds them, before they are written out.
#ifndef UOFA_SAMPLES_GENERATOR_SAMPLE_MODEL_H_
#define UOFA_SAMPLES_GENERATOR_SAMPLE_MODEL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gen_parts.h"

namespace uofa::samples {

// Column name -> the text written instead of the generated value. Planted gaps and data errors
// are overrides, so the clean record stays intact beside them.
using Overrides = std::map<std::string, std::string>;

struct Ward {
  const char* unit;
  const char* name;
  bool seclusion_suite;
  char sex;          // 'F' or 'M' for single-sex wards, 0 for mixed
  int admissions;    // relative share of patients
};

// The two units of organisation.yaml and their wards.
const std::vector<Ward>& Wards();
std::vector<std::string> UnitNames();

// The trust's name, police force, security contractor and staffing agency are gen_parts.h's.

// Dates the rules key on (DOMAIN.md §1) and the audit date.
Minutes Section6InForce();   // 2022-03-31T00:00 London
Minutes Section12InForce();  // 2022-08-18T00:00 London
Minutes FirstIncidentDay();  // 2021-10-01
Minutes LastIncidentDay();   // 2025-12-15
Minutes AsOf();              // 2025-12-31

// Local calendar day (days since 1970-01-01) of an instant, and an instant at a local time of day.
std::int64_t LocalDay(Minutes instant);
Minutes AtLocalTime(std::int64_t day, int hour, int minute);

struct Patient {
  std::string patient_id;
  std::string name;
  std::string nhs_number;
  std::string date_of_birth;
  std::string sex;
  std::string ethnicity;
  std::string religion;
  std::string disability;
  std::string disability_nature;
  std::string marital_status;
  std::string pregnant;
  std::string sexual_orientation;
  std::string learning_disability;
  std::string autism;
  std::string mental_disorder;
  std::string legal_status;
  int ward = 0;  // index into Wards(): where the patient is nursed
  int incident_count = 0;
  std::string planted_gap;
};

// kOther: bank, locum and non-clinical posts in the staff register, never drawn into an incident.
enum class StaffGroup { kNurse, kSupportWorker, kDoctor, kOther };

// How the training history of a kOther post is laid out (the other posts are drawn).
enum class TrainingPlan {
  kDrawn,              // start date and history drawn like any other member of staff
  kExempt,             // s.5(4) exemption: recent equivalent training elsewhere, then refreshers
  kLateInduction,      // planted: induction more than 90 days after starting
  kNewStarterTrained,  // started weeks before the audit, induction done
  kNewStarterPending,  // started weeks before the audit, induction not yet due
  kNone,               // may not use force: no training needed
};

struct StaffMember {
  std::string staff_id;
  std::string name;
  std::string job_title;
  std::string organisation;  // set for agency staff
  int unit = 0;
  StaffGroup group = StaffGroup::kNurse;
  std::string employment = "employee";  // employee, contractor, agency, bank
  bool may_use_force = true;
  TrainingPlan plan = TrainingPlan::kDrawn;
  std::int64_t started_on = 0;  // days since 1970-01-01
  std::optional<std::int64_t> left_on;
  std::string training_exemption;
  std::string planted_gap;
};

struct TrainingRecord {
  std::string staff_id;
  std::string course;
  std::string kind;  // induction, refresher
  std::int64_t completed_on = 0;
  std::string provider;
  std::string rrn_certified;
  std::string topics;
};

struct Admission {
  std::string admission_id;
  int patient = 0;
  int ward = 0;
  Minutes admitted_at = 0;
  std::optional<Minutes> discharged_at;
  std::optional<Minutes> info_given_at;
  std::string info_refused;
  std::string info_format;
  std::string understanding_checked;
  std::string info_given_to_others;
  std::string planted_gap;
};

// One row of a ward's restrictions register.
struct Restriction {
  std::string ward;
  std::string restriction;
  std::string scope;  // ward, individual
  std::string patient_id;
  std::string justification;
  std::string approved_by;
  std::string started_on;
  std::string last_reviewed_on;
  std::string ended_on;
  std::string communicated_to_patients;
  std::string planted_gap;
};

struct Intervention {
  std::string type_code;
  Minutes started_at = 0;
  Minutes ended_at = 0;
  std::string in_care_plan;
  std::string authorised_by;
  std::string authoriser_role;
  Overrides overrides;
};

struct Involvement {
  std::string person_id;
  std::string name;
  std::string job_title;
  std::string is_staff;
  std::string organisation;
  std::string reason_involved;
  std::string role;
  Overrides overrides;
};

struct TimedEntry {
  std::string kind;
  Minutes at = 0;
  std::string by;
};

enum class Scenario {
  kPhysical,               // manual restraint only
  kRapidTranquillisation,  // restraint and an intramuscular injection (type 14)
  kOralMedication,         // restraint and oral medication (type 16)
  kSeclusion,              // escort to the seclusion suite, then hours of seclusion
  kSegregation,            // long-term segregation, weeks
  kPlannedCare,            // care-planned hold to give treatment or personal care
  kNegligible,             // light guiding contact, recorded as negligible
};

struct Incident {
  std::string incident_id;
  int patient = 0;  // index into the patient list
  int ward = 0;
  Scenario scenario = Scenario::kPhysical;
  bool pinned = false;  // placed on a chosen night (clock changes) or a chosen patient
  bool police_involved = false;
  bool security_involved = false;

  std::string location;
  Minutes started_at = 0;
  Minutes ended_at = 0;
  std::string reason_code;
  std::string reason;
  std::string description;
  std::string efforts_to_avoid;
  std::string outcome;
  std::string patient_injury;
  std::string staff_injury;
  std::string death_or_serious_injury;
  std::string investigation_ref;
  std::string notify_required;
  std::string notification_sent;
  std::string planned;
  std::string negligible;
  std::string negligible_reason;
  std::string police_camera;
  std::string police_camera_exception;
  std::optional<Minutes> debrief_patient_at;
  std::string debrief_declined;
  std::optional<Minutes> post_incident_review_at;
  Minutes recorded_at = 0;
  std::string recorded_by;
  std::optional<Minutes> deleted_at;

  std::vector<Intervention> interventions;
  std::vector<Involvement> people;
  std::vector<TimedEntry> reviews;
  std::vector<TimedEntry> observations;

  Overrides overrides;
  std::string planted_gap;  // at most one planted gap or data error per incident
};

struct SampleTrust {
  std::vector<Patient> patients;
  std::vector<StaffMember> staff;
  std::vector<Incident> incidents;
  std::vector<TrainingRecord> training;
  std::vector<Admission> admissions;
  std::vector<Restriction> restrictions;
};

// A kind of planted gap and how many records carry it.
struct PlantedGap {
  std::string name;  // e.g. "description_missing"
  int count = 0;     // records (incidents, patients, staff, admissions, ...) that carry it
};

}  // namespace uofa::samples

#endif  // UOFA_SAMPLES_GENERATOR_SAMPLE_MODEL_H_
