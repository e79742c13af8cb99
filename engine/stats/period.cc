// The period the statistics cover and its occupied bed days.
#include <algorithm>

#include "engine/stats/builder.h"
#include "engine/stats/measures.h"

namespace uofa::stats {

std::vector<std::string> PeriodMonths(const Facts& facts) {
  std::string first, last;
  for (const IncidentFacts& incident : facts.incidents) {
    if (incident.month.empty()) continue;
    if (first.empty() || incident.month < first) first = incident.month;
    if (last.empty() || incident.month > last) last = incident.month;
  }
  std::vector<std::string> months;
  if (first.empty()) return months;
  for (std::string month = first; month <= last; month = NextMonth(month)) {
    months.push_back(month);
    if (months.size() > 1200) break;  // a century: guards against a malformed month
  }
  return months;
}

double PeriodBedDays(const Facts& facts, const std::string& first, const std::string& last,
                     const std::string* unit, const std::string* ward) {
  std::optional<DayNumber> from = MonthStart(first);
  std::optional<DayNumber> to = MonthStart(NextMonth(last));
  if (!from || !to) return 0;
  long total = 0;
  for (const AdmissionFacts& admission : facts.admissions) {
    if (unit != nullptr && admission.unit != *unit) continue;
    if (ward != nullptr && admission.ward != *ward) continue;
    total += OccupiedBedDays(admission, *from, *to, facts.as_of);
  }
  return static_cast<double>(total);
}

}  // namespace uofa::stats
