#include "engine/report/report_summary.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace uofa::report {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

void StatusCounts::Add(RuleStatus rule_status) {
  ++rules;
  switch (rule_status) {
    case RuleStatus::kMet:
      ++met;
      break;
    case RuleStatus::kGap:
      ++gaps;
      break;
    case RuleStatus::kIndeterminate:
      ++indeterminate;
      break;
    case RuleStatus::kNotApplicable:
      ++not_applicable;
      break;
    case RuleStatus::kNotAssessed:
      ++not_assessed;
      break;
    case RuleStatus::kWaived:
      ++waived;
      break;
  }
}

void GapCounts::Add(GapSeverity severity) {
  switch (severity) {
    case GapSeverity::kHigh:
      ++high;
      break;
    case GapSeverity::kMedium:
      ++medium;
      break;
    case GapSeverity::kLow:
      ++low;
      break;
  }
}

std::size_t GapCounts::AtOrAbove(GapSeverity threshold) const {
  switch (threshold) {
    case GapSeverity::kHigh:
      return high;
    case GapSeverity::kMedium:
      return high + medium;
    case GapSeverity::kLow:
      return high + medium + low;
  }
  return high;
}

ReportSummary Summarise(const AuditResult& result) {
  ReportSummary summary;
  for (const RuleOutcome& rule : result.rules) {
    summary.status.Add(rule.status);
    if (rule.status == RuleStatus::kGap) summary.gaps.Add(rule.severity);
  }
  return summary;
}

std::string_view FirstProvision(const RuleOutcome& rule) {
  if (rule.citations.empty()) return {};
  return rule.citations.front().provision;
}

std::string ProvisionSection(std::string_view provision) {
  std::string_view section = provision.substr(0, provision.find('('));
  while (!section.empty() && (section.back() == ' ' || section.back() == '\t')) {
    section.remove_suffix(1);
  }
  return std::string(section);
}

bool NaturalLess(std::string_view left, std::string_view right) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < left.size() && j < right.size()) {
    if (IsDigit(left[i]) && IsDigit(right[j])) {
      std::size_t i_end = i;
      std::size_t j_end = j;
      while (i_end < left.size() && IsDigit(left[i_end])) ++i_end;
      while (j_end < right.size() && IsDigit(right[j_end])) ++j_end;
      // Compare the runs as numbers without converting them (they may be long): skip leading
      // zeros, then a longer run is larger, then compare digit by digit.
      std::string_view a = left.substr(i, i_end - i);
      std::string_view b = right.substr(j, j_end - j);
      while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
      while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
      if (a.size() != b.size()) return a.size() < b.size();
      if (a != b) return a < b;
      i = i_end;
      j = j_end;
      continue;
    }
    if (left[i] != right[j]) return left[i] < right[j];
    ++i;
    ++j;
  }
  if ((left.size() - i) != (right.size() - j)) return (left.size() - i) < (right.size() - j);
  return left < right;  // equal by value ("s.06" vs "s.6"): fall back to plain order
}

std::vector<SectionGroup> GroupByPackAndSection(const AuditResult& result) {
  std::vector<SectionGroup> groups;
  std::vector<std::string> packs;
  for (const RuleOutcome& rule : result.rules) {
    const std::string section = ProvisionSection(FirstProvision(rule));
    auto pack = std::find(packs.begin(), packs.end(), rule.pack);
    if (pack == packs.end()) pack = packs.insert(packs.end(), rule.pack);
    const std::size_t order = static_cast<std::size_t>(pack - packs.begin());
    auto found = std::find_if(groups.begin(), groups.end(), [&](const SectionGroup& group) {
      return group.pack_order == order && group.section == section;
    });
    if (found == groups.end()) {
      groups.push_back({order, rule.pack, section, {}});
      found = groups.end() - 1;
    }
    found->counts.Add(rule.status);
  }
  std::stable_sort(groups.begin(), groups.end(), [](const SectionGroup& a, const SectionGroup& b) {
    if (a.pack_order != b.pack_order) return a.pack_order < b.pack_order;
    if (a.section.empty() != b.section.empty()) return b.section.empty();
    return NaturalLess(a.section, b.section);
  });
  return groups;
}

}  // namespace uofa::report
