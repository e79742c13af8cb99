#include "engine/expr/checker.h"

#include <algorithm>
#include <array>

#include "engine/expr/functions/registry.h"

namespace uofa::expr {
namespace {

constexpr std::array<std::string_view, 12> kTypeNames = {"int",
                                                         "uint",
                                                         "double",
                                                         "bool",
                                                         "string",
                                                         "bytes",
                                                         "list",
                                                         "map",
                                                         "null_type",
                                                         "type",
                                                         "google.protobuf.Timestamp",
                                                         "google.protobuf.Duration"};

bool IsTypeName(std::string_view name) {
  return std::find(kTypeNames.begin(), kTypeNames.end(), name) != kTypeNames.end();
}

bool IsNumeric(const Type& t) {
  return t.kind() == TypeKind::kInt || t.kind() == TypeKind::kUint || t.kind() == TypeKind::kDouble;
}

std::string Quote(std::string_view name) { return "'" + std::string(name) + "'"; }

class Checker {
 public:
  Checker(const CheckEnvironment& env, std::vector<ExpressionError>* errors)
      : env_(env), errors_(errors), registry_(FunctionRegistry::Builtins()) {}

  CheckResult Run(Expr* root) {
    std::size_t before = errors_->size();
    Visit(root);
    return CheckResult{errors_->size() == before, next_slot_};
  }

 private:
  struct Local {
    std::string name;
    int slot;
    Type type;
  };

  void Error(std::size_t offset, std::string message) {
    errors_->push_back(ExpressionError{offset, std::move(message)});
  }

  void Visit(Expr* e) {
    switch (e->kind) {
      case ExprKind::kLiteral:
        e->type = Type::OfValue(e->literal);
        return;
      case ExprKind::kIdent:
        VisitIdent(e);
        return;
      case ExprKind::kSelect:
        VisitSelect(e);
        return;
      case ExprKind::kCall:
        VisitCall(e);
        return;
      case ExprKind::kList: {
        Type element;
        bool first = true;
        for (ExprPtr& item : e->args) {
          Visit(item.get());
          element = first ? item->type : Join(element, item->type);
          first = false;
        }
        e->type = Type::List(element);
        return;
      }
      case ExprKind::kMap: {
        Type key, value;
        for (std::size_t i = 0; i + 1 < e->args.size(); i += 2) {
          Visit(e->args[i].get());
          Visit(e->args[i + 1].get());
          key = i == 0 ? e->args[i]->type : Join(key, e->args[i]->type);
          value = i == 0 ? e->args[i + 1]->type : Join(value, e->args[i + 1]->type);
          TypeKind k = e->args[i]->type.kind();
          if (env_.check_types && k != TypeKind::kDyn && k != TypeKind::kBool &&
              k != TypeKind::kInt && k != TypeKind::kUint && k != TypeKind::kString) {
            Error(e->args[i]->offset,
                  "unsupported map key type '" + e->args[i]->type.ToString() + "'");
          }
        }
        e->type = Type::Map(key, value);
        return;
      }
      case ExprKind::kComprehension:
        VisitComprehension(e);
        return;
    }
  }

  const Local* FindLocal(std::string_view name) const {
    for (auto it = locals_.rbegin(); it != locals_.rend(); ++it) {
      if (it->name == name) return &*it;
    }
    return nullptr;
  }

  int FindVariable(std::string_view name) const {
    if (env_.variables == nullptr) return -1;
    for (std::size_t i = 0; i < env_.variables->size(); ++i) {
      if ((*env_.variables)[i].first == name) return static_cast<int>(i);
    }
    return -1;
  }

