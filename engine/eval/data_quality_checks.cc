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

struct CheckContext {
  const DataQualitySettings& settings;
  const CodeRegistry* codes;
};

// A time field of the record, when it holds one.
std::optional<Timestamp> TimeOf(const Record& record, std::string_view field) {
  const Value& value = record.Get(field);
  if (value.kind() != ValueKind::kTimestamp) return std::nullopt;
  return value.as_timestamp();
}

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

void CheckEndBeforeStart(const Record& record, const CheckContext&, Diagnostics& findings) {
  std::optional<Timestamp> started = TimeOf(record, "started_at");
  std::optional<Timestamp> ended = TimeOf(record, "ended_at");
  if (!started || !ended || !(*ended < *started)) return;
  findings.DataQuality(Severity::kWarning, CellOf(record, "ended_at"), kDqEndBeforeStart, "ended_at",
                       "'ended_at' " + FormatLocalDateTime(*ended) + " is before 'started_at' " +
                           FormatLocalDateTime(*started));
}

// The record's type code, normalised, with its code list; null when it has none.
struct TypeCode {
  const CodeList* list = nullptr;
  std::string code;
};
std::optional<TypeCode> TypeCodeOf(const Record& record, const CheckContext& context) {
  const FieldDef* field = record.type->Find("type_code");
  if (field == nullptr || context.codes == nullptr) return std::nullopt;
  const Value& value = record.At(field->slot);
  if (value.kind() != ValueKind::kString) return std::nullopt;
  const CodeList* list = context.codes->Find(field->code_list);
  if (list == nullptr) return std::nullopt;
  return TypeCode{list, list->Normalize(value.as_string())};
}

// The first bound for the record, or nullptr.
const DurationBound* BoundFor(const Record& record, const CheckContext& context) {
  const std::string& type = record.type->name();
  std::optional<TypeCode> type_code;
  bool looked_up = false;  // the type code is read once, for the first bound that needs it
  for (const DurationBound& bound : context.settings.max_durations) {
    if (bound.record_type != type) continue;
    if (bound.code_group.empty()) return &bound;
    if (!looked_up) {
      type_code = TypeCodeOf(record, context);
      looked_up = true;
    }
    if (!type_code) continue;
    auto group = type_code->list->groups.find(bound.code_group);
    if (group == type_code->list->groups.end()) continue;
    if (std::find(group->second.begin(), group->second.end(), type_code->code) !=
        group->second.end()) {
      return &bound;
    }
  }
  return nullptr;
}

void CheckDuration(const Record& record, const CheckContext& context, Diagnostics& findings) {
  std::optional<Timestamp> started = TimeOf(record, "started_at");
  std::optional<Timestamp> ended = TimeOf(record, "ended_at");
  if (!started || !ended || *ended < *started) return;
  const DurationBound* bound = BoundFor(record, context);
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
  void (*run)(const Record&, const CheckContext&, Diagnostics&);
};
constexpr RecordCheck kRecordChecks[] = {
    {"end_before_start", CheckEndBeforeStart},
    {"implausible_duration", CheckDuration},
};

void CheckOne(const Record& record, const CheckContext& context, Diagnostics& findings, int depth) {
  if (record.type == nullptr || depth > 4) return;
  for (const RecordCheck& check : kRecordChecks) check.run(record, context, findings);
  for (const FieldDef& field : record.type->fields()) {
    if (field.kind != FieldKind::kList) continue;
    const Value& list = record.fields[field.slot];
    if (list.kind() != ValueKind::kList) continue;
    for (const Value& item : list.as_list()) {
      if (item.kind() == ValueKind::kRecord) CheckOne(item.as_record(), context, findings, depth + 1);
    }
  }
}

}  // namespace

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

void CheckRecordQuality(const Record& record, const DataQualitySettings& settings,
                        const CodeRegistry* codes, Diagnostics& findings) {
  CheckOne(record, CheckContext{settings, codes}, findings, 0);
}

}  // namespace uofa
