// Operations on values shared by the evaluator and the functions: CEL's heterogeneous equality,
// ordering across numeric kinds, map lookup, and a printable form for messages and tests.
#ifndef UOFA_ENGINE_EXPR_VALUE_OPS_H_
#define UOFA_ENGINE_EXPR_VALUE_OPS_H_

#include <optional>
#include <string>

#include "engine/expr/value.h"

namespace uofa::expr {

/// CEL equality: values of different kinds are unequal, except numbers, which compare by value
/// (1 == 1u == 1.0); lists and maps compare element-wise; NaN is unequal to everything.
bool ValuesEqual(const Value& a, const Value& b);

enum class Ordering { kLess, kEqual, kGreater, kUnordered /* NaN */ };
/// Orders two values of comparable kinds (numbers of any kind, strings, bytes, bools, timestamps,
/// durations); nullopt when the kinds cannot be ordered.
std::optional<Ordering> CompareValues(const Value& a, const Value& b);

/// The entry of `map` whose key equals `key` (numeric keys match across kinds), or null.
const Value* MapFind(const ValueMap& map, const Value& key);

/// A CEL-like rendering: 1, 1u, 1.5, "text", b"..", [1, 2], {"a": 1}, timestamp("..."),
/// duration("..."), error(message).
std::string DebugString(const Value& value);

/// The CEL type name of a value, as type() returns it.
std::string TypeNameOf(const Value& value);

}  // namespace uofa::expr

#endif  // UOFA_ENGINE_EXPR_VALUE_OPS_H_
