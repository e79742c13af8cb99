// The text report: what a compliance officer reads in a terminal. Header, a summary by provision,
// every gap with its evidence, then what could not be decided or assessed, then input problems.
#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/report/report_summary.h"
#include "engine/report/report_text.h"
#include "engine/report/writers.h"

namespace uofa::report {
namespace {

constexpr std::size_t kWidth = 100;         // wrap prose and evidence before this column
constexpr std::size_t kLabelWidth = 13;     // header labels ("as of", "inputs", ...)
constexpr std::size_t kRuleIndent = 8;      // under a "MEDIUM  " severity label
constexpr std::size_t kMaxValueWidth = 60;  // evidence values longer than this are cut in text
constexpr std::string_view kRuleIndentText = "        ";

std::string PadRight(std::string_view text, std::size_t width) {
  std::string out(text);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

std::string PadLeft(std::string_view text, std::size_t width) {
  std::string out;
  if (text.size() < width) out.append(width - text.size(), ' ');
  out += text;
  return out;
}

// ANSI styling, applied after padding so that escapes never count towards widths.
class Style {
 public:
  explicit Style(bool enabled) : enabled_(enabled) {}

  std::string Heading(std::string_view text) const { return Wrap("\x1b[1m", text); }
  std::string Severity(GapSeverity severity, std::string_view text) const {
    switch (severity) {
      case GapSeverity::kHigh:
        return Wrap("\x1b[1;31m", text);
      case GapSeverity::kMedium:
        return Wrap("\x1b[33m", text);
      case GapSeverity::kLow:
        return Wrap("\x1b[36m", text);
    }
    return std::string(text);
  }

 private:
  std::string Wrap(std::string_view code, std::string_view text) const {
    if (!enabled_) return std::string(text);
    return std::string(code) + std::string(text) + "\x1b[0m";
  }
  bool enabled_;
};

// Joins `items` with `separator` into lines no wider than kWidth where possible: the first line
// starts with `first_prefix`, the rest with `next_prefix`. An item wider than a line gets a line
// of its own rather than being split.
void AppendWrapped(std::string& out, std::string_view first_prefix, std::string_view next_prefix,
                   const std::vector<std::string>& items, std::string_view separator) {
  std::string line(first_prefix);
  bool line_has_item = false;
  for (const std::string& item : items) {
    if (line_has_item && line.size() + separator.size() + item.size() > kWidth) {
      out += line;
      out += '\n';
      line = std::string(next_prefix);
      line_has_item = false;
    }
    if (line_has_item) line += separator;
    line += item;
    line_has_item = true;
  }
  out += line;
  out += '\n';
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && (text[start] == ' ' || text[start] == '\n')) ++start;
    std::size_t end = start;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
    if (end > start) words.emplace_back(text.substr(start, end - start));
    start = end;
  }
  return words;
}

// The words of `text` with "  [RULE-ID]" kept on the last word, so a wrapped line still ends
// with the id.
std::vector<std::string> WordsThenId(std::string_view text, const std::string& id) {
  std::vector<std::string> words = Words(text);
  if (words.empty()) {
    words.push_back("[" + id + "]");
  } else {
    words.back() += "  [" + id + "]";
  }
  return words;
}

// `text` wrapped after `prefix`; continuation lines hang under the first word.
void AppendProse(std::string& out, std::string_view prefix, std::string_view text) {
  std::vector<std::string> words = Words(text);
  if (words.empty()) return;
  AppendWrapped(out, prefix, std::string(prefix.size(), ' '), words, " ");
}

// `text` under a rule's headline, after `label` ("remedy: "), wrapped with a hanging indent.
void AppendLabelled(std::string& out, std::string_view label, std::string_view text) {
  AppendProse(out, std::string(kRuleIndentText) + std::string(label), text);
}

// Cuts a UTF-8 string to at most `width` bytes without splitting a character, marking the cut.
std::string Shorten(std::string_view text, std::size_t width) {
  if (text.size() <= width) return std::string(text);
  std::size_t cut = width - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

// `field=value`, quoting values that would otherwise read ambiguously (empty, or holding spaces,
// '=', quotes or control characters).
std::string EvidenceText(const Evidence& evidence) {
  const std::string& raw = evidence.value;
  const bool quote =
      raw.empty() || std::any_of(raw.begin(), raw.end(), [](char c) {
        return c == ' ' || c == '=' || c == '"' || static_cast<unsigned char>(c) < 0x20;
      });
  std::string value;
  if (quote) {
    for (char c : raw) {
      if (c == '"' || c == '\\') value += '\\';
      value += c;
    }
  } else {
    value = raw;
  }
  value = Shorten(Printable(value), kMaxValueWidth);
  if (quote) value = '"' + value + '"';
  return Printable(evidence.field) + '=' + value;
}

std::string ProvisionOrDash(const RuleOutcome& rule) {
  std::string_view provision = FirstProvision(rule);
  return provision.empty() ? std::string("-") : std::string(provision);
}

// Severity first (high before low), then rule id with numbers by value (UOF-S6 before UOF-S12).
bool BySeverityThenId(const RuleOutcome* a, const RuleOutcome* b) {
  if (a->severity != b->severity) return a->severity > b->severity;
  return NaturalLess(a->id, b->id);
}

// Waived records are listed apart, with their waiver.
std::vector<const Finding*> FindingsWith(const RuleOutcome& rule, Verdict verdict) {
  std::vector<const Finding*> found;
  for (const Finding& finding : rule.findings) {
    if (finding.verdict == verdict && !finding.waiver) found.push_back(&finding);
  }
  return found;
}


// Builds the whole report in a string; it is bounded by max_examples, not by the audit's size.
class TextReport {
 public:
  TextReport(const AuditResult& result, const ReportOptions& options)
      : result_(result), options_(options), style_(options.color) {}

  std::string Render() {
    AppendHeader();
    out_ += '\n';
    AppendSummaryTable();
    AppendSincePrevious();
    AppendGaps();
    AppendWaived();
    AppendIndeterminate();
    AppendNotAssessed();
    AppendDataQuality();
    AppendInputProblems();
    AppendClosingLine();
    return std::move(out_);
  }

 private:
  // A path as the reader sees it: relative to the audit folder (named in the header) when it is
  // inside it, as recorded otherwise.
  std::string DisplayPath(std::string_view path) const {
    return Printable(report::DisplayPath(result_.audit_dir, path));
  }

  // "incidents.csv:14"; empty when the location is unknown.
  std::string LocationText(const SourceLocation& location) const {
    if (location.file.empty()) return {};
    std::string text = DisplayPath(location.file);
    if (location.line > 0) text += ':' + std::to_string(location.line);
    return text;
  }

  std::string RecordId(const Finding& finding) const {
    return finding.record_id.empty() ? "(no id)" : Printable(finding.record_id);
  }

  // The first indeterminate record's reason, with the record: "... (INC-2, incidents.csv:3)".
  std::string FirstReason(const RuleOutcome& rule) const {
    for (const Finding& finding : rule.findings) {
      if (finding.verdict != Verdict::kIndeterminate) continue;
      std::string reason = finding.detail.empty() ? "no reason given" : Printable(finding.detail);
      std::string where = RecordId(finding);
      std::string location = Printable(FindingLocationLabel(result_.audit_dir, finding));
      if (!location.empty()) where += ", " + location;
      return reason + " (" + where + ')';
    }
    return {};
  }

  // "HIGH    s.6(5)(a)  <text>  [UOF-S6-5A]", wrapping <text> under the provision when long.
  void AppendRuleHeadline(const RuleOutcome& rule, std::string_view text) {
    const std::string severity = SeverityLabel(rule.severity);
    std::string lines;
    AppendWrapped(lines, std::string(kRuleIndent, ' ') + ProvisionOrDash(rule) + "  ",
                  kRuleIndentText, WordsThenId(text, rule.id), " ");
    // Laid out with spaces for the label, then the (possibly styled) label put in their place.
    out_ += style_.Severity(rule.severity, severity);
    out_ += lines.substr(severity.size());
  }

  void AppendRecordLine(const Finding& finding) {
    std::string reference = RecordId(finding);
    std::string location = Printable(FindingLocationLabel(result_.audit_dir, finding));
    if (!location.empty() && location != reference) reference += "  " + location;
    std::vector<std::string> items = {reference};
    for (const Evidence& evidence : finding.evidence) items.push_back(EvidenceText(evidence));
    AppendWrapped(out_, kRuleIndentText, std::string(kRuleIndent + 2, ' '), items, "  ");
  }

  void AppendHeader() {
    auto labelled = [this](std::string_view label, const std::vector<std::string>& lines) {
      for (std::size_t i = 0; i < lines.size(); ++i) {
        out_ += PadRight(i == 0 ? label : std::string_view(), kLabelWidth);
        out_ += lines[i];
        out_ += '\n';
      }
    };

    out_ += result_.tool_version.empty()
                ? "uofa compliance report\n"
                : "uofa " + Printable(result_.tool_version) + " compliance report\n";
    labelled("audit dir", {result_.audit_dir.empty() ? "-" : Printable(result_.audit_dir)});
    labelled("as of", {result_.as_of.empty() ? "-" : Printable(result_.as_of)});

    std::vector<std::string> packs = PackLines(result_, "  ");
    for (std::string& line : packs) line = Printable(line);
    if (packs.empty()) packs.push_back("none");
    labelled("packs", packs);

    std::vector<std::string> parameters = OverriddenParameterLines(result_, "  ");
    for (std::string& line : parameters) line = Printable(line);
    if (parameters.empty()) parameters.push_back("all defaults");
    labelled("parameters", parameters);

    std::vector<std::string> paths;
    std::size_t path_width = 0;
    std::size_t kind_width = 0;
    std::size_t rows_width = 0;
    for (const InputSummary& input : result_.inputs) {
      paths.push_back(DisplayPath(input.path));
      path_width = std::max(path_width, paths.back().size());
      kind_width = std::max(kind_width, input.kind.size());
      rows_width = std::max(rows_width, std::to_string(input.rows).size());
    }
    std::vector<std::string> inputs;
    for (std::size_t i = 0; i < result_.inputs.size(); ++i) {
      const InputSummary& input = result_.inputs[i];
      inputs.push_back(PadRight(paths[i], path_width) + "  " +
                       PadRight(Printable(input.kind), kind_width) + "  " +
                       PadLeft(std::to_string(input.rows), rows_width) +
                       (input.rows == 1 ? " row" : " rows"));
    }
    if (inputs.empty()) inputs.push_back("none");
    labelled("inputs", inputs);

    labelled("records", {std::to_string(result_.records_read) +
                         " read = " + std::to_string(result_.records_evaluated) + " evaluated + " +
                         std::to_string(result_.records_rejected) + " rejected"});
    labelled("identifiers", {result_.identifiers_shown ? "shown" : "redacted"});
  }

  void AppendSummaryTable() {
    std::vector<SectionGroup> groups = GroupByPackAndSection(result_);
    for (SectionGroup& group : groups) {
      group.pack = Printable(group.pack);
      group.section = group.section.empty() ? "-" : Printable(group.section);
    }
    const StatusCounts total = Summarise(result_).status;

    std::size_t pack_width = std::string_view("pack").size();
    std::size_t section_width = std::string_view("provision").size();
    for (const SectionGroup& group : groups) {
      pack_width = std::max(pack_width, group.pack.size());
      section_width = std::max(section_width, group.section.size());
    }
    static constexpr std::string_view kColumns[] = {
        "rules", "met", "gaps", "indeterminate", "not assessed", "not applicable", "waived"};
    auto row = [&](std::string_view pack, std::string_view section,
                   const std::vector<std::string>& cells) {
      std::string line = "  " + PadRight(pack, pack_width) + "  " + PadRight(section, section_width);
      for (std::size_t i = 0; i < std::size(kColumns); ++i) {
        line += "  " + PadLeft(cells[i], kColumns[i].size());
      }
      out_ += line + '\n';
    };
    auto counts_row = [&](std::string_view pack, std::string_view section, const StatusCounts& counts) {
      row(pack, section,
          {std::to_string(counts.rules), std::to_string(counts.met), std::to_string(counts.gaps),
           std::to_string(counts.indeterminate), std::to_string(counts.not_assessed),
           std::to_string(counts.not_applicable), std::to_string(counts.waived)});
    };

    out_ += style_.Heading("Summary by provision") + '\n';
    row("pack", "provision", std::vector<std::string>(std::begin(kColumns), std::end(kColumns)));
    for (std::size_t i = 0; i < groups.size(); ++i) {
      const bool first_of_pack = i == 0 || groups[i - 1].pack_order != groups[i].pack_order;
      counts_row(first_of_pack ? groups[i].pack : "", groups[i].section, groups[i].counts);
    }
    counts_row("total", "", total);
  }

  void AppendGap(const RuleOutcome& rule) {
    AppendRuleHeadline(rule, rule.message.empty() ? rule.title : rule.message);
    if (!rule.message.empty() && !rule.title.empty()) AppendLabelled(out_, "", rule.title);

    for (std::size_t i = 0; i < rule.citations.size(); ++i) {
      const Citation& citation = rule.citations[i];
      std::string text = citation.provision;
      std::string title = citation.source_title.empty() ? citation.source : citation.source_title;
      if (!title.empty()) text += (text.empty() ? "" : ", ") + title;
      AppendLabelled(out_, i == 0 ? "cites: " : "       ", text);
    }

    // Waived records count neither way in the pass rate.
    std::string failing = "failing: " + std::to_string(rule.failed) + " of " +
                          Plural(rule.passed + rule.failed, "record", "records");
    if (rule.waived > 0) failing += ", " + std::to_string(rule.waived) + " waived";
    failing += " (" + PassPercent(rule.passed, rule.failed - std::min(rule.waived, rule.failed)) + " pass";
    if (rule.target) failing += "; target " + TargetPercent(*rule.target);
    failing += ')';
    out_ += std::string(kRuleIndentText) + failing + '\n';
    if (rule.indeterminate > 0) {
      AppendLabelled(
          out_, "undecided: ",
          Plural(rule.indeterminate, "record", "records") + "; first: " + FirstReason(rule));
    }
    if (!rule.remedy.empty()) AppendLabelled(out_, "remedy: ", rule.remedy);

    std::vector<const Finding*> failures = FindingsWith(rule, Verdict::kFail);
    const std::size_t shown = std::min(failures.size(), options_.max_examples);
    for (std::size_t i = 0; i < shown; ++i) AppendRecordLine(*failures[i]);
    if (failures.size() > shown) {
      out_ += std::string(kRuleIndentText) + "... and " + std::to_string(failures.size() - shown) +
              " more\n";
    }
  }

  void AppendGaps() {
    std::vector<const RuleOutcome*> gaps;
    for (const RuleOutcome& rule : result_.rules) {
      if (rule.status == RuleStatus::kGap) gaps.push_back(&rule);
    }
    if (gaps.empty()) return;
    std::stable_sort(gaps.begin(), gaps.end(), BySeverityThenId);
    out_ += '\n' + style_.Heading("Gaps (" + std::to_string(gaps.size()) + ")") + '\n';
    for (std::size_t i = 0; i < gaps.size(); ++i) {
      if (i > 0) out_ += '\n';
      AppendGap(*gaps[i]);
    }
  }

  // The gaps opened and closed since the previous run of this audit in the store.
  void AppendSincePrevious() {
    if (!result_.since_previous) return;
    const RunComparison& since = *result_.since_previous;
    out_ += '\n' + style_.Heading("Since the previous run: " + ChangeTally(since)) + '\n';
    out_ += "  previous run " + Printable(since.previous_run_id) + ", recorded " +
            Printable(since.previous_run_at) + ", as of " + Printable(since.previous_as_of) + '\n';
    const std::vector<std::string> lines = ChangeLines(since);
    const std::size_t shown = std::min(lines.size(), options_.max_examples * 2);
    for (std::size_t i = 0; i < shown; ++i) out_ += "  " + Printable(lines[i]) + '\n';
    if (lines.size() > shown) {
      out_ += "  ... and " + std::to_string(lines.size() - shown) + " more (uofa diff lists them all)\n";
    }
  }

  // Failing records covered by a live waiver: listed, with the waiver, but not gaps.
  void AppendWaived() {
    std::vector<const RuleOutcome*> rules = WaivedInReportOrder(result_);
    if (rules.empty()) return;
    out_ += '\n' + style_.Heading("Waived (" + std::to_string(rules.size()) + ")") + '\n';
    for (std::size_t i = 0; i < rules.size(); ++i) {
      if (i > 0) out_ += '\n';
      const RuleOutcome& rule = *rules[i];
      AppendRuleHeadline(rule, rule.message.empty() ? rule.title : rule.message);
      std::size_t shown = 0;
      for (const Finding& finding : rule.findings) {
        if (!finding.waiver) continue;
        if (shown++ == options_.max_examples) {
          out_ += std::string(kRuleIndentText) + "... and " +
                  std::to_string(rule.waived - options_.max_examples) + " more\n";
          break;
        }
        AppendLabelled(out_, "waived: ", RecordId(finding) + ": " + Printable(WaiverText(*finding.waiver)));
      }
    }
  }

  // Rules whose records could not all be decided, apart from gaps (whose block says so).
  void AppendIndeterminate() {
    std::vector<const RuleOutcome*> rules;
    for (const RuleOutcome& rule : result_.rules) {
      if (rule.status == RuleStatus::kGap || rule.status == RuleStatus::kNotAssessed) continue;
      if (rule.status == RuleStatus::kIndeterminate || rule.indeterminate > 0) {
        rules.push_back(&rule);
      }
    }
    if (rules.empty()) return;
    std::stable_sort(rules.begin(), rules.end(), BySeverityThenId);
    out_ += '\n' +
            style_.Heading("Indeterminate (" + std::to_string(rules.size()) +
                           "): records that could not be decided") +
            '\n';
    for (const RuleOutcome* rule : rules) {
      AppendRuleHeadline(*rule, rule->title.empty() ? rule->message : rule->title);
      const std::size_t applicable = rule->passed + rule->failed + rule->indeterminate;
      std::string text = std::to_string(rule->indeterminate) + " of " +
                         Plural(applicable, "applicable record", "applicable records");
      std::string reason = FirstReason(*rule);
      if (!reason.empty()) text += "; first: " + reason;
      AppendLabelled(out_, "undecided: ", text);
    }
  }

  void AppendNotAssessed() {
    std::vector<const RuleOutcome*> rules;
    for (const RuleOutcome& rule : result_.rules) {
      if (rule.status == RuleStatus::kNotAssessed) rules.push_back(&rule);
    }
    if (rules.empty()) return;
    out_ += '\n' +
            style_.Heading("Not assessed (" + std::to_string(rules.size()) +
                           "): no input of the kind the rule needs") +
            '\n';
    for (const RuleOutcome* rule : rules) {
      std::string text = rule->title.empty() ? rule->message : rule->title;
      std::string prefix = "  " + ProvisionOrDash(*rule) + "  ";
      if (!rule->subject.empty()) prefix += rule->subject + "  ";
      AppendWrapped(out_, prefix, "    ", WordsThenId(text, rule->id), " ");
    }
  }

  // The data-quality findings counted by file, column and kind, with the first of each.
  void AppendDataQuality() {
    const std::vector<DataQualityColumn> columns = SummariseDataQuality(result_.input_problems);
    if (columns.empty()) return;
    out_ += '\n' + style_.Heading("Data quality (" + DataQualityTally(result_.input_problems) + ")") +
            '\n';
    std::vector<std::vector<std::string>> rows = {{"file", "column", "kind", "count", "first"}};
    for (const DataQualityColumn& column : columns) {
      rows.push_back({DisplayPath(column.file), Printable(ColumnLabel(column)), column.code,
                      std::to_string(column.count), LineColumn(column.first)});
    }
    std::vector<std::size_t> widths(rows.front().size(), 0);
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
    }
    for (const auto& row : rows) {
      out_ += "  " + PadRight(row[0], widths[0]) + "  " + PadRight(row[1], widths[1]) + "  " +
              PadRight(row[2], widths[2]) + "  " + PadLeft(row[3], widths[3]) + "  " + row[4] + '\n';
    }
  }

  void AppendInputProblems() {
    const std::vector<Diagnostic>& problems = result_.input_problems;
    if (problems.empty()) return;
    const std::vector<std::pair<std::string, std::size_t>> kinds = InputProblemKinds(problems);
    out_ += '\n' +
            style_.Heading("Input problems (" + std::to_string(problems.size()) + ": " +
                           InputProblemTally(problems) + ")") +
            '\n';
    std::size_t count_width = 0;
    for (const auto& [kind, count] : kinds) count_width = std::max(count_width, std::to_string(count).size());
    for (const auto& [kind, count] : kinds) {
      AppendProse(out_, "  " + PadLeft(std::to_string(count), count_width) + "  ", kind);
    }
    if (kinds.empty()) out_ += "  every one is a data-quality finding (above)\n";

    // Only the position line of each: the source line may hold identifying data.
    const std::size_t shown = std::min(problems.size(), options_.max_examples);
    if (shown > 0) out_ += "  first:\n";
    for (std::size_t i = 0; i < shown; ++i) {
      out_ += "    " + ProblemLine(result_.audit_dir, problems[i]) + '\n';
    }
    if (problems.size() > shown) {
      out_ += "    ... and " + std::to_string(problems.size() - shown) +
              " more (all are listed in the JSON report)\n";
    }
  }

  void AppendClosingLine() {
    const GapCounts gaps = Summarise(result_).gaps;
    out_ += '\n' + Plural(gaps.Total(), "gap", "gaps") + GapBreakdownAndFailOn(result_, options_) +
            '\n';
  }

  const AuditResult& result_;
  const ReportOptions& options_;
  const Style style_;
  std::string out_;
};

}  // namespace

void WriteTextReport(const AuditResult& result, const ReportOptions& options, std::ostream& out) {
  out << TextReport(result, options).Render();
}

}  // namespace uofa::report
