// Parser: tokens -> AST, by recursive descent over CEL's grammar. Macros (has, all, exists,
// exists_one, map, filter) are recognised here, as in CEL, and become their own nodes. Chains of
// && and || are built as balanced trees. Nesting is bounded (kMaxNesting), so a hostile
// expression is an error, never a stack overflow.
#ifndef UOFA_ENGINE_EXPR_PARSER_H_
#define UOFA_ENGINE_EXPR_PARSER_H_

#include <string_view>
#include <vector>

#include "engine/expr/ast.h"
#include "engine/expr/program.h"

namespace uofa::expr {

/// The deepest nesting of parentheses, calls, lists and operands the parser accepts; the
/// checker, compiler and evaluator recurse no deeper than this.
inline constexpr int kMaxNesting = 200;

struct ParseOptions {
  bool enable_macros = true;
};

/// Parses `source`. On a syntax error appends it to `errors` (stopping at the first) and
/// returns nullptr.
ExprPtr Parse(std::string_view source, std::vector<ExpressionError>* errors,
              const ParseOptions& options = {});

}  // namespace uofa::expr

#endif  // UOFA_ENGINE_EXPR_PARSER_H_
