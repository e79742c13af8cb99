// The general entry point: compile an expression against declared variables (of given types,
// or dyn) instead of a subject record, and evaluate it with values bound to those variables.
// Used by the CEL conformance runner and for expressions outside rules.
#ifndef UOFA_ENGINE_EXPR_ENVIRONMENT_H_
#define UOFA_ENGINE_EXPR_ENVIRONMENT_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/expr/program.h"
#include "engine/expr/type.h"
#include "engine/expr/value.h"

namespace uofa::expr {

class CompiledExpression;

struct VariableEnvironment {
  /// Declared variables with their static types (Type::Dyn() when unknown).
  std::vector<std::pair<std::string, Type>> variables;
  /// Optional subject record type: its fields are top-level names too (after the variables).
  const RecordType* subject = nullptr;
  const std::map<std::string, Value, std::less<>>* params = nullptr;
  const CodeRegistry* codes = nullptr;
  /// false: CEL's unchecked evaluation; type errors and unknown names become run-time errors.
  bool check_types = true;
  bool enable_macros = true;
  /// Timestamp accessors without a zone: Europe/London when true, UTC (plain CEL) when false.
  bool local_time = false;
};

using Bindings = std::map<std::string, Value, std::less<>>;

/// A compiled expression over declared variables. Immutable and thread-safe.
class VariableProgram {
 public:
  VariableProgram(std::unique_ptr<const CompiledExpression> compiled,
                  std::vector<std::string> variable_names);
  ~VariableProgram();

  /// Evaluates with `bindings` (a declared variable without a binding evaluates to an error),
  /// an optional subject record and an optional context (for as_of() and commenced()).
  Value Evaluate(const Bindings& bindings, const Record* subject = nullptr,
                 const EvaluationContext* context = nullptr) const;
  /// Whether the expression holds with `bindings`, agreeing with Evaluate (Program::Test).
  Truth Test(const Bindings& bindings, const Record* subject = nullptr,
             const EvaluationContext* context = nullptr) const;
  /// The static type the checker gave the whole expression.
  const Type& ResultType() const;

 private:
  // The declared variables' values by slot, from `bindings`.
  std::vector<Value> Values(const Bindings& bindings) const;

  std::unique_ptr<const CompiledExpression> compiled_;
  std::vector<std::string> variable_names_;
};

/// Compiles `source`; nullptr with `errors` filled (byte offsets) on any problem.
std::unique_ptr<const VariableProgram> CompileWithVariables(std::string_view source,
                                                            const VariableEnvironment& environment,
                                                            std::vector<ExpressionError>* errors);

}  // namespace uofa::expr

#endif  // UOFA_ENGINE_EXPR_ENVIRONMENT_H_
