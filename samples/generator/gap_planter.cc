#include "gap_planter.h"

#include <algorithm>
#include <functional>

#include "phrases.h"

namespace uofa::samples {

namespace {

constexpr Minutes kDay = kMinutesPerDay;

class GapPlanter {
 public:
  GapPlanter(RandomSource& random, SampleTrust& trust) : random_(random), trust_(trust) {}

  // Plants `name` on up to `count` incidents that `accept`s, changing each with `plant`.
  // A name starting with "feature:" is a clean record placed on purpose and is not reported.
  void OnIncidents(const std::string& name, int count, const std::function<bool(const Incident&)>& accept,
                   const std::function<void(Incident&)>& plant, bool negligible_kind = false) {
    std::vector<Incident*> pool;
    for (Incident& incident : trust_.incidents) {
      if (Available(incident, negligible_kind) && accept(incident)) pool.push_back(&incident);
    }
    random_.Shuffle(pool);
    int planted = 0;
    for (Incident* incident : pool) {
      if (planted == count) break;
      incident->planted_gap = name;
      plant(*incident);
      ++planted;
    }
    Report(name, planted);
  }

  // Plants `name` on up to `count` patients whose one use of force is available.
  void OnPatients(const std::string& name, int count, const std::function<void(Patient&, int)>& plant) {
    std::vector<Incident*> pool;
    for (Incident& incident : trust_.incidents) {
      const Patient& patient = trust_.patients[static_cast<std::size_t>(incident.patient)];
      if (patient.incident_count == 1 && patient.planted_gap.empty() && Available(incident, false)) {
        pool.push_back(&incident);
      }
    }
    random_.Shuffle(pool);
    int planted = 0;
    for (Incident* incident : pool) {
      if (planted == count) break;
      Patient& patient = trust_.patients[static_cast<std::size_t>(incident->patient)];
      patient.planted_gap = name;
      incident->planted_gap = "patient " + name;
      plant(patient, planted);
      ++planted;
    }
    Report(name, planted);
  }

  std::vector<PlantedGap> Result() const { return gaps_; }
  RandomSource& random() { return random_; }

 private:
  bool Available(const Incident& incident, bool negligible_kind) const {
    const Minutes settled = Section6InForce() + 3 * kDay;
    return !incident.pinned && incident.planted_gap.empty() && incident.started_at >= settled &&
           (incident.scenario == Scenario::kNegligible) == negligible_kind;
  }

  void Report(const std::string& name, int planted) {
    if (name.rfind("feature:", 0) != 0) gaps_.push_back({name, planted});
  }

