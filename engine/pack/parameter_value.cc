#include "engine/pack/parameter_value.h"

#include <cstdio>

#include "engine/base/time.h"
#include "engine/pack/yaml_checks.h"

namespace uofa {

const char* ParameterTypeName(ParameterType type) {
  switch (type) {
    case ParameterType::kInt: return "int";
    case ParameterType::kNumber: return "number";
    case ParameterType::kBool: return "bool";
    case ParameterType::kString: return "string";
    case ParameterType::kDuration: return "duration";
    case ParameterType::kDate: return "date";
  }
  return "int";
}

std::optional<ParameterType> ParseParameterType(std::string_view name) {
  for (ParameterType type : {ParameterType::kInt, ParameterType::kNumber, ParameterType::kBool,
                             ParameterType::kString, ParameterType::kDuration, ParameterType::kDate}) {
    if (name == ParameterTypeName(type)) return type;
  }
  return std::nullopt;
}

std::optional<Value> ParseParameterValue(ParameterType type, std::string_view text,
                                         std::string* error) {
  auto invalid = [&]() -> std::optional<Value> {
    if (error) *error = "'" + std::string(text) + "' is not a valid " + ParameterTypeName(type);
    return std::nullopt;
  };
  switch (type) {
    case ParameterType::kInt:
      if (auto value = ParseYamlInt(text)) return Value::Int(*value);
      return invalid();
    case ParameterType::kNumber:
      if (auto value = ParseYamlNumber(text)) return Value::Double(*value);
      return invalid();
    case ParameterType::kBool:
      if (auto value = ParseYamlBool(text)) return Value::Bool(*value);
      return invalid();
    case ParameterType::kString:
      return Value::String(std::string(text));
    case ParameterType::kDuration: {
      std::string detail;
      if (auto value = ParseDuration(text, &detail)) return Value::Span(*value);
      return invalid();
    }
    case ParameterType::kDate: {
      std::string detail;
      if (auto value = ParseDate(text, &detail)) return Value::Time(*value);
      return invalid();
    }
  }
  return invalid();
}

std::string FormatParameterValue(ParameterType type, const Value& value) {
  switch (value.kind()) {
    case ValueKind::kInt: return std::to_string(value.as_int());
    case ValueKind::kDouble: {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%.15g", value.as_double());
      return buffer;
    }
    case ValueKind::kBool: return value.as_bool() ? "true" : "false";
    case ValueKind::kString: return value.as_string();
    case ValueKind::kDuration: return FormatDuration(value.as_duration());
    case ValueKind::kTimestamp:
      return type == ParameterType::kDate ? FormatLocalDate(value.as_timestamp())
                                          : FormatRfc3339(value.as_timestamp());
    default: return {};
  }
}

}  // namespace uofa
