#include "incident_generator.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "gen_parts.h"

namespace uofa::samples {

namespace {

constexpr int kNegligibleIncidents = 14;
constexpr int kPoliceIncidents = 16;
constexpr int kSecurityIncidents = 8;
constexpr int kSeriousInjuries = 2;
constexpr int kMinimumDaysBetweenIncidents = 3;  // per patient: no two uses of force overlap

std::string Draw(RandomSource& random, const std::vector<std::pair<std::string, int>>& table) {
  std::vector<int> weights;
  for (const auto& row : table) weights.push_back(row.second);
  return table[random.Weighted(weights)].first;
}

bool IsPhysical(const std::string& code) {
  return code == "01" || (code >= "07" && code <= "13");
}

std::string FormatDuration(Minutes minutes) {
  if (minutes < 120) return std::to_string(minutes) + " min";
  if (minutes < 2 * kMinutesPerDay) {
    return std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
  }
  return std::to_string(minutes / kMinutesPerDay) + " days";
}

// Start times: each patient's uses of force fall in one episode of care, at least
// kMinimumDaysBetweenIncidents apart, mostly by day and in the evening. Most episodes begin once
// s.6 is in force; a few begin in the six months before, so commencement matters.
std::vector<Minutes> DrawStartTimes(RandomSource& random, int count) {
  const std::int64_t first_day = LocalDay(FirstIncidentDay());
  const std::int64_t last_day = LocalDay(LastIncidentDay());
  const std::int64_t in_force_day = LocalDay(Section6InForce()) + 3;
  std::int64_t length = std::min<std::int64_t>(700, 20 + 10 * count + random.Between(0, 60));
  const bool early = random.Percent(8);
  const std::int64_t low = early ? first_day : in_force_day;
  std::int64_t high = early ? in_force_day - 30 : last_day - length;
  if (high < low) {
    length = last_day - low;
    high = low;
  }
  const std::int64_t episode_start = random.Between(low, high);

  std::vector<std::int64_t> days;
  for (int attempt = 0; attempt < 200; ++attempt) {
    days.clear();
    for (int i = 0; i < count; ++i) days.push_back(random.Between(episode_start, episode_start + length));
    std::sort(days.begin(), days.end());
    bool spaced = true;
    for (std::size_t i = 1; i < days.size(); ++i) {
      if (days[i] - days[i - 1] < kMinimumDaysBetweenIncidents) spaced = false;
    }
    if (spaced) break;
    if (attempt == 199) {  // evenly spaced instead; the episode is always long enough
      for (int i = 0; i < count; ++i) days[static_cast<std::size_t>(i)] = episode_start + i * length / count;
    }
  }

  static const std::vector<int> hour_weights = {2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 7, 7,
                                                7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 4, 4};
  std::vector<Minutes> starts;
  for (std::int64_t day : days) {
    const auto hour = static_cast<int>(random.Weighted(hour_weights));
    starts.push_back(AtLocalTime(day, hour, static_cast<int>(random.Between(0, 59))));
  }
  return starts;
}

// Builds one incident's interventions, people, reviews and text from its scenario and start.
class IncidentBuilder {
 public:
  IncidentBuilder(RandomSource& random, const SampleTrust& trust, Incident& incident, bool serious_injury)
      : random_(random), trust_(trust), incident_(incident), serious_injury_(serious_injury) {
    const Ward& ward = Wards()[static_cast<std::size_t>(incident.ward)];
    unit_ = std::string(ward.unit) == "Riverside Unit" ? 0 : 1;
  }

  void Build(std::optional<Minutes> fixed_end);

 private:
  const StaffMember& PickStaff(StaffGroup group, int unit = -1);
  void AddIntervention(const std::string& code, Minutes start, Minutes end, const std::string& in_care_plan,
                       const std::string& authoriser, const std::string& role);
  Minutes AddHolds(Minutes start, bool allow_prone, bool escort);
  void AddSeclusion(Minutes start, std::optional<Minutes> fixed_end);
  void AddSegregation(Minutes start);
  void AddVitalSigns(Minutes given_at);
  void AddPeople();
  void WriteNarrative();
  void WriteRecordKeeping();
  std::string Efforts();