  RandomSource& random_;
  SampleTrust& trust_;
  std::vector<PlantedGap> gaps_;
};

bool HasPolice(const Incident& incident) {
  return incident.police_involved && incident.started_at >= Section12InForce() + kDay &&
         incident.police_camera == "worn_operating";
}

bool HasNonStaff(const Incident& incident) {
  return std::any_of(incident.people.begin(), incident.people.end(),
                     [](const Involvement& person) { return person.is_staff == "N"; });
}

}  // namespace

std::vector<PlantedGap> PlantGaps(RandomSource& random, SampleTrust& trust) {
  GapPlanter planter(random, trust);
  const auto any = [](const Incident&) { return true; };

  // s.12: police involved without a camera running and no special circumstances recorded.
  int camera_turn = 0;
  planter.OnIncidents("police_camera_not_running", 3, HasPolice, [&](Incident& incident) {
    incident.police_camera = camera_turn++ % 2 == 0 ? "worn_not_operating" : "not_worn";
  });
  planter.OnIncidents("police_camera_missing", 2, HasPolice,
                      [](Incident& incident) { incident.police_camera.clear(); });
  planter.OnIncidents("feature:camera_exception", 1, HasPolice, [&](Incident& incident) {
    incident.police_camera = "not_worn";
    incident.police_camera_exception = phrases::CameraExceptions().front();
  });

  // s.6(5)(i): someone who is not unit staff, with no reason for their involvement.
  planter.OnIncidents("non_staff_reason_missing", 2,
                      [](const Incident& incident) { return HasNonStaff(incident) && !incident.police_involved; },
                      [](Incident& incident) {
                        for (Involvement& person : incident.people) {
                          if (person.is_staff == "N") {
                            person.overrides["reason_involved"] = "";
                            break;
                          }
                        }
                      });

  // s.6(2)-(3): the negligible mark without its justification, and on a prone restraint.
  planter.OnIncidents("negligible_without_reason", 3, any,
                      [](Incident& incident) { incident.negligible_reason.clear(); }, true);
  planter.OnIncidents("negligible_with_prone", 2, any, [](Incident& incident) {
    Intervention& hold = incident.interventions.front();
    hold.type_code = "01";
    incident.description = "Patient " + phrases::DescribeIntervention("01", 1, true) + " (" +
                           std::to_string(hold.ended_at - hold.started_at) + " min).";
  }, true);

  // Patient details, s.6(5)(g), (k), (j) and (l).
  planter.OnPatients("nhs_number_invalid", 3, [](Patient& patient, int turn) {
    const std::string& number = patient.nhs_number;
    if (turn % 3 == 0) {  // a mistyped check digit
      patient.nhs_number = number.substr(0, 9) + static_cast<char>('0' + (number[9] - '0' + 1) % 10);
    } else if (turn % 3 == 1) {  // a digit lost
      patient.nhs_number = number.substr(0, 9);
    } else {  // 999000000 has check digit 10, so no valid number starts with it
      patient.nhs_number = "9990000000";
    }
  });
  planter.OnPatients("ethnicity_missing", 4, [](Patient& patient, int) { patient.ethnicity.clear(); });
  planter.OnPatients("mental_disorder_missing", 3, [](Patient& patient, int) { patient.mental_disorder.clear(); });
  planter.OnPatients("learning_disability_or_autism_missing", 4, [](Patient& patient, int turn) {
    if (turn % 2 == 0) patient.learning_disability.clear();
    else patient.autism.clear();
  });

  // Data errors: cells the readers cannot take, each a positioned warning.
  planter.OnIncidents("data_error_unparseable_datetime", 1,
                      [](const Incident& incident) { return incident.post_incident_review_at.has_value(); },
                      [](Incident& incident) { incident.overrides["post_incident_review_at"] = "2024-13-45T10:00"; });
  planter.OnIncidents("data_error_invalid_type_code", 1,
                      [](const Incident& incident) {
                        return incident.interventions.size() >= 2 && incident.interventions[1].type_code != "01";
                      },
                      [](Incident& incident) { incident.interventions[1].overrides["type_code"] = "02"; });
  planter.OnIncidents("data_error_invalid_tristate", 1, any,
                      [](Incident& incident) { incident.overrides["staff_injury"] = "not sure"; });

  // s.6(5): items missing from the record.
  planter.OnIncidents("reason_code_missing", 2, any, [](Incident& incident) { incident.reason_code.clear(); });
  planter.OnIncidents("reason_code_not_known", 5, any, [](Incident& incident) {
    incident.reason_code = "99";
    incident.reason = phrases::ReasonsFor("99").front();
  });
  planter.OnIncidents("description_missing", 7, any, [](Incident& incident) { incident.description.clear(); });
  planter.OnIncidents("efforts_to_avoid_missing", 9, any, [](Incident& incident) { incident.efforts_to_avoid.clear(); });
  planter.OnIncidents("outcome_missing", 6, any, [](Incident& incident) { incident.outcome.clear(); });
  planter.OnIncidents("staff_job_title_missing", 5, any, [](Incident& incident) {
    Involvement* target = &incident.people.front();
    for (Involvement& person : incident.people) {
      if (person.role == "hands_on" && person.is_staff == "Y") target = &person;
    }
    target->overrides["job_title"] = "";
  });
  planter.OnIncidents("in_care_plan_missing", 6, any,
                      [](Incident& incident) { incident.interventions.back().overrides["in_care_plan"] = ""; });
  planter.OnIncidents("notification_not_sent", 4, any, [](Incident& incident) {
    incident.notify_required = "Y";
    incident.notification_sent = "N";
  });

  // Timing and retention, s.6(5)(b) and s.6(6).
  planter.OnIncidents("record_late", 5, any, [&](Incident& incident) {
    incident.recorded_at = incident.ended_at + planter.random().Between(30 * 60, 9 * kDay);
  });
  planter.OnIncidents("ended_before_started", 1,
                      [](const Incident& incident) { return incident.scenario == Scenario::kPhysical; },
                      [](Incident& incident) {  // the end typed with the day before
                        incident.overrides["ended_at"] = FormatLondonDateTime(incident.ended_at - kDay);
                      });
  planter.OnIncidents("deleted_before_retention", 2,
                      [](const Incident& incident) { return incident.recorded_at <= AsOf() - 400 * kDay; },
                      [&](Incident& incident) {
                        const Minutes latest = (AsOf() - kDay - incident.recorded_at) / kDay;
                        const Minutes days = planter.random().Between(200, std::min<Minutes>(latest, 1000));
                        incident.deleted_at = incident.recorded_at + days * kDay;
                      });
  planter.OnIncidents("feature:deleted_after_retention", 1,
                      [](const Incident& incident) { return incident.recorded_at <= AsOf() - 1140 * kDay; },
                      [&](Incident& incident) {
                        incident.deleted_at = incident.recorded_at + (1100 + planter.random().Between(0, 30)) * kDay;
                      });
  return planter.Result();
}

}  // namespace uofa::samples
