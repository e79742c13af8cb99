// Compiler: a checked AST -> a tree of resolved nodes, and the pipeline that runs every stage
// (lexer, parser, checker, compiler) for both entry points (program.h, environment.h).
#ifndef UOFA_ENGINE_EXPR_COMPILER_H_
#define UOFA_ENGINE_EXPR_COMPILER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/expr/ast.h"
#include "engine/expr/checker.h"
#include "engine/expr/nodes.h"
#include "engine/expr/parser.h"

namespace uofa::expr {

/// A compiled expression, whichever way its names were declared. Immutable; Run is thread-safe.
class CompiledExpression {
 public:
  /// The operands of the root's `&&` chain, nodes of `root` (just `root` when it is not a
  /// conjunction), each with a key that is equal for operands written alike, and the number of
  /// comprehension variables' slots it uses (most use none: `has(ended_at)`).
  struct Conjuncts {
    std::vector<const Node*> nodes;
    std::vector<std::string> keys;
    std::vector<int> local_counts;
  };

  CompiledExpression(NodePtr root, Conjuncts conjuncts, int local_count, bool local_time,
                     Type result_type, std::vector<std::string> referenced_fields)
      : root_(std::move(root)),
        conjuncts_(std::move(conjuncts)),
        local_count_(local_count),
        local_time_(local_time),
        result_type_(std::move(result_type)),
        referenced_fields_(std::move(referenced_fields)) {}

  Value Run(const Record* subject, const EvaluationContext* context, const Value* variables) const;
  /// Whether the expression holds (Node::Test), agreeing with Run.
  Truth Test(const Record* subject, const EvaluationContext* context, const Value* variables) const;
  /// Whether conjunct `index` holds (Node::Test).
  Truth TestConjunct(std::size_t index, const Record* subject,
                     const EvaluationContext* context) const;
  const std::vector<std::string>& conjunct_keys() const { return conjuncts_.keys; }
  const Type& result_type() const { return result_type_; }
  const std::vector<std::string>& referenced_fields() const { return referenced_fields_; }

 private:
  // Calls `eval` with a frame for one run: the subject, context and variables, and the first
  // `local_count` of the comprehension variables' slots.
  template <typename Eval>
  auto WithFrame(const Record* subject, const EvaluationContext* context, const Value* variables,
                 int local_count, Eval eval) const;

  NodePtr root_;
  Conjuncts conjuncts_;
  int local_count_;
  bool local_time_;
  Type result_type_;
  std::vector<std::string> referenced_fields_;
};

struct PipelineOptions {
  ParseOptions parse;
  CheckEnvironment check;
  bool local_time = true;  ///< see CallContext::local_time
  const CommencementTable* commencement = nullptr;  ///< see CompileEnvironment::commencement
};

/// Parses, checks and compiles; nullptr (with `errors` filled) on any problem.
std::unique_ptr<const CompiledExpression> CompileExpression(std::string_view source,
                                                            const PipelineOptions& options,
                                                            std::vector<ExpressionError>* errors);

}  // namespace uofa::expr

#endif  // UOFA_ENGINE_EXPR_COMPILER_H_
