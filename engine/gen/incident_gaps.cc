#include "engine/gen/incident_gaps.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "engine/gen/phrases.h"

namespace uofa::gen {

namespace {

constexpr Minutes kHour = kMinutesPerHour;
constexpr Minutes kDay = kMinutesPerDay;

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

bool Eligible(const Incident& incident, Gap gap) {
  const Scenario scenario = incident.scenario;
  const bool negligible = scenario == Scenario::kNegligible;
  const Minutes as_of = AsOfInstant();
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

}  // namespace

Gap DrawGap(StreamRandom& random, const Incident& incident) {
  for (const GapRate& rate : GapRates()) {
    if (random.Between(0, 9999) < rate.per_10000 && Eligible(incident, rate.gap)) return rate.gap;
  }
  return Gap::kNone;
}

void PlantGap(StreamRandom& random, Gap gap, Incident& incident) {
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
      const Minutes latest = std::min<Minutes>((AsOfInstant() - recorded) / kDay - 1, 900);
      incident.deleted_at = recorded + random.Between(200, latest) * kDay;
      break;
    }
    case Gap::kRecordLate: incident.recorded_at = incident.EndedAt() + random.Between(25 * kHour, 9 * kDay); break;
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
      AddOfficers(random, incident);
      break;
    case Gap::kNoInvestigation:
      incident.patient_injury = "Y";
      incident.death_or_serious_injury = "Y";
      incident.investigation_ref.clear();
      break;
    case Gap::kCameraNotRunning: {
      static const std::vector<std::string> cameras = {"not_worn", "worn_not_operating", "", "unknown"};
      incident.police_camera = random.Pick(cameras);
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
      incident.post_incident_review_at = incident.EndedAt() + random.Between(4 * kDay, 9 * kDay);
      break;
    case Gap::kRestraintVitalsMissing: incident.observations.clear(); break;
    case Gap::kRapidTranquillisationVitalsGap:  // checks at 15 and 30 minutes, then none for hours
      incident.observations.resize(2);
      break;
    case Gap::kLongHold: {
      Intervention& last = incident.interventions.back();
      const Minutes longer = random.Between(11, 25);
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
          entry.at = start + random.Between(70, 110);
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
      for (Minutes at = start + 150; at < end; at += random.Between(90, 120)) kept.push_back({"nursing", at, by});
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

void TallyGap(Gap gap, RuleTally& tally, RuleTally& undecided) {
  switch (gap) {
    case Gap::kNone: break;
    case Gap::kReasonCodeMissing:
    case Gap::kReasonNotKnown:
    case Gap::kReasonOtherUnexplained: Count(tally, Rule::k5A); break;
    case Gap::kLocationMissing: Count(tally, Rule::k5B); break;
    case Gap::kEndTimeMissing:  // NG10-PIR cannot tell whether the review was within 72 hours
      Count(tally, Rule::k5B);
      Count(undecided, Rule::kPostIncidentReview);
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

}  // namespace uofa::gen
