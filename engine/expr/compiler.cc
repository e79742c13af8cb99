#include "engine/expr/compiler.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <map>
#include <string>

#include "engine/expr/inline_values.h"

namespace uofa::expr {
namespace {

void AppendText(std::string_view text, std::string* key) {
  key->append(std::to_string(text.size())).append(":").append(text);
}

// A literal's kind and exact value.
void AppendLiteral(const Value& value, std::string* key) {
  key->append(std::to_string(static_cast<int>(value.kind()))).append("=");
  switch (value.kind()) {
    case ValueKind::kBool: key->append(value.as_bool() ? "1" : "0"); break;
    case ValueKind::kInt: key->append(std::to_string(value.as_int())); break;
    case ValueKind::kUint: key->append(std::to_string(value.as_uint())); break;
    case ValueKind::kDouble:
      key->append(std::to_string(std::bit_cast<std::uint64_t>(value.as_double())));
      break;
    case ValueKind::kString: AppendText(value.as_string(), key); break;
    case ValueKind::kBytes: AppendText(value.as_bytes(), key); break;
    default: break;  // null; a parser makes no literal of another kind
  }
}

// Appends what `e` is written as, whatever its spacing and parentheses: two expressions of the same
// subject type, parameters and code lists get the same key exactly when they are written alike.
void AppendKey(const Expr& e, std::string* key) {
  key->append("(").append(std::to_string(static_cast<int>(e.kind)));
  key->append(std::to_string(static_cast<int>(e.macro))).append(e.test_only ? "t" : "f");
  AppendText(e.name, key);
  AppendText(e.name2, key);
  if (e.kind == ExprKind::kLiteral) AppendLiteral(e.literal, key);
  if (e.target) {
    key->append("<");
    AppendKey(*e.target, key);
  }
  for (const ExprPtr& arg : e.args) AppendKey(*arg, key);
  key->append(")");
}

class Compiler {
 public:
  Compiler(std::vector<ExpressionError>* errors, bool local_time,
           const CommencementTable* commencement)
      : errors_(errors), local_time_(local_time), commencement_(commencement) {}

  // Compiles `e`, with the operands of its `&&` chain (`a && b && (c && d)`: a, b, c and d; `e`
  // alone when it is not a conjunction) and their keys added to `conjuncts`.
  NodePtr CompileConjunction(const Expr& e, CompiledExpression::Conjuncts* conjuncts) {
    if (IsAnd(e)) {
      NodePtr left = CompileConjunction(*e.args[0], conjuncts);
      return std::make_unique<AndNode>(std::move(left), CompileConjunction(*e.args[1], conjuncts));
    }
    NodePtr node = Compile(e);
    conjuncts->nodes.push_back(node.get());
    std::string key;
    AppendKey(e, &key);
    conjuncts->keys.push_back(std::move(key));
    conjuncts->local_counts.push_back(LocalsUsed(e));
    return node;
  }

  // One more than the highest comprehension variable's slot `e` binds; 0 for none. (A variable
  // is read only inside the comprehension that binds it.)
  static int LocalsUsed(const Expr& e) {
    int used = e.kind == ExprKind::kComprehension ? std::max(e.slot, e.slot2) + 1 : 0;
    if (e.target) used = std::max(used, LocalsUsed(*e.target));
    for (const ExprPtr& arg : e.args) used = std::max(used, LocalsUsed(*arg));
    return used;
  }

  NodePtr Compile(const Expr& e) {
    switch (e.kind) {
      case ExprKind::kLiteral:
        return std::make_unique<ConstantNode>(e.literal);
      case ExprKind::kIdent:
        return Name(e);
      case ExprKind::kSelect: {
        if (!e.target && e.resolution == Resolution::kSubjectField) {
          return std::make_unique<SubjectPresenceNode>(e.slot);
        }
        if (!e.target) return std::make_unique<PresenceNode>(Name(e));
        if (e.resolution == Resolution::kConstant || e.resolution == Resolution::kVariable ||
            e.resolution == Resolution::kUnknownName) {
          return Name(e);
        }
        const RecordType* record =
            e.target->type.kind() == TypeKind::kRecord ? e.target->type.record() : nullptr;
        int slot = e.resolution == Resolution::kRecordField ? e.slot : -1;
        return std::make_unique<SelectNode>(Compile(*e.target), e.name, record, slot, e.test_only);
      }
      case ExprKind::kCall:
        return Call(e);
      case ExprKind::kList: {
        std::vector<NodePtr> items;
        for (const ExprPtr& item : e.args) items.push_back(Compile(*item));
        bool constant = AllConstant(items);
        return Fold(std::make_unique<ListNode>(std::move(items)), constant);
      }
      case ExprKind::kMap: {
        std::vector<NodePtr> entries;
        for (const ExprPtr& item : e.args) entries.push_back(Compile(*item));
        bool constant = AllConstant(entries);
        return Fold(std::make_unique<MapNode>(std::move(entries)), constant);
      }
      case ExprKind::kComprehension: {
        if ((e.macro == MacroKind::kAll || e.macro == MacroKind::kExists) && e.slot2 < 0 &&
            e.target->kind == ExprKind::kList && e.target->args.size() == 1 && e.args.size() == 1) {
          return std::make_unique<BindOneNode>(e.macro, Compile(*e.target->args[0]), e.slot,
                                               Compile(*e.args[0]));
        }
        std::vector<NodePtr> args;
        for (const ExprPtr& arg : e.args) args.push_back(Compile(*arg));
        return std::make_unique<ComprehensionNode>(e.macro, Compile(*e.target), e.slot, e.slot2,
                                                   std::move(args));
      }
    }
    return std::make_unique<ErrorNode>("invalid expression");
  }

