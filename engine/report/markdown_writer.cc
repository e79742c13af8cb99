// The Markdown report: what the text report says, as headings and tables for a pull request, a
// wiki page or a board paper. Header, summary by pack and provision, every gap with its citations
// and failing records, then what could not be decided or assessed, then input problems. Every
// piece of data is escaped (report_text.h MarkdownText), so that no cell becomes a link or HTML.
#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <map>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/report/report_summary.h"
#include "engine/report/report_text.h"
#include "engine/report/statistics_writers.h"
#include "engine/report/writers.h"

namespace uofa::report {
namespace {

std::string ProvisionOrDash(const RuleOutcome& rule) {
  const std::string_view provision = FirstProvision(rule);
  return provision.empty() ? std::string("-") : MarkdownText(provision);
}

std::string Row(const std::vector<std::string>& cells) {
  std::string row = "|";
  for (const std::string& cell : cells)
    row += ' ' + (cell.empty() ? std::string(" ") : cell) + " |";
  return row + '\n';
}

// A header row and its delimiter; `right` marks the columns of numbers.
std::string TableHead(const std::vector<std::string>& names, const std::vector<bool>& right) {
  std::string delimiter = "|";
  for (std::size_t i = 0; i < names.size(); ++i) {
    delimiter += (i < right.size() && right[i]) ? "---:|" : "---|";
  }
  return Row(names) + delimiter + '\n';
}


class MarkdownReport {
 public:
  MarkdownReport(const AuditResult& result, const ReportOptions& options)
      : result_(result), options_(options) {}

  std::string Render() {
    AppendHeader();
    AppendSummary();
    AppendSincePrevious();
    AppendGaps();
    AppendWaived();
    AppendIndeterminate();
    AppendNotAssessed();
    AppendStatistics();
    AppendDataQuality();
    AppendInputProblems();
    AppendClosingLine();
    return std::move(out_);
  }

 private:
  std::string Location(const SourceLocation& location) const {
    const std::string text = LocationLabel(result_.audit_dir, location);
    return text.empty() ? std::string("-") : MarkdownText(text);
  }

  std::string FindingLocation(const Finding& finding) const {
    const std::string text = FindingLocationLabel(result_.audit_dir, finding);
    return text.empty() ? std::string("-") : MarkdownText(text);
  }

  std::string FirstReason(const RuleOutcome& rule) const {
    for (const Finding& finding : rule.findings) {
      if (finding.verdict != Verdict::kIndeterminate) continue;
      std::string where = MarkdownText(RecordLabel(finding));
      const std::string location = FindingLocationLabel(result_.audit_dir, finding);
      if (!location.empty()) where += ", " + MarkdownText(location);
      return (finding.detail.empty() ? std::string("no reason given")
                                     : MarkdownText(finding.detail)) +
             " (" + where + ')';
    }
    return {};
  }

  void AppendHeader() {
    out_ += result_.tool_version.empty()
                ? "# uofa compliance report\n\n"
                : "# uofa " + MarkdownText(result_.tool_version) + " compliance report\n\n";
    out_ += TableHead({"", ""}, {});
    auto field = [this](std::string_view label, const std::vector<std::string>& lines) {
      std::string joined;
      for (const std::string& line : lines) joined += (joined.empty() ? "" : "<br>") + line;
      out_ += Row({std::string(label), joined});
    };
    field("Audit folder", {result_.audit_dir.empty() ? "-" : MarkdownText(result_.audit_dir)});
    field("As of", {result_.as_of.empty() ? "-" : MarkdownText(result_.as_of)});

    std::vector<std::string> packs = PackLines(result_, ": ");
    for (std::string& line : packs) line = MarkdownText(line);
    if (packs.empty()) packs.push_back("none");
    field("Packs", packs);

    std::vector<std::string> parameters = OverriddenParameterLines(result_, " ");
    for (std::string& line : parameters) line = MarkdownText(line);
    if (parameters.empty()) parameters.push_back("all defaults");
    field("Parameters", parameters);

    std::vector<std::string> inputs;
    for (const InputSummary& input : result_.inputs) {
      inputs.push_back(MarkdownText(DisplayPath(result_.audit_dir, input.path) + " (" + input.kind +
                                    ", " + Plural(input.rows, "row", "rows") + ')'));
    }
    if (inputs.empty()) inputs.push_back("none");
    field("Inputs", inputs);
    field("Records", {std::to_string(result_.records_read) +
                      " read = " + std::to_string(result_.records_evaluated) + " evaluated + " +
                      std::to_string(result_.records_rejected) + " rejected"});
    field("Identifiers", {result_.identifiers_shown ? "shown" : "redacted"});
  }

