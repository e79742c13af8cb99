// `uofa stats` as JSON: the Statistics structs field by field. A suppressed count is the string
// "*"; a figure that is not shown (no denominator, or it would reveal a suppressed count) is null.
#include <nlohmann/json.hpp>

#include "engine/report/statistics_writers.h"

namespace uofa::report {
namespace {

using nlohmann::ordered_json;

ordered_json CountJson(const Count& count) {
  return count.suppressed ? ordered_json("*") : ordered_json(count.value);
}

ordered_json Optional(const std::optional<double>& value) {
  return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json TallyRowJson(const TallyRow& row) {
  return {{"key", row.key},
          {"label", row.label},
          {"incidents", CountJson(row.incidents)},
          {"interventions", CountJson(row.interventions)},
          {"people", CountJson(row.people)}};
}

ordered_json ChartJson(const XmrChart& chart) {
  ordered_json points = ordered_json::array();
  for (const XmrPoint& point : chart.points) {
    points.push_back({{"month", point.month},
                      {"interventions", CountJson(point.interventions)},
                      {"bed_days", Optional(point.bed_days)},
                      {"rate", point.value},
                      {"moving_range", Optional(point.moving_range)},
                      {"outside_limits", point.outside_limits},
                      {"shift", point.in_shift},
                      {"trend", point.in_trend}});
  }
  return {{"key", chart.key},
          {"title", chart.title},
          {"has_limits", chart.has_limits},
          {"mean", chart.mean},
          {"average_moving_range", chart.average_moving_range},
          {"lower_limit", chart.lower_limit},
          {"upper_limit", chart.upper_limit},
          {"run_length", chart.run_length},
          {"trend_length", chart.trend_length},
          {"points", points}};
}

}  // namespace

void WriteStatisticsJson(const Statistics& statistics, std::ostream& out) {
  ordered_json json;
  json["period_start"] = statistics.period_start;
  json["period_end"] = statistics.period_end;
  json["suppressed"] = statistics.suppressed;
  json["incidents"] = CountJson(statistics.incidents);
  json["interventions"] = CountJson(statistics.interventions);
  json["people"] = CountJson(statistics.people);
  json["prone_interventions"] = CountJson(statistics.prone_interventions);
  json["patient_injuries"] = CountJson(statistics.patient_injuries);
  json["staff_injuries"] = CountJson(statistics.staff_injuries);
  json["bed_days"] = statistics.bed_days;
  json["rate_per_1000_bed_days"] = Optional(statistics.rate_per_1000);
  ordered_json tallies = ordered_json::object();
  for (const Tally& tally : statistics.tallies) {
    ordered_json rows = ordered_json::array();
    for (const TallyRow& row : tally.rows) rows.push_back(TallyRowJson(row));
    tallies[tally.dimension] = rows;
  }
  json["tallies"] = tallies;
  ordered_json charts = ordered_json::array();
  for (const XmrChart& chart : statistics.charts) charts.push_back(ChartJson(chart));
  json["spc"] = charts;
  if (statistics.funnel) {
    ordered_json wards = ordered_json::array();
    for (const FunnelPoint& point : statistics.funnel->wards) {
      wards.push_back({{"unit", point.unit},
                       {"ward", point.ward},
                       {"interventions", CountJson(point.interventions)},
                       {"bed_days", point.bed_days},
                       {"rate", Optional(point.rate)},
                       {"lower95", point.lower95},
                       {"upper95", point.upper95},
                       {"lower998", point.lower998},
                       {"upper998", point.upper998},
                       {"position", FunnelPositionName(point.position)}});
    }
    json["funnel"] = {{"target", statistics.funnel->target}, {"wards", wards}};
  } else {
    json["funnel"] = nullptr;
  }
  ordered_json disparities = ordered_json::array();
  for (const DisparityTable& table : statistics.disparities) {
    ordered_json rows = ordered_json::array();
    for (const DisparityRow& row : table.rows) {
      rows.push_back({{"group", row.group},
                      {"reference", row.reference},
                      {"people_admitted", CountJson(row.people_admitted)},
                      {"people_subject", CountJson(row.people_subject)},
                      {"incidents", CountJson(row.incidents)},
                      {"rate", Optional(row.rate)},
                      {"ratio", Optional(row.ratio)},
                      {"ratio_lower", Optional(row.ratio_lower)},
                      {"ratio_upper", Optional(row.ratio_upper)}});
    }
    disparities.push_back(
        {{"characteristic", table.characteristic}, {"reference_group", table.reference_group}, {"rows", rows}});
  }
  json["disparities"] = disparities;
  json["notes"] = statistics.notes;
  out << json.dump(2) << '\n';
}

}  // namespace uofa::report
