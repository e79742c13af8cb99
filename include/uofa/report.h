// Report writers: one finding model (finding.h), many formats. Writers are registered in one
// table (engine/report/writer_registry.cc); adding a format is one file and one row.
#ifndef UOFA_REPORT_H_
#define UOFA_REPORT_H_

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "uofa/finding.h"

namespace uofa {

struct ReportOptions {
  /// Text report: record ids listed per gap before "and N more".
  std::size_t max_examples = 5;
  /// Gaps at or above this severity make the run fail (exit code 1); shown in the summary.
  /// nullopt (`--fail-on none`): no gap fails the run.
  std::optional<GapSeverity> fail_on = GapSeverity::kHigh;
  /// Colour for terminals (text format only).
  bool color = false;
};

struct ReportFormatInfo {
  std::string name;         ///< "text", "json", ...
  std::string description;  ///< one line for --help
};

/// Every registered format, in table order.
std::vector<ReportFormatInfo> ReportFormats();

/// Writes `result` in `format`. Returns false (with `*error`) for an unknown format.
/// Identifiers were already redacted when the result was built (AuditResult::identifiers_shown).
bool WriteReport(std::string_view format, const AuditResult& result, const ReportOptions& options,
                 std::ostream& out, std::string* error);

}  // namespace uofa

#endif  // UOFA_REPORT_H_