  void AppendSummary() {
    const std::vector<SectionGroup> groups = GroupByPackAndSection(result_);
    const StatusCounts total = Summarise(result_).status;

    auto counts = [](const StatusCounts& c) {
      return std::vector<std::string>{
          std::to_string(c.rules),        std::to_string(c.met),
          std::to_string(c.gaps),         std::to_string(c.indeterminate),
          std::to_string(c.not_assessed), std::to_string(c.not_applicable),
          std::to_string(c.waived)};
    };
    out_ += "\n## Summary by pack and provision\n\n";
    out_ += TableHead({"Pack", "Provision", "Rules", "Met", "Gaps", "Indeterminate", "Not assessed",
                       "Not applicable", "Waived"},
                      {false, false, true, true, true, true, true, true, true});
    for (std::size_t i = 0; i < groups.size(); ++i) {
      const bool first_of_pack = i == 0 || groups[i - 1].pack_order != groups[i].pack_order;
      std::vector<std::string> cells = {
          first_of_pack ? MarkdownText(groups[i].pack) : "",
          groups[i].section.empty() ? "-" : MarkdownText(groups[i].section)};
      for (std::string& cell : counts(groups[i].counts)) cells.push_back(std::move(cell));
      out_ += Row(cells);
    }
    std::vector<std::string> cells = {"**Total**", ""};
    for (std::string& cell : counts(total)) cells.push_back("**" + cell + "**");
    out_ += Row(cells);
  }

  void AppendGap(const RuleOutcome& rule) {
    const std::string& headline = rule.message.empty() ? rule.title : rule.message;
    out_ += "\n### " + SeverityLabel(rule.severity) + " " + ProvisionOrDash(rule) + ": " +
            MarkdownText(headline) + " [" + MarkdownText(rule.id) + "]\n\n";
    if (!rule.message.empty() && !rule.title.empty()) out_ += MarkdownText(rule.title) + "\n\n";

    for (const Citation& citation : rule.citations) {
      const std::string text = MarkdownText(CitationText(citation));
      out_ += "- **Cites:** ";
      // A link only for web addresses: a data-supplied "javascript:" target stays plain text.
      if (citation.url.rfind("https://", 0) == 0 || citation.url.rfind("http://", 0) == 0) {
        std::string target;
        for (char c : citation.url) {
          if (c == '<' || c == '>' || c == ' ' || c == '(' || c == ')' ||
              static_cast<unsigned char>(c) < 0x20) {
            char buffer[4];
            std::snprintf(buffer, sizeof buffer, "%%%02X", static_cast<unsigned char>(c));
            target += buffer;
          } else {
            target += c;
          }
        }
        out_ += "[" + text + "](" + target + ")\n";
      } else {
        out_ += text + '\n';
      }
    }
    // Waived records count neither way in the pass rate.
    std::string failing = "- **Failing:** " + std::to_string(rule.failed) + " of " +
                          Plural(rule.passed + rule.failed, "record", "records");
    if (rule.waived > 0) failing += ", " + std::to_string(rule.waived) + " waived";
    failing += " (" + PassPercent(rule.passed, rule.failed - std::min(rule.waived, rule.failed)) + " pass";
    if (rule.target) failing += "; target " + TargetPercent(*rule.target);
    out_ += failing + ")\n";
    if (rule.indeterminate > 0) {
      out_ += "- **Undecided:** " + Plural(rule.indeterminate, "record", "records") +
              "; first: " + FirstReason(rule) + '\n';
    }
    if (!rule.remedy.empty()) out_ += "- **Remedy:** " + MarkdownText(rule.remedy) + '\n';

    std::vector<const Finding*> failures;
    for (const Finding& finding : rule.findings) {
      if (finding.verdict == Verdict::kFail && !finding.waiver) failures.push_back(&finding);
    }
    if (failures.empty()) return;
    out_ += '\n' + TableHead({"Record", "Location", "Evidence"}, {});
    const std::size_t shown = std::min(failures.size(), options_.max_examples);
    for (std::size_t i = 0; i < shown; ++i) {
      const Finding& finding = *failures[i];
      const std::string evidence = EvidenceList(finding.evidence);
      out_ += Row({MarkdownText(RecordLabel(finding)), FindingLocation(finding),
                   evidence.empty() ? "-" : MarkdownText(evidence)});
    }
    if (failures.size() > shown) {
      out_ += Row({"and " + std::to_string(failures.size() - shown) + " more", "", ""});
    }
  }

