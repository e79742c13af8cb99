// organisation.yaml of a generated audit: the fictional trust's profile.
#ifndef UOFA_ENGINE_GEN_ORGANISATION_PROFILE_H_
#define UOFA_ENGINE_GEN_ORGANISATION_PROFILE_H_

#include <string>
#include <vector>

namespace uofa::gen {

inline constexpr const char* kTrustName = "Example Mental Health NHS Foundation Trust";
inline constexpr const char* kPoliceForce = "Example Constabulary";
inline constexpr const char* kSecurityContractor = "Example Security Services Ltd";
inline constexpr const char* kStaffingAgency = "Example Healthcare Staffing";

struct UnitWards {
  std::string unit;
  std::vector<std::string> wards;
};

// The profile as YAML (DATA-CONTRACT.md, organisation.yaml): responsible person, `units` with
// their wards, delegations, policy and patient-information records, training programme,
// reduction plan and lead, police protocol, and the analysis by protected characteristic. It
// carries three organisation-level gaps, which the sample audit lists (samples/README.md): the
// policy reviewed 14 months before 2025-12-31, a delegation to an agency worker, and a
// substantial revision of the patient information not consulted on.
std::string OrganisationYaml(const std::vector<UnitWards>& units);

}  // namespace uofa::gen

#endif  // UOFA_ENGINE_GEN_ORGANISATION_PROFILE_H_
