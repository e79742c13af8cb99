#include "workforce_generator.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

namespace uofa::samples {

namespace {

constexpr const char* kAllTopics = "a;b;c;d;e;f;g;h;i;j;k";
constexpr const char* kProvider = "Example Restraint Reduction Training Ltd";

std::int64_t Day(int year, int month, int day) {
  return DaysFromCivil(year, month, day);
}

// First and last local day each person took part in an incident, in any role or record.
std::map<std::string, std::pair<std::int64_t, std::int64_t>> InvolvementDays(
    const SampleTrust& trust) {
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> days;
  for (const Incident& incident : trust.incidents) {
    const std::int64_t first = LocalDay(incident.started_at);
    const std::int64_t last = LocalDay(incident.ended_at);
    auto note = [&](const std::string& id) {
      if (id.empty()) return;
      auto [entry, added] = days.emplace(id, std::make_pair(first, last));
      if (!added) {
        entry->second.first = std::min(entry->second.first, first);
        entry->second.second = std::max(entry->second.second, last);
      }
    };
    note(incident.recorded_by);
    for (const Involvement& person : incident.people) note(person.person_id);
    for (const Intervention& intervention : incident.interventions)
      note(intervention.authorised_by);
    for (const TimedEntry& entry : incident.reviews) note(entry.by);
    for (const TimedEntry& entry : incident.observations) note(entry.by);
  }
  return days;
}

class WorkforceBuilder {
 public:
  WorkforceBuilder(RandomSource& random, SampleTrust& trust)
      : random_(random),
        trust_(trust),
        involvement_(InvolvementDays(trust)),
        as_of_(LocalDay(AsOf())) {}

  std::vector<PlantedGap> Build();

 private:
  void DrawStart(StaffMember& member);
  void DrawLeavers();
  void DrawTraining(StaffMember& member);
  void Add(const StaffMember& member, const std::string& kind, std::int64_t day);
  void Refreshers(const StaffMember& member, std::int64_t previous);
  std::vector<TrainingRecord*> RecordsOf(const StaffMember& member);
  std::vector<PlantedGap> PlantGaps();

