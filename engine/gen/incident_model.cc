#include "engine/gen/incident_model.h"

#include "engine/gen/organisation_profile.h"
#include "engine/gen/phrases.h"

namespace uofa::gen {

bool IsPhysical(const std::string& code) { return code == "01" || (code >= "07" && code <= "13"); }

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

void AddOfficers(StreamRandom& random, Incident& incident) {
  const int officers = static_cast<int>(random.Between(1, 2));
  for (int i = 0; i < officers; ++i) {
    Person officer;
    officer.name = "PC " + random.Pick(phrases::PoliceSurnames());
    officer.job_title = "Police Constable";
    officer.is_staff = "N";
    officer.organisation = kPoliceForce;
    officer.reason_involved = random.Pick(phrases::PoliceReasons());
    officer.role = "hands_on";
    incident.people.push_back(officer);
  }
}

Minutes AsOfInstant() {
  static const Minutes as_of = LondonToInstant(2025, 12, 31, 0, 0);
  return as_of;
}

}  // namespace uofa::gen
