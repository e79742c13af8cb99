// Extensions for compliance rules: as_of, commenced, age_at, max_gap, within, valid_nhs_number.
#include <algorithm>
#include <array>
#include <memory>

#include "engine/expr/functions/builtins.h"
#include "engine/record/record_type.h"

namespace uofa::expr::builtins {
namespace {

// The commencement entry of the longest prefix of `provision` the table has: "s.6(5)(a)", then
// "s.6(5)", then "s.6". Null when none.
const std::optional<Timestamp>* FindCommencement(const CommencementTable& table,
                                                 std::string_view provision) {
  std::string_view key = provision;
  while (!key.empty()) {
    auto it = table.find(key);
    if (it != table.end()) return &it->second;
    if (key.back() != ')') break;
    std::size_t open = key.rfind('(');
    if (open == std::string_view::npos || open == 0) break;
    key = key.substr(0, open);
  }
  return nullptr;
}

// A constant provision looked up when the call was compiled, in the table it was compiled with.
struct ResolvedProvision {
  const CommencementTable* table;
  const std::optional<Timestamp>* date;  // null: the table has no such provision
};

Value CommencedAt(std::string_view provision, Timestamp event, const CallContext& context) {
  if (context.evaluation == nullptr || context.evaluation->commencement == nullptr) {
    return Value::Error("no commencement table for '" + std::string(provision) + "'");
  }
  const CommencementTable& table = *context.evaluation->commencement;
  const auto* resolved = static_cast<const ResolvedProvision*>(context.prepared);
  const std::optional<Timestamp>* date =
      resolved != nullptr && resolved->table == &table ? resolved->date
                                                       : FindCommencement(table, provision);
  if (date == nullptr) return Value::Error("unknown provision '" + std::string(provision) + "'");
  if (!date->has_value()) return Value::Bool(false);
  return Value::Bool(event >= **date);
}

}  // namespace

std::shared_ptr<const void> PrepareCommenced(const PrepareInputs& inputs, std::string*) {
  const Value* provision = inputs.constants.empty() ? nullptr : inputs.constants[0];
  if (provision == nullptr || provision->kind() != ValueKind::kString ||
      inputs.commencement == nullptr) {
    return nullptr;
  }
  return std::make_shared<const ResolvedProvision>(ResolvedProvision{
      inputs.commencement, FindCommencement(*inputs.commencement, provision->as_string())});
}

Value AsOf(const Args&, const CallContext& context) {
  if (context.evaluation == nullptr) return Value::Error("no audit date for 'as_of'");
  return Value::Time(context.evaluation->as_of);
}

Value Commenced(const Args& args, const CallContext& context) {
  std::string_view provision = args[0].as_string();
  if (args.size() == 2) return CommencedAt(provision, args[1].as_timestamp(), context);
  const Record* subject = context.subject;
  if (subject == nullptr || subject->type == nullptr || subject->type->event_time_field().empty()) {
    return Value::Error("the record has no event time for 'commenced'");
  }
  const Value& event = subject->At(subject->type->event_time_slot());
  if (event.kind() != ValueKind::kTimestamp) {
    return Value::Error("event time '" + subject->type->event_time_field() + "' is missing");
  }
  return CommencedAt(provision, event.as_timestamp(), context);
}

Value AgeAt(const Args& args, const CallContext&) {
  Timestamp dob = args[0].as_timestamp();
  Timestamp at = args[1].as_timestamp();
  LocalFields born = ToLocal(dob);
  LocalFields then = ToLocal(at);
  int years = then.year - born.year;
  if (then.month < born.month || (then.month == born.month && then.day < born.day)) --years;
  return Value::Int(years);
}

Value MaxGap(const Args& args, const CallContext&) {
  Timestamp from = args[1].as_timestamp();
  Timestamp to = args[2].as_timestamp();
  if (to < from) return Value::Error("max_gap: the end is before the start");
  // Instants inside [from, to]; entries without a time (null) are not entries.
  std::array<Timestamp, 32> inline_points;
  std::vector<Timestamp> heap_points;
  std::size_t count = 0;
  const ValueList& times = args[0].as_list();
  for (const Value& item : times) {
    if (item.is_null()) continue;
    if (item.kind() != ValueKind::kTimestamp) {
      return Value::Error("max_gap: list element is " + std::string(ValueKindName(item.kind())) +
                          ", not a timestamp");
    }
    Timestamp t = item.as_timestamp();
    if (t < from || to < t) continue;
    if (count < inline_points.size()) {
      inline_points[count] = t;
    } else {
      if (heap_points.empty()) heap_points.assign(inline_points.begin(), inline_points.end());
      heap_points.push_back(t);
    }
    ++count;
  }
  Timestamp* begin = heap_points.empty() ? inline_points.data() : heap_points.data();
  std::sort(begin, begin + count);
  Timestamp previous = from;
  Duration longest{};
  auto consider = [&](Timestamp next) {
    std::optional<Duration> gap = Between(previous, next);
    if (gap && *gap > longest) longest = *gap;
    previous = next;
  };
  for (std::size_t i = 0; i < count; ++i) consider(begin[i]);
  consider(to);
  return Value::Span(longest);
}

Value Within(const Args& args, const CallContext&) {
  Timestamp t = args[0].as_timestamp();
  Timestamp start = args[1].as_timestamp();
  std::optional<Timestamp> end = uofa::Add(start, args[2].as_duration());
  if (!end) return Value::Error("timestamp out of range");
  if (*end < start) std::swap(start, *end);  // a negative span counts backwards
  return Value::Bool(start <= t && t <= *end);
}

bool IsValidNhsNumber(std::string_view text) {
  std::array<int, 10> digits{};
  std::size_t count = 0;
  for (char c : text) {
    if (c == ' ') continue;
    if (c < '0' || c > '9' || count == digits.size()) return false;
    digits[count++] = c - '0';
  }
  if (count != digits.size()) return false;
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += digits[i] * (10 - i);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  if (check == 10) return false;
  return check == digits[9];
}

Value ValidNhsNumber(const Args& args, const CallContext&) {
  return Value::Bool(IsValidNhsNumber(args[0].as_string()));
}

}  // namespace uofa::expr::builtins
