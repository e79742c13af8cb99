// Implementations of the built-in functions, one family per file; registry.cc lists their
// overloads. Each takes its arguments already checked against the overload's parameter kinds.
#ifndef UOFA_ENGINE_EXPR_FUNCTIONS_BUILTINS_H_
#define UOFA_ENGINE_EXPR_FUNCTIONS_BUILTINS_H_

#include <optional>

#include "engine/expr/functions/registry.h"

namespace uofa::expr::builtins {

/// An error value "no matching overload for 'name'" (used when kinds do not fit at run time).
Value NoMatchingOverload(std::string_view function);

// operators.cc: comparison, arithmetic, membership, indexing.
Value Equal(const Args& args, const CallContext& context);
Value NotEqual(const Args& args, const CallContext& context);
Value Less(const Args& args, const CallContext& context);
Value LessOrEqual(const Args& args, const CallContext& context);
Value Greater(const Args& args, const CallContext& context);
Value GreaterOrEqual(const Args& args, const CallContext& context);
Value Add(const Args& args, const CallContext& context);
Value Subtract(const Args& args, const CallContext& context);
Value Multiply(const Args& args, const CallContext& context);
Value Divide(const Args& args, const CallContext& context);
Value Modulo(const Args& args, const CallContext& context);
Value Negate(const Args& args, const CallContext& context);
Value LogicalNot(const Args& args, const CallContext& context);
Value In(const Args& args, const CallContext& context);
std::shared_ptr<const void> PrepareIn(const PrepareInputs& inputs, std::string* error);
/// Whether `needle` is in the container PrepareIn prepared as `prepared`, as In would answer;
/// nullopt when only comparing it with each member can tell.
std::optional<bool> InPrepared(const Value& needle, const void* prepared);
Value Index(const Args& args, const CallContext& context);

// collections.cc
Value Size(const Args& args, const CallContext& context);

// strings.cc
Value Contains(const Args& args, const CallContext& context);
Value StartsWith(const Args& args, const CallContext& context);
Value EndsWith(const Args& args, const CallContext& context);
Value Matches(const Args& args, const CallContext& context);
std::shared_ptr<const void> PrepareMatches(const PrepareInputs& inputs, std::string* error);
Value Lower(const Args& args, const CallContext& context);
Value Upper(const Args& args, const CallContext& context);

// conversions.cc
Value ToInt(const Args& args, const CallContext& context);
Value ToUint(const Args& args, const CallContext& context);
Value ToDouble(const Args& args, const CallContext& context);
Value ToString(const Args& args, const CallContext& context);
Value ToBool(const Args& args, const CallContext& context);
Value ToBytes(const Args& args, const CallContext& context);
Value ToDyn(const Args& args, const CallContext& context);
Value TypeOf(const Args& args, const CallContext& context);

// time.cc: construction, accessors.
Value ToTimestamp(const Args& args, const CallContext& context);
Value ToDuration(const Args& args, const CallContext& context);
Value DateOf(const Args& args, const CallContext& context);
Value GetFullYear(const Args& args, const CallContext& context);
Value GetMonth(const Args& args, const CallContext& context);
Value GetDate(const Args& args, const CallContext& context);
Value GetDayOfMonth(const Args& args, const CallContext& context);
Value GetDayOfWeek(const Args& args, const CallContext& context);
Value GetDayOfYear(const Args& args, const CallContext& context);
Value GetHours(const Args& args, const CallContext& context);
Value GetMinutes(const Args& args, const CallContext& context);
Value GetSeconds(const Args& args, const CallContext& context);
Value GetMilliseconds(const Args& args, const CallContext& context);

// domain.cc: extensions for compliance rules.
Value AsOf(const Args& args, const CallContext& context);
Value Commenced(const Args& args, const CallContext& context);
std::shared_ptr<const void> PrepareCommenced(const PrepareInputs& inputs, std::string* error);
Value AgeAt(const Args& args, const CallContext& context);
Value MaxGap(const Args& args, const CallContext& context);
Value Within(const Args& args, const CallContext& context);
Value ValidNhsNumber(const Args& args, const CallContext& context);

// documents.cc: functions on policy documents.
Value Mentions(const Args& args, const CallContext& context);
std::shared_ptr<const void> PrepareMentions(const PrepareInputs& inputs, std::string* error);
Value SectionOf(const Args& args, const CallContext& context);
std::shared_ptr<const void> PrepareSection(const PrepareInputs& inputs, std::string* error);
Value DatesIn(const Args& args, const CallContext& context);

/// Modulus 11 check of an NHS number (10 digits, spaces allowed), exposed for other modules.
bool IsValidNhsNumber(std::string_view text);

}  // namespace uofa::expr::builtins

#endif  // UOFA_ENGINE_EXPR_FUNCTIONS_BUILTINS_H_
