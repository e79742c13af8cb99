#include "engine/gen/incident_chunk.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/gen/csv_writer.h"
#include "engine/gen/incident_gaps.h"
#include "engine/gen/incident_model.h"
#include "engine/gen/organisation_profile.h"
#include "engine/gen/people.h"
#include "engine/gen/phrases.h"
#include "engine/gen/random_source.h"

namespace uofa::gen {

namespace {

constexpr Minutes kHour = kMinutesPerHour;
constexpr Minutes kDay = kMinutesPerDay;

class ChunkMaker {
 public:
  ChunkMaker(const TrustLayout& layout, std::int64_t chunk, IncidentChunk& out)
      : layout_(layout),
        random_(StreamSeed(layout.seed, kIncidentChunkStream, static_cast<std::uint64_t>(chunk))),
        out_(out) {}

  void Make(std::int64_t number) {
    const PatientCore patient = PatientAt(layout_, DrawPatient());
    Incident incident;
    incident.scenario = DrawScenario(patient);
    const Minutes start = DrawStart(patient);
    Build(incident, patient, start);
    const Gap gap = DrawGap(random_, incident);
    PlantGap(random_, gap, incident);
    if (incident.scenario != Scenario::kNegligible && patient.gap != PatientGap::kNone) {
      Count(out_.tally, RuleOf(patient.gap));
    }
    TallyGap(gap, out_.tally, out_.undecided);
    Write(incident, patient, IncidentId(number));
  }

 private:
  // Women have about 60% of the events with half the head-count; within each sex the events per
  // patient are heavy-tailed (the lowest indexes are restrained most often).
  std::int64_t DrawPatient() {
    const bool female = random_.Percent(60);
    const std::int64_t pool = female ? (layout_.patients + 1) / 2 : layout_.patients / 2;
    const double u = random_.Unit();
    const auto within = std::min(pool - 1, static_cast<std::int64_t>(static_cast<double>(pool) * u * u));
    return within * 2 + (female ? 0 : 1);
  }

  Scenario DrawScenario(const PatientCore& patient) {
    static const std::vector<int> weights = {6, 52, 10, 4, 9, 9, 6};
    auto scenario = static_cast<Scenario>(random_.Weighted(weights));
    if (scenario == Scenario::kSeclusion && patient.informal) scenario = Scenario::kPhysical;
    return scenario;
  }

  Minutes DrawStart(const PatientCore& patient) {
    static const std::vector<int> hour_weights = {2, 1, 1, 1, 1, 1, 2, 4, 6, 7, 8, 8, 8, 8, 9, 9, 9, 9, 9, 8, 7, 5, 4, 3};
    const std::int64_t day = random_.Between(patient.FirstIncidentDay(), patient.LastIncidentDay());
    const int hour = static_cast<int>(random_.Weighted(hour_weights));
    const int minute = static_cast<int>(random_.Between(0, 59));
    const CivilDate date = CivilFromDays(day);
    return LondonToInstant(date.year, date.month, date.day, hour, minute);
  }

  StaffMember Staff(int ward, int first_slot, int last_slot) {
    return StaffAt(layout_, ward, static_cast<int>(random_.Between(first_slot, last_slot)));
  }

  void AddStaff(Incident& incident, const StaffMember& member, const char* role) {
    for (const Person& person : incident.people) {
      if (person.person_id == member.id) return;
    }
    Person person;
    person.person_id = member.id;
    person.name = member.name;
    person.job_title = member.job_title;
    person.organisation = member.employment == "agency" ? kStaffingAgency : "";
    person.role = role;
    incident.people.push_back(person);
  }

  std::string DrawHoldType(bool allow_prone) {
    if (allow_prone && random_.Percent(10)) return "01";
    static const std::vector<std::string> types = {"07", "09", "10", "11", "12", "13"};
    return types[random_.Weighted({30, 20, 15, 10, 10, 15})];
  }

  int DrawHoldMinutes() {
    const std::size_t band = random_.Weighted({40, 40, 20});
    return static_cast<int>(band == 0 ? random_.Between(1, 2) : band == 1 ? random_.Between(3, 5) : random_.Between(6, 10));
  }

