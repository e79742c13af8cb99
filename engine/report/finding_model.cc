// Names of the finding model's enumerations and the pass rate, as every writer prints them.
#include <optional>

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

std::optional<double> RuleOutcome::PassRate() const {
  const std::size_t decided = passed + failed;
  if (decided == 0) return std::nullopt;
  return static_cast<double>(passed) / static_cast<double>(decided);
}

}  // namespace uofa