  RandomSource& random_;
  const SampleTrust& trust_;
  Incident& incident_;
  bool serious_injury_;
  int unit_ = 0;
  int holders_ = 3;
  std::vector<std::string> used_staff_;
  std::string lead_id_;
  std::string doctor_id_;
  std::string doctor_role_;
  std::vector<std::string> description_parts_;
};

const StaffMember& IncidentBuilder::PickStaff(StaffGroup group, int unit) {
  if (unit < 0) unit = unit_;
  std::vector<const StaffMember*> candidates;
  for (const auto& member : trust_.staff) {
    if (member.unit != unit || member.group != group) continue;
    if (std::find(used_staff_.begin(), used_staff_.end(), member.staff_id) != used_staff_.end()) continue;
    candidates.push_back(&member);
  }
  if (candidates.empty()) {  // everyone already has a part: let someone take a second one
    for (const auto& member : trust_.staff) {
      if (member.unit == unit && member.group == group) candidates.push_back(&member);
    }
  }
  const StaffMember& chosen = *random_.Pick(candidates);
  used_staff_.push_back(chosen.staff_id);
  return chosen;
}

void IncidentBuilder::AddIntervention(const std::string& code, Minutes start, Minutes end,
                                      const std::string& in_care_plan, const std::string& authoriser,
                                      const std::string& role) {
  Intervention intervention;
  intervention.type_code = code;
  intervention.started_at = start;
  intervention.ended_at = end;
  intervention.in_care_plan = in_care_plan;
  intervention.authorised_by = authoriser;
  intervention.authoriser_role = role;
  incident_.interventions.push_back(intervention);

  std::string part = phrases::DescribeIntervention(code, holders_, incident_.scenario == Scenario::kNegligible);
  if (IsPhysical(code) || code == "05" || code == "06") part += " (" + FormatDuration(end - start) + ")";
  description_parts_.push_back(part);
}

// Manual restraint: sometimes an unplanned prone phase, ended within minutes, then one or two
// positions, mostly under ten minutes in all; now and then a hold that runs longer.
Minutes IncidentBuilder::AddHolds(Minutes start, bool allow_prone, bool escort) {
  const bool planned = incident_.planned == "Y";
  const std::string& authoriser = planned ? doctor_id_ : lead_id_;
  const std::string role = planned ? "approved clinician" : "nurse in charge";
  Minutes t = start;
  auto responsive_plan = [&] { return planned ? std::string("Y") : random_.Percent(25) ? "Y" : "N"; };
  if (allow_prone && !planned && random_.Percent(12)) {
    const Minutes end = t + random_.Between(1, 3);
    AddIntervention("01", t, end, "N", lead_id_, "nurse in charge");
    t = end;
  }
  static const std::vector<std::pair<std::string, int>> first_positions = {
      {"07", 40}, {"09", 25}, {"10", 15}, {"11", 8}, {"12", 4}, {"13", 8}};
  const std::string first = planned ? Draw(random_, {{"11", 2}, {"13", 1}}) : Draw(random_, first_positions);
  const bool long_hold = !planned && random_.Percent(5);
  Minutes end = t + (long_hold ? random_.Between(11, 16) : random_.Between(1, 5));
  AddIntervention(first, t, end, responsive_plan(), authoriser, role);
  t = end;
  if (!planned && random_.Percent(45)) {
    std::string second;
    do {
      second = Draw(random_, {{"09", 3}, {"10", 3}, {"11", 2}, {"07", 1}});
    } while (second == first);
    end = t + random_.Between(1, 4);
    AddIntervention(second, t, end, responsive_plan(), authoriser, role);
    t = end;
  }
  if (escort) {
    end = t + random_.Between(1, 3);
    AddIntervention("08", t, end, "N", authoriser, role);
    t = end;
  }
  return t;
}

void IncidentBuilder::AddSeclusion(Minutes start, std::optional<Minutes> fixed_end) {
  Minutes t = start + random_.Between(1, 3);
  AddIntervention("07", start, t, "N", lead_id_, "nurse in charge");
  const Minutes escort_end = t + random_.Between(1, 3);
  AddIntervention("08", t, escort_end, "N", lead_id_, "nurse in charge");
  const Minutes begins = escort_end;
  Minutes duration = 0;
  if (fixed_end) {
    duration = *fixed_end - begins;
  } else {
    struct Band {
      Minutes low, high;
      int weight;
    };
    static const std::vector<Band> bands = {{90, 180, 28}, {181, 360, 35}, {361, 480, 20}, {481, 900, 12},
                                            {901, 1800, 5}};
    std::vector<int> weights;
    for (const auto& band : bands) weights.push_back(band.weight);
    const Band& band = bands[random_.Weighted(weights)];
    duration = random_.Between(band.low, band.high);
  }
  const Minutes ends = begins + duration;
  // Out of hours the nurse in charge starts seclusion and a doctor comes to review it; in the
  // working day a doctor on the ward decides.
  const std::int64_t start_day = LocalDay(start);
  const Minutes local_minute = start + LondonOffset(start) - start_day * kMinutesPerDay;
  const std::int64_t weekday = (start_day + 4) % 7;  // 1970-01-01 was a Thursday; 0 is Sunday
  const bool out_of_hours = weekday == 0 || weekday == 6 || local_minute < 9 * 60 || local_minute >= 17 * 60;
  if (out_of_hours) {
    AddIntervention("05", begins, ends, "N", lead_id_, "nurse in charge");
  } else {
    AddIntervention("05", begins, ends, "N", doctor_id_, "doctor");
  }

  // Reviews and observations as the MHA Code of Practice (ch. 26) sets them: a medical review
  // within the hour, nursing reviews two-hourly, medical four-hourly, an MDT and an independent
  // MDT review once seclusion passes eight hours, an observation entry every 15 minutes.
  auto review = [&](const std::string& kind, Minutes at, const std::string& by) {
    if (at > begins && at < ends) incident_.reviews.push_back({kind, at, by});
  };
  // Each nursing or medical review follows the one before by the interval less a drawn few
  // minutes, so no interval is ever longer than the Code allows. There is one draw per slot of the
  // fixed two- or four-hourly grid over the seclusion (the number of draws depends only on the
  // duration); a chain that needs more steps than there are slots reuses the draws in turn.
  auto chain = [&](const std::string& kind, Minutes first, Minutes interval, const std::vector<Minutes>& early,
                   const std::vector<std::string>& by) {
    Minutes at = first;
    for (std::size_t step = 0; at < ends; ++step) {
      review(kind, at, by[step % by.size()]);
      at += interval - (early.empty() ? 0 : early[step % early.size()]);
    }
  };
  const Minutes first_medical = begins + random_.Between(20, 55);
  std::vector<Minutes> medical_early;
  for (Minutes k = 1; begins + 240 * k < ends; ++k) medical_early.push_back(random_.Between(0, 30));
  chain("medical", first_medical, 240, medical_early, {doctor_id_});
  const std::vector<std::string> nurses = {PickStaff(StaffGroup::kNurse).staff_id, PickStaff(StaffGroup::kNurse).staff_id};
  std::vector<Minutes> nursing_early;
  for (Minutes k = 1; begins + 120 * k < ends; ++k) nursing_early.push_back(random_.Between(0, 15));
  if (!nursing_early.empty()) {
    chain("nursing", begins + 120 - nursing_early.front(), 120,
          std::vector<Minutes>(nursing_early.begin() + 1, nursing_early.end()), {nurses[1], nurses[0]});
  }
  if (duration > 480) {
    review("mdt", begins + random_.Between(300, 470), doctor_id_);
    // Once seclusion passes eight hours; a seclusion ending soon after has it just before the end.
    const Minutes independent_at = std::min(begins + 480 + random_.Between(0, 45), ends - 1);
    review("independent_mdt", independent_at, PickStaff(StaffGroup::kDoctor, 1 - unit_).staff_id);
    for (Minutes k = 1; begins + kMinutesPerDay * k < ends; ++k) review("mdt", begins + kMinutesPerDay * k, doctor_id_);
  }
  // The first MDT review falls during the first working day: the day seclusion began when that
  // is a weekday before 17:00, else the next weekday. A seclusion still running at the end of
  // that day without one has it at 16:00 that day (or 90 minutes in, if later).
  {
    const std::int64_t day = LocalDay(begins);
    const Minutes minute = begins + LondonOffset(begins) - day * kMinutesPerDay;
    const std::int64_t weekday = (day + 4) % 7;
    std::int64_t working_day = day;
    if (weekday == 6) working_day = day + 2;
    else if (weekday == 0) working_day = day + 1;
    else if (minute >= 17 * 60) working_day = day + (weekday == 5 ? 3 : 1);
    const Minutes deadline = AtLocalTime(working_day + 1, 0, 0);
    const bool held = std::any_of(incident_.reviews.begin(), incident_.reviews.end(), [&](const TimedEntry& entry) {
      return (entry.kind == "mdt" || entry.kind == "independent_mdt") && entry.at < deadline;
    });
    if (ends >= deadline && !held) review("mdt", std::max(begins + 90, AtLocalTime(working_day, 16, 0)), doctor_id_);
  }
  std::vector<std::string> observers = {PickStaff(StaffGroup::kNurse).staff_id, PickStaff(StaffGroup::kSupportWorker).staff_id};
  for (Minutes k = 1; begins + 15 * k <= ends; ++k) {
    incident_.observations.push_back({"seclusion_observation", begins + 15 * k, observers[static_cast<std::size_t>(k / 8 % 2)]});
  }
  std::stable_sort(incident_.reviews.begin(), incident_.reviews.end(),
            [](const TimedEntry& a, const TimedEntry& b) { return a.at < b.at; });
}

// Long-term segregation (MHA Code of Practice ch. 26): approved-clinician review daily, MDT weekly.
void IncidentBuilder::AddSegregation(Minutes start) {
  const Minutes ends = start + 24 * kMinutesPerDay;
  AddIntervention("06", start, ends, "Y", doctor_id_, "approved clinician");
  // The approved clinician comes a few minutes earlier each day, so no two reviews are more than
  // 24 hours apart; the last review, which ends segregation, is 150 minutes before it ends.
  for (Minutes day = 1; day < 24; ++day) {
    const Minutes drawn = random_.Between(-60, 60);
    const Minutes at = start + day * (kMinutesPerDay - 5) + (drawn + 60) / 25;
    incident_.reviews.push_back({"approved_clinician", at, doctor_id_});
    if (day % 7 == 0) incident_.reviews.push_back({"mdt", start + day * kMinutesPerDay - 60, doctor_id_});
  }
  incident_.reviews.push_back({"approved_clinician", ends - 150, doctor_id_});
  std::stable_sort(incident_.reviews.begin(), incident_.reviews.end(),
            [](const TimedEntry& a, const TimedEntry& b) { return a.at < b.at; });
}

// NICE NG10: vital signs every 15 minutes for the first hour after rapid tranquillisation, then
// hourly.
void IncidentBuilder::AddVitalSigns(Minutes given_at) {
  const std::string nurse = PickStaff(StaffGroup::kNurse).staff_id;
  for (Minutes offset : {15, 30, 45, 60, 120, 180, 240}) {
    incident_.observations.push_back({"vital_signs", given_at + offset, nurse});
  }
  incident_.reviews.push_back({"medical", given_at + random_.Between(30, 90), doctor_id_});
}

void IncidentBuilder::Build(std::optional<Minutes> fixed_end) {
  Incident& incident = incident_;
  const Minutes start = incident.started_at;
  const bool negligible = incident.scenario == Scenario::kNegligible;
  incident.planned = incident.scenario == Scenario::kPlannedCare || incident.scenario == Scenario::kSegregation ? "Y" : "N";
  incident.negligible = negligible ? "Y" : "N";
  incident.location = incident.scenario == Scenario::kSegregation ? "Segregation area" : random_.Pick(phrases::Locations());

  lead_id_ = PickStaff(StaffGroup::kNurse).staff_id;
  const bool needs_doctor = incident.scenario != Scenario::kPhysical && !negligible;
  if (needs_doctor) doctor_id_ = PickStaff(StaffGroup::kDoctor).staff_id;
  holders_ = negligible ? 1 : static_cast<int>(random_.Between(2, 4));

  switch (incident.scenario) {
    case Scenario::kPhysical:
      incident.reason_code = incident.police_involved
                                 ? Draw(random_, {{"10", 3}, {"19", 2}})
                                 : Draw(random_, {{"10", 42}, {"11", 18}, {"17", 14}, {"19", 6}, {"12", 3},
                                                  {"16", 3}, {"18", 2}, {"98", 2}});
      AddHolds(start, true, random_.Percent(20));
      break;
    case Scenario::kRapidTranquillisation: {
      incident.reason_code = incident.police_involved ? "10" : Draw(random_, {{"10", 55}, {"17", 25}, {"16", 10}, {"11", 10}});
      const Minutes hold_end = AddHolds(start, true, false);
      const Minutes given_at = std::max(hold_end - 1, incident.interventions.back().started_at);
      AddIntervention("14", given_at, given_at, random_.Percent(60) ? "Y" : "N", doctor_id_, "doctor");
      AddVitalSigns(given_at);
      break;
    }
    case Scenario::kOralMedication: {
      incident.reason_code = Draw(random_, {{"10", 5}, {"16", 3}, {"17", 2}});
      const Minutes hold_end = AddHolds(start, false, false);
      AddIntervention("16", hold_end, hold_end, random_.Percent(80) ? "Y" : "N", doctor_id_, "doctor");
      break;
    }
    case Scenario::kSeclusion:
      incident.reason_code = Draw(random_, {{"10", 7}, {"17", 3}});
      doctor_role_ = "authoriser";
      AddSeclusion(start, fixed_end);
      break;
    case Scenario::kSegregation:
      incident.reason_code = "10";
      doctor_role_ = "authoriser";
      AddSegregation(start);
      break;
    case Scenario::kPlannedCare: {
      incident.reason_code = Draw(random_, {{"13", 3}, {"14", 2}, {"15", 1}});
      doctor_role_ = incident.reason_code == "13" ? "prescriber" : "authoriser";
      const Minutes hold_end = AddHolds(start, false, false);
      if (incident.reason_code == "13") {
        AddIntervention("15", hold_end - 1, hold_end - 1, "Y", doctor_id_, "approved clinician");
      }
      break;
    }
    case Scenario::kNegligible:
      incident.reason_code = Draw(random_, {{"17", 2}, {"19", 1}, {"10", 1}});
      AddIntervention("13", start, start + random_.Between(1, 2), "N", lead_id_, "nurse in charge");
      break;
  }
  if (doctor_role_.empty()) doctor_role_ = "prescriber";
  std::stable_sort(incident.interventions.begin(), incident.interventions.end(),
                   [](const Intervention& a, const Intervention& b) { return a.started_at < b.started_at; });
  incident.ended_at = start;
  for (const auto& intervention : incident.interventions) incident.ended_at = std::max(incident.ended_at, intervention.ended_at);

  AddPeople();
  WriteNarrative();
  WriteRecordKeeping();
}

void IncidentBuilder::AddPeople() {
  Incident& incident = incident_;
  auto add_staff = [&](const StaffMember& member, const std::string& role) {
    incident.people.push_back({member.staff_id, member.name, member.job_title, "Y", member.organisation, "", role, {}});
  };
  const StaffMember* lead = nullptr;
  for (const auto& member : trust_.staff) {
    if (member.staff_id == lead_id_) lead = &member;
  }
  add_staff(*lead, incident.scenario == Scenario::kNegligible ? "hands_on" : "lead");
  for (int i = 1; i < holders_; ++i) {
    add_staff(PickStaff(random_.Percent(60) ? StaffGroup::kSupportWorker : StaffGroup::kNurse), "hands_on");
  }
  if (incident.scenario != Scenario::kNegligible && random_.Percent(20)) {
    add_staff(PickStaff(StaffGroup::kNurse), "observer");
  }
  if (!doctor_id_.empty()) {
    for (const auto& member : trust_.staff) {
      if (member.staff_id == doctor_id_) add_staff(member, doctor_role_);
    }
  }
  if (incident.police_involved) {
    const int officers = static_cast<int>(random_.Between(1, 2));
    const std::string reason = random_.Pick(phrases::PoliceReasons());
    for (int i = 0; i < officers; ++i) {
      const std::string first_name = random_.Pick(phrases::FirstNames());
      const std::string surname = random_.Pick(phrases::PoliceSurnames());
      const std::string name = "PC " + first_name + " " + surname;
      incident.people.push_back({"", name, "Police Constable", "N", kPoliceForce, reason, "hands_on", {}});
    }
  }
  if (incident.security_involved) {
    const std::string first_name = random_.Pick(phrases::FirstNames());
    const std::string surname = random_.Pick(phrases::PoliceSurnames());
    const std::string reason = random_.Pick(phrases::SecurityReasons());
    incident.people.push_back({"", first_name + " " + surname, "Security Officer", "N", kSecurityContractor,
                               reason, "hands_on", {}});
  }
}

std::string IncidentBuilder::Efforts() {
  std::vector<std::string> efforts = phrases::EffortsToAvoid();
  random_.Shuffle(efforts);
  const auto count = static_cast<std::size_t>(random_.Between(2, 3));
  // A few records are typed as a list, one effort a line (an RFC 4180 quoted field).
  const std::string separator = random_.Percent(4) ? "\n" : "; ";
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += (i ? separator : "") + efforts[i];
  return text + ".";
}

void IncidentBuilder::WriteNarrative() {
  Incident& incident = incident_;
  incident.reason = random_.Pick(phrases::ReasonsFor(incident.reason_code));
  std::string description = "Patient ";
  for (std::size_t i = 0; i < description_parts_.size(); ++i) description += (i ? ", then " : "") + description_parts_[i];
  incident.description = description + ".";

  const bool negligible = incident.scenario == Scenario::kNegligible;
  if (negligible) {
    incident.efforts_to_avoid = "Asked the patient to move away and explained why.";
    incident.negligible_reason = random_.Pick(phrases::NegligibleReasons());
  } else if (incident.planned == "Y") {
    incident.efforts_to_avoid = "Explained the care plan and offered the patient time and a choice of staff; " +
                                std::string("the patient could not agree on the day.");
  } else {
    incident.efforts_to_avoid = Efforts();
  }

  incident.patient_injury = negligible ? "N" : Draw(random_, {{"N", 84}, {"Y", 8}, {"U", 8}});
  incident.staff_injury = negligible ? "N" : Draw(random_, {{"N", 86}, {"Y", 10}, {"U", 4}});
  incident.death_or_serious_injury = "N";
  if (serious_injury_) {
    incident.patient_injury = "Y";
    incident.death_or_serious_injury = "Y";
    incident.outcome =
        "Patient had a suspected fracture of the right wrist and was taken to the emergency department; "
        "fracture confirmed and splinted. Reported as a serious incident.";
  } else if (incident.patient_injury == "Y") {
    incident.outcome = random_.Pick(phrases::OutcomesPatientInjured());
  } else if (incident.scenario == Scenario::kSeclusion) {
    incident.outcome = random_.Pick(phrases::OutcomesAfterSeclusion());
  } else if (incident.scenario == Scenario::kRapidTranquillisation) {
    incident.outcome = random_.Pick(phrases::OutcomesAfterRapidTranquillisation());
  } else if (incident.scenario == Scenario::kSegregation) {
    incident.outcome = "Segregation ended after 24 days once the patient could safely rejoin the ward "
                       "with enhanced observation.";
  } else if (negligible) {
    incident.outcome = "Patient went back to the bedroom; no further concerns.";
  } else {
    incident.outcome = random_.Pick(phrases::OutcomesSettled());
  }
  if (incident.staff_injury == "Y") incident.outcome += random_.Pick(phrases::StaffInjuryNotes());
}

void IncidentBuilder::WriteRecordKeeping() {
  Incident& incident = incident_;
  const bool negligible = incident.scenario == Scenario::kNegligible;
  const bool before_act = incident.started_at < Section6InForce();
  if (incident.police_involved) {
    incident.police_camera = incident.started_at >= Section12InForce() ? "worn_operating" : "not_worn";
  }
  if (random_.Percent(30)) {
    incident.notify_required = "Y";
    incident.notification_sent = "Y";
  } else {
    incident.notify_required = "N";
  }
  if (!negligible) {
    if (random_.Percent(78)) {
      incident.debrief_patient_at = incident.ended_at + random_.Between(20, 360);
      incident.debrief_declined = "N";
    } else {
      incident.debrief_declined = "Y";
    }
    incident.post_incident_review_at = incident.ended_at + random_.Between(18 * 60, 70 * 60);
  }
  // Records from before s.6 came into force were made on the older form, which had no field for
  // the efforts to avoid force or for notifications: often left empty, and no breach.
  if (before_act && random_.Percent(50)) incident.efforts_to_avoid.clear();
  if (before_act && random_.Percent(50)) {
    incident.notify_required.clear();
    incident.notification_sent.clear();
  }
  incident.recorded_at = incident.ended_at + random_.Between(15, 16 * 60);
  incident.recorded_by = lead_id_;
}

}  // namespace

void GenerateIncidents(RandomSource& random, SampleTrust& trust) {
  std::vector<Incident>& incidents = trust.incidents;
  for (std::size_t p = 0; p < trust.patients.size(); ++p) {
    const Patient& patient = trust.patients[p];
    if (patient.incident_count == 0) continue;
    for (Minutes start : DrawStartTimes(random, patient.incident_count)) {
      Incident incident;
      incident.patient = static_cast<int>(p);
      incident.ward = patient.ward;
      incident.started_at = start;
      incidents.push_back(incident);
    }
  }

  // The placed incidents go to patients with a single use of force, so nothing overlaps them.
  std::vector<std::size_t> singles;
  for (std::size_t i = 0; i < incidents.size(); ++i) {
    if (trust.patients[static_cast<std::size_t>(incidents[i].patient)].incident_count == 1) singles.push_back(i);
  }
  random.Shuffle(singles);
  int elm_picu = 0;
  for (std::size_t w = 0; w < Wards().size(); ++w) {
    if (std::string(Wards()[w].name) == "Elm PICU") elm_picu = static_cast<int>(w);
  }
  struct Placement {
    Minutes start;
    std::optional<Minutes> end;
    Scenario scenario;
  };
  const std::vector<Placement> placements = {
      {LondonToInstant(2024, 10, 27, 0, 30), LondonToInstant(2024, 10, 27, 3, 30), Scenario::kSeclusion},
      {LondonToInstant(2025, 3, 30, 0, 40), LondonToInstant(2025, 3, 30, 3, 15), Scenario::kSeclusion},
      {LondonToInstant(2024, 5, 6, 10, 0), std::nullopt, Scenario::kSegregation},
  };
  std::vector<std::optional<Minutes>> fixed_ends(incidents.size());
  for (std::size_t k = 0; k < placements.size() && k < singles.size(); ++k) {
    Incident& incident = incidents[singles[k]];
    Patient& patient = trust.patients[static_cast<std::size_t>(incident.patient)];
    patient.ward = elm_picu;
    if (patient.legal_status == "informal") patient.legal_status = "section 3";
    incident.ward = elm_picu;
    incident.started_at = placements[k].start;
    incident.scenario = placements[k].scenario;
    incident.pinned = true;
    fixed_ends[singles[k]] = placements[k].end;
  }

  const Minutes settled = Section6InForce() + kMinimumDaysBetweenIncidents * kMinutesPerDay;
  for (Incident& incident : incidents) {
    if (incident.pinned) continue;
    const Patient& patient = trust.patients[static_cast<std::size_t>(incident.patient)];
    const bool suite = Wards()[static_cast<std::size_t>(incident.ward)].seclusion_suite;
    incident.scenario = std::vector<Scenario>{Scenario::kPhysical, Scenario::kRapidTranquillisation,
                                              Scenario::kOralMedication, Scenario::kSeclusion,
                                              Scenario::kPlannedCare}[random.Weighted({56, 15, 5, 13, 3})];
    if (incident.scenario == Scenario::kSeclusion && (!suite || patient.legal_status == "informal")) {
      incident.scenario = Scenario::kPhysical;
    }
  }

  // Fixed numbers of the rarer kinds, drawn from incidents after commencement.
  auto candidates = [&](auto accept) {
    std::vector<std::size_t> chosen;
    for (std::size_t i = 0; i < incidents.size(); ++i) {
      if (!incidents[i].pinned && incidents[i].started_at >= settled && accept(incidents[i])) chosen.push_back(i);
    }
    random.Shuffle(chosen);
    return chosen;
  };
  auto responsive = [](const Incident& incident) {
    return incident.scenario == Scenario::kPhysical || incident.scenario == Scenario::kRapidTranquillisation;
  };
  auto negligible_pool = candidates([](const Incident& incident) { return incident.scenario == Scenario::kPhysical; });
  for (std::size_t k = 0; k < negligible_pool.size() && k < kNegligibleIncidents; ++k) {
    incidents[negligible_pool[k]].scenario = Scenario::kNegligible;
  }
  // One police incident falls between s.6 and s.12 coming into force, when no camera duty applied.
  auto early_police = candidates([&](const Incident& incident) {
    return responsive(incident) && incident.started_at < LondonToInstant(2022, 8, 1, 0, 0);
  });
  int police = 0;
  if (!early_police.empty()) {
    incidents[early_police.front()].police_involved = true;
    ++police;
  }
  auto police_pool = candidates([&](const Incident& incident) {
    return responsive(incident) && !incident.police_involved && incident.started_at >= Section12InForce() + kMinutesPerDay;
  });
  for (std::size_t k = 0; k < police_pool.size() && police < kPoliceIncidents; ++k, ++police) {
    incidents[police_pool[k]].police_involved = true;
  }
  auto security_pool = candidates([&](const Incident& incident) {
    return (responsive(incident) || incident.scenario == Scenario::kSeclusion) && !incident.police_involved;
  });
  for (std::size_t k = 0; k < security_pool.size() && k < kSecurityIncidents; ++k) {
    incidents[security_pool[k]].security_involved = true;
  }
  auto injury_pool = candidates([&](const Incident& incident) {
    return responsive(incident) && !incident.police_involved && !incident.security_involved;
  });
  std::vector<bool> serious(incidents.size(), false);
  for (std::size_t k = 0; k < injury_pool.size() && k < kSeriousInjuries; ++k) serious[injury_pool[k]] = true;

  for (std::size_t i = 0; i < incidents.size(); ++i) {
    IncidentBuilder(random, trust, incidents[i], serious[i]).Build(fixed_ends[i]);
  }

  std::stable_sort(incidents.begin(), incidents.end(),
                   [](const Incident& a, const Incident& b) { return a.started_at < b.started_at; });
  int year = 0;
  int sequence = 0;
  int investigations = 0;
  for (Incident& incident : incidents) {
    const int incident_year = CivilFromDays(LocalDay(incident.started_at)).year;
    if (incident_year != year) {
      year = incident_year;
      sequence = 0;
    }
    char id[24];
    std::snprintf(id, sizeof id, "INC-%04d-%04d", year, ++sequence);
    incident.incident_id = id;
    if (incident.death_or_serious_injury == "Y") {
      std::snprintf(id, sizeof id, "PSII-%04d-%03d", year, ++investigations);
      incident.investigation_ref = id;
    }
  }
}

void AddRestraintHealthChecks(RandomSource& random, SampleTrust& trust) {
  for (Incident& incident : trust.incidents) {
    if (incident.scenario == Scenario::kNegligible) continue;
    // NICE NG10: an injured patient after rapid tranquillisation is checked every 15 minutes.
    for (const Intervention& intervention : incident.interventions) {
      if (intervention.type_code != "14" || incident.patient_injury != "Y") continue;
      std::vector<TimedEntry>& entries = incident.observations;
      const std::string nurse = entries.empty() ? incident.recorded_by : entries.front().by;
      for (Minutes offset = 15; offset <= 240; offset += 15) {
        const Minutes at = intervention.started_at + offset;
        const bool present = std::any_of(entries.begin(), entries.end(), [&](const TimedEntry& entry) {
          return entry.kind == "vital_signs" && entry.at == at;
        });
        if (!present) entries.push_back({"vital_signs", at, nurse});
      }
      std::stable_sort(entries.begin(), entries.end(), [](const TimedEntry& a, const TimedEntry& b) { return a.at < b.at; });
    }
    const bool checked = std::any_of(incident.observations.begin(), incident.observations.end(),
                                     [](const TimedEntry& entry) { return entry.kind == "vital_signs"; });
    if (checked) continue;
    std::optional<Minutes> hold_end;
    for (const Intervention& intervention : incident.interventions) {
      if (IsPhysical(intervention.type_code)) hold_end = std::max(hold_end.value_or(0), intervention.ended_at);
    }
    if (!hold_end) continue;
    const Minutes at = *hold_end + random.Between(5, 25);
    incident.observations.push_back({"vital_signs", at, incident.recorded_by});
    std::stable_sort(incident.observations.begin(), incident.observations.end(),
                     [](const TimedEntry& a, const TimedEntry& b) { return a.at < b.at; });
  }
}

}  // namespace uofa::samples
