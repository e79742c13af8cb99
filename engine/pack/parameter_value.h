// Pack parameters as text and back: the `default:` in pack.yaml and an audit's override are
// parsed the same way, and reports print values the way they are written.
#ifndef UOFA_ENGINE_PACK_PARAMETER_VALUE_H_
#define UOFA_ENGINE_PACK_PARAMETER_VALUE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/expr/value.h"
#include "engine/pack/rule_pack.h"

namespace uofa {

/// "int", "number", "bool", "string", "duration", "date", "patterns".
const char* ParameterTypeName(ParameterType type);
std::optional<ParameterType> ParseParameterType(std::string_view name);

/// Parses a parameter's text by its type: int (whole number), number (decimal), bool
/// (true/false, yes/no), string (as is), duration (`72h`, `90m`, as CEL's duration()), date
/// (YYYY-MM-DD, midnight Europe/London). On failure returns nullopt and sets `error`
/// ("'abc' is not a valid int").
std::optional<Value> ParseParameterValue(ParameterType type, std::string_view text,
                                         std::string* error);

/// The value as text: `24`, `0.95`, `true`, `2022-03-31`; durations as CEL prints them (`86400s`).
std::string FormatParameterValue(ParameterType type, const Value& value);

/// The text form of a `patterns` value: one pattern a line (a YAML sequence of strings read).
std::string JoinPatternsText(const std::vector<std::string>& patterns);

}  // namespace uofa

#endif  // UOFA_ENGINE_PACK_PARAMETER_VALUE_H_