  void Build(Incident& incident, const PatientCore& patient, Minutes start) {
    const int ward = patient.ward;
    const StaffMember lead = Staff(ward, 0, kLastNurseSlot);
    AddStaff(incident, lead, "lead");
    incident.holding_staff = static_cast<int>(random_.Between(2, 4));
    for (int i = 1; i < incident.holding_staff; ++i) {
      const int slot = static_cast<int>(random_.Between(kFirstNurseSlot, 26));
      AddStaff(incident, StaffAt(layout_, ward, slot >= kFirstDoctorSlot ? slot + 3 : slot), "hands_on");
    }
    const StaffMember doctor = Staff(ward, kFirstDoctorSlot, kLastDoctorSlot);
    incident.location = random_.Pick(phrases::Locations());
    incident.recorded_by = lead.id;

    Minutes at = start;
    auto hold = [&](const std::string& type, int minutes, const std::string& in_care_plan) {
      Intervention intervention;
      intervention.type_code = type;
      intervention.started_at = at;
      intervention.ended_at = at + minutes;
      intervention.in_care_plan = in_care_plan;
      intervention.authorised_by = lead.id;
      incident.interventions.push_back(intervention);
      incident.holds.emplace_back(type, minutes);
      if (type == "01") incident.prone = true;
      at += minutes;
    };
    auto medicine = [&](const std::string& type, int minutes) {
      Intervention intervention;
      intervention.type_code = type;
      intervention.started_at = at;
      intervention.ended_at = at + minutes;
      intervention.authorised_by = doctor.id;
      intervention.authoriser_role = "doctor";
      incident.interventions.push_back(intervention);
      AddStaff(incident, doctor, "prescriber");
    };

    switch (incident.scenario) {
      case Scenario::kNegligible: {
        hold("13", static_cast<int>(random_.Between(1, 3)), "N");
        incident.negligible = "Y";
        incident.negligible_reason = random_.Pick(phrases::NegligibleReasons());
        incident.reason_code = random_.Pick(std::vector<std::string>{"17", "16", "19"});
        break;
      }
      case Scenario::kPlannedCare: {
        hold(random_.Pick(std::vector<std::string>{"09", "10", "11"}), DrawHoldMinutes(), "Y");
        incident.planned = "Y";
        incident.reason_code = random_.Pick(std::vector<std::string>{"13", "13", "14", "15"});
        if (incident.reason_code == "13" && random_.Percent(50)) {
          medicine("15", 1);
          incident.interventions.back().in_care_plan = "Y";
        }
        break;
      }
      default: {
        const bool allow_prone = incident.scenario != Scenario::kSeclusion;
        hold(DrawHoldType(allow_prone), DrawHoldMinutes(), "N");
        if (random_.Percent(30)) hold(DrawHoldType(false), DrawHoldMinutes(), "N");
        static const std::vector<std::string> reasons = {"10", "17", "16", "11", "12", "18", "19", "98"};
        incident.reason_code = reasons[random_.Weighted({45, 20, 8, 10, 3, 3, 5, 6})];
        break;
      }
    }
    incident.reason = random_.Pick(phrases::ReasonsFor(incident.reason_code));
    const Minutes hold_end = at;

    // Chemical restraint and seclusion after the holds; vital signs checked after the holds
    // (NICE NG10), hourly for four hours after rapid tranquillisation.
    const auto vital = [&](Minutes when) { incident.observations.push_back({"vital_signs", when, lead.id}); };
    switch (incident.scenario) {
      case Scenario::kOralMedication: medicine("16", 2); vital(hold_end + random_.Between(5, 20)); break;
      case Scenario::kIntramuscular: medicine("15", 1); vital(hold_end + random_.Between(5, 20)); break;
      case Scenario::kRapidTranquillisation:
        medicine("14", 1);
        for (Minutes offset : {15, 30, 75, 120, 165, 210, 240}) vital(hold_end + offset);
        break;
      case Scenario::kSeclusion: {
        incident.interventions.front().type_code = "08";
        incident.holds.front().first = "08";
        Seclude(incident, lead, doctor, hold_end);
        vital(hold_end + random_.Between(5, 20));
        break;
      }
      case Scenario::kNegligible: break;
      default: vital(hold_end + random_.Between(5, 20)); break;
    }

    // People from outside the unit's staff.
    const bool responsive = incident.scenario != Scenario::kNegligible && incident.scenario != Scenario::kPlannedCare;
    if (responsive && random_.Between(0, 999) < 25) {
      incident.has_police = true;
      incident.police_involved = "Y";
      incident.camera_exception = random_.Percent(5);
      incident.police_camera = incident.camera_exception ? "not_worn" : "worn_operating";
      if (incident.camera_exception) incident.police_camera_exception = phrases::CameraExceptions().front();
      AddOfficers(random_, incident);
    }
    if (responsive && random_.Between(0, 999) < 10) {
      incident.has_security = true;
      Person guard;
      guard.name = random_.Pick(phrases::FirstNames()) + " " + random_.Pick(phrases::StaffSurnames());
      guard.job_title = "Security Officer";
      guard.is_staff = "N";
      guard.organisation = kSecurityContractor;
      guard.reason_involved = random_.Pick(phrases::SecurityReasons());
      guard.role = "observer";
      incident.people.push_back(guard);
    }

    // Injuries, the outcome and the after-care.
    const bool rapid = incident.scenario == Scenario::kRapidTranquillisation;
    if (incident.scenario != Scenario::kNegligible) {
      if (!rapid) {
        const std::size_t injury = random_.Weighted({950, 40, 10});
        incident.patient_injury = injury == 0 ? "N" : injury == 1 ? "Y" : "U";
        if (incident.patient_injury == "Y" && random_.Between(0, 99) < 4) {
          incident.death_or_serious_injury = "Y";
          incident.investigation_ref = "SI-" + FormatLondonDate(start).substr(0, 4) + "-" +
                                       std::to_string(random_.Between(1000, 9999));
        }
      }
      const std::size_t staff_injury = random_.Weighted({96, 3, 1});
      incident.staff_injury = staff_injury == 0 ? "N" : staff_injury == 1 ? "Y" : "U";
      if (random_.Percent(20)) {
        incident.notify_required = "Y";
        incident.notification_sent = "Y";
      }
    }
    incident.efforts_to_avoid = random_.Pick(phrases::EffortsToAvoid());
    if (random_.Percent(40)) incident.efforts_to_avoid += "; " + random_.Pick(phrases::EffortsToAvoid());
    if (incident.scenario == Scenario::kSeclusion) incident.outcome = random_.Pick(phrases::OutcomesAfterSeclusion());
    else if (rapid) incident.outcome = random_.Pick(phrases::OutcomesAfterRapidTranquillisation());
    else if (incident.patient_injury == "Y") incident.outcome = random_.Pick(phrases::OutcomesPatientInjured());
    else incident.outcome = random_.Pick(phrases::OutcomesSettled());
    Describe(incident);

    const Minutes end = incident.EndedAt();
    if (incident.scenario != Scenario::kNegligible) {
      if (random_.Percent(15)) {
        incident.debrief_declined = "Y";
      } else {
        incident.debrief_patient_at = end + random_.Between(20, 20 * kHour);
      }
      incident.post_incident_review_at = end + random_.Between(10 * kHour, 70 * kHour);
    }
    incident.recorded_at = end + random_.Between(15, 21 * kHour);
    // Purged, once the three years of s.6(6) are up, in one record in a hundred of those old enough.
    const Minutes as_of = AsOfInstant();
    if (*incident.recorded_at + 1160 * kDay < as_of && random_.Percent(1)) {
      incident.deleted_at = *incident.recorded_at + (1100 + random_.Between(0, 59)) * kDay;
    }
  }

