// The statistics as plain tables (title, column headings, rows of display text), built once so
// that the text, Markdown, CSV and HTML outputs show the same figures with the same rounding.
#ifndef UOFA_ENGINE_REPORT_STATISTICS_TABLES_H_
#define UOFA_ENGINE_REPORT_STATISTICS_TABLES_H_

#include <optional>
#include <string>
#include <vector>

#include "uofa/statistics.h"

namespace uofa::report {

struct StatisticsTable {
  std::string id;       ///< "summary", "month", "spc-all", "funnel", "disparity-ethnicity", ...
  std::string title;    ///< "By month"
  std::string caption;  ///< one sentence under the title (limits, reference group); may be empty
  std::vector<std::string> columns;
  std::vector<bool> numeric;  ///< per column: right-aligned
  std::vector<std::vector<std::string>> rows;
};

/// `value` with `decimals` places ("12.35"); "-" for nullopt.
std::string Fixed(std::optional<double> value, int decimals);

/// "Special cause: above the upper limit; shift" style text for an XmR point; "" for none.
std::string SpecialCauseText(const XmrPoint& point);

/// "2.10 (1.20 to 3.68)"; "-" when no ratio, "1 (reference)" for the reference group.
std::string RatioText(const DisparityRow& row);

/// Every table, in report order: summary, tallies, SPC charts, funnel, disparities.
std::vector<StatisticsTable> StatisticsTables(const Statistics& statistics);

/// The heading line of every statistics output: "Use of force statistics, 2025-01 to 2025-12".
std::string StatisticsHeading(const Statistics& statistics);

}  // namespace uofa::report

#endif  // UOFA_ENGINE_REPORT_STATISTICS_TABLES_H_
