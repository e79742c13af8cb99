#include "engine/eval/data_quality_checks.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "uofa/data_quality.h"

namespace uofa {
namespace {

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
// How deep the checks go into the records of list fields (an incident's interventions are 1).
constexpr int kDeepestChecked = 4;

// The cell of `field` in the record's row; the row when the source does not say.
SourceLocation CellOf(const Record& record, std::string_view field) {
  SourceLocation at = record.origin;
  const FieldDef* def = record.type != nullptr ? record.type->Find(field) : nullptr;
  if (def != nullptr && static_cast<std::size_t>(def->slot) < record.cells.size()) {
    const Record::CellPosition& cell = record.cells[def->slot];
    if (cell.line > 0) {
      at.line = cell.line;
      at.column = cell.column;
    }
  }
  return at;
}

// "1d 6h 5m", "45m", "0m": the largest units first, zero parts left out.
std::string SpanText(std::int64_t seconds) {
  std::string text;
  auto part = [&](std::int64_t amount, char unit) {
    if (amount == 0) return;
    if (!text.empty()) text += ' ';
    text += std::to_string(amount) + unit;
  };
  part(seconds / kDay, 'd');
  part(seconds % kDay / kHour, 'h');
  part(seconds % kHour / kMinute, 'm');
  if (text.empty()) text = std::to_string(seconds) + 's';
  return text;
}

// A time field of the record (by slot), when it holds one.
std::optional<Timestamp> TimeAt(const Record& record, int slot) {
  const Value& value = record.At(slot);
  if (value.kind() != ValueKind::kTimestamp) return std::nullopt;
  return value.as_timestamp();
}

// Whether a record of `type`, or one of its list fields' records down to `depth` levels, has
// what the checks look at (a start and an end). A list of records that cannot (an incident's
// people involved, observations, reviews) is not read at all: its rows were built on another
// core, and reading them here was most of the checks' time.
bool MayNeedChecking(const RecordType& type, int depth) {
  if (type.SlotOf("started_at") >= 0 && type.SlotOf("ended_at") >= 0) return true;
  if (depth >= kDeepestChecked) return false;
  for (const FieldDef& field : type.fields()) {
    if (field.kind != FieldKind::kList) continue;
    if (field.element == nullptr || MayNeedChecking(*field.element, depth + 1)) return true;
  }
  return false;
}

}  // namespace

// What the checks need of one record type, found when the first record of the type is checked:
// the slots of its fields and the bounds that can apply to it.
struct RecordTypeChecks {
  struct Bound {
    const DurationBound* bound;
    // The code group's codes; null for a bound on every record of the type.
    const std::vector<std::string>* group;
  };
  const RecordType* type = nullptr;
  int started = -1;
  int ended = -1;
  int type_code = -1;
  const CodeList* code_list = nullptr;  // of the type code
  std::vector<Bound> bounds;            // in the order of the settings
  std::vector<int> lists;               // its list fields whose records may need checks (slots)
  std::string code;                     // the record's type code, normalised (reused)
};

namespace {

void CheckEndBeforeStart(const Record& record, RecordTypeChecks& checks, Diagnostics& findings) {
  std::optional<Timestamp> started = TimeAt(record, checks.started);
  std::optional<Timestamp> ended = TimeAt(record, checks.ended);
  if (!started || !ended || !(*ended < *started)) return;
  findings.DataQuality(Severity::kWarning, CellOf(record, "ended_at"), kDqEndBeforeStart, "ended_at",
                       "'ended_at' " + FormatLocalDateTime(*ended) + " is before 'started_at' " +
                           FormatLocalDateTime(*started));
}

// The first bound for the record, or nullptr.
const DurationBound* BoundFor(const Record& record, RecordTypeChecks& checks) {
  bool looked_up = false;  // the type code is read once, for the first bound that needs it
  bool has_code = false;
  for (const RecordTypeChecks::Bound& candidate : checks.bounds) {
    if (candidate.group == nullptr) return candidate.bound;
    if (!looked_up) {
      looked_up = true;
      const Value& value = record.At(checks.type_code);
      has_code = value.kind() == ValueKind::kString;
      if (has_code) checks.code = checks.code_list->Normalize(value.as_string());
    }
    if (!has_code) continue;
    if (std::find(candidate.group->begin(), candidate.group->end(), checks.code) !=
        candidate.group->end()) {
      return candidate.bound;
    }
  }
  return nullptr;
}

void CheckDuration(const Record& record, RecordTypeChecks& checks, Diagnostics& findings) {
  std::optional<Timestamp> started = TimeAt(record, checks.started);
  std::optional<Timestamp> ended = TimeAt(record, checks.ended);
  if (!started || !ended || *ended < *started) return;
  const DurationBound* bound = BoundFor(record, checks);
  if (bound == nullptr) return;
  std::optional<Duration> lasted = Between(*started, *ended);
  if (!lasted || *lasted <= bound->max) return;
  findings.DataQuality(Severity::kWarning, CellOf(record, "ended_at"), kDqImplausibleDuration,
                       "ended_at",
                       "'ended_at' is " + SpanText(lasted->seconds) +
                           " after 'started_at', longer than the plausible " + bound->max_text +
                           " of '" + bound->name + "'");
}

// The record checks, in the order their findings are reported for one record.
struct RecordCheck {
  const char* name;
  void (*run)(const Record&, RecordTypeChecks&, Diagnostics&);
};
constexpr RecordCheck kRecordChecks[] = {
    {"end_before_start", CheckEndBeforeStart},
    {"implausible_duration", CheckDuration},
};

}  // namespace

RecordQualityChecker::RecordQualityChecker(const DataQualitySettings& settings,
                                           const CodeRegistry* codes)
    : settings_(settings), codes_(codes) {}

RecordQualityChecker::~RecordQualityChecker() = default;

RecordTypeChecks& RecordQualityChecker::For(const RecordType& type) {
  for (const std::unique_ptr<RecordTypeChecks>& checks : types_) {
    if (checks->type == &type) return *checks;
  }
  auto checks = std::make_unique<RecordTypeChecks>();
  checks->type = &type;
  checks->started = type.SlotOf("started_at");
  checks->ended = type.SlotOf("ended_at");
  for (const FieldDef& field : type.fields()) {
    if (field.kind != FieldKind::kList) continue;
    if (field.element != nullptr && !MayNeedChecking(*field.element, 1)) continue;
    checks->lists.push_back(field.slot);
  }
  if (const FieldDef* field = type.Find("type_code"); field != nullptr && codes_ != nullptr) {
    checks->code_list = codes_->Find(field->code_list);
    if (checks->code_list != nullptr) checks->type_code = field->slot;
  }
  for (const DurationBound& bound : settings_.max_durations) {
    if (bound.record_type != type.name()) continue;
    if (bound.code_group.empty()) {
      checks->bounds.push_back({&bound, nullptr});
      continue;
    }
    // A bound whose group the type's code list lacks (or on a type without one) never applies.
    if (checks->code_list == nullptr) continue;
    auto group = checks->code_list->groups.find(bound.code_group);
    if (group == checks->code_list->groups.end()) continue;
    checks->bounds.push_back({&bound, &group->second});
  }
  types_.push_back(std::move(checks));
  return *types_.back();
}

void RecordQualityChecker::CheckOne(const Record& record, Diagnostics& findings, int depth) {
  if (record.type == nullptr || depth > kDeepestChecked) return;
  RecordTypeChecks& checks = For(*record.type);
  for (const RecordCheck& check : kRecordChecks) check.run(record, checks, findings);
  for (int slot : checks.lists) {
    const Value& list = record.At(slot);
    if (list.kind() != ValueKind::kList) continue;
    for (const Value& item : list.as_list()) {
      if (item.kind() == ValueKind::kRecord) CheckOne(item.as_record(), findings, depth + 1);
    }
  }
}

void RecordQualityChecker::Check(const Record& record, Diagnostics& findings) {
  CheckOne(record, findings, 0);
}

std::vector<DurationBound> DefaultDurationBounds() {
  return {
      {"physical_restraint", "intervention", "ri_type_physical", {24 * kHour, 0}, "24h", {}},
      {"mechanical_restraint", "intervention", "ri_type_mechanical", {24 * kHour, 0}, "24h", {}},
      {"chemical_restraint", "intervention", "ri_type_chemical", {24 * kHour, 0}, "24h", {}},
      {"seclusion", "intervention", "ri_type_seclusion", {28 * kDay, 0}, "28d", {}},
      {"segregation", "intervention", "ri_type_segregation", {365 * kDay, 0}, "365d", {}},
      {"intervention", "intervention", "", {28 * kDay, 0}, "28d", {}},
      {"incident", "incident", "", {28 * kDay, 0}, "28d", {}},
  };
}

std::optional<Duration> ParseDurationBound(std::string_view text) {
  std::optional<Duration> span;
  if (text.size() > 1 && text.back() == 'd') {
    std::int64_t days = 0;
    std::string_view digits = text.substr(0, text.size() - 1);
    auto [end, status] = std::from_chars(digits.data(), digits.data() + digits.size(), days);
    if (status == std::errc() && end == digits.data() + digits.size() && days < 100000) {
      span = Duration{days * kDay, 0};
    }
  } else {
    std::string error;
    span = ParseDuration(text, &error);
  }
  if (!span || *span <= Duration{}) return std::nullopt;
  return span;
}

}  // namespace uofa
