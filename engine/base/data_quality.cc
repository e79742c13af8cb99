// The table of data-quality kinds: one row per kind, with the code reports and CI tools key on.
#include "uofa/data_quality.h"

#include <map>
#include <tuple>

namespace uofa {

const std::vector<DataQualityKind>& DataQualityKinds() {
  static const std::vector<DataQualityKind> kinds = {
      {kDqUnmappedValue, "value not in the code list or the mapping",
       "Correct the value at the source, or list its label under the field's 'values' in the "
       "mapping in uofa.yaml."},
      {kDqBadDate, "unreadable date or date and time",
       "Correct the date at the source, or give the export's 'date_format' or 'datetime_format' "
       "in the mapping in uofa.yaml."},
      {kDqBadValue, "unreadable value",
       "Correct the value at the source so that it reads as the field's type (Y/N, a number, a "
       "single value)."},
      {kDqEndBeforeStart, "end before start",
       "Correct the start or end time at the source: the use of force cannot end before it "
       "started."},
      {kDqImplausibleDuration, "duration beyond plausible bounds",
       "Check the start and end times at the source (a wrong day, month or year is the usual "
       "cause); if the duration is real, raise the bound under 'data_quality' in uofa.yaml."},
      {kDqDuplicateId, "duplicate identifier",
       "Give each row its own identifier at the source; only the first row with an identifier "
       "is read."},
      {kDqOrphanRow, "row without its incident",
       "Add the missing incident, or correct the incident id of the row: the row is not read."},
      {kDqUnknownPatient, "patient referenced but absent",
       "Add the patient to patients.csv, or correct the patient id of the incident."},
      {kDqRejectedRow, "row rejected",
       "Correct the row at the source (a malformed line, or a required value missing or "
       "unreadable): it is not evaluated."},
  };
  return kinds;
}

const DataQualityKind* FindDataQualityKind(std::string_view code) {
  for (const DataQualityKind& kind : DataQualityKinds()) {
    if (code == kind.code) return &kind;
  }
  return nullptr;
}

std::vector<DataQualityColumn> SummariseDataQuality(const std::vector<Diagnostic>& problems) {
  std::vector<DataQualityColumn> columns;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> index;
  for (const Diagnostic& problem : problems) {
    if (problem.code.empty()) continue;
    auto key = std::make_tuple(problem.location.file, problem.field, problem.code);
    auto [it, inserted] = index.emplace(std::move(key), columns.size());
    if (inserted) {
      columns.push_back({problem.location.file, problem.field, problem.code, 0, problem.location});
    }
    ++columns[it->second].count;
  }
  return columns;
}

}  // namespace uofa
