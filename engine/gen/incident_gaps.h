// The gaps `uofa gen` plants on incidents: which incidents each can go on, how it changes the
// incident, and the rule it makes fail.
#ifndef UOFA_ENGINE_GEN_INCIDENT_GAPS_H_
#define UOFA_ENGINE_GEN_INCIDENT_GAPS_H_

#include "engine/gen/incident_model.h"
#include "engine/gen/planted_rules.h"
#include "engine/gen/random_source.h"

namespace uofa::gen {

// The kinds of gap planted on incidents. Each makes its incident fail the rules TallyGap counts and
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

// At most one gap for the incident: each kind in a fixed order is drawn with its rate, and the
// first drawn that fits the incident is the one. Every kind is drawn, so the stream advances by
// the same count whatever the incident.
Gap DrawGap(StreamRandom& random, const Incident& incident);

// Changes the incident as the gap says.
void PlantGap(StreamRandom& random, Gap gap, Incident& incident);

// Counts the records the gap makes fail (and leaves undecided) in the rules it affects.
void TallyGap(Gap gap, RuleTally& failed, RuleTally& undecided);

}  // namespace uofa::gen

#endif  // UOFA_ENGINE_GEN_INCIDENT_GAPS_H_
