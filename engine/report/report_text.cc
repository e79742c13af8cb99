#include "engine/report/report_text.h"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/report/report_summary.h"

namespace uofa::report {
namespace {

bool NeedsQuotes(std::string_view value) {
  if (value.empty() || value.front() == ' ' || value.back() == ' ') return true;
  return std::any_of(value.begin(), value.end(),
                     [](char c) { return c == ';' || c == '=' || c == '"' || c == '\\'; });
}

}  // namespace

std::optional<std::string> PathInAuditDir(std::string_view audit_dir, std::string_view path) {
  while (audit_dir.size() > 1 && audit_dir.back() == '/') audit_dir.remove_suffix(1);
  if (audit_dir.empty() || path.size() <= audit_dir.size() + 1) return std::nullopt;
  if (path.substr(0, audit_dir.size()) != audit_dir) return std::nullopt;
  if (audit_dir == "/") return std::string(path.substr(1));
  if (path[audit_dir.size()] != '/') return std::nullopt;
  return std::string(path.substr(audit_dir.size() + 1));
}

std::string DisplayPath(std::string_view audit_dir, std::string_view path) {
  std::optional<std::string> inside = PathInAuditDir(audit_dir, path);
  return inside ? *inside : std::string(path);
}

std::string Printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7f) {
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    }
  }
  return out;
}

