// An incident of `uofa gen` as it is built, before it is written: its interventions, people,
// reviews and observations, and what the gap planter needs to know of it.
#ifndef UOFA_ENGINE_GEN_INCIDENT_MODEL_H_
#define UOFA_ENGINE_GEN_INCIDENT_MODEL_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/gen/london_time.h"
#include "engine/gen/random_source.h"

namespace uofa::gen {

enum class Scenario {
  kNegligible,             // light guiding contact, recorded as negligible
  kPhysical,               // manual restraint only
  kOralMedication,         // restraint, then oral medication (type 16)
  kIntramuscular,          // restraint, then prescribed intramuscular medication (type 15)
  kRapidTranquillisation,  // restraint, then rapid tranquillisation (type 14)
  kSeclusion,              // restrictive escort (08), then hours of seclusion (05)
  kPlannedCare,            // care-planned hold to give treatment or personal care
};

struct Intervention {
  std::string type_code;
  Minutes started_at = 0;
  std::optional<Minutes> ended_at;
  std::string in_care_plan = "N";
  std::string authorised_by;
  std::string authoriser_role = "nurse in charge";
};

struct Person {
  std::string person_id;
  std::string name;
  std::string job_title;
  std::string is_staff = "Y";
  std::string organisation;
  std::string reason_involved;
  std::string role;
};

struct Entry {
  const char* kind;
  Minutes at;
  std::string by;
};

struct Incident {
  Scenario scenario = Scenario::kPhysical;
  std::string location;
  std::string reason_code;
  std::string reason;
  std::string description;
  std::string efforts_to_avoid;
  std::string outcome;
  std::string patient_injury = "N";
  std::string staff_injury = "N";
  std::string death_or_serious_injury = "N";
  std::string investigation_ref;
  std::string notify_required = "N";
  std::string notification_sent;
  std::string planned = "N";
  std::string negligible = "N";
  std::string negligible_reason;
  std::string police_involved = "N";
  std::string police_camera;
  std::string police_camera_exception;
  std::optional<Minutes> debrief_patient_at;
  std::string debrief_declined = "N";
  std::optional<Minutes> post_incident_review_at;
  std::optional<Minutes> recorded_at;
  std::string recorded_by;
  std::optional<Minutes> deleted_at;

  std::vector<Intervention> interventions;
  std::vector<Person> people;
  std::vector<Entry> reviews;
  std::vector<Entry> observations;

  // Holds of physical restraint, as (type, minutes, staff), for the description.
  std::vector<std::pair<std::string, int>> holds;
  int holding_staff = 2;
  bool prone = false;
  bool has_police = false;
  bool has_security = false;
  bool camera_exception = false;
  Minutes seclusion_start = 0;
  Minutes seclusion_minutes = 0;
  bool seclusion_by_doctor = false;
  bool end_missing = false;  // ended_at left out of the record (the interventions keep theirs)

  Minutes StartedAt() const { return interventions.front().started_at; }
  Minutes EndedAt() const {
    Minutes end = interventions.front().started_at;
    for (const Intervention& intervention : interventions) end = std::max(end, intervention.ended_at.value_or(end));
    return end;
  }
};

// Manual restraint: prone and the other positions and holds (MHSDS MHS515 01, 07-13).
bool IsPhysical(const std::string& code);

// Sets the description from the holds and the other interventions.
void Describe(Incident& incident);

// Lists one or two police officers, with the reason for their involvement.
void AddOfficers(StreamRandom& random, Incident& incident);

// The audit date, 2025-12-31T00:00 London.
Minutes AsOfInstant();

}  // namespace uofa::gen

#endif  // UOFA_ENGINE_GEN_INCIDENT_MODEL_H_
