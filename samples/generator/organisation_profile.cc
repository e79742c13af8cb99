#include "organisation_profile.h"

#include "engine/gen/organisation_profile.h"

namespace uofa::samples {

std::string OrganisationYaml() {
  std::vector<gen::UnitWards> units;
  for (const std::string& unit : UnitNames()) {
    gen::UnitWards entry{unit, {}};
    for (const Ward& ward : Wards()) {
      if (unit == ward.unit) entry.wards.push_back(ward.name);
    }
    units.push_back(entry);
  }
  return gen::OrganisationYaml(units);
}

std::vector<PlantedGap> OrganisationGaps() {
  return {
      {"policy_review_overdue", 1},
      {"delegation_to_non_employee", 1},
      {"patient_information_revision_not_consulted", 1},
  };
}

}  // namespace uofa::samples