  void AppendGaps() {
    const std::vector<const RuleOutcome*> gaps = GapsInReportOrder(result_);
    if (gaps.empty()) return;
    out_ += "\n## Gaps (" + std::to_string(gaps.size()) + ")\n";
    for (const RuleOutcome* rule : gaps) AppendGap(*rule);
  }

  void AppendSincePrevious() {
    if (!result_.since_previous) return;
    const RunComparison& since = *result_.since_previous;
    out_ += "\n## Since the previous run: " + ChangeTally(since) + "\n\n";
    out_ += "Previous run " + MarkdownText(since.previous_run_id) + ", recorded " +
            MarkdownText(since.previous_run_at) + ", as of " + MarkdownText(since.previous_as_of) +
            ".\n";
    const std::vector<std::string> lines = ChangeLines(since);
    if (lines.empty()) return;
    out_ += '\n';
    const std::size_t shown = std::min(lines.size(), options_.max_examples * 2);
    for (std::size_t i = 0; i < shown; ++i) out_ += "- " + MarkdownText(lines[i]) + '\n';
    if (lines.size() > shown) {
      out_ += "- and " + std::to_string(lines.size() - shown) + " more (uofa diff lists them all)\n";
    }
  }

  void AppendWaived() {
    const std::vector<const RuleOutcome*> rules = WaivedInReportOrder(result_);
    if (rules.empty()) return;
    out_ += "\n## Waived (" + std::to_string(rules.size()) + ")\n\n";
    out_ += TableHead({"Severity", "Rule", "Record", "Waiver"}, {});
    for (const RuleOutcome* rule : rules) {
      for (const Finding& finding : rule->findings) {
        if (!finding.waiver) continue;
        out_ += Row({SeverityLabel(rule->severity), MarkdownText(rule->id),
                     MarkdownText(RecordLabel(finding)), MarkdownText(WaiverText(*finding.waiver))});
      }
    }
  }

  void AppendIndeterminate() {
    std::vector<const RuleOutcome*> rules;
    for (const RuleOutcome& rule : result_.rules) {
      if (rule.status == RuleStatus::kGap || rule.status == RuleStatus::kNotAssessed) continue;
      if (rule.status == RuleStatus::kIndeterminate || rule.indeterminate > 0) {
        rules.push_back(&rule);
      }
    }
    if (rules.empty()) return;
    std::stable_sort(rules.begin(), rules.end(), [](const RuleOutcome* a, const RuleOutcome* b) {
      if (a->severity != b->severity) return a->severity > b->severity;
      return NaturalLess(a->id, b->id);
    });
    out_ += "\n## Indeterminate (" + std::to_string(rules.size()) +
            "): records that could not be decided\n\n";
    out_ += TableHead({"Severity", "Provision", "Rule", "Undecided", "First reason"}, {});
    for (const RuleOutcome* rule : rules) {
      const std::size_t applicable = rule->passed + rule->failed + rule->indeterminate;
      const std::string& title = rule->title.empty() ? rule->message : rule->title;
      out_ += Row({SeverityLabel(rule->severity), ProvisionOrDash(*rule),
                   MarkdownText(title) + " [" + MarkdownText(rule->id) + "]",
                   std::to_string(rule->indeterminate) + " of " + std::to_string(applicable),
                   FirstReason(*rule)});
    }
  }

