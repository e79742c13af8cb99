// The function table: every function and operator of the condition language is a list of
// overloads (name, call style, parameter kinds, result, implementation) in registry.cc. The
// checker picks the overloads that fit the argument types; the evaluator dispatches on the
// argument values' kinds among those. Adding a function is its implementation in the file of its
// family (strings.cc, time.cc, domain.cc, ...) plus its rows in the table.
#ifndef UOFA_ENGINE_EXPR_FUNCTIONS_REGISTRY_H_
#define UOFA_ENGINE_EXPR_FUNCTIONS_REGISTRY_H_

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/expr/program.h"
#include "engine/expr/type.h"
#include "engine/expr/value.h"

namespace uofa::expr {

/// Arguments of one call, by pointer so that field values are not copied. For a receiver-style
/// call (`s.contains(t)`) the receiver is argument 0.
class Args {
 public:
  Args(const Value* const* values, int count) : values_(values), count_(count) {}
  int size() const { return count_; }
  const Value& operator[](int i) const { return *values_[i]; }

 private:
  const Value* const* values_;
  int count_;
};

/// What an implementation may consult besides its arguments.
struct CallContext {
  const EvaluationContext* evaluation = nullptr;  ///< null when evaluated without one
  const Record* subject = nullptr;                ///< the record under evaluation, if any
  const void* prepared = nullptr;                 ///< the overload's Prepare result, if any
  /// Timestamp accessors without a zone argument: Europe/London when true (record rules), UTC
  /// when false (plain CEL, as the conformance suite expects).
  bool local_time = true;
};

using FunctionImpl = Value (*)(const Args& args, const CallContext& context);
/// The result type of a generic overload, from its argument types (`list(T)[int] -> T`).
using ResultTypeFn = Type (*)(const std::vector<Type>& args);
/// What a call's overload may prepare its work from, at compile time.
struct PrepareInputs {
  std::vector<const Value*> constants;  ///< argument i's value, or null when not a constant
  /// The table commenced() will be evaluated with (the rule's pack's), when the compiler knows it.
  const CommencementTable* commencement = nullptr;
};

/// Precomputes data from constant arguments at compile time (a compiled RE2, a hash set of
/// codes, a provision's commencement). Returns null when there is nothing to prepare; sets
/// `error` when a constant argument is invalid (a bad pattern).
using PrepareFn = std::shared_ptr<const void> (*)(const PrepareInputs& inputs, std::string* error);

struct Overload {
  std::string_view function;     ///< "size", "_+_", "@in", ...
  bool receiver = false;         ///< called as `target.function(args)`
  std::vector<TypeKind> params;  ///< including the receiver; kDyn accepts any kind
  TypeKind result = TypeKind::kDyn;
  FunctionImpl impl = nullptr;
  ResultTypeFn result_type = nullptr;  ///< overrides `result` when set
  PrepareFn prepare = nullptr;
  bool accepts_errors = false;  ///< called even when an argument is an error (not strict)
  /// Reads the evaluation (the audit date, the commencement table, the record): a call is never
  /// computed at compile time, even with constant arguments. Every other function is pure.
  bool reads_evaluation = false;

  /// The most parameters an overload may have (the receiver counted).
  static constexpr std::size_t kMaxParams = 4;
  /// Set from `params` by the registry: for each parameter the value kinds it accepts, one bit
  /// per ValueKind, so that matching a call at run time reads no vector and calls nothing.
  std::array<std::uint16_t, kMaxParams> accepts{};

  /// True when values of these kinds are accepted.
  bool Matches(const Args& args) const {
    if (static_cast<std::size_t>(args.size()) != params.size()) return false;
    for (int i = 0; i < args.size(); ++i) {
      if ((accepts[i] >> static_cast<unsigned>(args[i].kind()) & 1u) == 0) return false;
    }
    return true;
  }
};

class FunctionRegistry {
 public:
  /// The built-in functions and operators (registry.cc).
  static const FunctionRegistry& Builtins();

  /// Overloads of `function` with that call style and arity, in table order.
  std::vector<const Overload*> Find(std::string_view function, bool receiver, int arity) const;
  /// True when some overload has this name (with any style or arity).
  bool Has(std::string_view function) const;

  /// Throws std::invalid_argument for an overload with more than Overload::kMaxParams
  /// parameters.
  explicit FunctionRegistry(std::vector<Overload> overloads);

 private:
  std::vector<Overload> overloads_;
};

/// The operator's spelling for messages: "_<_" -> "<", "@in" -> "in"; other names unchanged.
std::string_view DisplayName(std::string_view function);

}  // namespace uofa::expr

#endif  // UOFA_ENGINE_EXPR_FUNCTIONS_REGISTRY_H_