  // Seclusion after the escort: reviews and observations as MHA Code of Practice ch. 26 asks. A
  // doctor's review within the hour when a nurse started it, then every three to four hours; a
  // nursing review at least every two hours; an MDT review within the first two hours; an
  // independent MDT review after eight hours; observation at least every fifteen minutes.
  void Seclude(Incident& incident, const StaffMember& lead, const StaffMember& doctor, Minutes start) {
    const Minutes minutes = random_.Percent(85) ? random_.Between(90, 420) : random_.Between(600, 1200);
    incident.seclusion_start = start;
    incident.seclusion_minutes = minutes;
    incident.seclusion_by_doctor = random_.Percent(30);
    Intervention seclusion;
    seclusion.type_code = "05";
    seclusion.started_at = start;
    seclusion.ended_at = start + minutes;
    seclusion.authorised_by = incident.seclusion_by_doctor ? doctor.id : lead.id;
    seclusion.authoriser_role = incident.seclusion_by_doctor ? "doctor" : "nurse in charge";
    incident.interventions.push_back(seclusion);
    AddStaff(incident, doctor, "authoriser");
    const Minutes end = start + minutes;
    for (Minutes at = start + random_.Between(15, 55); at < end; at += random_.Between(180, 230)) {
      incident.reviews.push_back({"medical", at, doctor.id});
    }
    for (Minutes at = start + random_.Between(90, 120); at < end; at += random_.Between(90, 120)) {
      incident.reviews.push_back({"nursing", at, lead.id});
    }
    incident.reviews.push_back({"mdt", start + random_.Between(60, 85), doctor.id});
    if (minutes > 8 * kHour) {
      incident.reviews.push_back({"independent_mdt", start + 8 * kHour + random_.Between(30, 60), doctor.id});
    }
    for (Minutes at = start + random_.Between(10, 15); at < end; at += random_.Between(10, 15)) {
      incident.observations.push_back({"seclusion_observation", at, lead.id});
    }
  }

  std::string IncidentId(std::int64_t number) const {
    char text[32];
    std::snprintf(text, sizeof text, "INC-%07lld", static_cast<long long>(number + 1));
    return text;
  }

