// Parsing the verdict and severity names written in rule files (`expect:`, `severity:`). The
// names themselves (VerdictName, GapSeverityName) live with the finding model in engine/report.
#include <optional>
#include <string>

#include "uofa/finding.h"

namespace uofa {

std::optional<Verdict> ParseVerdict(const std::string& text) {
  if (text == "pass") return Verdict::kPass;
  if (text == "fail") return Verdict::kFail;
  if (text == "not_applicable") return Verdict::kNotApplicable;
  if (text == "indeterminate") return Verdict::kIndeterminate;
  return std::nullopt;
}

std::optional<GapSeverity> ParseGapSeverity(const std::string& text) {
  if (text == "high") return GapSeverity::kHigh;
  if (text == "medium") return GapSeverity::kMedium;
  if (text == "low") return GapSeverity::kLow;
  return std::nullopt;
}

}  // namespace uofa
