#include "gap_planter.h"

#include <algorithm>
#include <functional>

#include "gen_parts.h"

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

namespace {

bool IsSeclusion(const Intervention& intervention) { return intervention.type_code == "05"; }

const Intervention* Seclusion(const Incident& incident) {
  for (const Intervention& intervention : incident.interventions) {
    if (IsSeclusion(intervention)) return &intervention;
  }
  return nullptr;
}

std::vector<TimedEntry*> Entries(std::vector<TimedEntry>& entries, const std::string& kind) {
  std::vector<TimedEntry*> chosen;
  for (TimedEntry& entry : entries) {
    if (entry.kind == kind) chosen.push_back(&entry);
  }
  return chosen;
}

std::size_t Count(const std::vector<TimedEntry>& entries, const std::string& kind) {
  return static_cast<std::size_t>(std::count_if(entries.begin(), entries.end(),
                                                [&](const TimedEntry& entry) { return entry.kind == kind; }));
}

void SortByTime(std::vector<TimedEntry>& entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const TimedEntry& a, const TimedEntry& b) { return a.at < b.at; });
}

bool HasType(const Incident& incident, const std::string& type_code) {
  return std::any_of(incident.interventions.begin(), incident.interventions.end(),
                     [&](const Intervention& intervention) { return intervention.type_code == type_code; });
}

}  // namespace

std::vector<PlantedGap> PlantCareGaps(RandomSource& random, SampleTrust& trust) {
  GapPlanter planter(random, trust);

  // MHA Code of Practice ch. 26: seclusion started by someone other than a doctor has no medical
  // review in its first hour; the first comes 90 to 110 minutes in.
  planter.OnIncidents("seclusion_first_medical_review_late", 1,
                      [](const Incident& incident) {
                        const Intervention* seclusion = Seclusion(incident);
                        return seclusion && seclusion->authoriser_role != "doctor" &&
                               seclusion->ended_at - seclusion->started_at >= 180;
                      },
                      [&](Incident& incident) {
                        const Minutes begins = Seclusion(incident)->started_at;
                        Entries(incident.reviews, "medical").front()->at = begins + planter.random().Between(90, 110);
                        SortByTime(incident.reviews);
                      });
  // Two-hourly nursing reviews: one comes 2 h 30 min after the one before.
  planter.OnIncidents("seclusion_nursing_review_gap", 1,
                      [](const Incident& incident) { return Seclusion(incident) && Count(incident.reviews, "nursing") >= 3; },
                      [](Incident& incident) {
                        std::vector<TimedEntry*> nursing = Entries(incident.reviews, "nursing");
                        nursing[1]->at = nursing[0]->at + 150;
                        SortByTime(incident.reviews);
                      });
  // Observation every 15 minutes: one entry is 25 minutes after the one before.
  planter.OnIncidents("seclusion_observation_gap", 1,
                      [](const Incident& incident) {
                        return Seclusion(incident) && Count(incident.observations, "seclusion_observation") >= 12;
                      },
                      [](Incident& incident) {
                        std::vector<TimedEntry*> observations = Entries(incident.observations, "seclusion_observation");
                        observations[5]->at = observations[4]->at + 25;
                        SortByTime(incident.observations);
                      });

  // NICE NG10: after rapid tranquillisation, vital signs at 15 and 30 minutes, then none until four
  // hours (a gap of 3 h 30 min).
  planter.OnIncidents("rapid_tranquillisation_vital_signs_not_hourly", 2,
                      [](const Incident& incident) {
                        return HasType(incident, "14") && incident.patient_injury != "Y" &&
                               Count(incident.observations, "vital_signs") == 7;
                      },
                      [](Incident& incident) {
                        std::vector<TimedEntry> kept;
                        int index = 0;
                        for (const TimedEntry& entry : incident.observations) {
                          const bool dropped = entry.kind == "vital_signs" && index >= 2 && index <= 5;
                          if (entry.kind == "vital_signs") ++index;
                          if (!dropped) kept.push_back(entry);
                        }
                        incident.observations = kept;
                      });
  // NICE QS154: manual restraint with no physical-health check during or after it.
  planter.OnIncidents("restraint_vital_signs_missing", 2,
                      [](const Incident& incident) {
                        return incident.scenario == Scenario::kPhysical && Count(incident.observations, "vital_signs") == 1;
                      },
                      [](Incident& incident) { incident.observations.clear(); });

  // Statutory guidance: prone restraint is never planned. A care-planned hold done face down.
  planter.OnIncidents("planned_prone_restraint", 1,
                      [](const Incident& incident) { return incident.scenario == Scenario::kPlannedCare; },
                      [](Incident& incident) {
                        Intervention& hold = incident.interventions.front();
                        hold.type_code = "01";
                        hold.in_care_plan = "Y";
                        std::string description = "Patient held prone (face down) by staff, as the care plan set out (" +
                                                  std::to_string(hold.ended_at - hold.started_at) + " min)";
                        if (HasType(incident, "15")) description += ", then " + phrases::DescribeIntervention("15", 2, false);
                        incident.description = description + ".";
                      });

  // NICE QS154: no immediate debrief with the patient, and none declined.
  planter.OnIncidents("debrief_missing", 2,
                      [](const Incident& incident) { return incident.debrief_patient_at.has_value(); },
                      [](Incident& incident) {
                        incident.debrief_patient_at.reset();
                        incident.debrief_declined = "N";
                      });
  // The formal post-incident review 4 to 9 days after the end, not within 72 hours.
  planter.OnIncidents("post_incident_review_late", 3,
                      [](const Incident& incident) { return incident.post_incident_review_at.has_value(); },
                      [&](Incident& incident) {
                        incident.post_incident_review_at = incident.ended_at + planter.random().Between(4 * kDay, 9 * kDay);
                      });
  std::vector<PlantedGap> gaps = planter.Result();

  // Not planted but drawn: about one responsive hold in twenty runs past ten minutes (NICE NG10
  // says not routinely). Counted here so the summary lists every finding the sample should give.
  int long_holds = 0;
  for (const Incident& incident : trust.incidents) {
    const bool long_hold = std::any_of(incident.interventions.begin(), incident.interventions.end(),
                                       [](const Intervention& intervention) {
                                         const std::string& code = intervention.type_code;
                                         const bool physical = code == "01" || (code >= "07" && code <= "13");
                                         return physical && intervention.ended_at - intervention.started_at > 10;
                                       });
    if (long_hold) ++long_holds;
  }
  gaps.push_back({"manual_restraint_over_10_minutes", long_holds});
  return gaps;
}

}  // namespace uofa::samples