  static std::string Time(const std::optional<Minutes>& at) { return at ? FormatLondonDateTime(*at) : ""; }

  void Field(IncidentTable table, std::string_view value) {
    AppendCsvField(out_.text[table], value);
    out_.text[table] += ',';
  }
  void Last(IncidentTable table, std::string_view value) {
    AppendCsvField(out_.text[table], value);
    out_.text[table] += '\n';
    ++out_.rows[table];
  }

  void Write(Incident& incident, const PatientCore& patient, const std::string& id) {
    std::stable_sort(incident.reviews.begin(), incident.reviews.end(),
                     [](const Entry& a, const Entry& b) { return a.at < b.at; });
    std::stable_sort(incident.observations.begin(), incident.observations.end(),
                     [](const Entry& a, const Entry& b) { return a.at < b.at; });
    Field(kIncidents, id);
    Field(kIncidents, PatientId(patient.index));
    Field(kIncidents, layout_.UnitName(layout_.UnitOf(patient.ward)));
    Field(kIncidents, layout_.WardName(patient.ward));
    Field(kIncidents, incident.location);
    Field(kIncidents, FormatLondonDateTime(incident.StartedAt()));
    Field(kIncidents, incident.end_missing ? "" : FormatLondonDateTime(incident.EndedAt()));
    Field(kIncidents, incident.reason_code);
    Field(kIncidents, incident.reason);
    Field(kIncidents, incident.description);
    Field(kIncidents, incident.efforts_to_avoid);
    Field(kIncidents, incident.outcome);
    Field(kIncidents, incident.patient_injury);
    Field(kIncidents, incident.staff_injury);
    Field(kIncidents, incident.death_or_serious_injury);
    Field(kIncidents, incident.investigation_ref);
    Field(kIncidents, incident.notify_required);
    Field(kIncidents, incident.notification_sent);
    Field(kIncidents, incident.planned);
    Field(kIncidents, incident.negligible);
    Field(kIncidents, incident.negligible_reason);
    Field(kIncidents, incident.police_involved);
    Field(kIncidents, incident.police_camera);
    Field(kIncidents, incident.police_camera_exception);
    Field(kIncidents, Time(incident.debrief_patient_at));
    Field(kIncidents, incident.debrief_declined);
    Field(kIncidents, Time(incident.post_incident_review_at));
    Field(kIncidents, Time(incident.recorded_at));
    Field(kIncidents, incident.recorded_by);
    Last(kIncidents, Time(incident.deleted_at));

    int seq = 0;
    for (const Intervention& intervention : incident.interventions) {
      Field(kInterventions, id);
      Field(kInterventions, std::to_string(++seq));
      Field(kInterventions, intervention.type_code);
      Field(kInterventions, FormatLondonDateTime(intervention.started_at));
      Field(kInterventions, Time(intervention.ended_at));
      Field(kInterventions, intervention.in_care_plan);
      Field(kInterventions, intervention.authorised_by);
      Last(kInterventions, intervention.authoriser_role);
    }
    for (const Person& person : incident.people) {
      Field(kStaffInvolved, id);
      Field(kStaffInvolved, person.person_id);
      Field(kStaffInvolved, person.name);
      Field(kStaffInvolved, person.job_title);
      Field(kStaffInvolved, person.is_staff);
      Field(kStaffInvolved, person.organisation);
      Field(kStaffInvolved, person.reason_involved);
      Last(kStaffInvolved, person.role);
    }
    for (const Entry& entry : incident.reviews) {
      Field(kReviews, id);
      Field(kReviews, entry.kind);
      Field(kReviews, FormatLondonDateTime(entry.at));
      Last(kReviews, entry.by);
    }
    for (const Entry& entry : incident.observations) {
      Field(kObservations, id);
      Field(kObservations, entry.kind);
      Field(kObservations, FormatLondonDateTime(entry.at));
      Last(kObservations, entry.by);
    }
  }

  const TrustLayout& layout_;
  StreamRandom random_;
  IncidentChunk& out_;
};

}  // namespace

std::int64_t ChunkCount(const TrustLayout& layout) {
  return (layout.incidents + kIncidentsPerChunk - 1) / kIncidentsPerChunk;
}

void MakeIncidentChunk(const TrustLayout& layout, std::int64_t chunk, IncidentChunk& out) {
  for (std::string& text : out.text) text.clear();
  out.rows.fill(0);
  out.tally.fill(0);
  out.undecided.fill(0);
  ChunkMaker maker(layout, chunk, out);
  const std::int64_t first = chunk * kIncidentsPerChunk;
  const std::int64_t last = std::min(layout.incidents, first + kIncidentsPerChunk);
  for (std::int64_t number = first; number < last; ++number) maker.Make(number);
}

}  // namespace uofa::gen
