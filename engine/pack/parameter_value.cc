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
    case ParameterType::kPatterns: return "patterns";
  }
  return "int";
}

std::optional<ParameterType> ParseParameterType(std::string_view name) {
  for (ParameterType type : {ParameterType::kInt, ParameterType::kNumber, ParameterType::kBool,
                             ParameterType::kString, ParameterType::kDuration, ParameterType::kDate,
                             ParameterType::kPatterns}) {
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
    case ParameterType::kPatterns: {
      ValueList patterns;
      std::size_t start = 0;
      while (start <= text.size() && !text.empty()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        patterns.push_back(Value::String(std::string(text.substr(start, end - start))));
        start = end + 1;
      }
      return Value::List(std::move(patterns));
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
    case ValueKind::kString: return std::string(value.as_string());
    case ValueKind::kDuration: return FormatDuration(value.as_duration());
    case ValueKind::kTimestamp:
      return type == ParameterType::kDate ? FormatLocalDate(value.as_timestamp())
                                          : FormatRfc3339(value.as_timestamp());
    case ValueKind::kList: {
      // One pattern a line, as written in YAML flow style for reports.
      std::string out = "[";
      for (const Value& item : value.as_list()) {
        if (out.size() > 1) out += ", ";
        out += '\'';
        if (item.kind() == ValueKind::kString) out += item.as_string();
        out += '\'';
      }
      return out + "]";
    }
    default: return {};
  }
}

std::string JoinPatternsText(const std::vector<std::string>& patterns) {
  std::string text;
  for (const std::string& pattern : patterns) {
    if (!text.empty()) text += '\n';
    text += pattern;
  }
  return text;
}

}  // namespace uofa
