// The abstract syntax tree of an expression. Every node keeps the byte offset of the token it
// came from, for error messages. The checker annotates nodes in place (type, what a name
// resolves to, the overloads a call may use); the compiler reads the annotations.
#ifndef UOFA_ENGINE_EXPR_AST_H_
#define UOFA_ENGINE_EXPR_AST_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/expr/type.h"
#include "engine/expr/value.h"

namespace uofa::expr {

struct Overload;

enum class ExprKind : std::uint8_t {
  kLiteral,        ///< `literal`
  kIdent,          ///< `name`
  kSelect,         ///< `target.name`; `test_only` for has(target.name), or has(name) without target
  kCall,           ///< `name(args)`, or `target.name(args)` when target is set; operators too
  kList,           ///< `[args...]`
  kMap,            ///< `{args[0]: args[1], ...}`
  kComprehension,  ///< a macro over `target` with iteration variable `name`
};

enum class MacroKind : std::uint8_t {
  kNone,
  kAll,        ///< target.all(x, args[0])
  kExists,     ///< target.exists(x, args[0])
  kExistsOne,  ///< target.exists_one(x, args[0])
  kMap,        ///< target.map(x, args[0])
  kMapFilter,  ///< target.map(x, args[0] filter, args[1] transform)
  kFilter,     ///< target.filter(x, args[0])
  // Two-variable forms (index or key `name`, element or value `name2`):
  kTransformList,  ///< target.transformList(i, v, [args[0] filter,] args[last])
  kTransformMap,   ///< target.transformMap(k, v, [args[0] filter,] args[last])
};

/// What the checker resolved a name or selection to.
enum class Resolution : std::uint8_t {
  kUnresolved,    ///< not checked, or left to run time
  kSubjectField,  ///< a field of the subject record: `slot`
  kVariable,      ///< a declared variable: `slot` in the bindings
  kLocal,         ///< a comprehension variable: `slot` in the local frame
  kConstant,      ///< folded to `constant` (params.x, codes.x)
  kRecordField,   ///< select of a field of a statically known record type: `slot`
  kUnknownName,   ///< unchecked mode: evaluates to an error naming the identifier
};

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  std::size_t offset = 0;
  int depth = 1;  ///< height of this subtree

  Value literal;                 ///< kLiteral
  std::string name;              ///< identifier, field, function or iteration variable
  std::unique_ptr<Expr> target;  ///< select operand, receiver, comprehension range
  std::vector<std::unique_ptr<Expr>> args;
  bool test_only = false;  ///< kSelect inside has()
  MacroKind macro = MacroKind::kNone;
  std::string name2;  ///< kComprehension: the second iteration variable, if any

  // Checker annotations.
  Type type;
  Resolution resolution = Resolution::kUnresolved;
  int slot = -1;
  int slot2 = -1;  ///< kComprehension: slot of `name2`
  Value constant;
  std::vector<const Overload*> overloads;  ///< kCall: candidates left after type checking
};

using ExprPtr = std::unique_ptr<Expr>;

}  // namespace uofa::expr

#endif  // UOFA_ENGINE_EXPR_AST_H_