  // Resolves a plain name; false when it is not declared anywhere.
  bool ResolveName(Expr* e, std::string_view name) {
    if (const Local* local = FindLocal(name)) {
      e->resolution = Resolution::kLocal;
      e->slot = local->slot;
      e->type = local->type;
      return true;
    }
    int variable = FindVariable(name);
    if (variable >= 0) {
      e->resolution = Resolution::kVariable;
      e->slot = variable;
      e->type = (*env_.variables)[variable].second;
      return true;
    }
    if (env_.subject != nullptr) {
      if (const FieldDef* field = env_.subject->Find(name)) {
        e->resolution = Resolution::kSubjectField;
        e->slot = field->slot;
        e->type = Type::OfField(*field);
        return true;
      }
    }
    if (IsTypeName(name)) {
      e->resolution = Resolution::kConstant;
      e->constant = Value::Type(std::string(name));
      e->type = Type(TypeKind::kType);
      return true;
    }
    return false;
  }

  void VisitIdent(Expr* e) {
    if (ResolveName(e, e->name)) return;
    if (e->name == "params" || e->name == "codes") {
      Error(e->offset, Quote(e->name) + " needs a name, as in '" + e->name + ".NAME'");
      return;
    }
    Unknown(e, e->name);
  }

  void Unknown(Expr* e, const std::string& name) {
    if (!env_.check_types) {
      e->resolution = Resolution::kUnknownName;
      e->name = name;
      e->type = Type::Dyn();
      return;
    }
    Error(e->offset, "undeclared reference to " + Quote(name));
  }

  // The dotted name of an identifier chain (`a.b.c`), or "" when `e` is not one.
  static std::string QualifiedName(const Expr* e) {
    if (e->kind == ExprKind::kIdent) return e->name;
    if (e->kind == ExprKind::kSelect && !e->test_only && e->target) {
      std::string prefix = QualifiedName(e->target.get());
      if (!prefix.empty()) return prefix + "." + e->name;
    }
    return "";
  }

  bool IsShadowed(std::string_view name) const {
    return FindLocal(name) != nullptr || FindVariable(name) >= 0 ||
           (env_.subject != nullptr && env_.subject->Find(name) != nullptr);
  }

  void VisitSelect(Expr* e) {
    if (!e->target) {
      // has(name): the presence of a top-level field or variable.
      if (!ResolveName(e, e->name)) Unknown(e, e->name);
      e->type = Type(TypeKind::kBool);
      return;
    }
    Expr* target = e->target.get();
    // Namespaces folded to constants: params.NAME and codes.ID.
    if (target->kind == ExprKind::kIdent && !e->test_only && !IsShadowed(target->name)) {
      if (target->name == "params") return ResolveParam(e);
      if (target->name == "codes") return ResolveCodes(e);
    }
    // A declared variable or type with a dotted name.
    if (!e->test_only) {
      std::string qualified = QualifiedName(e);
      if (!qualified.empty() && qualified.find('.') != std::string::npos) {
        std::string root = qualified.substr(0, qualified.find('.'));
        if (!IsShadowed(root) && ResolveName(e, qualified)) return;
      }
    }
    Visit(target);
    const Type& t = target->type;
    switch (t.kind()) {
      case TypeKind::kRecord: {
        const RecordType* record = t.record();
        const FieldDef* field = record != nullptr ? record->Find(e->name) : nullptr;
        if (field == nullptr) {
          if (record != nullptr) {
            Error(e->offset, "no such field " + Quote(e->name) + " on " + Quote(record->name()));
          }
          e->type = Type::Dyn();
          break;
        }
        e->resolution = Resolution::kRecordField;
        e->slot = field->slot;
        e->type = Type::OfField(*field);
        break;
      }
      case TypeKind::kMap:
        e->type = t.second();
        break;
      case TypeKind::kDyn:
      case TypeKind::kError:
        e->type = Type::Dyn();
        break;
      default:
        if (env_.check_types) {
          Error(e->offset, "type " + Quote(t.ToString()) + " has no field " + Quote(e->name));
        }
        e->type = Type::Dyn();
        break;
    }
    if (e->test_only) e->type = Type(TypeKind::kBool);
  }

  void ResolveParam(Expr* e) {
    if (env_.params != nullptr) {
      auto it = env_.params->find(e->name);
      if (it != env_.params->end()) {
        e->resolution = Resolution::kConstant;
        e->constant = it->second;
        e->type = Type::OfValue(it->second);
        return;
      }
    }
    Error(e->offset, "unknown parameter " + Quote(e->name));
  }

