#include "engine/gen/incident_chunk.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/gen/csv_writer.h"
#include "engine/gen/organisation_profile.h"
#include "engine/gen/people.h"
#include "engine/gen/phrases.h"
#include "engine/gen/random_source.h"

namespace uofa::gen {

namespace {

constexpr Minutes kHour = kMinutesPerHour;
constexpr Minutes kDay = kMinutesPerDay;

enum class Scenario {
  kNegligible,             // light guiding contact, recorded as negligible
  kPhysical,               // manual restraint only
  kOralMedication,         // restraint, then oral medication (type 16)
  kIntramuscular,          // restraint, then prescribed intramuscular medication (type 15)
  kRapidTranquillisation,  // restraint, then rapid tranquillisation (type 14)
  kSeclusion,              // restrictive escort (08), then hours of seclusion (05)
  kPlannedCare,            // care-planned hold to give treatment or personal care
};

// The kinds of gap planted on incidents. Each makes its incident fail the rules RulesOf names and
// no other, given the incident it is planted on (Eligible).
enum class Gap {
  kNone,
  kReasonCodeMissing, kReasonNotKnown, kReasonOtherUnexplained, kLocationMissing, kEndTimeMissing,
  kInterventionEndMissing,
  kRetiredTypeCode, kCarePlanUnanswered, kDescriptionMissing, kJobTitleMissing, kNonStaffReasonMissing,
  kOfficerNotListed, kOutcomeMissing, kSeriousInjuryUnanswered, kEffortsMissing, kNotificationUnanswered,
  kNotificationNotSent, kRecordTimeMissing, kDeletedEarly, kRecordLate, kNegligibleReasonMissing,
  kNegligibleProne, kNegligibleInjury, kNegligiblePolice, kNoInvestigation, kCameraNotRunning, kPronePlanned,
  kProneReasonMissing, kDebriefMissing, kReviewLate, kRestraintVitalsMissing, kRapidTranquillisationVitalsGap,
  kLongHold, kSeclusionMedicalLate, kSeclusionNursingGap, kSeclusionObservationGap,
};

struct GapRate {
  Gap gap;
  int per_10000;  // of the incidents it can be planted on
};

// Tried in this order; the first that is drawn and fits the incident is planted.
const std::vector<GapRate>& GapRates() {
  static const std::vector<GapRate> rates = {
      {Gap::kReasonCodeMissing, 40},        {Gap::kReasonNotKnown, 80},
      {Gap::kReasonOtherUnexplained, 30},   {Gap::kLocationMissing, 50},
      {Gap::kEndTimeMissing, 150},
      {Gap::kInterventionEndMissing, 300},  {Gap::kRetiredTypeCode, 200},
      {Gap::kCarePlanUnanswered, 60},       {Gap::kDescriptionMissing, 70},
      {Gap::kJobTitleMissing, 50},          {Gap::kNonStaffReasonMissing, 1500},
      {Gap::kOfficerNotListed, 800},        {Gap::kOutcomeMissing, 60},
      {Gap::kSeriousInjuryUnanswered, 40},  {Gap::kEffortsMissing, 90},
      {Gap::kNotificationUnanswered, 40},   {Gap::kNotificationNotSent, 60},
      {Gap::kRecordTimeMissing, 30},        {Gap::kDeletedEarly, 30},
      {Gap::kRecordLate, 150},              {Gap::kNegligibleReasonMissing, 500},
      {Gap::kNegligibleProne, 300},         {Gap::kNegligibleInjury, 200},
      {Gap::kNegligiblePolice, 150},        {Gap::kNoInvestigation, 20},
      {Gap::kCameraNotRunning, 1200},       {Gap::kPronePlanned, 800},
      {Gap::kProneReasonMissing, 800},      {Gap::kDebriefMissing, 80},
      {Gap::kReviewLate, 80},               {Gap::kRestraintVitalsMissing, 150},
      {Gap::kRapidTranquillisationVitalsGap, 400}, {Gap::kLongHold, 150},
      {Gap::kSeclusionMedicalLate, 500},    {Gap::kSeclusionNursingGap, 500},
      {Gap::kSeclusionObservationGap, 500},
  };
  return rates;
}

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

bool IsPhysical(const std::string& code) { return code == "01" || (code >= "07" && code <= "13"); }

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
    const Gap gap = DrawGap(incident);
    Plant(incident, gap);
    Tally(incident, patient, gap);
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
      AddOfficers(incident);
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
    const Minutes as_of = AsOfMinute();
    if (*incident.recorded_at + 1160 * kDay < as_of && random_.Percent(1)) {
      incident.deleted_at = *incident.recorded_at + (1100 + random_.Between(0, 59)) * kDay;
    }
  }

