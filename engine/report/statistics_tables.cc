// The statistics as tables of display text (statistics_tables.h).
#include "engine/report/statistics_tables.h"

#include <cstdio>

namespace uofa::report {
namespace {

std::vector<std::string> CountColumns(const TallyRow& row) {
  return {CountText(row.incidents), CountText(row.interventions), CountText(row.people)};
}

StatisticsTable TallyTable(const Tally& tally) {
  StatisticsTable table;
  table.id = tally.dimension;
  table.title = tally.title;
  std::string first = tally.dimension;
  first[0] = static_cast<char>(first[0] - 'a' + 'A');
  table.columns = {first, "Incidents", "Interventions", "People"};
  table.numeric = {false, true, true, true};
  for (const TallyRow& row : tally.rows) {
    std::vector<std::string> cells = {row.label};
    for (std::string& cell : CountColumns(row)) cells.push_back(std::move(cell));
    table.rows.push_back(std::move(cells));
  }
  return table;
}

StatisticsTable ChartTable(const XmrChart& chart) {
  StatisticsTable table;
  table.id = "spc-" + chart.key;
  table.title = "SPC: " + chart.title + " per 1,000 occupied bed days";
  if (chart.has_limits) {
    table.caption = "Mean " + Fixed(chart.mean, 2) + ", average moving range " + Fixed(chart.average_moving_range, 2) +
                    ", process limits " + Fixed(chart.lower_limit, 2) + " to " + Fixed(chart.upper_limit, 2) + ".";
  } else {
    table.caption = "Too few months with bed days to compute process limits.";
  }
  table.columns = {"Month", "Interventions", "Bed days", "Rate", "Moving range", "Special cause"};
  table.numeric = {false, true, true, true, true, false};
  for (const XmrPoint& point : chart.points) {
    table.rows.push_back({point.month, CountText(point.interventions), Fixed(point.bed_days, 0),
                          Fixed(point.value, 2), Fixed(point.moving_range, 2), SpecialCauseText(point)});
  }
  return table;
}

StatisticsTable FunnelTable(const FunnelPlot& funnel) {
  StatisticsTable table;
  table.id = "funnel";
  table.title = "Funnel plot: wards' interventions per 1,000 occupied bed days";
  table.caption = "Overall rate " + Fixed(funnel.target, 2) + "; limits at each ward's bed days.";
  table.columns = {"Ward", "Interventions", "Bed days", "Rate", "95% limits", "99.8% limits", "Position"};
  table.numeric = {false, true, true, true, true, true, false};
  for (const FunnelPoint& point : funnel.wards) {
    table.rows.push_back({point.unit + " / " + point.ward, CountText(point.interventions), Fixed(point.bed_days, 0),
                          Fixed(point.rate, 2), Fixed(point.lower95, 2) + " to " + Fixed(point.upper95, 2),
                          Fixed(point.lower998, 2) + " to " + Fixed(point.upper998, 2),
                          FunnelPositionName(point.position)});
  }
  return table;
}

StatisticsTable DisparityTableOf(const DisparityTable& disparity) {
  StatisticsTable table;
  table.id = "disparity-";
  for (char c : disparity.characteristic) table.id += c == ' ' ? '-' : c;
  table.title = "Disparity by " + disparity.characteristic;
  table.caption = "Reference group: " + disparity.reference_group + ".";
  table.columns = {"Group", "People admitted", "People subject to force", "Incidents", "Rate per person admitted",
                   "Rate ratio (95% CI)"};
  table.numeric = {false, true, true, true, true, true};
  for (const DisparityRow& row : disparity.rows) {
    table.rows.push_back({row.group, CountText(row.people_admitted), CountText(row.people_subject),
                          CountText(row.incidents), Fixed(row.rate, 3), RatioText(row)});
  }
  return table;
}

}  // namespace

std::string Fixed(std::optional<double> value, int decimals) {
  if (!value) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, *value);
  std::string text = buffer;
  if (text == "-0" || text.rfind("-0.", 0) == 0) {
    bool zero = text.find_first_not_of("-0.") == std::string::npos;
    if (zero) text.erase(0, 1);
  }
  return text;
}

std::string SpecialCauseText(const XmrPoint& point) {
  std::string text;
  auto add = [&](const char* part) {
    if (!text.empty()) text += "; ";
    text += part;
  };
  if (point.outside_limits) add("beyond a process limit");
  if (point.in_shift) add("shift");
  if (point.in_trend) add("trend");
  return text;
}

std::string RatioText(const DisparityRow& row) {
  if (row.reference) return row.ratio ? "1 (reference)" : "reference";
  if (!row.ratio) return "-";
  return Fixed(row.ratio, 2) + " (" + Fixed(row.ratio_lower, 2) + " to " + Fixed(row.ratio_upper, 2) + ")";
}

std::string StatisticsHeading(const Statistics& statistics) {
  if (statistics.period_start.empty()) return "Use of force statistics: no dated incidents";
  return "Use of force statistics, " + statistics.period_start + " to " + statistics.period_end;
}

std::vector<StatisticsTable> StatisticsTables(const Statistics& statistics) {
  std::vector<StatisticsTable> tables;
  StatisticsTable summary;
  summary.id = "summary";
  summary.title = "Summary";
  summary.columns = {"Measure", "Value"};
  summary.numeric = {false, true};
  summary.rows = {
      {"Incidents", CountText(statistics.incidents)},
      {"Interventions", CountText(statistics.interventions)},
      {"People subject to force", CountText(statistics.people)},
      {"Prone restraint interventions", CountText(statistics.prone_interventions)},
      {"Incidents with patient injury", CountText(statistics.patient_injuries)},
      {"Incidents with staff injury", CountText(statistics.staff_injuries)},
      {"Occupied bed days", Fixed(statistics.bed_days, 0)},
      {"Interventions per 1,000 occupied bed days", Fixed(statistics.rate_per_1000, 2)},
  };
  tables.push_back(std::move(summary));
  for (const Tally& tally : statistics.tallies) tables.push_back(TallyTable(tally));
  for (const XmrChart& chart : statistics.charts) tables.push_back(ChartTable(chart));
  if (statistics.funnel) tables.push_back(FunnelTable(*statistics.funnel));
  for (const DisparityTable& disparity : statistics.disparities) tables.push_back(DisparityTableOf(disparity));
  return tables;
}

}  // namespace uofa::report