  void ResolveCodes(Expr* e) {
    if (env_.codes != nullptr) {
      if (const CodeList* list = env_.codes->Find(e->name)) {
        ValueMap entries;
        entries.reserve(list->codes.size());
        for (const auto& [code, label] : list->codes) {
          entries.emplace_back(Value::String(code), Value::String(label));
        }
        e->resolution = Resolution::kConstant;
        e->constant = Value::Map(std::move(entries));
        e->type = Type::Map(Type(TypeKind::kString), Type(TypeKind::kString));
        return;
      }
      for (const CodeList* list : env_.codes->All()) {
        auto group = list->groups.find(e->name);
        if (group == list->groups.end()) continue;
        ValueList items;
        for (const std::string& code : group->second) items.push_back(Value::String(code));
        e->resolution = Resolution::kConstant;
        e->constant = Value::List(std::move(items));
        e->type = Type::List(Type(TypeKind::kString));
        return;
      }
    }
    Error(e->offset, "unknown code list " + Quote(e->name));
  }

  static std::string ArgumentTypes(const std::vector<Type>& types) {
    std::string out = "(";
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (i > 0) out += ", ";
      out += types[i].ToString();
    }
    return out + ")";
  }

  void NoOverload(Expr* e, const std::vector<Type>& types) {
    Error(e->offset, "no matching overload for " + Quote(DisplayName(e->name)) + " applied to " +
                         Quote(ArgumentTypes(types)));
  }

  void ExpectBool(Expr* e, std::string_view context) {
    TypeKind k = e->type.kind();
    if (env_.check_types && k != TypeKind::kBool && k != TypeKind::kDyn && k != TypeKind::kError) {
      Error(e->offset, std::string(context) + " must be bool, not " + Quote(e->type.ToString()));
    }
  }

  // `[]` where a list of that kind is expected (or `{}` for a map).
  static bool IsEmptyLiteral(const Expr& e, const Type& other) {
    if (!e.args.empty()) return false;
    return (e.kind == ExprKind::kList && other.kind() == TypeKind::kList) ||
           (e.kind == ExprKind::kMap && other.kind() == TypeKind::kMap);
  }

  void VisitCall(Expr* e) {
    if (e->target) Visit(e->target.get());
    for (ExprPtr& arg : e->args) Visit(arg.get());
    const std::string& name = e->name;
    if (!e->target && (name == "_&&_" || name == "_||_")) {
      for (ExprPtr& arg : e->args)
        ExpectBool(arg.get(), "operand of '" + std::string(DisplayName(name)) + "'");
      e->type = Type(TypeKind::kBool);
      return;
    }
    if (!e->target && name == "_?_:_") {
      ExpectBool(e->args[0].get(), "condition of '?:'");
      // An empty list or map literal takes the other branch's type: `(has(reviews) ? reviews :
      // [])` is a list of reviews, whose fields are then known (and read by slot).
      const Expr& yes = *e->args[1];
      const Expr& no = *e->args[2];
      if (IsEmptyLiteral(no, yes.type)) {
        e->type = yes.type;
      } else if (IsEmptyLiteral(yes, no.type)) {
        e->type = no.type;
      } else {
        e->type = Join(yes.type, no.type);
      }
      return;
    }
    std::vector<Type> types;
    if (e->target) types.push_back(e->target->type);
    for (ExprPtr& arg : e->args) types.push_back(arg->type);
    std::vector<const Overload*> candidates =
        registry_.Find(name, e->target != nullptr, static_cast<int>(types.size()));
    if (candidates.empty()) {
      if (!registry_.Has(name)) {
        if (!env_.check_types) {
          e->type = Type::Dyn();
          return;  // no candidates: evaluates to an error
        }
        Error(e->offset, "unknown function " + Quote(name));
      } else if (env_.check_types) {
        Error(e->offset, "wrong number of arguments to " + Quote(DisplayName(name)));
      }
      e->type = Type::Dyn();
      return;
    }
    if (name == "_==_" || name == "_!=_") {
      const Type& a = types[0];
      const Type& b = types[1];
      bool comparable = a.is_dyn() || b.is_dyn() || a.kind() == TypeKind::kNull ||
                        b.kind() == TypeKind::kNull || (IsNumeric(a) && IsNumeric(b)) ||
                        IsAssignable(a, b) || IsAssignable(b, a);
      if (!comparable && env_.check_types) NoOverload(e, types);
      e->overloads = candidates;
      e->type = Type(TypeKind::kBool);
      return;
    }
    std::vector<const Overload*> fitting;
    for (const Overload* o : candidates) {
      bool fits = true;
      for (std::size_t i = 0; i < types.size() && fits; ++i) {
        fits = IsAssignable(Type(o->params[i]), types[i]);
      }
      if (fits) fitting.push_back(o);
    }
    if (fitting.empty()) {
      if (env_.check_types) NoOverload(e, types);
      fitting = candidates;
    }
    e->overloads = fitting;
    Type result;
    bool first = true;
    for (const Overload* o : fitting) {
      Type r = o->result_type != nullptr ? o->result_type(types) : Type(o->result);
      result = first ? r : Join(result, r);
      first = false;
    }
    e->type = result;
  }

