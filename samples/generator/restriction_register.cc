#include "restriction_register.h"

#include <string>

namespace uofa::samples {

namespace {

// Patients in hospital on the audit date (admitted at least 45 days before), in admission order.
std::vector<const Admission*> CurrentAdmissions(const SampleTrust& trust) {
  std::vector<const Admission*> current;
  for (const Admission& admission : trust.admissions) {
    if (!admission.discharged_at && admission.admitted_at < AsOf() - 45 * kMinutesPerDay)
      current.push_back(&admission);
  }
  return current;
}

}  // namespace

std::vector<PlantedGap> GenerateRestrictions(RandomSource& random, SampleTrust& trust) {
  std::vector<Restriction>& rows = trust.restrictions;
  // ward, restriction, scope, patient_id, justification, approved_by, started_on, last_reviewed_on,
  // ended_on, communicated_to_patients, planted gap
  rows.push_back(
      {"Oak", "Garden locked from 21:00 to 07:00", "ward", "",
       "The garden backs onto an unlit railway embankment and the fence is low at one end; "
       "agreed with the patients' forum until the new fence is built",
       "Ward Manager and Modern Matron", "2023-06-01", "2025-11-10", "", "Y", ""});
  rows.push_back({"Oak", "Bedroom doors locked during the day", "ward", "",
                  "Thefts between bedrooms; replaced by key fobs for every patient", "Ward Manager",
                  "2023-02-13", "2024-06-20", "2024-09-02", "Y", "feature:ended"});
  rows.push_back({"Elm PICU", "No lighters or matches on the ward", "ward", "",
                  "Fire risk in a locked unit with sealed windows; staff light cigarettes in the "
                  "garden on request",
                  "Modern Matron", "2022-05-09", "2025-10-21", "", "Y", ""});
  rows.push_back(
      {"Elm PICU", "Mobile phones with cameras kept in lockers; ward phone and tablets available",
       "ward", "",
       "Protects other patients' privacy and dignity while acutely unwell; "
       "phones returned at any time for calls in the quiet room",
       "Modern Matron and Consultant Psychiatrist", "2022-05-09", "2025-10-21", "", "Y", ""});
  rows.push_back({"Ash", "Belongings searched on return from leave", "ward", "",
                  "Items brought back from leave caused two serious self-harm incidents in 2024; "
                  "each patient may ask for an individual risk review instead",
                  "Ward Manager and Modern Matron", "2024-08-19", "2025-11-24", "", "Y", ""});
  rows.push_back({"Birch", "Hot drinks from the kitchen between 07:00 and 23:00 only", "ward", "",
                  "", "Ward Manager", "2024-01-08", "2025-10-06", "", "Y",
                  "restriction_not_justified"});
  rows.push_back(
      {"Willow", "Kitchen locked except at mealtimes", "ward", "",
       "Knives and hot surfaces; patients cooking with an occupational therapist keep access",
       "Ward Manager", "2023-09-04", "2025-06-20", "", "Y", "restriction_review_overdue"});
  rows.push_back({"Rowan", "Internet on the ward tablet only, from 09:00 to 21:00", "ward", "",
                  "Several patients at risk of online exploitation; ward Wi-Fi not filtered",
                  "Ward Manager and Consultant Psychiatrist", "2024-04-15", "2025-12-01", "", "N",
                  "restriction_not_communicated"});
  // Individual restrictions, each for a different patient in hospital on the audit date, on
  // that patient's ward.
  struct Individual {
    const char* restriction;
    const char* justification;
    const char* approved_by;
    const char* started_on;
    const char* last_reviewed_on;
  };
  static const std::vector<Individual> individual = {
      {"Garden only with a member of staff",
       "Climbed the fence twice in the first weeks of the admission; "
       "reviewed at each ward round",
       "Consultant Psychiatrist", "2025-11-20", "2025-12-22"},
      {"No belts or cords", "Ligature risk after an attempt with a dressing-gown cord in November",
       "Consultant Psychiatrist", "2025-12-01", "2025-12-15"},
      {"Plastic cutlery at meals", "Self-harm with a metal knife; the patient agreed the plan",
       "Ward Manager", "2025-12-05", "2025-12-19"},
  };
  std::vector<const Admission*> current = CurrentAdmissions(trust);
  random.Shuffle(current);
  for (std::size_t k = 0; k < individual.size() && k < current.size(); ++k) {
    const Admission& admission = *current[k];
    rows.push_back({Wards()[static_cast<std::size_t>(admission.ward)].name,
                    individual[k].restriction, "individual",
                    trust.patients[static_cast<std::size_t>(admission.patient)].patient_id,
                    individual[k].justification, individual[k].approved_by,
                    individual[k].started_on, individual[k].last_reviewed_on, "", "Y", ""});
  }

  return {
      {"restriction_not_justified", 1},
      {"restriction_review_overdue", 1},
      {"restriction_not_communicated", 1},
  };
}

}  // namespace uofa::samples
