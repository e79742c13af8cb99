// The finding model's enumerations as text (what reports print and rule files write, both
// ways) and the pass rate. In base because packs, the example runner and writers all use them.
#include <algorithm>
#include <optional>
#include <string>

#include "uofa/finding.h"

namespace uofa {

const char* VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass:
      return "pass";
    case Verdict::kFail:
      return "fail";
    case Verdict::kNotApplicable:
      return "not_applicable";
    case Verdict::kIndeterminate:
      return "indeterminate";
  }
  return "indeterminate";
}

const char* RuleStatusName(RuleStatus status) {
  switch (status) {
    case RuleStatus::kMet:
      return "met";
    case RuleStatus::kGap:
      return "gap";
    case RuleStatus::kIndeterminate:
      return "indeterminate";
    case RuleStatus::kNotApplicable:
      return "not_applicable";
    case RuleStatus::kNotAssessed:
      return "not_assessed";
    case RuleStatus::kWaived:
      return "waived";
  }
  return "not_assessed";
}

const char* GapSeverityName(GapSeverity severity) {
  switch (severity) {
    case GapSeverity::kLow:
      return "low";
    case GapSeverity::kMedium:
      return "medium";
    case GapSeverity::kHigh:
      return "high";
  }
  return "medium";
}

const char* GapChangeKindName(GapChangeKind kind) {
  switch (kind) {
    case GapChangeKind::kOpened:
      return "opened";
    case GapChangeKind::kClosed:
      return "closed";
    case GapChangeKind::kPersisting:
      return "persisting";
  }
  return "persisting";
}

std::optional<Verdict> ParseVerdict(const std::string& text) {
  for (Verdict verdict : {Verdict::kPass, Verdict::kFail, Verdict::kNotApplicable, Verdict::kIndeterminate}) {
    if (text == VerdictName(verdict)) return verdict;
  }
  return std::nullopt;
}

std::optional<GapSeverity> ParseGapSeverity(const std::string& text) {
  for (GapSeverity severity : {GapSeverity::kLow, GapSeverity::kMedium, GapSeverity::kHigh}) {
    if (text == GapSeverityName(severity)) return severity;
  }
  return std::nullopt;
}

std::optional<double> RuleOutcome::PassRate() const {
  const std::size_t decided = passed + failed - std::min(waived, failed);
  if (decided == 0) return std::nullopt;
  return static_cast<double>(passed) / static_cast<double>(decided);
}

}  // namespace uofa
