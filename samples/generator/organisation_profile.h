// organisation.yaml: the sample trust's profile, and the organisation-level gaps planted in it.
#ifndef UOFA_SAMPLES_GENERATOR_ORGANISATION_PROFILE_H_
#define UOFA_SAMPLES_GENERATOR_ORGANISATION_PROFILE_H_

#include <string>
#include <vector>

#include "sample_model.h"

namespace uofa::samples {

// The profile as YAML (DATA-CONTRACT.md, organisation.yaml): responsible person, units,
// delegations, policy and patient-information records, training programme, reduction plan and
// lead, police protocol, and the analysis by protected characteristic.
std::string OrganisationYaml();

// The gaps written into the profile, one record each, in a fixed order.
std::vector<PlantedGap> OrganisationGaps();

}  // namespace uofa::samples

#endif  // UOFA_SAMPLES_GENERATOR_ORGANISATION_PROFILE_H_
