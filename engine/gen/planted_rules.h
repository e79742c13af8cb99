// The rules `uofa gen` plants failures for, in the order it reports them. Each planted kind of
// gap (incident_gaps.h, people.h) names the one rule it makes fail.
#ifndef UOFA_ENGINE_GEN_PLANTED_RULES_H_
#define UOFA_ENGINE_GEN_PLANTED_RULES_H_

#include <array>
#include <cstdint>

namespace uofa::gen {

enum class Rule : int {
  k5A, k5B, k5BIntervention, k5C, k5D, k5E, k5F, k5G, k5H, k5I, k5IPolice, k5J,
  k5KAge, k5KDisability, k5KDisabilityNature, k5KMarriage, k5KPregnancy, k5KRace, k5KReligion, k5KSex,
  k5KOrientation, k5L, k5M, k5N, k5O, k5P, k5PSent, k6, k6Retention,
  kNegReason, kNegType, kNegInjury, kNegPolice, kS9, kS12Camera,
  kRecordTimely, kPronePlanned, kProneUnplannedReason,
  kDebrief, kPostIncidentReview, kRestraintMonitor, kRapidTranquillisationMonitor, kManualDuration,
  kSeclusionMedical1h, kSeclusionNursing, kSeclusionObservation,
  // One record each, in the organisation profile and the policy documents (organisation_profile.h,
  // policy_documents.h): the policy's review overdue, a revision of the patient information not
  // consulted on, a delegation to an agency worker, three topics missing from the policy.
  kPolicyReview, kPatientInformationConsulted, kDelegationToEmployee, kPolicyComplaints, kPolicyPostIncident,
  kPolicyReviewDate,
  // Rules every record is generated to pass: listed so that a benchmark checks them too.
  kSeclusionMedical4h, kSeclusionMdtFirst, kSeclusionIndependent, kSeclusionInformal,
  kRapidTranquillisationMonitorRisk, kMechanical,
  kCount,
};

inline constexpr std::array<const char*, static_cast<int>(Rule::kCount)> kRuleIds = {
    "UOF-S6-5A", "UOF-S6-5B", "UOF-S6-5B-INTERVENTION", "UOF-S6-5C", "UOF-S6-5D", "UOF-S6-5E", "UOF-S6-5F",
    "UOF-S6-5G", "UOF-S6-5H", "UOF-S6-5I", "UOF-S6-5I-POLICE", "UOF-S6-5J",
    "UOF-S6-5K-AGE", "UOF-S6-5K-DISABILITY", "UOF-S6-5K-DISABILITY-NATURE", "UOF-S6-5K-MARRIAGE",
    "UOF-S6-5K-PREGNANCY", "UOF-S6-5K-RACE", "UOF-S6-5K-RELIGION", "UOF-S6-5K-SEX", "UOF-S6-5K-ORIENTATION",
    "UOF-S6-5L", "UOF-S6-5M", "UOF-S6-5N", "UOF-S6-5O", "UOF-S6-5P", "UOF-S6-5P-SENT", "UOF-S6-6",
    "UOF-S6-6-RETENTION",
    "UOF-S6-NEG-REASON", "UOF-S6-NEG-TYPE", "UOF-S6-NEG-INJURY", "UOF-S6-NEG-POLICE", "UOF-S9", "UOF-S12-CAMERA",
    "UOFG-RECORD-TIMELY", "UOFG-PRONE-PLANNED", "UOFG-PRONE-UNPLANNED-REASON",
    "NG10-DEBRIEF", "NG10-PIR", "NG10-RESTRAINT-MONITOR", "NG10-RT-MONITOR", "NG10-MANUAL-DURATION",
    "COP26-SECL-MED-1H", "COP26-SECL-NURSING", "COP26-SECL-OBS",
    "UOF-S3-4", "UOF-S4-8", "UOF-S10-EMPLOYEE", "UOFG-POLICY-COMPLAINTS", "UOFG-POLICY-POST-INCIDENT",
    "UOFG-POLICY-REVIEW-DATE",
    "COP26-SECL-MED-4H", "COP26-SECL-MDT-FIRST", "COP26-SECL-INDEPENDENT", "COP26-SECL-INFORMAL",
    "NG10-RT-MONITOR-RISK", "NG10-MECHANICAL",
};

static_assert(kRuleIds.back() != nullptr, "one id per rule");

// Failing records per rule.
using RuleTally = std::array<std::int64_t, static_cast<int>(Rule::kCount)>;

inline void Count(RuleTally& tally, Rule rule) { ++tally[static_cast<int>(rule)]; }

}  // namespace uofa::gen

#endif  // UOFA_ENGINE_GEN_PLANTED_RULES_H_
