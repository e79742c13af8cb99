#include "admission_generator.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

namespace uofa::samples {

namespace {

std::int64_t Day(int year, int month, int day) {
  return DaysFromCivil(year, month, day);
}

std::string Draw(RandomSource& random, const std::vector<std::pair<std::string, int>>& table) {
  std::vector<int> weights;
  for (const auto& row : table) weights.push_back(row.second);
  return table[random.Weighted(weights)].first;
}

class AdmissionBuilder {
 public:
  AdmissionBuilder(RandomSource& random, SampleTrust& trust)
      : random_(random), trust_(trust), as_of_day_(LocalDay(AsOf())) {}

  std::vector<PlantedGap> Build();

 private:
  Minutes AdmittedAt(std::int64_t day);
  void Admit(int patient, std::int64_t admit_day, std::int64_t discharge_day);
  void GiveInformation(Admission& admission);
  void PlaceFeatures();
  std::vector<PlantedGap> PlantGaps();

  RandomSource& random_;
  SampleTrust& trust_;
  std::int64_t as_of_day_;
};

// Admissions come at any hour, most in the day and evening.
Minutes AdmissionBuilder::AdmittedAt(std::int64_t day) {
  static const std::vector<int> hour_weights = {1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5,
                                                5, 5, 5, 5, 5, 5, 4, 4, 3, 3, 2, 2};
  const auto hour = static_cast<int>(random_.Weighted(hour_weights));
  const auto minute = static_cast<int>(random_.Between(0, 59));
  return AtLocalTime(day, hour, minute);
}

void AdmissionBuilder::Admit(int patient, std::int64_t admit_day, std::int64_t discharge_day) {
  Admission admission;
  admission.patient = patient;
  admission.ward = trust_.patients[static_cast<std::size_t>(patient)].ward;
  admission.admitted_at = AdmittedAt(admit_day);
  if (discharge_day < as_of_day_ - 1) {
    const auto hour = static_cast<int>(random_.Between(10, 16));
    const auto minute = static_cast<int>(random_.Between(0, 59));
    admission.discharged_at = AtLocalTime(discharge_day, hour, minute);
  }
  GiveInformation(admission);
  trust_.admissions.push_back(admission);
}

void AdmissionBuilder::GiveInformation(Admission& admission) {
  const Patient& patient = trust_.patients[static_cast<std::size_t>(admission.patient)];
  if (patient.learning_disability == "Y") {
    admission.info_format = "easy_read";
  } else {
    admission.info_format =
        Draw(random_, {{"standard", 90}, {"translated", 6}, {"audio", 2}, {"bsl", 2}});
  }
  admission.info_given_to_others =
      Draw(random_, {{"", 55},
                     {"Copy given to the nearest relative", 18},
                     {"Copy given to the patient's carer", 10},
                     {"Copy sent to the independent mental health advocate", 12},
                     {"Explained to the patient's mother, who visits daily, and a copy given", 5}});
  const bool refused = random_.Percent(5);
  if (refused) {
    admission.info_refused = "Y";
    admission.understanding_checked = "N";
    return;
  }
  admission.info_refused = "N";
  admission.info_given_at = admission.admitted_at + random_.Between(30, 60 * 60);
  admission.understanding_checked = "Y";
}

// Clean records placed on purpose, which look irregular but break no duty in force.
void AdmissionBuilder::PlaceFeatures() {
  // Admitted before s.4 came into force, on the older process: nothing recorded about the leaflet.
  std::vector<Admission*> early;
  for (Admission& admission : trust_.admissions) {
    if (admission.admitted_at < Section6InForce() - 7 * kMinutesPerDay &&
        admission.info_refused == "N") {
      early.push_back(&admission);
    }
  }
  random_.Shuffle(early);
  for (std::size_t k = 0; k < early.size() && k < 2; ++k) {
    early[k]->info_given_at.reset();
    early[k]->info_refused.clear();
    early[k]->understanding_checked.clear();
    early[k]->planted_gap = "feature:before_section_4";
  }

  // Admitted the day before the audit date: the information is not yet due.
  std::vector<int> candidates;
  for (std::size_t p = 0; p < trust_.patients.size(); ++p) {
    if (trust_.patients[p].incident_count != 0) continue;
    bool away = true;
    for (const Admission& admission : trust_.admissions) {
      if (admission.patient == static_cast<int>(p) &&
          (!admission.discharged_at ||
           *admission.discharged_at > AtLocalTime(as_of_day_ - 30, 0, 0))) {
        away = false;
      }
    }
    if (away) candidates.push_back(static_cast<int>(p));
  }
  if (candidates.empty()) return;
  Admission admission;
  admission.patient = random_.Pick(candidates);
  admission.ward = trust_.patients[static_cast<std::size_t>(admission.patient)].ward;
  admission.admitted_at = AtLocalTime(as_of_day_ - 1, 14, 20);
  admission.info_refused = "N";
  admission.info_format = "standard";
  admission.understanding_checked = "N";
  admission.planted_gap = "feature:information_not_yet_due";
  trust_.admissions.push_back(admission);
}

std::vector<PlantedGap> AdmissionBuilder::PlantGaps() {
  std::vector<Admission*> pool;
  for (Admission& admission : trust_.admissions) {
    const Minutes until = admission.discharged_at.value_or(AsOf());
    if (admission.planted_gap.empty() && admission.info_refused == "N" &&
        admission.admitted_at >= Section6InForce() + 3 * kMinutesPerDay &&
        admission.admitted_at <= AsOf() - 10 * kMinutesPerDay &&
        until - admission.admitted_at >= 12 * kMinutesPerDay) {
      pool.push_back(&admission);
    }
  }
  random_.Shuffle(pool);
  std::vector<PlantedGap> gaps;
  std::size_t next = 0;
  auto plant = [&](const std::string& name, int count, const auto& change) {
    int planted = 0;
    for (; planted < count && next < pool.size(); ++planted, ++next) {
      pool[next]->planted_gap = name;
      change(*pool[next]);
    }
    gaps.push_back({name, planted});
  };
  // Given 80 to 240 hours after admission, past the 72 hours.
  plant("admission_info_late", 4, [&](Admission& admission) {
    admission.info_given_at = admission.admitted_at + random_.Between(80 * 60, 240 * 60);
  });
  // Never given, and not refused.
  plant("admission_info_not_given", 2, [](Admission& admission) {
    admission.info_given_at.reset();
    admission.understanding_checked = "N";
  });
  // Given on time in the standard format, and nobody checked the patient understood it (a format
  // chosen for the patient would have been a step towards understanding).
  std::stable_partition(
      pool.begin() + static_cast<std::ptrdiff_t>(std::min(next, pool.size())), pool.end(),
      [](const Admission* admission) { return admission->info_format == "standard"; });
  plant("admission_understanding_not_checked", 3,
        [](Admission& admission) { admission.understanding_checked = "N"; });
  return gaps;
}

std::vector<PlantedGap> AdmissionBuilder::Build() {
  for (std::size_t p = 0; p < trust_.patients.size(); ++p) {
    const int patient = static_cast<int>(p);
    std::int64_t admit_day = 0;
    std::int64_t discharge_day = 0;
    if (trust_.patients[p].incident_count > 0) {
      Minutes first = 0;
      Minutes last = 0;
      bool seen = false;
      for (const Incident& incident : trust_.incidents) {
        if (incident.patient != patient) continue;
        first = seen ? std::min(first, incident.started_at) : incident.started_at;
        last = seen ? std::max(last, incident.ended_at) : incident.ended_at;
        seen = true;
      }
      const std::int64_t before = random_.Between(2, 90);
      const std::int64_t after = random_.Between(5, 120);
      admit_day = LocalDay(first) - before;
      discharge_day = LocalDay(last) + after;
    } else {
      // Without a use of force: about a third are on the wards on the audit date.
      const bool current = random_.Percent(30);
      if (current) {
        admit_day = random_.Between(as_of_day_ - 200, as_of_day_ - 15);
        discharge_day = as_of_day_;
      } else {
        admit_day = random_.Between(Day(2022, 1, 10), Day(2025, 11, 20));
        const std::int64_t length = random_.Between(10, 150);
        discharge_day = admit_day + length;
      }
    }
    const bool readmitted = random_.Percent(25);
    if (readmitted) {
      const std::int64_t gap = random_.Between(14, 240);
      const std::int64_t length = random_.Between(10, 90);
      const std::int64_t earlier_discharge = admit_day - gap;
      if (earlier_discharge - length >= Day(2021, 6, 1))
        Admit(patient, earlier_discharge - length, earlier_discharge);
    }
    Admit(patient, admit_day, discharge_day);
  }
  PlaceFeatures();
  std::stable_sort(
      trust_.admissions.begin(), trust_.admissions.end(),
      [](const Admission& a, const Admission& b) { return a.admitted_at < b.admitted_at; });
  int sequence = 0;
  for (Admission& admission : trust_.admissions) {
    char id[24];
    std::snprintf(id, sizeof id, "ADM-%04d", ++sequence);
    admission.admission_id = id;
  }
  return PlantGaps();
}

}  // namespace

std::vector<PlantedGap> GenerateAdmissions(RandomSource& random, SampleTrust& trust) {
  return AdmissionBuilder(random, trust).Build();
}

}  // namespace uofa::samples