  RandomSource& random_;
  SampleTrust& trust_;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> involvement_;
  std::int64_t as_of_;
  std::size_t exemptions_given_ = 0;
};

void WorkforceBuilder::DrawStart(StaffMember& member) {
  switch (member.plan) {
    case TrainingPlan::kDrawn: {
      const bool recent = random_.Percent(member.employment == "agency" ? 70 : 30);
      if (recent) {
        member.started_on = random_.Between(Day(2021, 6, 1), Day(2025, 9, 30));
      } else {
        member.started_on = random_.Between(Day(2006, 1, 1), Day(2020, 12, 31));
      }
      auto found = involvement_.find(member.staff_id);
      if (found != involvement_.end() && member.started_on > found->second.first - 30) {
        member.started_on = found->second.first - random_.Between(30, 365);
      }
      break;
    }
    case TrainingPlan::kExempt:
      member.started_on = random_.Between(Day(2024, 3, 1), Day(2025, 1, 31));
      break;
    case TrainingPlan::kLateInduction:
      member.started_on = random_.Between(Day(2024, 10, 1), Day(2025, 5, 31));
      break;
    case TrainingPlan::kNewStarterTrained:
      member.started_on = random_.Between(Day(2025, 10, 6), Day(2025, 11, 7));
      break;
    case TrainingPlan::kNewStarterPending:
      member.started_on = random_.Between(Day(2025, 11, 24), Day(2025, 12, 12));
      break;
    case TrainingPlan::kNone:
      member.started_on = random_.Between(Day(2010, 1, 1), Day(2024, 12, 31));
      break;
  }
}

// Three employees who took part in incidents have since left, some months after their last one.
void WorkforceBuilder::DrawLeavers() {
  std::vector<StaffMember*> pool;
  for (StaffMember& member : trust_.staff) {
    auto found = involvement_.find(member.staff_id);
    if (member.group != StaffGroup::kOther && member.employment == "employee" &&
        found != involvement_.end() && found->second.second <= as_of_ - 400) {
      pool.push_back(&member);
    }
  }
  random_.Shuffle(pool);
  for (std::size_t k = 0; k < pool.size() && k < 3; ++k) {
    StaffMember& member = *pool[k];
    const std::int64_t after = random_.Between(20, 200);
    member.left_on =
        std::max(involvement_[member.staff_id].second + after, member.started_on + 120);
  }
}

void WorkforceBuilder::Add(const StaffMember& member, const std::string& kind, std::int64_t day) {
  const std::string course = kind == "induction"
                                 ? "Reducing restrictive practice: foundation course"
                                 : "Reducing restrictive practice: annual update";
  trust_.training.push_back({member.staff_id, course, kind, day, kProvider, "Y", kAllTopics});
}

// A refresher every 300 to 360 days until the audit date or leaving, so the latest is always
// within 12 months of either.
void WorkforceBuilder::Refreshers(const StaffMember& member, std::int64_t previous) {
  const std::int64_t end = member.left_on.value_or(as_of_);
  for (;;) {
    const std::int64_t step = random_.Between(300, 360);
    if (previous + step > end) return;
    previous += step;
    Add(member, "refresher", previous);
  }
}

void WorkforceBuilder::DrawTraining(StaffMember& member) {
  static const std::vector<std::string> exemptions = {
      "Completed RRN-certified training, every s.5(2) topic, at a neighbouring NHS trust in the six "
      "months before starting; certificate seen by the ward manager",
      "Placed with an RRN-certified certificate from the previous three months, every topic covered; "
      "copy on file",
      "Transferred from another NHS trust with an in-date RRN-certified certificate covering every "
      "topic; checked by the training lead",
  };
  switch (member.plan) {
    case TrainingPlan::kDrawn:
      if (member.started_on >= Day(2021, 1, 1)) {
        const std::int64_t induction = member.started_on + random_.Between(5, 75);
        Add(member, "induction", induction);
        Refreshers(member, induction);
      } else {  // records begin in 2021: the first one held is a refresher
        const std::int64_t first = random_.Between(Day(2021, 1, 4), Day(2021, 12, 17));
        if (first > member.left_on.value_or(as_of_)) break;
        Add(member, "refresher", first);
        Refreshers(member, first);
      }
      break;
    case TrainingPlan::kExempt: {
      member.training_exemption = exemptions[exemptions_given_++ % exemptions.size()];
      const std::int64_t first = member.started_on + random_.Between(200, 330);
      Add(member, "refresher", first);
      Refreshers(member, first);
      break;
    }
    case TrainingPlan::kLateInduction: {
      const std::int64_t induction = member.started_on + random_.Between(100, 200);
      Add(member, "induction", induction);
      Refreshers(member, induction);
      break;
    }
    case TrainingPlan::kNewStarterTrained: {
      const std::int64_t induction = member.started_on + random_.Between(10, 40);
      Add(member, "induction", induction);
      break;
    }
    case TrainingPlan::kNewStarterPending:
    case TrainingPlan::kNone: break;
  }
}

std::vector<TrainingRecord*> WorkforceBuilder::RecordsOf(const StaffMember& member) {
  std::vector<TrainingRecord*> records;
  for (TrainingRecord& record : trust_.training) {
    if (record.staff_id == member.staff_id) records.push_back(&record);
  }
  return records;
}

// Gaps go to staff of long standing who are still in post, one gap each.
std::vector<PlantedGap> WorkforceBuilder::PlantGaps() {
  std::vector<PlantedGap> gaps;
  int late = 0;
  for (StaffMember& member : trust_.staff) {
    if (member.plan == TrainingPlan::kLateInduction) {
      member.planted_gap = "staff_induction_late";
      ++late;
    }
  }
  gaps.push_back({"staff_induction_late", late});

  std::vector<StaffMember*> pool;
  for (StaffMember& member : trust_.staff) {
    if (member.plan == TrainingPlan::kDrawn && member.may_use_force && !member.left_on &&
        member.started_on < Day(2021, 1, 1) && member.group != StaffGroup::kOther) {
      pool.push_back(&member);
    }
  }
  random_.Shuffle(pool);
  std::size_t next = 0;
  auto plant = [&](const std::string& name, int count, const auto& change) {
    int planted = 0;
    for (; planted < count && next < pool.size(); ++planted, ++next) {
      pool[next]->planted_gap = name;
      change(*pool[next], planted);
    }
    gaps.push_back({name, planted});
  };
  // The latest training 13 to 18 months before the audit date: nothing after it.
  plant("staff_refresher_expired", 3, [&](StaffMember& member, int) {
    const std::int64_t cutoff = as_of_ - random_.Between(400, 540);
    trust_.training.erase(std::remove_if(trust_.training.begin(), trust_.training.end(),
                                         [&](const TrainingRecord& record) {
                                           return record.staff_id == member.staff_id &&
                                                  record.completed_on > cutoff;
                                         }),
                          trust_.training.end());
  });
  // Every course on record left out the same one or two of the eleven topics.
  plant("staff_training_topics_missing", 3, [&](StaffMember& member, int turn) {
    static const std::vector<std::string> partial = {"a;b;c;d;e;f;h;j;k", "a;b;c;e;f;g;h;i;j;k",
                                                     "a;b;c;d;e;f;g;h;i;j"};
    for (TrainingRecord* record : RecordsOf(member))
      record->topics = partial[static_cast<std::size_t>(turn) % partial.size()];
  });
  // The latest refresher came from a provider whose training is not RRN-certified.
  plant("staff_training_not_rrn_certified", 2, [&](StaffMember& member, int) {
    TrainingRecord& latest = *RecordsOf(member).back();
    latest.course = "Breakaway and de-escalation update";
    latest.provider = "Quickstart Breakaway Training";
    latest.rrn_certified = "N";
  });
  return gaps;
}

std::vector<PlantedGap> WorkforceBuilder::Build() {
  for (StaffMember& member : trust_.staff) DrawStart(member);
  DrawLeavers();
  for (StaffMember& member : trust_.staff) {
    if (member.may_use_force) DrawTraining(member);
  }
  std::vector<PlantedGap> gaps = PlantGaps();
  std::stable_sort(trust_.training.begin(), trust_.training.end(),
                   [](const TrainingRecord& a, const TrainingRecord& b) {
                     return a.staff_id != b.staff_id ? a.staff_id < b.staff_id
                                                     : a.completed_on < b.completed_on;
                   });
  return gaps;
}

}  // namespace

std::vector<PlantedGap> GenerateWorkforce(RandomSource& random, SampleTrust& trust) {
  return WorkforceBuilder(random, trust).Build();
}

}  // namespace uofa::samples
