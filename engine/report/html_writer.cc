// The HTML report for a board: one self-contained file (inline CSS and SVG; no scripts, fonts or
// images fetched), readable on screen and printed to A4. Executive summary and compliance by
// section, the gaps opened and closed since the previous run, SPC charts of the use of force,
// the ward funnel plot, duration bands, the disparity tables, and an appendix of every gap with
// its citations and evidence. Everything taken from the inputs is escaped (HtmlEscape).
#include <ostream>
#include <string>
#include <vector>

#include "engine/report/html_style.h"
#include "engine/report/report_summary.h"
#include "engine/report/report_text.h"
#include "engine/report/statistics_tables.h"
#include "engine/report/svg_charts.h"
#include "engine/report/writers.h"

namespace uofa::report {
namespace {

std::string E(std::string_view text) { return HtmlEscape(text); }

std::string Gaps(std::size_t count) { return std::to_string(count) + (count == 1 ? " gap" : " gaps"); }

void Table(std::ostream& out, const StatisticsTable& table, bool with_caption = true) {
  out << "<table>\n";
  if (with_caption) out << "<caption>" << E(table.title) << "</caption>\n";
  out << "<thead><tr>";
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    out << "<th scope=\"col\"" << (table.numeric[i] ? " class=\"num\"" : "") << ">" << E(table.columns[i]) << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    out << "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i == 0) {
        out << "<th scope=\"row\">" << E(row[i]) << "</th>";
      } else {
        out << "<td" << (table.numeric[i] ? " class=\"num\"" : "") << ">" << E(row[i]) << "</td>";
      }
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

void Figure(std::ostream& out, const std::string& value, const std::string& label, const char* kind = "") {
  out << "<div class=\"figure " << kind << "\"><span class=\"value\">" << E(value) << "</span><span class=\"label\">"
      << E(label) << "</span></div>\n";
}

std::string StatusWords(const StatusCounts& counts) {
  if (counts.gaps > 0) return "Gaps";
  if (counts.indeterminate > 0) return "Undecided";
  if (counts.waived > 0) return "Gaps waived";
  if (counts.met > 0) return "Compliant";
  if (counts.not_assessed > 0 && counts.not_applicable == 0) return "Not assessed";
  return "Not applicable";
}

const char* StatusClass(const StatusCounts& counts) {
  if (counts.gaps > 0) return "gap";
  if (counts.indeterminate > 0 || (counts.met == 0 && counts.not_assessed > 0)) return "warn";
  return "ok";
}

void WriteHeader(const AuditResult& result, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>Use of force assurance report, " << E(result.as_of) << "</title>\n<style>" << kHtmlReportStyle
      << "</style>\n</head>\n<body>\n<header class=\"cover\">\n<h1>Use of force assurance report</h1>\n"
      << "<p>Mental Health Units (Use of Force) Act 2018: compliance and use of force as at " << E(result.as_of)
      << "</p>\n<p>Audit folder: " << E(result.audit_dir) << "</p>\n";
  for (const std::string& line : PackLines(result, ": ")) out << "<p>Rule pack " << E(line) << "</p>\n";
  for (const std::string& line : OverriddenParameterLines(result, " ")) {
    out << "<p>Parameter overridden: " << E(line) << "</p>\n";
  }
  out << "</header>\n<main>\n";
}

void WriteExecutiveSummary(const AuditResult& result, const ReportOptions& options, std::ostream& out) {
  const ReportSummary summary = Summarise(result);
  out << "<section aria-labelledby=\"summary\">\n<h2 id=\"summary\" class=\"keep\">Executive summary</h2>\n";
  out << "<p class=\"lead\">Of " << summary.status.rules << " rules, " << summary.status.met << " are met and "
      << summary.gaps.Total() << " have gaps (" << summary.gaps.high << " high, " << summary.gaps.medium << " medium, "
      << summary.gaps.low << " low severity); " << summary.status.indeterminate
      << " could not be decided for missing data, " << summary.status.not_assessed
      << " could not be assessed for want of evidence, " << summary.status.not_applicable
      << " did not apply to any record, and " << summary.status.waived
      << " have every gap waived.</p>\n";
  out << "<div class=\"figures\">\n";
  Figure(out, std::to_string(summary.status.met), "rules met", "ok");
  Figure(out, std::to_string(summary.gaps.Total()), "rules with gaps", "gap");
  Figure(out, std::to_string(summary.gaps.high), "high-severity gaps", "gap");
  Figure(out, std::to_string(summary.status.indeterminate + summary.status.not_assessed), "undecided or not assessed");
  if (result.statistics) {
    const Statistics& statistics = *result.statistics;
    Figure(out, CountText(statistics.incidents), "incidents of force");
    Figure(out, CountText(statistics.people), "people subject to force");
    Figure(out, Fixed(statistics.rate_per_1000, 1), "interventions per 1,000 bed days");
    Figure(out, CountText(statistics.prone_interventions), "prone restraints");
  }
  out << "</div>\n";
  out << "<table>\n<caption>Compliance by pack and section</caption>\n<thead><tr><th scope=\"col\">Pack</th>"
      << "<th scope=\"col\">Section</th><th scope=\"col\">Status</th><th scope=\"col\" class=\"num\">Rules</th>"
      << "<th scope=\"col\" class=\"num\">Met</th><th scope=\"col\" class=\"num\">Gaps</th>"
      << "<th scope=\"col\" class=\"num\">Undecided</th><th scope=\"col\" class=\"num\">Not applicable</th>"
      << "<th scope=\"col\" class=\"num\">Not assessed</th></tr></thead>\n<tbody>\n";
  for (const SectionGroup& group : GroupByPackAndSection(result)) {
    const StatusCounts& counts = group.counts;
    out << "<tr><td>" << E(group.pack) << "</td><th scope=\"row\">" << E(group.section.empty() ? "-" : group.section)
        << "</th><td class=\"status " << StatusClass(counts) << "\">" << StatusWords(counts) << "</td><td class=\"num\">"
        << counts.rules << "</td><td class=\"num\">" << counts.met << "</td><td class=\"num\">" << counts.gaps
        << "</td><td class=\"num\">" << counts.indeterminate << "</td><td class=\"num\">" << counts.not_applicable
        << "</td><td class=\"num\">" << counts.not_assessed << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

void WriteSincePrevious(const AuditResult& result, std::ostream& out) {
  out << "<section aria-labelledby=\"since\">\n<h2 id=\"since\" class=\"keep\">Since the previous run</h2>\n";
  if (!result.since_previous) {
    out << "<p>This is the first recorded run of this audit: there is no earlier run to compare with.</p>\n"
        << "</section>\n";
    return;
  }
  const RunComparison& comparison = *result.since_previous;
  std::size_t opened = 0, closed = 0, persisting = 0;
  for (const GapChange& change : comparison.changes) {
    opened += change.kind == GapChangeKind::kOpened ? 1 : 0;
    closed += change.kind == GapChangeKind::kClosed ? 1 : 0;
    persisting += change.kind == GapChangeKind::kPersisting ? 1 : 0;
  }
  out << "<p>Compared with the run of " << E(comparison.previous_run_at) << " (as at " << E(comparison.previous_as_of)
      << "): " << Gaps(opened) << " opened, " << closed << " closed and " << persisting << " persisting.</p>\n";
  if (opened + closed > 0) {
    out << "<table>\n<caption>Gaps opened or closed</caption>\n<thead><tr><th scope=\"col\">Change</th>"
        << "<th scope=\"col\">Rule</th><th scope=\"col\">Title</th><th scope=\"col\">Record</th>"
        << "<th scope=\"col\">Severity</th></tr></thead>\n<tbody>\n";
    for (const GapChange& change : comparison.changes) {
      if (change.kind == GapChangeKind::kPersisting) continue;
      out << "<tr><td class=\"status " << (change.kind == GapChangeKind::kOpened ? "gap" : "ok") << "\">"
          << GapChangeKindName(change.kind) << "</td><th scope=\"row\">" << E(change.rule_id) << "</th><td>"
          << E(change.rule_title) << "</td><td>" << E(change.record_id.empty() ? "(whole rule)" : change.record_id)
          << "</td><td>" << GapSeverityName(change.severity) << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  out << "</section>\n";
}

const StatisticsTable* FindTable(const std::vector<StatisticsTable>& tables, const std::string& id) {
  for (const StatisticsTable& table : tables) {
    if (table.id == id) return &table;
  }
  return nullptr;
}

void DataTable(std::ostream& out, const StatisticsTable* table) {
  if (table == nullptr) return;
  out << "<details>\n<summary>Data table: " << E(table->title) << "</summary>\n";
  if (!table->caption.empty()) out << "<p class=\"note\">" << E(table->caption) << "</p>\n";
  Table(out, *table);
  out << "</details>\n";
}

void WriteStatistics(const Statistics& statistics, std::ostream& out) {
  const std::vector<StatisticsTable> tables = StatisticsTables(statistics);
  out << "<section aria-labelledby=\"trends\">\n<h2 id=\"trends\">How use of force is trending</h2>\n<p>"
      << E(StatisticsHeading(statistics)) << ". Statistical process control (XmR) charts of restrictive "
      << "interventions per 1,000 occupied bed days, month by month.</p>\n"
      << "<p class=\"legend\">Key: circles are common-cause variation; squares are a shift or trend (special "
      << "cause); triangles are a month beyond a process limit (special cause). The solid line is the mean, the "
      << "dashed lines the process limits.</p>\n";
  if (const StatisticsTable* summary = FindTable(tables, "summary")) Table(out, *summary);
  for (const XmrChart& chart : statistics.charts) {
    if (chart.points.empty()) continue;
    out << "<h3>" << E(chart.title) << "</h3>\n" << XmrChartSvg(chart, "spc-" + chart.key);
    std::size_t special = 0, zero = 0;
    for (const XmrPoint& point : chart.points) {
      special += point.SpecialCause() ? 1 : 0;
      zero += point.value == 0 ? 1 : 0;
    }
    out << "<p class=\"note\">";
    if (special == 0) {
      out << "No month shows special-cause variation.";
    } else {
      out << special << (special == 1 ? " month shows" : " months show") << " special-cause variation.";
    }
    // Making Data Count advises against XmR charts for rare events: runs of empty months read as
    // shifts. Said, rather than hidden, so the board reads the flags with care.
    if (zero * 2 > chart.points.size()) {
      out << " Most months have none: this is a rare event, for which an XmR chart's shifts mean little;"
             " read the months beyond a limit.";
    }
    out << "</p>\n";
    DataTable(out, FindTable(tables, "spc-" + chart.key));
  }
  out << "</section>\n";

  out << "<section aria-labelledby=\"wards\">\n<h2 id=\"wards\">Wards compared</h2>\n";
  if (statistics.funnel) {
    out << "<p>Each ward's interventions per 1,000 occupied bed days against the trust's overall rate of "
        << E(Fixed(statistics.funnel->target, 2)) << ". A ward outside the dashed (95%) or dotted (99.8%) "
        << "limits differs by more than chance alone would explain; triangles mark such wards.</p>\n"
        << FunnelPlotSvg(*statistics.funnel, "funnel");
    std::size_t hidden = 0;
    for (const FunnelPoint& point : statistics.funnel->wards) hidden += point.rate ? 0 : 1;
    if (hidden > 0) {
      out << "<p class=\"note\">" << hidden << (hidden == 1 ? " ward is" : " wards are")
          << " not plotted: fewer than 5 interventions, suppressed.</p>\n";
    }
    if (const StatisticsTable* table = FindTable(tables, "funnel")) Table(out, *table);
  } else {
    out << "<p>No admissions were given, so there are no bed days to compare wards by.</p>\n";
  }
  if (const StatisticsTable* table = FindTable(tables, "ward")) Table(out, *table);
  out << "</section>\n";

  out << "<section aria-labelledby=\"durations\">\n<h2 id=\"durations\">Duration and type</h2>\n";
  for (const Tally& tally : statistics.tallies) {
    if (tally.dimension != "duration") continue;
    std::vector<std::pair<std::string, Count>> bars;
    for (const TallyRow& row : tally.rows) bars.push_back({row.label, row.interventions});
    out << BarChartSvg(bars, "Interventions by duration", "duration");
  }
  if (const StatisticsTable* table = FindTable(tables, "duration")) Table(out, *table);
  if (const StatisticsTable* table = FindTable(tables, "type")) Table(out, *table);
  if (const StatisticsTable* table = FindTable(tables, "reason")) Table(out, *table);
  out << "</section>\n";

  out << "<section aria-labelledby=\"disparity\">\n<h2 id=\"disparity\">Who force is used on</h2>\n"
      << "<p>People subject to force per person admitted, by protected characteristic, with the rate ratio "
      << "against a reference group and its 95% confidence interval. An interval that does not include 1 "
      << "suggests a difference beyond chance.</p>\n";
  for (const StatisticsTable& table : tables) {
    if (table.id.rfind("disparity-", 0) != 0) continue;
    out << "<p class=\"note\">" << E(table.caption) << "</p>\n";
    Table(out, table);
  }
  out << "<h3>Method</h3>\n<ul class=\"note\">\n";
  for (const std::string& note : statistics.notes) out << "<li>" << E(note) << "</li>\n";
  out << "</ul>\n</section>\n";
}

// Waived records stay visible, each with its waiver, so the board sees what it has accepted.
void WriteWaived(const AuditResult& result, std::ostream& out) {
  const std::vector<const RuleOutcome*> rules = WaivedInReportOrder(result);
  if (rules.empty()) return;
  out << "<h3>Waived gaps</h3>\n<table>\n<caption>Failing records covered by a waiver</caption>\n<thead><tr>"
      << "<th scope=\"col\">Rule</th><th scope=\"col\">Record</th><th scope=\"col\">Waiver</th></tr></thead>\n"
      << "<tbody>\n";
  for (const RuleOutcome* rule : rules) {
    for (const Finding& finding : rule->findings) {
      if (!finding.waiver) continue;
      out << "<tr><th scope=\"row\">" << E(rule->id) << "</th><td>" << E(Printable(RecordLabel(finding)))
          << "</td><td>" << E(WaiverText(*finding.waiver)) << "</td></tr>\n";
    }
  }
  out << "</tbody>\n</table>\n";
}

// What was found wrong in the inputs, by kind, then the first problems with their positions
// (not their source lines, which may hold identifying data), so the board sees how far the
// figures can be trusted.
void WriteInputProblems(const AuditResult& result, const ReportOptions& options, std::ostream& out) {
  const std::vector<Diagnostic>& problems = result.input_problems;
  out << "<section aria-labelledby=\"data-quality\">\n<h2 id=\"data-quality\">Data quality</h2>\n<p>"
      << result.records_read << " records read: " << result.records_evaluated << " evaluated, "
      << result.records_rejected << " rejected.</p>\n";
  if (problems.empty()) {
    out << "<p>No problem was found in the inputs.</p>\n</section>\n";
    return;
  }
  out << "<p>" << problems.size() << " problems in the inputs (" << E(InputProblemTally(problems))
      << ").</p>\n";
  const std::vector<DataQualityColumn> columns = SummariseDataQuality(problems);
  if (!columns.empty()) {
    out << "<table>\n<caption>Data-quality findings by column (" << E(DataQualityTally(problems))
        << ")</caption>\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Column</th>"
        << "<th scope=\"col\">Kind</th><th scope=\"col\" class=\"num\">Count</th>"
        << "<th scope=\"col\">First</th></tr></thead>\n<tbody>\n";
    for (const DataQualityColumn& column : columns) {
      const DataQualityKind* kind = FindDataQualityKind(column.code);
      out << "<tr><th scope=\"row\">" << E(DisplayPath(result.audit_dir, column.file)) << "</th><td>"
          << E(Printable(ColumnLabel(column))) << "</td><td><code>" << E(column.code) << "</code>"
          << (kind != nullptr ? " " + E(kind->title) : std::string()) << "</td><td class=\"num\">"
          << column.count << "</td><td>" << E(LineColumn(column.first))
          << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  const std::vector<std::pair<std::string, std::size_t>> kinds = InputProblemKinds(problems);
  if (!kinds.empty()) {
    out << "<table>\n<caption>Other input problems by kind</caption>\n<thead><tr><th scope=\"col\" "
        << "class=\"num\">Count</th><th scope=\"col\">Kind</th></tr></thead>\n<tbody>\n";
    for (const auto& [kind, count] : kinds) {
      out << "<tr><td class=\"num\">" << count << "</td><td>" << E(kind) << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  const std::size_t shown = std::min(problems.size(), options.max_examples);
  if (shown > 0) {
    out << "<table>\n<caption>The first " << shown << " input problems</caption>\n<thead><tr>"
        << "<th scope=\"col\">Where</th><th scope=\"col\">Severity</th><th scope=\"col\">Problem</th></tr>"
        << "</thead>\n<tbody>\n";
    for (std::size_t i = 0; i < shown; ++i) {
      const Diagnostic& problem = problems[i];
      std::string where = problem.location.file.empty() ? "-" : DisplayPath(result.audit_dir, problem.location.file);
      if (problem.location.line > 0) where += ':' + std::to_string(problem.location.line);
      if (problem.location.line > 0 && problem.location.column > 0) where += ':' + std::to_string(problem.location.column);
      out << "<tr><th scope=\"row\">" << E(where) << "</th><td>" << SeverityName(problem.severity) << "</td><td>"
          << E(Printable(problem.message))
          << (problem.code.empty() ? std::string() : " <code>" + E(problem.code) + "</code>")
          << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  if (problems.size() > shown) {
    out << "<p>... and " << problems.size() - shown << " more (all are listed in the JSON report).</p>\n";
  }
  out << "</section>\n";
}

void WriteAppendix(const AuditResult& result, std::ostream& out) {
  out << "<section aria-labelledby=\"appendix\">\n<h2 id=\"appendix\">Appendix: every gap</h2>\n";
  const std::vector<const RuleOutcome*> gaps = GapsInReportOrder(result);
  if (gaps.empty()) out << "<p>No rule has a gap.</p>\n";
  for (const RuleOutcome* rule : gaps) {
    out << "<h3>" << E(rule->id) << ": " << E(rule->title) << "</h3>\n<p><span class=\"severity-"
        << GapSeverityName(rule->severity) << "\">" << GapSeverityName(rule->severity) << " severity</span>; "
        << rule->failed << " failing of " << (rule->passed + rule->failed) << " decided records. " << E(rule->message)
        << ".</p>\n<p>Cites: ";
    for (std::size_t i = 0; i < rule->citations.size(); ++i) {
      out << (i ? "; " : "") << E(CitationText(rule->citations[i]));
    }
    out << "</p>\n";
    if (!rule->remedy.empty()) out << "<p>Remedy: " << E(rule->remedy) << "</p>\n";
    std::vector<const Finding*> failing;
    for (const Finding& finding : rule->findings) {
      if (finding.verdict == Verdict::kFail && !finding.waiver) failing.push_back(&finding);
    }
    if (failing.empty()) continue;
    out << "<table>\n<caption>Failing records of " << E(rule->id) << "</caption>\n<thead><tr>"
        << "<th scope=\"col\">Record</th><th scope=\"col\">Where</th><th scope=\"col\">Evidence</th></tr></thead>\n"
        << "<tbody>\n";
    for (const Finding* finding : failing) {
      out << "<tr><th scope=\"row\">" << E(Printable(RecordLabel(*finding))) << "</th><td>"
          << E(FindingLocationLabel(result.audit_dir, *finding)) << "</td><td class=\"evidence\">"
          << E(Printable(EvidenceList(finding->evidence))) << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  WriteWaived(result, out);
  out << "</section>\n";
}

}  // namespace

void WriteHtmlReport(const AuditResult& result, const ReportOptions& options, std::ostream& out) {
  WriteHeader(result, out);
  WriteExecutiveSummary(result, options, out);
  WriteSincePrevious(result, out);
  if (result.statistics) {
    WriteStatistics(*result.statistics, out);
  } else {
    out << "<section aria-labelledby=\"trends\">\n<h2 id=\"trends\" class=\"keep\">Use of force statistics</h2>\n"
        << "<p>Statistics were not computed for this report.</p>\n</section>\n";
  }
  WriteInputProblems(result, options, out);
  WriteAppendix(result, out);
  out << "</main>\n<footer>\n<p>Written by uofa " << E(result.tool_version) << " as at " << E(result.as_of) << ". "
      << (result.identifiers_shown ? "Patient identifiers are shown: handle this report as confidential."
                                   : "Patient names and NHS numbers are redacted.")
      << "</p>\n</footer>\n</body>\n</html>\n";
}

}  // namespace uofa::report