std::string MarkdownText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : Printable(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '~':
      case '#':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

std::string EvidenceList(const std::vector<Evidence>& evidence) {
  std::string out;
  for (const Evidence& item : evidence) {
    if (!out.empty()) out += "; ";
    out += item.field;
    out += '=';
    if (!NeedsQuotes(item.value)) {
      out += item.value;
      continue;
    }
    out += '"';
    for (char c : item.value) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out;
}

std::string ProvisionList(const RuleOutcome& rule) {
  std::string out;
  for (const Citation& citation : rule.citations) {
    if (citation.provision.empty()) continue;
    if (!out.empty()) out += "; ";
    out += citation.provision;
  }
  return out;
}

std::string CitationText(const Citation& citation) {
  std::string text = citation.provision;
  const std::string& title =
      citation.source_title.empty() ? citation.source : citation.source_title;
  if (!title.empty()) text += (text.empty() ? "" : ", ") + title;
  return text;
}

std::string RecordLabel(const Finding& finding) {
  return finding.record_id.empty() ? std::string("(no id)") : finding.record_id;
}

std::string LocationLabel(std::string_view audit_dir, const SourceLocation& location) {
  if (location.file.empty()) return {};
  std::string text = DisplayPath(audit_dir, location.file);
  if (location.line > 0) text += ':' + std::to_string(location.line);
  return text;
}

std::string DocumentRangeText(const Finding& finding) {
  if (finding.unit.empty() || finding.location.line <= 0) return {};
  const bool range = finding.last > finding.location.line;
  std::string numbers = std::to_string(finding.location.line);
  if (range) numbers += '-' + std::to_string(finding.last);
  if (finding.unit == "line") return numbers;
  return finding.unit + (range ? "s " : " ") + numbers;
}

std::string FindingLocationLabel(std::string_view audit_dir, const Finding& finding) {
  if (finding.location.file.empty()) return {};
  if (finding.unit.empty() || finding.location.line <= 0) return LocationLabel(audit_dir, finding.location);
  std::string text = DisplayPath(audit_dir, finding.location.file);
  return text + (finding.unit == "line" ? ":" : " ") + DocumentRangeText(finding);
}

std::vector<const RuleOutcome*> GapsInReportOrder(const AuditResult& result) {
  std::vector<const RuleOutcome*> gaps;
  for (const RuleOutcome& rule : result.rules) {
    if (rule.status == RuleStatus::kGap) gaps.push_back(&rule);
  }
  std::stable_sort(gaps.begin(), gaps.end(), [](const RuleOutcome* a, const RuleOutcome* b) {
    if (a->severity != b->severity) return a->severity > b->severity;
    return NaturalLess(a->id, b->id);
  });
  return gaps;
}

std::vector<const RuleOutcome*> WaivedInReportOrder(const AuditResult& result) {
  std::vector<const RuleOutcome*> rules;
  for (const RuleOutcome& rule : result.rules) {
    if (rule.waived > 0) rules.push_back(&rule);
  }
  std::stable_sort(rules.begin(), rules.end(), [](const RuleOutcome* a, const RuleOutcome* b) {
    if (a->severity != b->severity) return a->severity > b->severity;
    return NaturalLess(a->id, b->id);
  });
  return rules;
}

std::string WaiverText(const WaiverApplied& waiver) {
  return waiver.justification + " (approved by " + waiver.approved_by + "; expires " +
         waiver.expires + ")";
}

std::string ChangeTally(const RunComparison& comparison) {
  std::size_t opened = 0, closed = 0, persisting = 0;
  for (const GapChange& change : comparison.changes) {
    switch (change.kind) {
      case GapChangeKind::kOpened: ++opened; break;
      case GapChangeKind::kClosed: ++closed; break;
      case GapChangeKind::kPersisting: ++persisting; break;
    }
  }
  return std::to_string(opened) + " opened, " + std::to_string(closed) + " closed, " +
         std::to_string(persisting) + " persisting";
}

std::vector<std::string> ChangeLines(const RunComparison& comparison) {
  std::vector<std::string> lines;
  for (GapChangeKind kind : {GapChangeKind::kOpened, GapChangeKind::kClosed}) {
    for (const GapChange& change : comparison.changes) {
      if (change.kind != kind) continue;
      lines.push_back(std::string(GapChangeKindName(kind)) + "  " + GapSeverityName(change.severity) +
                      "  " + change.rule_id + "  " +
                      (change.record_id.empty() ? std::string("(rule)") : change.record_id));
    }
  }
  return lines;
}

std::vector<std::string> PackOrder(const AuditResult& result) {
  std::vector<std::string> order;
  auto add = [&order](const std::string& id) {
    if (std::find(order.begin(), order.end(), id) == order.end()) order.push_back(id);
  };
  for (const PackSummary& pack : result.packs) add(pack.id);
  for (const RuleOutcome& rule : result.rules) add(rule.pack);
  return order;
}

std::string Plural(std::size_t count, std::string_view singular, std::string_view plural) {
  return std::to_string(count) + ' ' + std::string(count == 1 ? singular : plural);
}

// A pass rate as a percentage with one decimal, rounded down so that a rule with any failing
// record never shows 100.0%.
std::string PassPercent(std::size_t passed, std::size_t failed) {
  const std::size_t decided = passed + failed;
  if (decided == 0) return "-";
  const std::size_t permille = passed * 1000 / decided;
  return std::to_string(permille / 10) + '.' + std::to_string(permille % 10) + '%';
}

// A target as a percentage without needless decimals: 0.98 -> "98%", 0.995 -> "99.5%".
std::string TargetPercent(double target) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", target * 100.0);
  std::string text = buffer;
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text + '%';
}

std::string SeverityLabel(GapSeverity severity) {
  std::string label = GapSeverityName(severity);
  std::transform(label.begin(), label.end(), label.begin(),
                 [](char c) { return static_cast<char>(c - 'a' + 'A'); });
  return label;
}

std::string InputProblemTally(const std::vector<Diagnostic>& problems) {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t notes = 0;
  for (const Diagnostic& problem : problems) {
    if (problem.severity == Severity::kError) ++errors;
    if (problem.severity == Severity::kWarning) ++warnings;
    if (problem.severity == Severity::kNote) ++notes;
  }
  std::string tally =
      Plural(errors, "error", "errors") + ", " + Plural(warnings, "warning", "warnings");
  if (notes > 0) tally += ", " + Plural(notes, "note", "notes");
  return tally;
}

namespace {

bool IsIdentifier(std::string_view text) {
  if (text.empty() || !((text[0] >= 'a' && text[0] <= 'z') || text[0] == '_')) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

}  // namespace

std::string MessageKind(std::string_view message) {
  std::string kind;
  for (std::size_t i = 0; i < message.size(); ++i) {
    const char c = message[i];
    if (c == '\'') {
      const std::size_t close = message.find('\'', i + 1);
      if (close != std::string_view::npos) {
        const std::string_view quoted = message.substr(i + 1, close - i - 1);
        kind += IsIdentifier(quoted) ? "'" + std::string(quoted) + "'" : std::string("'...'");
        i = close;
        continue;
      }
    }
    if (c >= '0' && c <= '9') {
      while (i + 1 < message.size() && message[i + 1] >= '0' && message[i + 1] <= '9') ++i;
      kind += 'N';
      continue;
    }
    kind += c;
  }
  return kind;
}

std::vector<std::pair<std::string, std::size_t>> InputProblemKinds(const std::vector<Diagnostic>& problems) {
  std::map<std::string, std::size_t> kinds;
  for (const Diagnostic& problem : problems) {
    if (problem.code.empty()) ++kinds[MessageKind(Printable(problem.message))];
  }
  std::vector<std::pair<std::string, std::size_t>> by_count(kinds.begin(), kinds.end());
  std::stable_sort(by_count.begin(), by_count.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return by_count;
}

std::vector<std::string> PackLines(const AuditResult& result, std::string_view title_separator) {
  std::vector<std::string> lines;
  for (const PackSummary& pack : result.packs) {
    std::string line = pack.id;
    if (!pack.version.empty()) line += ' ' + pack.version;
    if (!pack.title.empty()) line += std::string(title_separator) + pack.title;
    lines.push_back(std::move(line));
  }
  return lines;
}

std::vector<std::string> OverriddenParameterLines(const AuditResult& result, std::string_view gap) {
  std::vector<std::string> lines;
  for (const ParameterValue& parameter : result.parameters) {
    if (!parameter.overridden) continue;
    std::string line = parameter.pack + " params." + parameter.name + " = " + parameter.value +
                       std::string(gap) + "(default " + parameter.default_value;
    if (!parameter.basis.empty()) line += "; " + parameter.basis;
    lines.push_back(line + ')');
  }
  return lines;
}

std::string GapBreakdownAndFailOn(const AuditResult& result, const ReportOptions& options) {
  const GapCounts gaps = Summarise(result).gaps;
  return " (" + std::to_string(gaps.high) + " high, " + std::to_string(gaps.medium) + " medium, " +
         std::to_string(gaps.low) + " low); " +
         (options.fail_on ? std::string("exit status reflects gaps at or above ") +
                                GapSeverityName(*options.fail_on)
                          : std::string("no gap fails the run (--fail-on none)"));
}

std::string PositionLabel(std::string_view audit_dir, const SourceLocation& location) {
  std::string text = LocationLabel(audit_dir, location);
  if (!text.empty() && location.line > 0 && location.column > 0) {
    text += ':' + std::to_string(location.column);
  }
  return text;
}

std::string ProblemLine(std::string_view audit_dir, const Diagnostic& problem) {
  Diagnostic position_only = problem;
  position_only.source_line.clear();
  position_only.message = Printable(problem.message);
  position_only.location.file = DisplayPath(audit_dir, problem.location.file);
  std::string text = FormatDiagnostic(position_only);
  if (!text.empty() && text.back() == '\n') text.pop_back();
  if (!problem.code.empty()) text += " [" + problem.code + ']';
  return text;
}

std::string LineColumn(const SourceLocation& location) {
  if (location.line <= 0) return "-";
  std::string text = std::to_string(location.line);
  if (location.column > 0) text += ':' + std::to_string(location.column);
  return text;
}

std::string ColumnLabel(const DataQualityColumn& column) {
  return column.field.empty() ? std::string("(row)") : column.field;
}

std::string DataQualityTally(const std::vector<Diagnostic>& problems) {
  std::size_t findings = 0;
  std::set<std::pair<std::string, std::string>> columns;
  for (const Diagnostic& problem : problems) {
    if (problem.code.empty()) continue;
    ++findings;
    columns.emplace(problem.location.file, problem.field);
  }
  return Plural(findings, "finding", "findings") + " in " +
         Plural(columns.size(), "column", "columns");
}

}  // namespace uofa::report
