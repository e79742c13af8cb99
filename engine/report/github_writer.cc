// GitHub Actions workflow commands: one annotation per failing record (`::error file=...,
// line=...,title=RULE-ID::message`), one per input problem, then a plain summary line. High gaps
// are errors, medium warnings, low notices. Paths are written as recorded (relative to where
// uofa ran, which in a workflow is the repository root), because that is what GitHub resolves.
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "engine/report/report_summary.h"
#include "engine/report/report_text.h"
#include "engine/report/writers.h"

namespace uofa::report {
namespace {

// GitHub's escaping of a command's message: '%', CR and LF are percent-encoded. Other control
// characters are made visible so that they cannot restyle the log.
std::string EscapeData(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += Printable(std::string_view(&c, 1));
    } else {
      out += c;
    }
  }
  return out;
}

// A property value is escaped as a message, and ':' and ',' too (they end a property).
std::string EscapeProperty(std::string_view text) {
  std::string out;
  for (char c : EscapeData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

const char* Command(GapSeverity severity) {
  switch (severity) {
    case GapSeverity::kHigh: return "error";
    case GapSeverity::kMedium: return "warning";
    case GapSeverity::kLow: return "notice";
  }
  return "warning";
}

const char* Command(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "notice";
  }
  return "error";
}

// "file=...,line=...,col=...,title=..." with the parts that are known; a position without a file
// is left out, since GitHub cannot place it.
std::string Properties(const SourceLocation& location, std::string_view title);

// A finding in a document: lines as line and endLine; a paragraph or page has no line in the
// file, so the annotation names the file and its message says where.
std::string FindingProperties(const Finding& finding, std::string_view title) {
  if (finding.unit.empty() || finding.location.line <= 0) return Properties(finding.location, title);
  if (finding.unit == "line") {
    std::string properties = "file=" + EscapeProperty(finding.location.file) +
                             ",line=" + std::to_string(finding.location.line);
    if (finding.last > finding.location.line) properties += ",endLine=" + std::to_string(finding.last);
    return properties + ",title=" + EscapeProperty(title);
  }
  return Properties(SourceLocation{finding.location.file, 0, 0}, title);
}

std::string Properties(const SourceLocation& location, std::string_view title) {
  std::string properties;
  if (!location.file.empty()) {
    properties += "file=" + EscapeProperty(location.file);
    if (location.line > 0) properties += ",line=" + std::to_string(location.line);
    if (location.line > 0 && location.column > 0) {
      properties += ",col=" + std::to_string(location.column);
    }
    properties += ',';
  }
  properties += "title=" + EscapeProperty(title);
  return properties;
}

}  // namespace

void WriteGithubReport(const AuditResult& result, const ReportOptions& options, std::ostream& out) {
  for (const RuleOutcome* rule : GapsInReportOrder(result)) {
    const std::string& text = rule->message.empty() ? rule->title : rule->message;
    const std::string provisions = ProvisionList(*rule);
    for (const Finding& finding : rule->findings) {
      if (finding.verdict != Verdict::kFail || finding.waiver) continue;
      std::string message = RecordLabel(finding);
      if (!finding.unit.empty() && finding.unit != "line") message += " (" + DocumentRangeText(finding) + ")";
      message += ": " + text;
      if (!provisions.empty()) message += " (" + provisions + ')';
      if (!finding.evidence.empty()) message += "\n" + EvidenceList(finding.evidence);
      out << "::" << Command(rule->severity) << ' ' << FindingProperties(finding, rule->id)
          << "::" << EscapeData(message) << '\n';
    }
  }
  // Waived records as notices: visible in the run, never failing it.
  for (const RuleOutcome* rule : WaivedInReportOrder(result)) {
    for (const Finding& finding : rule->findings) {
      if (!finding.waiver) continue;
      out << "::notice " << Properties(finding.location, rule->id + " (waived)")
          << "::" << EscapeData(RecordLabel(finding) + ": waived: " + WaiverText(*finding.waiver)) << '\n';
    }
  }
  // The source line of a problem is never written: it may hold identifying data. A data-quality
  // finding is titled with its kind's code.
  for (const Diagnostic& problem : result.input_problems) {
    out << "::" << Command(problem.severity) << ' '
        << Properties(problem.location, problem.code.empty() ? std::string("uofa input problem") : problem.code)
        << "::" << EscapeData(problem.message) << '\n';
  }
  // The per-column summary of the data-quality findings, as notices on the first of each.
  for (const DataQualityColumn& column : SummariseDataQuality(result.input_problems)) {
    out << "::notice " << Properties(column.first, column.code + " (summary)") << "::"
        << EscapeData(DisplayPath(result.audit_dir, column.file) + ' ' + ColumnLabel(column) + ": " +
                      Plural(column.count, "finding", "findings") + " of " + column.code)
        << '\n';
  }
  const GapCounts gaps = Summarise(result).gaps;
  out << "uofa: " << gaps.Total() << (gaps.Total() == 1 ? " gap" : " gaps") << " (" << gaps.high
      << " high, " << gaps.medium << " medium, " << gaps.low << " low)";
  if (!result.input_problems.empty()) {
    out << "; " << result.input_problems.size()
        << (result.input_problems.size() == 1 ? " input problem" : " input problems");
    std::size_t findings = 0;
    for (const Diagnostic& problem : result.input_problems) findings += problem.code.empty() ? 0 : 1;
    if (findings > 0) out << " (" << Plural(findings, "data-quality finding", "data-quality findings") << ')';
  }
  out << '\n';
}

}  // namespace uofa::report
