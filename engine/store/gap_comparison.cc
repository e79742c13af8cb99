// The gaps of a run and how two runs' gaps compare, keyed by (rule id, record id).
#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "uofa/store.h"

namespace uofa {

std::vector<StoredGap> GapsOf(const AuditResult& result) {
  std::vector<StoredGap> gaps;
  for (const RuleOutcome& rule : result.rules) {
    if (rule.status != RuleStatus::kGap) continue;
    if (rule.target) {
      gaps.push_back({rule.id, rule.title, "", rule.severity});
      continue;
    }
    std::set<std::string> seen;
    for (const Finding& finding : rule.findings) {
      if (finding.verdict != Verdict::kFail || finding.waiver) continue;
      if (!seen.insert(finding.record_id).second) continue;
      gaps.push_back({rule.id, rule.title, finding.record_id, rule.severity});
    }
  }
  return gaps;
}

std::vector<GapChange> CompareGaps(const std::vector<StoredGap>& before,
                                   const std::vector<StoredGap>& after) {
  using Key = std::pair<std::string, std::string>;
  std::map<Key, const StoredGap*> earlier;
  std::map<Key, const StoredGap*> later;
  for (const StoredGap& gap : before) earlier.emplace(Key{gap.rule_id, gap.record_id}, &gap);
  for (const StoredGap& gap : after) later.emplace(Key{gap.rule_id, gap.record_id}, &gap);
  std::set<Key> keys;
  for (const auto& [key, gap] : earlier) keys.insert(key);
  for (const auto& [key, gap] : later) keys.insert(key);
  std::vector<GapChange> changes;
  for (const Key& key : keys) {
    auto old_gap = earlier.find(key);
    auto new_gap = later.find(key);
    GapChange change;
    if (old_gap == earlier.end()) {
      change.kind = GapChangeKind::kOpened;
    } else if (new_gap == later.end()) {
      change.kind = GapChangeKind::kClosed;
    } else {
      change.kind = GapChangeKind::kPersisting;
    }
    // The latest description of the rule wins: a closed gap keeps the one it had.
    const StoredGap& gap = new_gap != later.end() ? *new_gap->second : *old_gap->second;
    change.rule_id = gap.rule_id;
    change.rule_title = gap.rule_title;
    change.record_id = gap.record_id;
    change.severity = gap.severity;
    changes.push_back(std::move(change));
  }
  return changes;
}

}  // namespace uofa
