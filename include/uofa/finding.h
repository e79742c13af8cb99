// The finding model: what an audit concluded, rule by rule and record by record. Every report
// writer reads only this, so all formats say the same thing.
#ifndef UOFA_FINDING_H_
#define UOFA_FINDING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "uofa/diagnostic.h"
#include "uofa/statistics.h"

namespace uofa {

/// The verdict of one rule on one record.
enum class Verdict {
  kPass,
  kFail,
  kNotApplicable,  ///< the rule's `when` was false
  kIndeterminate,  ///< the data needed to decide is missing or unreadable (a data-quality gap)
};
const char* VerdictName(Verdict verdict);  ///< "pass", "fail", "not_applicable", "indeterminate"
std::optional<Verdict> ParseVerdict(const std::string& text);

/// How a rule stands over all its records.
enum class RuleStatus {
  kMet,            ///< no failing record (or the pass rate reaches the rule's target)
  kGap,            ///< failing records (below target, when the rule has one)
  kIndeterminate,  ///< no failure, but some records could not be decided
  kNotApplicable,  ///< records exist, but the rule applied to none of them
  kNotAssessed,    ///< no input of the rule's subject kind
  kWaived,         ///< every failure that would make a gap is covered by a live waiver
};
const char* RuleStatusName(RuleStatus status);  ///< "met", "gap", "indeterminate", ...

enum class GapSeverity { kLow, kMedium, kHigh };
const char* GapSeverityName(GapSeverity severity);  ///< "low", "medium", "high"
std::optional<GapSeverity> ParseGapSeverity(const std::string& text);

/// A provision a rule rests on, with its source resolved from the pack.
struct Citation {
  std::string source;        ///< key in the pack's sources, e.g. "act"
  std::string source_title;  ///< "Mental Health Units (Use of Force) Act 2018"
  std::string url;
  std::string provision;     ///< "s.6(5)(a)"
};

/// A value the rule read from the record. `value` is already redacted ("[redacted]") for
/// identifying fields unless the audit was run with identifiers shown.
struct Evidence {
  std::string field;  ///< path, e.g. "patient.nhs_number"
  std::string value;  ///< display text; "(missing)" when the record had no value
};

/// A waiver from the audit folder's waivers.yaml that covers a failing record (or a rule-level
/// gap). A waived failure is reported, with its justification, but is not a gap.
struct WaiverApplied {
  std::string justification;
  std::string approved_by;
  std::string expires;        ///< YYYY-MM-DD; the waiver stops waiving after this date
  SourceLocation defined_at;  ///< the waiver's entry in waivers.yaml
};

/// One record that failed or could not be decided.
struct Finding {
  Verdict verdict = Verdict::kFail;
  std::string record_id;
  SourceLocation location;      ///< the row or line the record came from; for a part of a
                                ///< document, line is the first line, paragraph or page (in
                                ///< `unit`); for a whole document, line is 0
  /// For a part of a document: the last line, paragraph or page it spans (>= location.line);
  /// 0 otherwise.
  int last = 0;
  /// "line", "paragraph" or "page" for a part of a document (what location.line and last
  /// count); empty for table rows and JSON lines, whose location.line is a line of the file.
  std::string unit;
  std::vector<Evidence> evidence;
  std::string detail;           ///< for indeterminate: why (the evaluation error)
  /// Set when a live waiver covers this failing record: it is listed as waived, not as a gap.
  std::optional<WaiverApplied> waiver;
};

struct RuleOutcome {
  std::string id;
  std::string title;
  std::string pack;
  std::string subject;
  std::string basis;
  GapSeverity severity = GapSeverity::kMedium;
  std::vector<Citation> citations;
  std::string message;
  std::string remedy;
  std::optional<double> target;
  SourceLocation defined_at;

  RuleStatus status = RuleStatus::kNotAssessed;
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::size_t not_applicable = 0;
  std::size_t indeterminate = 0;
  std::size_t waived = 0;  ///< failing records covered by a live waiver (counted in `failed` too)
  std::vector<Finding> findings;  ///< every failing and indeterminate record, none elided

  /// passed / (passed + failed - waived): waived records count neither way; nullopt when no
  /// record counts.
  std::optional<double> PassRate() const;
};

struct PackSummary {
  std::string id;
  std::string title;
  std::string version;
};

struct ParameterValue {
  std::string pack;
  std::string name;
  std::string value;          ///< effective value as text
  std::string default_value;  ///< the pack's default as text
  bool overridden = false;
  std::string basis;          ///< "statute", "unverified", ...
};

struct InputSummary {
  std::string path;
  std::string kind;
  std::size_t rows = 0;
};

/// How one gap compares with the previous run recorded in the store, keyed by (rule id,
/// record id): opened (new in this run), closed (gone since the previous run) or persisting.
enum class GapChangeKind { kOpened, kClosed, kPersisting };
const char* GapChangeKindName(GapChangeKind kind);  ///< "opened", "closed", "persisting"

struct GapChange {
  GapChangeKind kind = GapChangeKind::kOpened;
  std::string rule_id;
  std::string rule_title;
  std::string record_id;  ///< empty for a rule-level gap (a rate below its target)
  GapSeverity severity = GapSeverity::kMedium;
};

/// This run against the previous run of the same audit in the store.
struct RunComparison {
  std::string previous_run_id;
  std::string previous_run_at;  ///< when the previous run was made, ISO 8601 UTC
  std::string previous_as_of;   ///< YYYY-MM-DD
  std::vector<GapChange> changes;
};

/// Everything one audit run concluded.
struct AuditResult {
  std::string tool_version;
  std::string audit_dir;
  std::string as_of;  ///< YYYY-MM-DD
  std::vector<PackSummary> packs;
  std::vector<ParameterValue> parameters;
  std::vector<InputSummary> inputs;
  /// Accounting, so that nothing is lost silently: read == evaluated + rejected.
  std::size_t records_read = 0;      ///< data rows (or JSON lines) seen across all inputs
  std::size_t records_evaluated = 0; ///< rows that became a record or part of one (a child row)
  std::size_t records_rejected = 0;  ///< rows that could not, each with an input problem
  std::vector<RuleOutcome> rules;    ///< in pack order, then file order
  std::vector<Diagnostic> input_problems;  ///< data-quality problems in the inputs, positioned
  bool identifiers_shown = false;
  /// Set when the store holds an earlier run of this audit to compare with.
  std::optional<RunComparison> since_previous;
  /// The statistics of the use of force, when the run was asked for them
  /// (CheckOptions::statistics).
  std::optional<Statistics> statistics;
};

}  // namespace uofa

#endif  // UOFA_FINDING_H_
