// The CSV report (RFC 4180), for spreadsheets: a header row, then one row per failing or
// undecided record, in rule order (a waived record has the verdict "waived" and its waiver), then
// one row per data-quality finding (kind "data_quality": rule_id is the kind's code, severity
// "error" or "warning", field and column say where in the row). Lines end with CRLF; a field is
// quoted when it holds a comma, a quote or a line break, with quotes doubled.
//
// Text taken from the inputs that begins with '=', '+', '-', '@', a tab or a carriage return is
// prefixed with an apostrophe, so that a spreadsheet shows it rather than running it as a formula.
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/report/report_text.h"
#include "engine/report/writers.h"

namespace uofa::report {
namespace {

constexpr std::string_view kHeader[] = {"rule_id",  "pack",     "provision", "severity", "verdict",
                                        "record_id", "file",    "line",      "last",     "unit",
                                        "message",  "evidence", "remedy",    "waiver",
                                        "kind",     "field",    "column"};

std::string Field(std::string_view text) {
  bool quote = false;
  for (char c : text) quote = quote || c == ',' || c == '"' || c == '\n' || c == '\r';
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string Inert(std::string text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r')) {
    text.insert(0, 1, '\'');
  }
  return text;
}

void WriteRow(std::ostream& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out << ',';
    out << Field(cells[i]);
  }
  out << "\r\n";
}

}  // namespace

void WriteCsvReport(const AuditResult& result, const ReportOptions& options, std::ostream& out) {
  WriteRow(out, std::vector<std::string>(std::begin(kHeader), std::end(kHeader)));
  for (const RuleOutcome& rule : result.rules) {
    const std::string provisions = ProvisionList(rule);
    const std::string& rule_message = rule.message.empty() ? rule.title : rule.message;
    for (const Finding& finding : rule.findings) {
      if (finding.verdict != Verdict::kFail && finding.verdict != Verdict::kIndeterminate) {
        continue;
      }
      std::string message = rule_message;
      if (finding.verdict == Verdict::kIndeterminate) {
        message = "could not be decided";
        if (!finding.detail.empty()) message += ": " + finding.detail;
      }
      WriteRow(out, {rule.id, rule.pack, provisions, GapSeverityName(rule.severity),
                     finding.waiver ? "waived" : VerdictName(finding.verdict), Inert(finding.record_id),
                     Inert(DisplayPath(result.audit_dir, finding.location.file)),
                     finding.location.line > 0 ? std::to_string(finding.location.line) : "",
                     finding.last > 0 ? std::to_string(finding.last) : "", finding.unit,
                     Inert(message), Inert(EvidenceList(finding.evidence)), rule.remedy,
                     finding.waiver ? Inert(WaiverText(*finding.waiver)) : "", "rule", "", ""});
    }
  }
  for (const Diagnostic& problem : result.input_problems) {
    if (problem.code.empty()) continue;
    const DataQualityKind* kind = FindDataQualityKind(problem.code);
    const SourceLocation& at = problem.location;
    WriteRow(out, {problem.code, "", "", SeverityName(problem.severity), "", "",
                   Inert(DisplayPath(result.audit_dir, at.file)),
                   at.line > 0 ? std::to_string(at.line) : "", "", "", Inert(Printable(problem.message)),
                   "", kind != nullptr ? kind->remedy : "", "", "data_quality", Inert(problem.field),
                   at.line > 0 && at.column > 0 ? std::to_string(at.column) : ""});
  }
}

}  // namespace uofa::report
