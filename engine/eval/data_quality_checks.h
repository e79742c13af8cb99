// Data-quality checks on records: problems that are not in one cell but in how a record's values
// fit together (an end before its start, a duration beyond plausible bounds). They run on each
// record as it is evaluated and are reported as data-quality findings (uofa/data_quality.h),
// positioned at the cell of the row they concern. Rules may fail the same record as well: a
// finding says the data is doubtful, a rule's failure that the law's requirement is not met.
#ifndef UOFA_ENGINE_EVAL_DATA_QUALITY_CHECKS_H_
#define UOFA_ENGINE_EVAL_DATA_QUALITY_CHECKS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/time.h"
#include "engine/expr/value.h"
#include "engine/record/record_type.h"
#include "uofa/diagnostic.h"

namespace uofa {

/// The longest plausible duration of one kind of record: a record of `record_type` (whose
/// `type_code` is in the code list group `code_group`, when that is not empty) that lasted longer
/// is reported as UOFA-DQ-IMPLAUSIBLE-DURATION.
struct DurationBound {
  std::string name;         ///< its key under data_quality.max_duration: "physical_restraint"
  std::string record_type;  ///< "incident" or "intervention"
  std::string code_group;   ///< "ri_type_physical"; empty: every record of the type
  Duration max;
  std::string max_text;     ///< as written: "24h", "28d"
  SourceLocation defined_at;  ///< in uofa.yaml; no file for a default
};

/// The bounds a folder without `data_quality:` in uofa.yaml uses (docs/data-quality.md): an
/// incident 28 days; physical, mechanical and chemical restraint 24 hours; seclusion 28 days;
/// segregation 365 days; an intervention of any other type 28 days. The first bound that matches
/// a record applies, so the groups come before their record type's catch-all.
std::vector<DurationBound> DefaultDurationBounds();

/// The `data_quality:` section of uofa.yaml.
struct DataQualitySettings {
  std::vector<DurationBound> max_durations = DefaultDurationBounds();
};

/// Parses a bound such as "24h", "90m", "1h30m" or "28d" (days of 24 hours); nullopt when the
/// text is not a duration of more than zero.
std::optional<Duration> ParseDurationBound(std::string_view text);

struct RecordTypeChecks;  // what the checks need of one record type (data_quality_checks.cc)

/// Runs the record checks on the records of a source. What each record type needs (the slots of
/// its fields, the bounds that can apply) is found once, not per record. `settings` and `codes`
/// must outlive it; one thread at a time.
class RecordQualityChecker {
 public:
  RecordQualityChecker(const DataQualitySettings& settings, const CodeRegistry* codes);
  ~RecordQualityChecker();
  RecordQualityChecker(const RecordQualityChecker&) = delete;
  RecordQualityChecker& operator=(const RecordQualityChecker&) = delete;

  /// Runs every record check on `record` and on the records of its list fields (the
  /// interventions of an incident), appending a finding to `findings` for each problem. `codes`
  /// resolves the code groups of the bounds; without it, only the bounds without a group apply.
  void Check(const Record& record, Diagnostics& findings);

 private:
  RecordTypeChecks& For(const RecordType& type);
  void CheckOne(const Record& record, Diagnostics& findings, int depth);

  const DataQualitySettings& settings_;
  const CodeRegistry* codes_;
  std::vector<std::unique_ptr<RecordTypeChecks>> types_;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_EVAL_DATA_QUALITY_CHECKS_H_
