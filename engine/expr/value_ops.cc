#include "engine/expr/value_ops.h"

#include <cmath>
#include <cstdio>

#include "engine/record/record_type.h"

namespace uofa::expr {
namespace {

bool IsNumber(ValueKind k) {
  return k == ValueKind::kInt || k == ValueKind::kUint || k == ValueKind::kDouble;
}

template <typename T>
Ordering Order(const T& a, const T& b) {
  if (a < b) return Ordering::kLess;
  if (b < a) return Ordering::kGreater;
  return Ordering::kEqual;
}

Ordering CompareNumbers(const Value& a, const Value& b) {
  ValueKind ka = a.kind(), kb = b.kind();
  if (ka == kb) {
    if (ka == ValueKind::kInt) return Order(a.as_int(), b.as_int());
    if (ka == ValueKind::kUint) return Order(a.as_uint(), b.as_uint());
    double x = a.as_double(), y = b.as_double();
    if (std::isnan(x) || std::isnan(y)) return Ordering::kUnordered;
    return Order(x, y);
  }
  if (ka == ValueKind::kInt && kb == ValueKind::kUint) {
    if (a.as_int() < 0) return Ordering::kLess;
    return Order(static_cast<std::uint64_t>(a.as_int()), b.as_uint());
  }
  if (ka == ValueKind::kUint && kb == ValueKind::kInt) {
    if (b.as_int() < 0) return Ordering::kGreater;
    return Order(a.as_uint(), static_cast<std::uint64_t>(b.as_int()));
  }
  // One side is a double: the other converts to double, as CEL specifies (so 2^63 - 1 and
  // 2^63 compare equal once converted).
  double x = ka == ValueKind::kDouble ? a.as_double()
             : ka == ValueKind::kInt  ? static_cast<double>(a.as_int())
                                      : static_cast<double>(a.as_uint());
  double y = kb == ValueKind::kDouble ? b.as_double()
             : kb == ValueKind::kInt  ? static_cast<double>(b.as_int())
                                      : static_cast<double>(b.as_uint());
  if (std::isnan(x) || std::isnan(y)) return Ordering::kUnordered;
  return Order(x, y);
}

void AppendQuoted(std::string* out, std::string_view text) {
  out->push_back('"');
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(c);
    } else if (c == '\n') {
      *out += "\\n";
    } else {
      out->push_back(c);
    }
  }
  out->push_back('"');
}

}  // namespace

bool ValuesEqual(const Value& a, const Value& b) {
  ValueKind ka = a.kind(), kb = b.kind();
  if (IsNumber(ka) && IsNumber(kb)) return CompareNumbers(a, b) == Ordering::kEqual;
  if (ka != kb) return false;
  switch (ka) {
    case ValueKind::kNull:
      return true;
    case ValueKind::kBool:
      return a.as_bool() == b.as_bool();
    case ValueKind::kString:
      return a.as_string() == b.as_string();
    case ValueKind::kBytes:
      return a.as_bytes() == b.as_bytes();
    case ValueKind::kTimestamp:
      return a.as_timestamp() == b.as_timestamp();
    case ValueKind::kDuration:
      return a.as_duration() == b.as_duration();
    case ValueKind::kType:
      return a.type_name() == b.type_name();
    case ValueKind::kList: {
      const ValueList& x = a.as_list();
      const ValueList& y = b.as_list();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!ValuesEqual(x[i], y[i])) return false;
      }
      return true;
    }
    case ValueKind::kMap: {
      const ValueMap& x = a.as_map();
      const ValueMap& y = b.as_map();
      if (x.size() != y.size()) return false;
      for (const auto& [key, value] : x) {
        const Value* other = MapFind(y, key);
        if (other == nullptr || !ValuesEqual(value, *other)) return false;
      }
      return true;
    }
    case ValueKind::kRecord: {
      const Record& x = a.as_record();
      const Record& y = b.as_record();
      if (x.type != y.type || x.fields.size() != y.fields.size()) return false;
      for (std::size_t i = 0; i < x.fields.size(); ++i) {
        if (!ValuesEqual(x.fields[i], y.fields[i])) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

std::optional<Ordering> CompareValues(const Value& a, const Value& b) {
  ValueKind ka = a.kind(), kb = b.kind();
  if (IsNumber(ka) && IsNumber(kb)) return CompareNumbers(a, b);
  if (ka != kb) return std::nullopt;
  switch (ka) {
    case ValueKind::kBool:
      return Order(a.as_bool(), b.as_bool());
    case ValueKind::kString:
      return Order(a.as_string(), b.as_string());
    case ValueKind::kBytes:
      return Order(a.as_bytes(), b.as_bytes());
    case ValueKind::kTimestamp:
      return Order(a.as_timestamp(), b.as_timestamp());
    case ValueKind::kDuration:
      return Order(a.as_duration(), b.as_duration());
    default:
      return std::nullopt;
  }
}

const Value* MapFind(const ValueMap& map, const Value& key) {
  for (const auto& entry : map) {
    const Value& k = entry.first;
    if (k.kind() == key.kind()) {
      if (key.kind() == ValueKind::kString) {
        if (k.as_string() == key.as_string()) return &entry.second;
        continue;
      }
    }
    if (ValuesEqual(k, key)) return &entry.second;
  }
  return nullptr;
}

std::string TypeNameOf(const Value& value) {
  if (value.kind() == ValueKind::kRecord && value.as_record().type != nullptr) {
    return value.as_record().type->name();
  }
  return ValueKindName(value.kind());
}

std::string DebugString(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kNull:
      return "null";
    case ValueKind::kBool:
      return value.as_bool() ? "true" : "false";
    case ValueKind::kInt:
      return std::to_string(value.as_int());
    case ValueKind::kUint:
      return std::to_string(value.as_uint()) + "u";
    case ValueKind::kDouble: {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%.17g", value.as_double());
      return buffer;
    }
    case ValueKind::kString: {
      std::string out;
      AppendQuoted(&out, value.as_string());
      return out;
    }
    case ValueKind::kBytes: {
      std::string out = "b";
      AppendQuoted(&out, value.as_bytes());
      return out;
    }
    case ValueKind::kTimestamp:
      return "timestamp(\"" + FormatRfc3339(value.as_timestamp()) + "\")";
    case ValueKind::kDuration:
      return "duration(\"" + FormatDuration(value.as_duration()) + "\")";
    case ValueKind::kList: {
      std::string out = "[";
      bool first = true;
      for (const Value& item : value.as_list()) {
        if (!first) out += ", ";
        first = false;
        out += DebugString(item);
      }
      return out + "]";
    }
    case ValueKind::kMap: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, v] : value.as_map()) {
        if (!first) out += ", ";
        first = false;
        out += DebugString(k) + ": " + DebugString(v);
      }
      return out + "}";
    }
    case ValueKind::kRecord: {
      const Record& record = value.as_record();
      std::string out = (record.type != nullptr ? record.type->name() : "record") + "{";
      bool first = true;
      for (std::size_t i = 0; i < record.fields.size(); ++i) {
        if (record.fields[i].is_null()) continue;
        if (!first) out += ", ";
        first = false;
        out += (record.type != nullptr ? record.type->fields()[i].name : std::to_string(i)) + ": " +
               DebugString(record.fields[i]);
      }
      return out + "}";
    }
    case ValueKind::kType:
      return value.type_name();
    case ValueKind::kError:
      return "error(" + value.error_message() + ")";
  }
  return "?";
}

}  // namespace uofa::expr
