// Checker: resolves every name (subject fields, declared variables, comprehension variables,
// params.NAME and codes.ID constants, type names), assigns a type to every node and narrows each
// call to the overloads its argument types allow. Problems are errors at the offending token.
#ifndef UOFA_ENGINE_EXPR_CHECKER_H_
#define UOFA_ENGINE_EXPR_CHECKER_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/expr/ast.h"
#include "engine/expr/program.h"
#include "engine/expr/type.h"

namespace uofa::expr {

struct CheckEnvironment {
  const RecordType* subject = nullptr;  ///< top-level identifiers are its fields
  const std::map<std::string, Value, std::less<>>* params = nullptr;
  const CodeRegistry* codes = nullptr;
  /// Declared variables (name, type), resolved to their index here.
  const std::vector<std::pair<std::string, Type>>* variables = nullptr;
  /// false: type errors are left to run time (CEL's unchecked evaluation), and unknown names
  /// evaluate to errors.
  bool check_types = true;
};

struct CheckResult {
  bool ok = false;
  int local_count = 0;  ///< comprehension variable slots the program needs
};

/// Checks and annotates `root` in place; appends every problem found to `errors`.
CheckResult Check(Expr* root, const CheckEnvironment& environment,
                  std::vector<ExpressionError>* errors);

}  // namespace uofa::expr

#endif  // UOFA_ENGINE_EXPR_CHECKER_H_
