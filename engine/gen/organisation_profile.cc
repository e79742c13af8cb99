#include "engine/gen/organisation_profile.h"

namespace uofa::gen {

std::string OrganisationYaml(const std::vector<UnitWards>& unit_wards) {
  std::string units;
  for (const UnitWards& unit : unit_wards) {
    units += "  - name: " + unit.unit + "\n    wards: [";
    bool first = true;
    for (const std::string& ward : unit.wards) {
      units += (first ? "" : ", ") + ward;
      first = false;
    }
    units += "]\n";
  }
  // Three gaps: the policy was last reviewed 14 months before the
  // audit date; a delegation goes to an agency worker; the patient information's latest
  // substantial revision was not consulted on.
  return "# The trust's profile (fictional): responsible person, units, policy and patient-information\n"
         "# records, training programme, reduction plan and police protocol.\n"
         "name: " + std::string(kTrustName) + "\n"
         "ods_code: RXX\n"
         "kind: nhs_foundation_trust\n"
         "units:\n" + units +
         "responsible_person:\n"
         "  name: Morgan Template\n"
         "  job_title: Chief Nurse\n"
         "  employed_by_organisation: true\n"
         "  board_member: true\n"
         "  appointed_on: 2022-02-01\n"
         "delegations:\n"
         "  - name: Casey Outline\n"
         "    job_title: Head of Nursing, Reducing Restrictive Practice\n"
         "    employee: true\n"
         "    functions: [training, recording]\n"
         "  - name: Drew Versionby\n"
         "    job_title: Interim Training Lead (agency)\n"
         "    employee: false\n"
         "    functions: [training]\n"
         "policy:\n"
         "  title: Use of Force Policy\n"
         "  version: \"3.1\"\n"
         "  document: policy/use-of-force-policy.md\n"
         "  published_on: 2024-04-01\n"
         "  published_url: https://example.nhs.uk/policies/use-of-force\n"
         "  last_reviewed_on: 2024-10-31\n"
         "  next_review_on: 2025-10-31\n"
         "  consultations:\n"
         "    - on: 2024-02-10\n"
         "      with: [patients' council, carers' forum, staff side]\n"
         "  revisions:\n"
         "    - version: \"3.0\"\n"
         "      on: 2024-04-01\n"
         "      substantial: true\n"
         "      consulted_on: 2024-02-10\n"
         "    - version: \"3.1\"\n"
         "      on: 2024-10-31\n"
         "      substantial: false\n"
         "patient_information:\n"
         "  title: Your rights about the use of force\n"
         "  version: \"2.1\"\n"
         "  document: policy/patient-information.md\n"
         "  published_on: 2024-04-01\n"
         "  published_url: https://example.nhs.uk/patients/use-of-force-rights\n"
         "  last_reviewed_on: 2025-05-12\n"
         "  next_review_on: 2026-05-12\n"
         "  consultations:\n"
         "    - on: 2024-02-10\n"
         "      with: [patients' council, carers' forum]\n"
         "  revisions:\n"
         "    - version: \"2.0\"\n"
         "      on: 2024-04-01\n"
         "      substantial: true\n"
         "      consulted_on: 2024-02-10\n"
         "    - version: \"2.1\"\n"
         "      on: 2025-05-12\n"
         "      substantial: true\n"
         "  formats: [standard, easy_read, translated, audio, bsl]\n"
         "training_programme:\n"
         "  provider: Example Restraint Reduction Training Ltd\n"
         "  rrn_certified: true\n"
         "  certificate_expires_on: 2026-09-30\n"
         "  topics: [a, b, c, d, e, f, g, h, i, j, k]\n"
         "reduction_plan:\n"
         "  document: policy/reducing-restrictive-practice-plan.md\n"
         "  last_updated_on: 2025-06-01\n"
         "reduction_lead:\n"
         "  name: Robin Schema\n"
         "  job_title: Medical Director\n"
         "  board_member: true\n"
         "protected_characteristic_analysis:\n"
         "  last_done_on: 2025-10-15\n"
         "  characteristics: [age, disability, marriage_or_civil_partnership, pregnancy, race, religion_or_belief,\n"
         "    sex, sexual_orientation, learning_disability, autism]\n"
         "police_protocol:\n"
         "  agreed_with: " + std::string(kPoliceForce) + "\n"
         "  agreed_on: 2023-05-01\n";
}

}  // namespace uofa::gen
