// Incidents of a generated audit, made a chunk at a time: each chunk draws from its own random
// stream, so chunks can be made in parallel and written in order with the same bytes.
#ifndef UOFA_ENGINE_GEN_INCIDENT_CHUNK_H_
#define UOFA_ENGINE_GEN_INCIDENT_CHUNK_H_

#include <array>
#include <cstdint>
#include <string>

#include "engine/gen/planted_rules.h"
#include "engine/gen/trust_layout.h"

namespace uofa::gen {

inline constexpr std::int64_t kIncidentsPerChunk = 2048;

// The five incident tables, in DATA-CONTRACT.md order.
enum IncidentTable { kIncidents, kInterventions, kStaffInvolved, kReviews, kObservations, kIncidentTableCount };

inline constexpr std::array<const char*, kIncidentTableCount> kIncidentTablePaths = {
    "incidents/incidents.csv", "incidents/interventions.csv", "incidents/staff_involved.csv",
    "incidents/reviews.csv", "incidents/observations.csv"};

inline constexpr std::array<const char*, kIncidentTableCount> kIncidentTableHeaders = {
    "incident_id,patient_id,unit,ward,location,started_at,ended_at,reason_code,reason,description,efforts_to_avoid,"
    "outcome,patient_injury,staff_injury,death_or_serious_injury,investigation_ref,notify_required,notification_sent,"
    "planned,negligible,negligible_reason,police_involved,police_camera,police_camera_exception,debrief_patient_at,"
    "debrief_declined,post_incident_review_at,recorded_at,recorded_by,deleted_at\n",
    "incident_id,seq,type_code,started_at,ended_at,in_care_plan,authorised_by,authoriser_role\n",
    "incident_id,person_id,name,job_title,is_staff,organisation,reason_involved,role\n",
    "incident_id,kind,at,by\n",
    "incident_id,kind,at,by\n"};

struct IncidentChunk {
  std::array<std::string, kIncidentTableCount> text;  // rows, without the headers
  std::array<std::int64_t, kIncidentTableCount> rows{};
  RuleTally tally{};      // records the chunk's planted gaps make fail, per rule
  RuleTally undecided{};  // records a planted messy value leaves a rule unable to decide
};

// Makes chunk `chunk` (incidents chunk * kIncidentsPerChunk onwards, up to layout.incidents).
void MakeIncidentChunk(const TrustLayout& layout, std::int64_t chunk, IncidentChunk& out);

std::int64_t ChunkCount(const TrustLayout& layout);

}  // namespace uofa::gen

#endif  // UOFA_ENGINE_GEN_INCIDENT_CHUNK_H_