 private:
  // A list or map literal whose items are all constants, or a pure call on constants, is computed
  // once, here, rather than on every evaluation (and becomes a constant argument an overload can
  // prepare for, such as `in`).
  static bool AllConstant(const std::vector<NodePtr>& items) {
    return std::all_of(items.begin(), items.end(), [](const NodePtr& item) {
      return dynamic_cast<const ConstantNode*>(item.get()) != nullptr;
    });
  }
  NodePtr Fold(NodePtr node, bool constant) const {
    if (!constant) return node;
    Frame frame;
    frame.local_time = local_time_;
    Value value = node->Eval(frame);
    if (value.is_error()) return node;  // left to fail, with its message, when evaluated
    return std::make_unique<ConstantNode>(std::move(value));
  }

  NodePtr Name(const Expr& e) {
    switch (e.resolution) {
      case Resolution::kSubjectField:
        return std::make_unique<SubjectFieldNode>(e.slot);
      case Resolution::kVariable:
        return std::make_unique<VariableNode>(e.slot);
      case Resolution::kLocal:
        return std::make_unique<LocalNode>(e.slot);
      case Resolution::kConstant:
        return std::make_unique<ConstantNode>(e.constant);
      default:
        return std::make_unique<ErrorNode>("undeclared reference to '" + e.name + "'");
    }
  }

  static bool IsAnd(const Expr& e) {
    return e.kind == ExprKind::kCall && !e.target && e.name == "_&&_";
  }

  NodePtr Call(const Expr& e) {
    if (IsAnd(e)) {
      return std::make_unique<AndNode>(Compile(*e.args[0]), Compile(*e.args[1]));
    }
    if (!e.target && e.name == "_||_") {
      return std::make_unique<OrNode>(Compile(*e.args[0]), Compile(*e.args[1]));
    }
    if (!e.target && e.name == "_?_:_") {
      return std::make_unique<ConditionalNode>(Compile(*e.args[0]), Compile(*e.args[1]),
                                               Compile(*e.args[2]));
    }
    std::vector<NodePtr> args;
    if (e.target) args.push_back(Compile(*e.target));
    for (const ExprPtr& arg : e.args) args.push_back(Compile(*arg));
    // Constant arguments let an overload prepare its work once (a regular expression, a set).
    std::shared_ptr<const void> prepared;
    for (const Overload* overload : e.overloads) {
      if (overload->prepare == nullptr) continue;
      PrepareInputs inputs;
      inputs.commencement = commencement_;
      for (const NodePtr& arg : args) {
        const auto* constant = dynamic_cast<const ConstantNode*>(arg.get());
        inputs.constants.push_back(constant != nullptr ? &constant->value() : nullptr);
      }
      std::string error;
      prepared = overload->prepare(inputs, &error);
      if (!error.empty()) errors_->push_back(ExpressionError{e.offset, error});
      break;
    }
    // A pure function of constants (`duration(string(params.minutes) + 'm')`) is computed once,
    // here.
    bool constant =
        AllConstant(args) && std::none_of(e.overloads.begin(), e.overloads.end(),
                                          [](const Overload* o) { return o->reads_evaluation; });
    const Node* negated = !e.target && e.name == "!_" && args.size() == 1 ? args[0].get() : nullptr;
    const bool compares =
        !e.target && args.size() == 2 && !constant && ComparisonNode::Compares(e.name);
    const Node* left = compares ? args[0].get() : nullptr;
    const Node* right = compares ? args[1].get() : nullptr;
    // `x in codes.list`, with the list's members prepared as a set.
    const auto* members = !e.target && e.name == "@in" && args.size() == 2 && !constant &&
                                  prepared != nullptr
                              ? dynamic_cast<const ConstantNode*>(args[1].get())
                              : nullptr;
    const Node* needle = members != nullptr ? args[0].get() : nullptr;
    auto made =
        std::make_unique<CallNode>(e.name, e.overloads, std::move(args), std::move(prepared));
    if (compares) return std::make_unique<ComparisonNode>(std::move(made), e.name, left, right);
    if (members != nullptr) {
      return std::make_unique<MembershipNode>(std::move(made), needle, &members->value());
    }
    NodePtr call = Fold(std::move(made), constant);
    if (negated == nullptr || constant) return call;
    return std::make_unique<NotNode>(std::move(call), negated);
  }

