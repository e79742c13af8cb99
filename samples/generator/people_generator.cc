#include "people_generator.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

#include "gen_parts.h"
#include "gen_parts.h"

namespace uofa::samples {

namespace {

// A value drawn from (value, weight) pairs.
std::string Draw(RandomSource& random, const std::vector<std::pair<std::string, int>>& table) {
  std::vector<int> weights;
  for (const auto& row : table) weights.push_back(row.second);
  return table[random.Weighted(weights)].first;
}

// Uses of force per patient before the top-up: most patients have none or one.
int DrawIncidentCount(RandomSource& random) {
  struct Bucket {
    int low, high, weight;
  };
  static const std::vector<Bucket> buckets = {{0, 0, 20}, {1, 1, 38}, {2, 2, 16}, {3, 3, 10},
                                              {4, 4, 6},  {5, 5, 4},  {6, 9, 4},  {10, 16, 2}};
  std::vector<int> weights;
  for (const auto& bucket : buckets) weights.push_back(bucket.weight);
  const Bucket& bucket = buckets[random.Weighted(weights)];
  return static_cast<int>(random.Between(bucket.low, bucket.high));
}

// Spreads counts so they sum to `total`: extra incidents go to patients in proportion to the
// number they already have (repeat restraint begets repeat restraint), giving the heavy tail.
void FitTotal(RandomSource& random, std::vector<Patient>& patients, int total) {
  int sum = 0;
  for (const auto& patient : patients) sum += patient.incident_count;
  while (sum < total) {
    std::vector<int> weights;
    for (const auto& patient : patients) weights.push_back(patient.incident_count >= 3 ? patient.incident_count : 0);
    patients[random.Weighted(weights)].incident_count++;
    ++sum;
  }
  while (sum > total) {
    std::vector<int> weights;
    for (const auto& patient : patients) weights.push_back(patient.incident_count >= 2 ? 1 : 0);
    patients[random.Weighted(weights)].incident_count--;
    --sum;
  }
}

int DrawWard(RandomSource& random, const std::string& sex, int incident_count) {
  std::vector<int> weights;
  for (const Ward& ward : Wards()) {
    int weight = ward.admissions;
    if (ward.sex != 0 && (ward.sex == 'F') != (sex == "female")) weight = 0;
    const std::string name = ward.name;
    if (incident_count >= 8 && (name == "Elm PICU" || name == "Rowan")) weight *= 3;
    weights.push_back(weight);
  }
  return static_cast<int>(random.Weighted(weights));
}

std::string DrawMentalDisorder(RandomSource& random, bool learning_disability) {
  if (learning_disability && random.Percent(50)) return "F71.1";
  return Draw(random, {{"F20.0", 25}, {"F25.1", 8}, {"F31.2", 10}, {"F23.1", 4}, {"F29", 5},
                       {"F32.3", 5}, {"F33.3", 2}, {"F60.3", 10}, {"F43.1", 4}, {"F10.5", 2},
                       {"F19.5", 3}, {"unknown", 5}, {"Psychotic episode, diagnosis not yet made", 3}});
}

}  // namespace

std::string GenerateNhsNumber(RandomSource& random, std::vector<std::string>& used) {
  for (;;) {
    std::string digits = "999";
    for (int i = 0; i < 6; ++i) digits += static_cast<char>('0' + random.Between(0, 9));
    const int check = NhsCheckDigit(digits);
    if (check == 10) continue;  // no valid number starts with these nine digits
    digits += static_cast<char>('0' + check);
    if (std::find(used.begin(), used.end(), digits) != used.end()) continue;
    used.push_back(digits);
    return digits;
  }
}

std::vector<Patient> GeneratePatients(RandomSource& random, int count, int total_incidents) {
  std::vector<Patient> patients(static_cast<std::size_t>(count));
  for (auto& patient : patients) patient.incident_count = DrawIncidentCount(random);
  FitTotal(random, patients, total_incidents);

  std::vector<int> name_slots;
  const auto& first_names = phrases::FirstNames();
  const auto& surnames = phrases::PatientSurnames();
  for (int i = 0; i < static_cast<int>(first_names.size() * surnames.size()); ++i) name_slots.push_back(i);
  random.Shuffle(name_slots);

  std::vector<std::string> used_numbers;
  for (std::size_t i = 0; i < patients.size(); ++i) {
    Patient& patient = patients[i];
    char id[32];
    std::snprintf(id, sizeof id, "P%04zu", i + 1);
    patient.patient_id = id;
    const auto slot = static_cast<std::size_t>(name_slots[i]);
    patient.name = first_names[slot % first_names.size()] + " " + surnames[slot / first_names.size()];
    patient.nhs_number = GenerateNhsNumber(random, used_numbers);

    patient.sex = random.Percent(patient.incident_count >= 6 ? 70 : 45) ? "female" : "male";
    patient.ward = DrawWard(random, patient.sex, patient.incident_count);
    const std::string ward = Wards()[static_cast<std::size_t>(patient.ward)].name;
    const bool picu = ward == "Elm PICU";

    const int max_age = picu ? 45 : ward == "Rowan" ? 60 : 75;
    // One draw per statement throughout: the order in which a call's arguments are evaluated is
    // unspecified, and compilers differ, so two draws in one call would break reproducibility.
    const auto age = static_cast<int>(random.Between(18, max_age));
    const auto birth_month = static_cast<int>(random.Between(1, 12));
    const auto birth_day = static_cast<int>(random.Between(1, 28));
    patient.date_of_birth = FormatDate(DaysFromCivil(2025 - age, birth_month, birth_day));

    patient.ethnicity = Draw(random, {{"A", 52}, {"B", 3}, {"C", 4}, {"D", 2}, {"E", 1}, {"F", 1},
                                      {"G", 2}, {"H", 3}, {"J", 3}, {"K", 2}, {"L", 2}, {"M", 6},
                                      {"N", 7}, {"P", 3}, {"R", 1}, {"S", 3}, {"Z", 4}, {"99", 2}});
    patient.religion = Draw(random, {{"No religion", 35}, {"Christian", 30}, {"Muslim", 10}, {"Hindu", 3},
                                     {"Sikh", 2}, {"Jewish", 1}, {"Buddhist", 1}, {"Other", 2},
                                     {"Not stated", 12}, {"Not known", 4}});
    patient.marital_status = Draw(random, {{"Single", 65}, {"Married", 12}, {"Civil partnership", 1},
                                           {"Divorced", 8}, {"Separated", 4}, {"Widowed", 2}, {"Not known", 8}});
    patient.sexual_orientation = Draw(random, {{"Heterosexual or straight", 70}, {"Gay or lesbian", 5},
                                               {"Bisexual", 4}, {"Other", 1}, {"Not stated", 12},
                                               {"Not known", 8}});
    patient.disability = Draw(random, {{"Y", 15}, {"N", 70}, {"U", 15}});
    if (patient.disability == "Y") {
      patient.disability_nature = Draw(random, {{"Mobility impairment", 3}, {"Hearing impairment", 2},
                                                {"Visual impairment", 1},
                                                {"Long-term physical health condition", 4}});
    }
    patient.pregnant = patient.sex == "male" || age > 55 ? "N" : Draw(random, {{"N", 85}, {"U", 15}});

    const bool rowan = ward == "Rowan";
    patient.learning_disability = Draw(random, {{"Y", rowan ? 40 : 4}, {"N", rowan ? 54 : 90}, {"U", 6}});
    patient.autism = Draw(random, {{"Y", rowan ? 45 : 7}, {"N", rowan ? 49 : 87}, {"U", 6}});
    patient.mental_disorder = DrawMentalDisorder(random, patient.learning_disability == "Y");
    patient.legal_status =
        picu ? Draw(random, {{"section 3", 60}, {"section 2", 25}, {"section 37/41", 10}, {"section 37", 5}})
             : Draw(random, {{"informal", 18}, {"section 2", 30}, {"section 3", 42}, {"section 37", 6},
                             {"section 37/41", 4}});
  }
  return patients;
}

std::vector<StaffMember> GenerateStaff(RandomSource& random) {
  struct Post {
    const char* job_title;
    int per_unit;
    StaffGroup group;
    bool agency;
  };
  static const std::vector<Post> posts = {
      {"Ward Manager", 3, StaffGroup::kNurse, false},
      {"Charge Nurse", 4, StaffGroup::kNurse, false},
      {"Registered Mental Health Nurse", 9, StaffGroup::kNurse, false},
      {"Healthcare Assistant", 8, StaffGroup::kSupportWorker, false},
      {"Senior Healthcare Assistant", 2, StaffGroup::kSupportWorker, false},
      {"Nursing Associate", 2, StaffGroup::kSupportWorker, false},
      {"Healthcare Assistant", 2, StaffGroup::kSupportWorker, true},
      {"Consultant Psychiatrist", 2, StaffGroup::kDoctor, false},
      {"Specialty Doctor", 1, StaffGroup::kDoctor, false},
      {"Core Trainee Psychiatrist", 1, StaffGroup::kDoctor, false},
  };
  const auto& first_names = phrases::FirstNames();
  const auto& surnames = phrases::StaffSurnames();
  std::vector<int> name_slots;
  for (int i = 0; i < static_cast<int>(first_names.size() * surnames.size()); ++i) name_slots.push_back(i);
  random.Shuffle(name_slots);

  std::vector<StaffMember> staff;
  for (int unit = 0; unit < 2; ++unit) {
    for (const Post& post : posts) {
      for (int i = 0; i < post.per_unit; ++i) {
        StaffMember member;
        char id[32];
        std::snprintf(id, sizeof id, "S%03zu", staff.size() + 1);
        member.staff_id = id;
        const auto slot = static_cast<std::size_t>(name_slots[staff.size()]);
        member.name = first_names[slot % first_names.size()] + " " + surnames[slot / first_names.size()];
        member.job_title = post.job_title;
        member.organisation = post.agency ? kStaffingAgency : "";
        member.employment = post.agency ? "agency" : "employee";
        member.unit = unit;
        member.group = post.group;
        staff.push_back(member);
      }
    }
  }

  // Bank, locum and non-clinical posts, after the clinical ones so that their ids and names
  // follow on. None is drawn into an incident; their training histories are laid out on purpose
  // (TrainingPlan), so the register has exemptions, new starters and late inductions.
  struct ExtraPost {
    const char* job_title;
    const char* employment;
    TrainingPlan plan[2];  // Riverside Unit, Hillside Unit
  };
  static const std::vector<ExtraPost> extra_posts = {
      {"Registered Mental Health Nurse", "bank", {TrainingPlan::kExempt, TrainingPlan::kLateInduction}},
      {"Registered Mental Health Nurse", "bank", {TrainingPlan::kLateInduction, TrainingPlan::kNewStarterTrained}},
      {"Healthcare Assistant", "bank", {TrainingPlan::kLateInduction, TrainingPlan::kExempt}},
      {"Healthcare Assistant", "bank", {TrainingPlan::kNewStarterPending, TrainingPlan::kDrawn}},
      {"Locum Consultant Psychiatrist", "contractor", {TrainingPlan::kExempt, TrainingPlan::kDrawn}},
      {"Clinical Psychologist", "employee", {TrainingPlan::kNone, TrainingPlan::kNone}},
      {"Occupational Therapist", "employee", {TrainingPlan::kNone, TrainingPlan::kNone}},
      {"Ward Administrator", "employee", {TrainingPlan::kNone, TrainingPlan::kNone}},
  };
  for (int unit = 0; unit < 2; ++unit) {
    for (const ExtraPost& post : extra_posts) {
      StaffMember member;
      char id[32];
      std::snprintf(id, sizeof id, "S%03zu", staff.size() + 1);
      member.staff_id = id;
      const auto slot = static_cast<std::size_t>(name_slots[staff.size()]);
      member.name = first_names[slot % first_names.size()] + " " + surnames[slot / first_names.size()];
      member.job_title = post.job_title;
      member.employment = post.employment;
      member.unit = unit;
      member.group = StaffGroup::kOther;
      member.plan = post.plan[unit];
      member.may_use_force = member.plan != TrainingPlan::kNone;
      staff.push_back(member);
    }
  }
  return staff;
}

}  // namespace uofa::samples
