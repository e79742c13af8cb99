// The condition language's entry points for the rest of the engine: compile an expression once
// against a record type, then evaluate it per record.
//
// Compile runs the lexer, parser, type checker and compiler. Every problem is returned as an
// ExpressionError with the byte offset inside the expression text; the caller (the pack loader)
// maps offsets to line:column in the YAML file. A compiled Program is immutable and may be
// evaluated from several threads at once.
#ifndef UOFA_ENGINE_EXPR_PROGRAM_H_
#define UOFA_ENGINE_EXPR_PROGRAM_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/time.h"
#include "engine/expr/value.h"
#include "engine/record/record_type.h"

namespace uofa::expr {

/// Provision -> date it came into force (nullopt: not commenced), e.g. "s.6" -> 2022-03-31.
/// commenced('s.6(5)(a)') looks up the longest prefix that the table has: "s.6(5)(a)", then
/// "s.6(5)", then "s.6".
using CommencementTable = std::map<std::string, std::optional<Timestamp>, std::less<>>;

/// What names mean while compiling a rule's expression.
struct CompileEnvironment {
  /// The rule's subject: its fields are the top-level identifiers (`reason_code`,
  /// `patient.nhs_number`, `interventions.exists(i, i.type_code == '01')`).
  const RecordType* subject = nullptr;
  /// `params.NAME`: effective parameter values (defaults with overrides applied), folded as
  /// constants. A name not in the map is a compile error.
  const std::map<std::string, Value, std::less<>>* params = nullptr;
  /// `codes.ID`: a code list as a map code -> label (so `x in codes.ri_type` tests membership),
  /// or a group as a list of codes. An unknown ID is a compile error.
  const CodeRegistry* codes = nullptr;
  /// The table the rule's commenced() calls will be evaluated with (its pack's): a constant
  /// provision is then looked up once, here. Optional; evaluation with another table still
  /// looks the provision up in that one.
  const CommencementTable* commencement = nullptr;
};

/// One compile problem, at a byte offset of the expression text.
struct ExpressionError {
  std::size_t offset = 0;
  std::string message;  ///< lowercase, no trailing period, identifiers in single quotes
};

/// What an evaluation may consult besides the record.
struct EvaluationContext {
  Timestamp as_of;                                  ///< the audit date: as_of()
  const CommencementTable* commencement = nullptr;  ///< for commenced()
};

/// What a condition gave, when only whether it holds matters: true, false, or anything else (an
/// error, a value of another type), whose value Evaluate gives.
enum class Truth : std::uint8_t { kFalse, kTrue, kOther };

/// The truth of a value: kOther unless it is a bool.
inline Truth TruthOf(const Value& value) {
  if (value.kind() != ValueKind::kBool) return Truth::kOther;
  return value.as_bool() ? Truth::kTrue : Truth::kFalse;
}

class Program {
 public:
  virtual ~Program() = default;
  /// Evaluates against one record. Never throws: failures are error values.
  virtual Value Evaluate(const Record& subject, const EvaluationContext& context) const = 0;
  /// Whether the expression holds for the record, without building the values of its boolean
  /// operators (&&, ||, ?:, has(), all, exists). Agrees with Evaluate: kTrue and kFalse exactly
  /// when Evaluate gives that bool.
  virtual Truth Test(const Record& subject, const EvaluationContext& context) const = 0;
  /// The subject's field paths the expression reads ("reason_code", "patient.nhs_number",
  /// "interventions"), in first-use order without duplicates: the evidence shown with a finding.
  virtual const std::vector<std::string>& ReferencedFields() const = 0;
  /// The operands of the expression's `&&` chain (`a && b && (c && d)`: a, b, c and d; the whole
  /// expression when it is not a conjunction), by a key that is equal for operands written alike
  /// (whatever their spacing). Evaluated against the same parameters, code lists and context,
  /// operands with equal keys have equal truths: a caller may share them among rules.
  virtual const std::vector<std::string>& ConjunctKeys() const = 0;
  /// Whether operand `index` of ConjunctKeys() holds. The expression is true when every operand
  /// is, false when any is, and otherwise Evaluate gives the error or value that says why.
  virtual Truth TestConjunct(std::size_t index, const Record& subject,
                             const EvaluationContext& context) const = 0;
};

/// Removes each field path that another path in the list extends ("patient" when
/// "patient.nhs_number" is there), keeping the order of the rest.
void KeepMostSpecificPaths(std::vector<std::string>* paths);

/// Compiles `source`. The result must be of type bool (or dyn); otherwise that is an error too.
/// Returns nullptr when `errors` is non-empty.
std::unique_ptr<const Program> Compile(std::string_view source, const CompileEnvironment& environment,
                                       std::vector<ExpressionError>* errors);

}  // namespace uofa::expr

#endif  // UOFA_ENGINE_EXPR_PROGRAM_H_
