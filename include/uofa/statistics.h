// Statistics of the use of force for board assurance (`uofa stats`, and the HTML and Markdown
// reports): counts by month, unit, ward, type and reason; duration bands; rates per 1,000
// occupied bed days; statistical process control (XmR) charts and a ward funnel plot; and the
// disparity of use of force by protected characteristic, with rate ratios and 95% confidence
// intervals. Counting follows the national conventions of DOMAIN.md §9; the quality improvement
// views follow DOMAIN.md §8.
//
// Every figure here is already as it may be shown: when `suppressed` is set, counts under 5 are
// hidden (Count::suppressed) and the others rounded to the nearest 5, and any rate or ratio that
// would reveal a hidden count is left out (nullopt). Nothing in these structs identifies a person.
#ifndef UOFA_STATISTICS_H_
#define UOFA_STATISTICS_H_

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "uofa/diagnostic.h"

namespace uofa {

/// A count as it may be shown: `value` (rounded to the nearest 5 under suppression), or hidden.
struct Count {
  std::size_t value = 0;
  bool suppressed = false;  ///< a count of 1 to 4 under suppression: shown as `*`
};

/// "*" for a suppressed count, else the number.
std::string CountText(const Count& count);

/// One row of a tally: incidents, interventions (one incident-type pair each) and distinct people.
struct TallyRow {
  std::string key;    ///< "2025-03", "Oak", "01", ...
  std::string label;  ///< display label ("Physical restraint - prone"); the key when none
  Count incidents;
  Count interventions;
  Count people;
};

/// Counts by one dimension: "month", "unit", "ward", "type", "reason" or "duration".
struct Tally {
  std::string dimension;
  std::string title;  ///< "By month", ...
  std::vector<TallyRow> rows;
};

/// One point of an XmR chart: a month's interventions per 1,000 occupied bed days.
struct XmrPoint {
  std::string month;  ///< "YYYY-MM"
  Count interventions;
  /// The month's occupied bed days; none when the count is suppressed, as with the rate they
  /// would reveal it.
  std::optional<double> bed_days;
  double value = 0;                     ///< the rate plotted
  std::optional<double> moving_range;   ///< |value - previous value|; none for the first point
  bool outside_limits = false;          ///< special cause: beyond a natural process limit
  bool in_shift = false;                ///< special cause: part of a run on one side of the mean
  bool in_trend = false;                ///< special cause: part of a run rising or falling
  bool SpecialCause() const { return outside_limits || in_shift || in_trend; }
};

/// An XmR (individuals and moving range) chart, as NHS England's "Making Data Count" draws them.
struct XmrChart {
  std::string key;    ///< "all" or the type group key ("physical", "seclusion", ...)
  std::string title;  ///< "All restrictive interventions", ...
  std::vector<XmrPoint> points;
  double mean = 0;                   ///< the centre line
  double average_moving_range = 0;
  double upper_limit = 0;            ///< mean + 2.66 x average moving range
  double lower_limit = 0;            ///< mean - 2.66 x average moving range, not below 0
  std::size_t run_length = 7;        ///< points on one side of the mean that make a shift
  std::size_t trend_length = 7;      ///< points rising (or falling) that make a trend
  bool has_limits = false;           ///< false with fewer than 2 points with bed days
};

/// Where a ward stands against the funnel's control limits.
enum class FunnelPosition { kWithin, kAbove95, kAbove998, kBelow95, kBelow998 };
const char* FunnelPositionName(FunnelPosition position);  ///< "within", "above 95%", ...

struct FunnelPoint {
  std::string unit;
  std::string ward;
  Count interventions;
  double bed_days = 0;
  std::optional<double> rate;  ///< per 1,000 occupied bed days; none when suppressed
  double lower95 = 0, upper95 = 0, lower998 = 0, upper998 = 0;  ///< limits at this ward's bed days
  FunnelPosition position = FunnelPosition::kWithin;
};

/// A funnel plot of wards' intervention rates against the trust's overall rate.
struct FunnelPlot {
  double target = 0;  ///< overall interventions per 1,000 occupied bed days
  std::vector<FunnelPoint> wards;
};

/// One group of a protected characteristic.
struct DisparityRow {
  std::string group;
  bool reference = false;
  Count people_admitted;           ///< distinct people with an admission in the period
  Count people_subject;            ///< distinct people subject to a use of force
  Count incidents;
  std::optional<double> rate;      ///< people subject per person admitted
  std::optional<double> ratio;     ///< rate / the reference group's rate
  std::optional<double> ratio_lower, ratio_upper;  ///< 95% confidence interval of the ratio
};

struct DisparityTable {
  std::string characteristic;  ///< "ethnicity", "sex", "age band", "learning disability", "autism"
  std::string reference_group;
  std::vector<DisparityRow> rows;
};

/// Everything `uofa stats` computes for one audit folder.
struct Statistics {
  std::string period_start;  ///< first month, "YYYY-MM"
  std::string period_end;    ///< last month, "YYYY-MM"
  bool suppressed = true;    ///< counts under 5 hidden, others rounded to 5
  Count incidents, interventions, people;
  Count prone_interventions;        ///< type 01
  Count patient_injuries, staff_injuries;
  double bed_days = 0;              ///< occupied bed days in the period (0: no admissions)
  std::optional<double> rate_per_1000;  ///< interventions per 1,000 occupied bed days
  std::vector<Tally> tallies;       ///< month, unit, ward, type, reason, duration
  std::vector<XmrChart> charts;     ///< overall first, then by type group
  std::optional<FunnelPlot> funnel; ///< none without admissions
  std::vector<DisparityTable> disparities;
  std::vector<std::string> notes;   ///< methods and caveats, one sentence each
};

struct StatisticsOptions {
  std::string audit_dir;
  std::string rules_root;           ///< for the record schemas and code lists
  std::optional<std::string> as_of; ///< YYYY-MM-DD; default uofa.yaml's as_of, else today
  bool suppress = true;             ///< false: `--no-suppression`, for internal use only
  std::size_t run_length = 7;       ///< DOMAIN.md §8: a parameter, default 7
  std::size_t trend_length = 7;     ///< DOMAIN.md §8: a parameter, default 7
};

/// Reads the audit folder's incidents, patients and admissions and computes the statistics.
/// nullopt (with the reasons in `diagnostics`) when the folder or the schemas cannot be read;
/// problems in the data are warnings in `diagnostics` and never stop the run.
std::optional<Statistics> ComputeStatistics(const StatisticsOptions& options,
                                            Diagnostics& diagnostics);

/// Formats of `uofa stats`: "text", "json", "csv", "markdown".
std::vector<std::string> StatisticsFormats();

/// Writes `statistics` in `format`; false (with `*error`) for an unknown format.
bool WriteStatistics(std::string_view format, const Statistics& statistics, std::ostream& out,
                     std::string* error);

}  // namespace uofa

#endif  // UOFA_STATISTICS_H_