  void AppendNotAssessed() {
    std::vector<const RuleOutcome*> rules;
    for (const RuleOutcome& rule : result_.rules) {
      if (rule.status == RuleStatus::kNotAssessed) rules.push_back(&rule);
    }
    if (rules.empty()) return;
    out_ += "\n## Not assessed (" + std::to_string(rules.size()) +
            "): no input of the kind the rule needs\n\n";
    out_ += TableHead({"Provision", "Subject", "Rule"}, {});
    for (const RuleOutcome* rule : rules) {
      const std::string& title = rule->title.empty() ? rule->message : rule->title;
      out_ +=
          Row({ProvisionOrDash(*rule), rule->subject.empty() ? "-" : MarkdownText(rule->subject),
               MarkdownText(title) + " [" + MarkdownText(rule->id) + "]"});
    }
  }

  // The statistics of the use of force, when the run computed them: the tables of `uofa stats`.
  void AppendStatistics() {
    if (!result_.statistics) return;
    std::ostringstream section;
    WriteStatisticsMarkdownSection(*result_.statistics, 2, section);
    out_ += '\n' + section.str();
  }

  // The data-quality findings counted by file, column and kind, with the first of each.
  void AppendDataQuality() {
    const std::vector<DataQualityColumn> columns = SummariseDataQuality(result_.input_problems);
    if (columns.empty()) return;
    out_ += "\n## Data quality (" + DataQualityTally(result_.input_problems) + ")\n\n";
    out_ += TableHead({"File", "Column", "Kind", "Count", "First"}, {false, false, false, true, false});
    for (const DataQualityColumn& column : columns) {
      out_ += Row({MarkdownText(DisplayPath(result_.audit_dir, column.file)),
                   MarkdownText(ColumnLabel(column)), "`" + column.code + "`",
                   std::to_string(column.count),
                   LineColumn(column.first)});
    }
  }

  void AppendInputProblems() {
    const std::vector<Diagnostic>& problems = result_.input_problems;
    if (problems.empty()) return;
    out_ += "\n## Input problems (" + std::to_string(problems.size()) + ": " +
            InputProblemTally(problems) + ")\n\n";
    const std::vector<std::pair<std::string, std::size_t>> kinds = InputProblemKinds(problems);
    if (!kinds.empty()) {
      out_ += TableHead({"Count", "Kind"}, {true, false});
      for (const auto& [kind, count] : kinds) out_ += Row({std::to_string(count), MarkdownText(kind)});
    } else {
      out_ += "Every one is a data-quality finding (above).\n";
    }

    // Only positions and messages: the source line may hold identifying data.
    const std::size_t shown = std::min(problems.size(), options_.max_examples);
    if (shown == 0) return;
    out_ += "\nFirst " + Plural(shown, "problem", "problems") + ":\n\n";
    out_ += TableHead({"Location", "Severity", "Message"}, {});
    for (std::size_t i = 0; i < shown; ++i) {
      const Diagnostic& problem = problems[i];
      std::string location = problem.location.file.empty()
                                 ? std::string()
                                 : DisplayPath(result_.audit_dir, problem.location.file);
      if (!location.empty() && problem.location.line > 0) {
        location += ':' + std::to_string(problem.location.line);
        if (problem.location.column > 0) location += ':' + std::to_string(problem.location.column);
      }
      out_ += Row({location.empty() ? "-" : MarkdownText(location), SeverityName(problem.severity),
                   MarkdownText(problem.message) +
                       (problem.code.empty() ? std::string() : " `" + problem.code + "`")});
    }
    if (problems.size() > shown) {
      out_ += "\n... and " + std::to_string(problems.size() - shown) +
              " more (all are listed in the JSON and SARIF reports)\n";
    }
  }

  void AppendClosingLine() {
    const GapCounts gaps = Summarise(result_).gaps;
    out_ += "\n**" + Plural(gaps.Total(), "gap", "gaps") + "**" +
            GapBreakdownAndFailOn(result_, options_) + '\n';
  }

  const AuditResult& result_;
  const ReportOptions& options_;
  std::string out_;
};

}  // namespace

void WriteMarkdownReport(const AuditResult& result, const ReportOptions& options,
                         std::ostream& out) {
  out << MarkdownReport(result, options).Render();
}

}  // namespace uofa::report