  std::vector<ExpressionError>* errors_;
  bool local_time_;
  const CommencementTable* commencement_;
};

// Comprehension variables that range over a subject list field, by local slot:
// in `interventions.all(i, has(i.in_care_plan))`, `i` stands for "interventions".
using LocalPaths = std::map<int, std::string>;

// The subject field path an expression denotes (`patient.nhs_number`,
// `interventions.in_care_plan` through a macro variable), or "" when none.
std::string FieldPath(const Expr& e, const LocalPaths& locals) {
  bool name = e.kind == ExprKind::kIdent || (e.kind == ExprKind::kSelect && !e.target);
  if (name && e.resolution == Resolution::kSubjectField) return e.name;
  if (e.kind == ExprKind::kIdent && e.resolution == Resolution::kLocal) {
    auto it = locals.find(e.slot);
    return it == locals.end() ? "" : it->second;
  }
  if (e.kind == ExprKind::kSelect && e.target && e.resolution == Resolution::kRecordField) {
    std::string prefix = FieldPath(*e.target, locals);
    if (!prefix.empty()) return prefix + "." + e.name;
  }
  return "";
}

void CollectFields(const Expr& e, LocalPaths& locals, std::vector<std::string>* out) {
  std::string path = FieldPath(e, locals);
  if (!path.empty()) {
    if (std::find(out->begin(), out->end(), path) == out->end()) out->push_back(path);
    return;
  }
  if (e.kind == ExprKind::kComprehension && e.target) {
    std::string range = FieldPath(*e.target, locals);
    // Over a list, the element is the only variable, or the second of two (index, element).
    int element_slot = e.name2.empty() ? e.slot : e.slot2;
    if (!range.empty() && element_slot >= 0) locals[element_slot] = range;
  }
  if (e.target) CollectFields(*e.target, locals, out);
  for (const ExprPtr& arg : e.args) CollectFields(*arg, locals, out);
}

}  // namespace

// Keeps the most specific paths: "patient" goes when "patient.nhs_number" is there.
void KeepMostSpecificPaths(std::vector<std::string>* paths) {
  std::vector<std::string> kept;
  for (const std::string& path : *paths) {
    bool is_prefix = std::any_of(paths->begin(), paths->end(), [&](const std::string& other) {
      return other.size() > path.size() && other.compare(0, path.size(), path) == 0 &&
             other[path.size()] == '.';
    });
    if (!is_prefix) kept.push_back(path);
  }
  *paths = std::move(kept);
}

template <typename Eval>
auto CompiledExpression::WithFrame(const Record* subject, const EvaluationContext* context,
                                   const Value* variables, int local_count, Eval eval) const {
  Frame frame;
  frame.subject = subject;
  frame.context = context;
  frame.variables = variables;
  frame.local_time = local_time_;
  // Most expressions, and most conjuncts, have no comprehension variables: nothing to construct
  // and destroy per run.
  if (local_count == 0) return eval(frame);
  constexpr int kInlineLocals = 8;
  if (local_count <= kInlineLocals) {
    InlineValues<kInlineLocals> locals;  // constructs only the local_count used
    for (int i = 0; i < local_count; ++i) locals.Add(Value());
    std::array<const Value*, kInlineLocals> bound;
    frame.locals = locals.data();
    frame.bound = bound.data();
    return eval(frame);
  }
  std::vector<Value> locals(static_cast<std::size_t>(local_count));
  std::vector<const Value*> bound(static_cast<std::size_t>(local_count));
  frame.locals = locals.data();
  frame.bound = bound.data();
  return eval(frame);
}

Value CompiledExpression::Run(const Record* subject, const EvaluationContext* context,
                              const Value* variables) const {
  return WithFrame(subject, context, variables, local_count_,
                   [&](Frame& frame) { return root_->Eval(frame); });
}

Truth CompiledExpression::Test(const Record* subject, const EvaluationContext* context,
                               const Value* variables) const {
  return WithFrame(subject, context, variables, local_count_,
                   [&](Frame& frame) { return root_->Test(frame); });
}

Truth CompiledExpression::TestConjunct(std::size_t index, const Record* subject,
                                       const EvaluationContext* context) const {
  const Node* node = conjuncts_.nodes[index];
  return WithFrame(subject, context, nullptr, conjuncts_.local_counts[index],
                   [&](Frame& frame) { return node->Test(frame); });
}

std::unique_ptr<const CompiledExpression> CompileExpression(std::string_view source,
                                                            const PipelineOptions& options,
                                                            std::vector<ExpressionError>* errors) {
  std::size_t before = errors->size();
  ExprPtr root = Parse(source, errors, options.parse);
  if (!root) return nullptr;
  CheckResult checked = Check(root.get(), options.check, errors);
  if (!checked.ok) return nullptr;
  CompiledExpression::Conjuncts conjuncts;
  NodePtr node = Compiler(errors, options.local_time, options.commencement)
                     .CompileConjunction(*root, &conjuncts);
  if (errors->size() != before) return nullptr;
  std::vector<std::string> fields;
  LocalPaths locals;
  CollectFields(*root, locals, &fields);
  KeepMostSpecificPaths(&fields);
  return std::make_unique<CompiledExpression>(std::move(node), std::move(conjuncts),
                                              checked.local_count, options.local_time, root->type,
                                              std::move(fields));
}

}  // namespace uofa::expr