  void VisitComprehension(Expr* e) {
    Visit(e->target.get());
    const Type& range = e->target->type;
    bool two = !e->name2.empty();
    Type first, second;  // one variable: element or key; two: index or key, then element or value
    switch (range.kind()) {
      case TypeKind::kList:
        if (two) {
          first = Type(TypeKind::kInt);
          second = range.first();
        } else {
          first = range.first();
        }
        break;
      case TypeKind::kMap:
        first = range.first();
        second = range.second();
        break;
      case TypeKind::kDyn:
      case TypeKind::kError:
        break;
      default:
        if (env_.check_types) {
          Error(e->target->offset,
                "cannot iterate over " + Quote(range.ToString()) + " (a list or map is needed)");
        }
        break;
    }
    int slot = next_slot_++;
    locals_.push_back(Local{e->name, slot, first});
    if (two) {
      e->slot2 = next_slot_++;
      locals_.push_back(Local{e->name2, e->slot2, second});
    }
    for (ExprPtr& arg : e->args) Visit(arg.get());
    locals_.pop_back();
    if (two) locals_.pop_back();
    e->slot = slot;
    bool filtered = e->args.size() == 2;
    const Type& last = e->args.back()->type;
    switch (e->macro) {
      case MacroKind::kAll:
      case MacroKind::kExists:
      case MacroKind::kExistsOne:
        ExpectBool(e->args[0].get(), "predicate");
        e->type = Type(TypeKind::kBool);
        break;
      case MacroKind::kMap:
        e->type = Type::List(last);
        break;
      case MacroKind::kMapFilter:
      case MacroKind::kTransformList:
        if (filtered) ExpectBool(e->args[0].get(), "filter");
        e->type = Type::List(last);
        break;
      case MacroKind::kTransformMap:
        if (filtered) ExpectBool(e->args[0].get(), "filter");
        e->type = Type::Map(range.kind() == TypeKind::kList ? Type(TypeKind::kInt) : first, last);
        break;
      case MacroKind::kFilter:
        ExpectBool(e->args[0].get(), "predicate");
        e->type = Type::List(first);
        break;
      case MacroKind::kNone:
        break;
    }
  }

  const CheckEnvironment& env_;
  std::vector<ExpressionError>* errors_;
  const FunctionRegistry& registry_;
  std::vector<Local> locals_;
  int next_slot_ = 0;
};

}  // namespace

CheckResult Check(Expr* root, const CheckEnvironment& environment,
                  std::vector<ExpressionError>* errors) {
  return Checker(environment, errors).Run(root);
}

}  // namespace uofa::expr
