// Tallies and orderings that every report format shares, so that the text summary, the JSON
// summary and any later format count the same way.
#ifndef UOFA_ENGINE_REPORT_REPORT_SUMMARY_H_
#define UOFA_ENGINE_REPORT_REPORT_SUMMARY_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "uofa/finding.h"

namespace uofa::report {

/// Rules counted by status.
struct StatusCounts {
  std::size_t rules = 0;
  std::size_t met = 0;
  std::size_t gaps = 0;
  std::size_t indeterminate = 0;
  std::size_t not_applicable = 0;
  std::size_t not_assessed = 0;
  std::size_t waived = 0;  ///< rules whose every gap is waived

  void Add(RuleStatus status);
};

/// The rules of one pack citing one section ("s.6"), with their status counts.
struct SectionGroup {
  std::size_t pack_order = 0;  ///< position of the pack in the audit
  std::string pack;
  std::string section;         ///< "" for rules that cite nothing
  StatusCounts counts;
};

/// The rules grouped by pack (in the audit's order), then by the section of their first
/// citation, ordered naturally (s.2 before s.12); rules citing nothing go last in their pack.
std::vector<SectionGroup> GroupByPackAndSection(const AuditResult& result);

/// Rules with status kGap counted by severity.
struct GapCounts {
  std::size_t high = 0;
  std::size_t medium = 0;
  std::size_t low = 0;

  void Add(GapSeverity severity);
  std::size_t Total() const { return high + medium + low; }
  /// Gaps whose severity is `threshold` or more severe: those that make the run fail.
  std::size_t AtOrAbove(GapSeverity threshold) const;
};

struct ReportSummary {
  StatusCounts status;
  GapCounts gaps;
};

ReportSummary Summarise(const AuditResult& result);

/// The provision of the rule's first citation ("s.6(5)(a)"); empty when it cites nothing.
std::string_view FirstProvision(const RuleOutcome& rule);

/// The section a provision belongs to: its text up to the first '(' ("s.6(5)(a)" -> "s.6"),
/// trimmed of trailing spaces.
std::string ProvisionSection(std::string_view provision);

/// Orders text with embedded numbers by value, so "s.2" < "s.6" < "s.12".
bool NaturalLess(std::string_view left, std::string_view right);

}  // namespace uofa::report

#endif  // UOFA_ENGINE_REPORT_REPORT_SUMMARY_H_