  void AddOfficers(Incident& incident) {
    const int officers = static_cast<int>(random_.Between(1, 2));
    for (int i = 0; i < officers; ++i) {
      Person officer;
      officer.name = "PC " + random_.Pick(phrases::PoliceSurnames());
      officer.job_title = "Police Constable";
      officer.is_staff = "N";
      officer.organisation = kPoliceForce;
      officer.reason_involved = random_.Pick(phrases::PoliceReasons());
      officer.role = "hands_on";
      incident.people.push_back(officer);
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

  void Describe(Incident& incident) {
    const bool negligible = incident.scenario == Scenario::kNegligible;
    std::string text;
    for (const auto& [type, minutes] : incident.holds) {
      text += text.empty() ? "Patient " : ", then ";
      text += phrases::DescribeIntervention(type, incident.holding_staff, negligible) + " (" +
              std::to_string(minutes) + " min)";
    }
    for (const Intervention& intervention : incident.interventions) {
      const std::string& type = intervention.type_code;
      if (IsPhysical(type)) continue;
      text += ", then " + phrases::DescribeIntervention(type, incident.holding_staff, negligible);
      if (type == "05") text += " (" + std::to_string(incident.seclusion_minutes) + " min)";
    }
    incident.description = text + ".";
  }

  // A gap that fits the incident, or none.
  Gap DrawGap(const Incident& incident) {
    for (const GapRate& rate : GapRates()) {
      if (random_.Between(0, 9999) < rate.per_10000 && Eligible(incident, rate.gap)) return rate.gap;
    }
    return Gap::kNone;
  }

  bool Eligible(const Incident& incident, Gap gap) const {
    const Scenario scenario = incident.scenario;
    const bool negligible = scenario == Scenario::kNegligible;
    const Minutes as_of = AsOfMinute();
    switch (gap) {
      case Gap::kNone: return true;
      case Gap::kNegligibleReasonMissing:
      case Gap::kNegligibleProne:
      case Gap::kNegligibleInjury:
      case Gap::kNegligiblePolice: return negligible;
      default: break;
    }
    if (negligible) return false;
    switch (gap) {
      case Gap::kReasonOtherUnexplained: return !incident.prone;
      case Gap::kDescriptionMissing: return !incident.prone;
      // Messy data: the end of the use of force left out, where the patient declined the debrief
      // (so NG10-DEBRIEF still passes without it).
      case Gap::kEndTimeMissing: return incident.debrief_declined == "Y" && !incident.deleted_at;
      case Gap::kInterventionEndMissing:
      case Gap::kRetiredTypeCode: return scenario == Scenario::kOralMedication;
      case Gap::kNonStaffReasonMissing: return incident.has_police || incident.has_security;
      case Gap::kOfficerNotListed: return incident.has_police && !incident.has_security;
      case Gap::kCameraNotRunning: return incident.has_police && !incident.camera_exception;
      case Gap::kSeriousInjuryUnanswered: return incident.death_or_serious_injury == "N";
      case Gap::kNotificationNotSent: return true;
      case Gap::kRecordTimeMissing:
      case Gap::kRecordLate: return !incident.deleted_at;
      case Gap::kDeletedEarly: return !incident.deleted_at && *incident.recorded_at + 240 * kDay < as_of;
      case Gap::kNoInvestigation: return scenario != Scenario::kRapidTranquillisation && incident.death_or_serious_injury == "N";
      case Gap::kPronePlanned: return scenario == Scenario::kPlannedCare;
      case Gap::kProneReasonMissing: return incident.prone && incident.reason_code != "98";
      case Gap::kRestraintVitalsMissing: return scenario == Scenario::kPhysical || scenario == Scenario::kPlannedCare;
      case Gap::kRapidTranquillisationVitalsGap: return scenario == Scenario::kRapidTranquillisation;
      case Gap::kLongHold: return scenario == Scenario::kPhysical;
      case Gap::kSeclusionMedicalLate:
        return scenario == Scenario::kSeclusion && !incident.seclusion_by_doctor && incident.seclusion_minutes >= 120;
      case Gap::kSeclusionNursingGap: return scenario == Scenario::kSeclusion && incident.seclusion_minutes >= 180;
      case Gap::kSeclusionObservationGap: return scenario == Scenario::kSeclusion && incident.seclusion_minutes >= 60;
      default: return true;
    }
  }

  void Plant(Incident& incident, Gap gap) {
    switch (gap) {
      case Gap::kNone: break;
      case Gap::kReasonCodeMissing: incident.reason_code.clear(); break;
      case Gap::kReasonNotKnown:  // messy data: the national code for "not known"
        incident.reason_code = "99";
        incident.reason = phrases::ReasonsFor("99").front();
        break;
      case Gap::kReasonOtherUnexplained:
        incident.reason_code = "98";
        incident.reason.clear();
        break;
      case Gap::kLocationMissing: incident.location.clear(); break;
      case Gap::kEndTimeMissing: incident.end_missing = true; break;
      case Gap::kInterventionEndMissing: incident.interventions.back().ended_at.reset(); break;
      case Gap::kRetiredTypeCode: incident.interventions.back().type_code = "02"; break;
      case Gap::kCarePlanUnanswered: incident.interventions.back().in_care_plan.clear(); break;
      case Gap::kDescriptionMissing: incident.description.clear(); break;
      case Gap::kJobTitleMissing: {
        Person* target = &incident.people.front();
        for (Person& person : incident.people) {
          if (person.role == "hands_on" && person.is_staff == "Y") target = &person;
        }
        target->job_title.clear();
        break;
      }
      case Gap::kNonStaffReasonMissing:
        for (Person& person : incident.people) {
          if (person.is_staff == "N") {
            person.reason_involved.clear();
            break;
          }
        }
        break;
      case Gap::kOfficerNotListed:
        incident.people.erase(std::remove_if(incident.people.begin(), incident.people.end(),
                                             [](const Person& person) { return person.is_staff == "N"; }),
                              incident.people.end());
        break;
      case Gap::kOutcomeMissing: incident.outcome.clear(); break;
      case Gap::kSeriousInjuryUnanswered: incident.death_or_serious_injury.clear(); break;
      case Gap::kEffortsMissing: incident.efforts_to_avoid.clear(); break;
      case Gap::kNotificationUnanswered:
        incident.notify_required.clear();
        incident.notification_sent.clear();
        break;
      case Gap::kNotificationNotSent:
        incident.notify_required = "Y";
        incident.notification_sent = "N";
        break;
      case Gap::kRecordTimeMissing: incident.recorded_at.reset(); break;
      case Gap::kDeletedEarly: {
        const Minutes recorded = *incident.recorded_at;
        const Minutes latest = std::min<Minutes>((AsOfMinute() - recorded) / kDay - 1, 900);
        incident.deleted_at = recorded + random_.Between(200, latest) * kDay;
        break;
      }
      case Gap::kRecordLate: incident.recorded_at = incident.EndedAt() + random_.Between(25 * kHour, 9 * kDay); break;
      case Gap::kNegligibleReasonMissing: incident.negligible_reason.clear(); break;
      case Gap::kNegligibleProne:
        incident.interventions.front().type_code = "01";
        incident.holds.front().first = "01";
        incident.prone = true;
        Describe(incident);
        break;
      case Gap::kNegligibleInjury: incident.staff_injury = "Y"; break;
      case Gap::kNegligiblePolice:
        incident.police_involved = "Y";
        incident.police_camera = "worn_operating";
        AddOfficers(incident);
        break;
      case Gap::kNoInvestigation:
        incident.patient_injury = "Y";
        incident.death_or_serious_injury = "Y";
        incident.investigation_ref.clear();
        break;
      case Gap::kCameraNotRunning: {
        static const std::vector<std::string> cameras = {"not_worn", "worn_not_operating", "", "unknown"};
        incident.police_camera = random_.Pick(cameras);
        break;
      }
      case Gap::kPronePlanned:
        incident.interventions.front().type_code = "01";
        incident.holds.front().first = "01";
        incident.prone = true;
        Describe(incident);
        break;
      case Gap::kProneReasonMissing: incident.reason.clear(); break;
      case Gap::kDebriefMissing:
        incident.debrief_patient_at.reset();
        incident.debrief_declined = "N";
        break;
      case Gap::kReviewLate:
        incident.post_incident_review_at = incident.EndedAt() + random_.Between(4 * kDay, 9 * kDay);
        break;
      case Gap::kRestraintVitalsMissing: incident.observations.clear(); break;
      case Gap::kRapidTranquillisationVitalsGap:  // checks at 15 and 30 minutes, then none for hours
        incident.observations.resize(2);
        break;
      case Gap::kLongHold: {
        Intervention& last = incident.interventions.back();
        const Minutes longer = random_.Between(11, 25);
        const Minutes shift = longer - (*last.ended_at - last.started_at);
        last.ended_at = last.started_at + longer;
        incident.holds.back().second = static_cast<int>(longer);
        for (Entry& entry : incident.observations) entry.at += shift;
        if (incident.debrief_patient_at) *incident.debrief_patient_at += shift;
        *incident.post_incident_review_at += shift;
        *incident.recorded_at += shift;
        if (incident.deleted_at) *incident.deleted_at += shift;
        Describe(incident);
        break;
      }
      case Gap::kSeclusionMedicalLate: {
        const Minutes start = incident.seclusion_start;
        for (Entry& entry : incident.reviews) {
          if (std::string_view(entry.kind) == "medical") {
            entry.at = start + random_.Between(70, 110);
            break;
          }
        }
        break;
      }
      case Gap::kSeclusionNursingGap: {
        // The first nursing review two and a half hours in; the rest keep their two-hour steps.
        const Minutes start = incident.seclusion_start;
        const Minutes end = start + incident.seclusion_minutes;
        std::vector<Entry> kept;
        std::string by;
        for (const Entry& entry : incident.reviews) {
          if (std::string_view(entry.kind) == "nursing") by = entry.by;
          else kept.push_back(entry);
        }
        for (Minutes at = start + 150; at < end; at += random_.Between(90, 120)) kept.push_back({"nursing", at, by});
        incident.reviews = kept;
        break;
      }
      case Gap::kSeclusionObservationGap: {
        // One observation 25 minutes after the one before; the rest every 15 minutes.
        std::vector<Entry> kept;
        std::string by;
        for (const Entry& entry : incident.observations) {
          if (std::string_view(entry.kind) != "seclusion_observation") kept.push_back(entry);
          else by = entry.by;
        }
        const Minutes end = incident.seclusion_start + incident.seclusion_minutes;
        int step = 0;
        for (Minutes at = incident.seclusion_start + 12; at < end; at += ++step == 3 ? 25 : 15) {
          kept.push_back({"seclusion_observation", at, by});
        }
        incident.observations = kept;
        break;
      }
    }
  }

  void Tally(const Incident& incident, const PatientCore& patient, Gap gap) {
    RuleTally& tally = out_.tally;
    if (incident.scenario != Scenario::kNegligible && patient.gap != PatientGap::kNone) {
      Count(tally, RuleOf(patient.gap));
    }
    switch (gap) {
      case Gap::kNone: break;
      case Gap::kReasonCodeMissing:
      case Gap::kReasonNotKnown:
      case Gap::kReasonOtherUnexplained: Count(tally, Rule::k5A); break;
      case Gap::kLocationMissing: Count(tally, Rule::k5B); break;
      case Gap::kEndTimeMissing:  // NG10-PIR cannot tell whether the review was within 72 hours
        Count(tally, Rule::k5B);
        Count(out_.undecided, Rule::kPostIncidentReview);
        break;
      case Gap::kInterventionEndMissing: Count(tally, Rule::k5BIntervention); break;
      case Gap::kRetiredTypeCode: Count(tally, Rule::k5C); break;
      case Gap::kCarePlanUnanswered: Count(tally, Rule::k5D); break;
      case Gap::kDescriptionMissing: Count(tally, Rule::k5F); break;
      case Gap::kJobTitleMissing: Count(tally, Rule::k5H); break;
      case Gap::kNonStaffReasonMissing: Count(tally, Rule::k5I); break;
      case Gap::kOfficerNotListed: Count(tally, Rule::k5IPolice); break;
      case Gap::kOutcomeMissing: Count(tally, Rule::k5M); break;
      case Gap::kSeriousInjuryUnanswered: Count(tally, Rule::k5N); break;
      case Gap::kEffortsMissing: Count(tally, Rule::k5O); break;
      case Gap::kNotificationUnanswered: Count(tally, Rule::k5P); break;
      case Gap::kNotificationNotSent: Count(tally, Rule::k5PSent); break;
      case Gap::kRecordTimeMissing:
        Count(tally, Rule::k6);
        Count(tally, Rule::kRecordTimely);
        break;
      case Gap::kDeletedEarly: Count(tally, Rule::k6Retention); break;
      case Gap::kRecordLate: Count(tally, Rule::kRecordTimely); break;
      case Gap::kNegligibleReasonMissing: Count(tally, Rule::kNegReason); break;
      case Gap::kNegligibleProne: Count(tally, Rule::kNegType); break;
      case Gap::kNegligibleInjury: Count(tally, Rule::kNegInjury); break;
      case Gap::kNegligiblePolice: Count(tally, Rule::kNegPolice); break;
      case Gap::kNoInvestigation: Count(tally, Rule::kS9); break;
      case Gap::kCameraNotRunning: Count(tally, Rule::kS12Camera); break;
      case Gap::kPronePlanned: Count(tally, Rule::kPronePlanned); break;
      case Gap::kProneReasonMissing: Count(tally, Rule::kProneUnplannedReason); break;
      case Gap::kDebriefMissing: Count(tally, Rule::kDebrief); break;
      case Gap::kReviewLate: Count(tally, Rule::kPostIncidentReview); break;
      case Gap::kRestraintVitalsMissing: Count(tally, Rule::kRestraintMonitor); break;
      case Gap::kRapidTranquillisationVitalsGap: Count(tally, Rule::kRapidTranquillisationMonitor); break;
      case Gap::kLongHold: Count(tally, Rule::kManualDuration); break;
      case Gap::kSeclusionMedicalLate: Count(tally, Rule::kSeclusionMedical1h); break;
      case Gap::kSeclusionNursingGap: Count(tally, Rule::kSeclusionNursing); break;
      case Gap::kSeclusionObservationGap: Count(tally, Rule::kSeclusionObservation); break;
    }
  }

  std::string IncidentId(std::int64_t number) const {
    char text[32];
    std::snprintf(text, sizeof text, "INC-%07lld", static_cast<long long>(number + 1));
    return text;
  }

  static Minutes AsOfMinute() {
    static const Minutes as_of = LondonToInstant(2025, 12, 31, 0, 0);
    return as_of;
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
