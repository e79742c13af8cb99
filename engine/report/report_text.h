// How findings read as text in the report formats built for other tools (sarif, junit, github,
// markdown, csv): paths relative to the audit folder, evidence lists, provisions, the order gaps
// are listed in, and control characters made visible.
#ifndef UOFA_ENGINE_REPORT_REPORT_TEXT_H_
#define UOFA_ENGINE_REPORT_REPORT_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "uofa/data_quality.h"
#include "uofa/finding.h"
#include "uofa/report.h"

namespace uofa::report {

/// `path` relative to `audit_dir` when it lies inside it ("samples/t/incidents.csv" with audit
/// dir "samples/t" -> "incidents.csv"); nullopt otherwise.
std::optional<std::string> PathInAuditDir(std::string_view audit_dir, std::string_view path);

/// `path` relative to the audit folder when inside it, as recorded otherwise.
std::string DisplayPath(std::string_view audit_dir, std::string_view path);

/// Control characters (line breaks in a free-text cell, terminal escapes) as visible escapes:
/// "\n", "\r", "\t", "\x1b". Other bytes are kept.
std::string Printable(std::string_view text);

/// One line per pack of the audit: "id version" then `title_separator` and the title.
std::vector<std::string> PackLines(const AuditResult& result, std::string_view title_separator);

/// One line per overridden parameter: "pack params.name = value" then `gap` and
/// "(default D; basis)".
std::vector<std::string> OverriddenParameterLines(const AuditResult& result, std::string_view gap);

/// The end of a report's closing line, after the gap count: " (1 high, 0 medium, 0 low); exit
/// status reflects gaps at or above high" (or that no gap fails the run, with --fail-on none).
std::string GapBreakdownAndFailOn(const AuditResult& result, const ReportOptions& options);

/// `text` safe to place in Markdown prose or a table cell: Markdown punctuation is escaped with
/// '\\', '&', '<' and '>' become entities (so data never becomes HTML), and control characters are
/// made visible as by Printable.
std::string MarkdownText(std::string_view text);

/// `field=value; field=value`. Values that would read ambiguously (empty, or holding ';', '=',
/// '"', '\' or a space at either end) are quoted, with '"' and '\' escaped by '\'.
std::string EvidenceList(const std::vector<Evidence>& evidence);

/// Every cited provision, joined by "; " ("s.4(3); s.4(4)").
std::string ProvisionList(const RuleOutcome& rule);

/// A citation as one line: "s.6(5)(a), Mental Health Units (Use of Force) Act 2018".
std::string CitationText(const Citation& citation);

/// "INC-1001", or "(no id)" for a record without one.
std::string RecordLabel(const Finding& finding);

/// The record's position, "incidents.csv:14" (relative to the audit folder when inside it);
/// empty when unknown.
std::string LocationLabel(std::string_view audit_dir, const SourceLocation& location);

/// A finding's position: LocationLabel's, and for a part of a document the range in its unit:
/// "policy.md:12-14", "policy.docx paragraph 7", "policy.pdf pages 3-4".
std::string FindingLocationLabel(std::string_view audit_dir, const Finding& finding);

/// The range alone: "12-14" for lines, "paragraph 7", "pages 3-4"; empty when not a document part.
std::string DocumentRangeText(const Finding& finding);

/// Rules with status kGap, most severe first, then by id with numbers by value.
std::vector<const RuleOutcome*> GapsInReportOrder(const AuditResult& result);

/// Rules with at least one waived record, in the order of GapsInReportOrder.
std::vector<const RuleOutcome*> WaivedInReportOrder(const AuditResult& result);

/// A waiver as one line: "justification (approved by X; expires 2026-03-31)".
std::string WaiverText(const WaiverApplied& waiver);

/// "2 opened, 1 closed, 14 persisting": the tally of a comparison with the previous run.
std::string ChangeTally(const RunComparison& comparison);

/// The opened and closed gaps of a comparison (not the persisting ones), opened first, each as
/// "opened  UOF-S6-5A  INC-1001" (a rule-level gap reads "(rule)").
std::vector<std::string> ChangeLines(const RunComparison& comparison);

/// Pack ids in the audit's order, then any pack a rule names that the audit does not list.
std::vector<std::string> PackOrder(const AuditResult& result);

/// "1 gap", "2 gaps": a count with the word that agrees with it.
std::string Plural(std::size_t count, std::string_view singular, std::string_view plural);

/// A pass rate as a percentage with one decimal, rounded down so that a rule with any failing
/// record never shows 100.0%; "-" when nothing was decided.
std::string PassPercent(std::size_t passed, std::size_t failed);

/// A target as a percentage without needless decimals: 0.98 -> "98%", 0.995 -> "99.5%".
std::string TargetPercent(double target);

/// "HIGH", "MEDIUM", "LOW".
std::string SeverityLabel(GapSeverity severity);

/// Counts of input problems by severity: "2 errors, 1 warning" (notes only when present).
std::string InputProblemTally(const std::vector<Diagnostic>& problems);

/// A message's kind: its text with quoted values and numbers generalised, so that
/// "'reason_code': '7' is not a code of 'ri_reason'" and the same with '42' count together.
/// Quoted lowercase identifiers (field names, code lists) are kept: they say what is wrong.
std::string MessageKind(std::string_view message);

/// The kinds of the input problems that are not data-quality findings (MessageKind of their
/// printable messages) with how many problems each has, the most frequent first; equal counts in
/// text order. Data-quality findings are counted by SummariseDataQuality instead.
std::vector<std::pair<std::string, std::size_t>> InputProblemKinds(const std::vector<Diagnostic>& problems);

/// "incidents.csv:3:33" (relative to the audit folder when inside it): file, line and column as
/// far as they are known; empty when the file is not.
std::string PositionLabel(std::string_view audit_dir, const SourceLocation& location);

/// A problem as one line without its source line: `path:line:col: warning: message`, the path
/// relative to the audit folder and the message printable, then ` [CODE]` for a data-quality
/// finding. No line break at the end.
std::string ProblemLine(std::string_view audit_dir, const Diagnostic& problem);

/// "3:14", "3" or "-": the line and column of a position in a file named elsewhere.
std::string LineColumn(const SourceLocation& location);

/// The field a data-quality summary row is about: the field, or "(row)" for whole rows.
std::string ColumnLabel(const DataQualityColumn& column);

/// How many of the input problems are data-quality findings: "10 findings in 9 columns".
std::string DataQualityTally(const std::vector<Diagnostic>& problems);

}  // namespace uofa::report

#endif  // UOFA_ENGINE_REPORT_REPORT_TEXT_H_
