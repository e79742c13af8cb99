// Evaluation of compiled nodes. Errors are values: strict operations pass the first error on,
// while &&, ||, ?: and the all/exists macros absorb them as CEL specifies.
#include <array>
#include <span>

#include "engine/expr/functions/builtins.h"
#include "engine/expr/inline_values.h"
#include "engine/expr/nodes.h"
#include "engine/expr/value_ops.h"
#include "engine/record/record_type.h"

namespace uofa::expr {
namespace {

const Value kNullValue;

// Evaluates `node` into `storage`.
template <std::size_t N>
[[gnu::noinline]] const Value* EvalInto(const Node& node, Frame& frame,
                                        InlineValues<N>* storage) {
  return storage->Add(node.Eval(frame));
}

// Evaluates `node` into `storage` unless it can hand out a reference, as most operands can (a
// field, a constant, a variable): that case is inlined where an operand is needed, and then no
// value is constructed or destroyed.
template <std::size_t N>
[[gnu::always_inline]] inline const Value* Operand(const Node& node, Frame& frame,
                                                    InlineValues<N>* storage) {
  if (const Value* ref = node.Ref(frame)) return ref;
  return EvalInto(node, frame, storage);
}

Value NotBool(std::string_view op) {
  return Value::Error("no matching overload for '" + std::string(op) + "'");
}

// The error a macro's predicate gives for an item it is neither true nor false of: the
// predicate's own error, or that it is not a boolean.
Value NeitherTrueNorFalse(const Node& predicate, Frame& frame, std::string_view macro) {
  Value value = predicate.Eval(frame);
  return value.is_error() ? value : NotBool(macro);
}

// The comparisons: each operator's own overload, and the orderings of its operands for which it is
// true (for the kinds ComparisonNode compares, equal values are those ordered equal).
struct Comparison {
  std::string_view function;
  FunctionImpl impl;
  bool when_less, when_equal, when_greater;
};
const Comparison kComparisons[] = {
    {"_==_", builtins::Equal, false, true, false},
    {"_!=_", builtins::NotEqual, true, false, true},
    {"_<_", builtins::Less, true, false, false},
    {"_<=_", builtins::LessOrEqual, true, true, false},
    {"_>_", builtins::Greater, false, false, true},
    {"_>=_", builtins::GreaterOrEqual, false, true, true},
};

const Comparison* FindComparison(std::string_view function) {
  for (const Comparison& comparison : kComparisons) {
    if (comparison.function == function) return &comparison;
  }
  return nullptr;
}

// For the kind of each of `samples`, whether `call` would hand a value of that kind to `impl`:
// the sample beside `second`, or beside itself when `second` is null.
KindFlags KindsHandedTo(const CallNode& call, FunctionImpl impl, std::span<const Value> samples,
                        const Value* second) {
  KindFlags handed{};
  for (const Value& sample : samples) {
    const std::array<const Value*, 2> values = {&sample, second != nullptr ? second : &sample};
    const Overload* overload = call.Selected(Args(values.data(), 2));
    handed[static_cast<std::size_t>(sample.kind())] = overload != nullptr && overload->impl == impl;
  }
  return handed;
}

}  // namespace

Truth Node::Test(Frame& frame) const {
  if (const Value* ref = Ref(frame)) return TruthOf(*ref);
  return TruthOf(Eval(frame));
}

const Value* SubjectFieldNode::Ref(Frame& frame) const {
  if (frame.subject == nullptr || slot_ >= static_cast<int>(frame.subject->fields.size())) {
    return &kNullValue;
  }
  return &frame.subject->fields[slot_];
}

// A field of a record of the type known when the rule was compiled (`i.type_code` of an
// intervention) is found where the select is made; anything else by FindElsewhere.
[[gnu::always_inline]] inline const Value* SelectNode::Find(const Value& operand) const {
  if (operand.kind() == ValueKind::kRecord) {
    const Record& record = operand.as_record();
    if (record.type == record_ && slot_ >= 0 &&
        slot_ < static_cast<int>(record.fields.size())) {
      return &record.fields[slot_];
    }
  }
  return FindElsewhere(operand);
}

const Value* SelectNode::FindElsewhere(const Value& operand) const {
  if (operand.kind() == ValueKind::kRecord) {
    const Record& record = operand.as_record();
    int slot = slot_;
    if (record.type != record_ || slot < 0) {
      const FieldDef* field = record.type != nullptr ? record.type->Find(field_) : nullptr;
      if (field == nullptr) return nullptr;
      slot = field->slot;
    }
    if (slot >= static_cast<int>(record.fields.size())) return &kNullValue;
    return &record.fields[slot];
  }
  if (operand.kind() == ValueKind::kMap) {
    for (const auto& [key, value] : operand.as_map()) {
      if (key.kind() == ValueKind::kString && key.as_string() == field_) return &value;
    }
  }
  return nullptr;
}

Truth SelectNode::Presence(const Value& operand) const {
  switch (operand.kind()) {
    case ValueKind::kRecord: {
      const Value* found = Find(operand);
      if (found == nullptr) return Truth::kOther;  // no such field
      return found->is_null() ? Truth::kFalse : Truth::kTrue;
    }
    case ValueKind::kMap: return Find(operand) != nullptr ? Truth::kTrue : Truth::kFalse;
    // A missing nested record has no fields: has(patient.name) is false when patient is.
    case ValueKind::kNull: return Truth::kFalse;
    default: return Truth::kOther;  // an error, or a value without fields
  }
}

Value SelectNode::Select(const Value& operand) const {
  if (operand.is_error()) return operand;
  if (test_only_) {
    const Truth present = Presence(operand);
    if (present != Truth::kOther) return Value::Bool(present == Truth::kTrue);
    if (operand.kind() == ValueKind::kRecord) return Value::Error("no such field '" + field_ + "'");
    return Value::Error("invalid type for has(): '" + std::string(ValueKindName(operand.kind())) +
                        "'");
  }
  const Value* found = Find(operand);
  if (found != nullptr) return *found;
  switch (operand.kind()) {
    case ValueKind::kRecord:
      return Value::Error("no such field '" + field_ + "'");
    case ValueKind::kMap:
      return Value::Error("no such key: '" + field_ + "'");
    case ValueKind::kNull:
      return Value::Error("cannot read '" + field_ + "' of a missing value");
    default:
      return Value::Error("type '" + std::string(ValueKindName(operand.kind())) +
                          "' has no field '" + field_ + "'");
  }
}

const Value* SelectNode::Ref(Frame& frame) const {
  if (test_only_) return nullptr;
  const Value* operand = target_->Ref(frame);
  if (operand == nullptr) return nullptr;
  return Find(*operand);
}

Value SelectNode::Eval(Frame& frame) const {
  InlineValues<1> storage;
  const Value* operand = Operand(*target_, frame, &storage);
  return Select(*operand);
}

Truth SelectNode::Test(Frame& frame) const {
  if (!test_only_) return Node::Test(frame);
  InlineValues<1> storage;
  return Presence(*Operand(*target_, frame, &storage));
}

Value PresenceNode::Eval(Frame& frame) const {
  InlineValues<1> storage;
  const Value* value = Operand(*operand_, frame, &storage);
  if (value->is_error()) return *value;
  return Value::Bool(!value->is_null());
}

Truth PresenceNode::Test(Frame& frame) const {
  InlineValues<1> storage;
  const Value* value = Operand(*operand_, frame, &storage);
  if (value->is_error()) return Truth::kOther;
  return value->is_null() ? Truth::kFalse : Truth::kTrue;
}

Value SubjectPresenceNode::Eval(Frame& frame) const {
  const Truth present = Test(frame);
  if (present == Truth::kOther) return frame.subject->fields[slot_];  // an error, as PresenceNode
  return Value::Bool(present == Truth::kTrue);
}

Truth SubjectPresenceNode::Test(Frame& frame) const {
  const Record* subject = frame.subject;
  if (subject == nullptr || slot_ >= static_cast<int>(subject->fields.size())) return Truth::kFalse;
  const Value& value = subject->fields[slot_];
  if (value.is_error()) return Truth::kOther;
  return value.is_null() ? Truth::kFalse : Truth::kTrue;
}

Value CallNode::Eval(Frame& frame) const {
  constexpr std::size_t kInline = 4;
  std::size_t n = args_.size();
  if (n <= kInline) {
    // Most arguments are fields or constants read in place: a value is constructed (and
    // destroyed) only for an argument that has to be computed.
    InlineValues<kInline> storage;
    std::array<const Value*, kInline> values;
    for (std::size_t i = 0; i < n; ++i) {
      values[i] = Operand(*args_[i], frame, &storage);
      if (values[i]->is_error()) return *values[i];
    }
    return Apply(Args(values.data(), static_cast<int>(n)), frame);
  }
  std::vector<Value> storage(n);
  std::vector<const Value*> values(n);
  for (std::size_t i = 0; i < n; ++i) {
    values[i] = args_[i]->Ref(frame);
    if (values[i] == nullptr) {
      storage[i] = args_[i]->Eval(frame);
      values[i] = &storage[i];
    }
    if (values[i]->is_error()) return *values[i];
  }
  return Apply(Args(values.data(), static_cast<int>(n)), frame);
}

Value CallNode::Apply(const Args& args, Frame& frame) const {
  if (const Overload* overload = Selected(args)) {
    CallContext context;
    context.evaluation = frame.context;
    context.subject = frame.subject;
    context.prepared = prepared_.get();
    context.local_time = frame.local_time;
    return overload->impl(args, context);
  }
  if (overloads_.empty()) return Value::Error("unknown function '" + function_ + "'");
  std::string kinds;
  for (int i = 0; i < args.size(); ++i) {
    if (i > 0) kinds += ", ";
    kinds += ValueKindName(args[i].kind());
  }
  return Value::Error("no matching overload for '" + std::string(DisplayName(function_)) +
                      "' applied to '(" + kinds + ")'");
}

bool ComparisonNode::Compares(std::string_view function) {
  return FindComparison(function) != nullptr;
}

ComparisonNode::ComparisonNode(std::unique_ptr<const CallNode> call, std::string_view function,
                               const Node* left, const Node* right)
    : call_(std::move(call)), left_(left), right_(right) {
  const Comparison& comparison = *FindComparison(function);
  when_less_ = comparison.when_less;
  when_equal_ = comparison.when_equal;
  when_greater_ = comparison.when_greater;
  // Kinds whose values are all ordered, each against each (not doubles, whose NaN is unordered,
  // nor kinds holding other values).
  const Value samples[] = {Value::Bool(false), Value::Int(0), Value::String(""),
                           Value::Time(Timestamp{}), Value::Span(Duration{})};
  direct_ = KindsHandedTo(*call_, comparison.impl, samples, nullptr);
}

Truth ComparisonNode::Test(Frame& frame) const {
  // An operand that has to be computed is computed once, here, and handed to the call as it is.
  InlineValues<2> storage;
  const Value* a = Operand(*left_, frame, &storage);
  if (a->is_error()) return Truth::kOther;
  const Value* b = Operand(*right_, frame, &storage);
  if (b->is_error()) return Truth::kOther;
  if (a->kind() != b->kind() || !direct_[static_cast<std::size_t>(a->kind())]) {
    const std::array<const Value*, 2> values = {a, b};
    return TruthOf(call_->Apply(Args(values.data(), 2), frame));
  }
  bool holds = false;
  switch (*CompareValues(*a, *b)) {
    case Ordering::kLess: holds = when_less_; break;
    case Ordering::kEqual: holds = when_equal_; break;
    case Ordering::kGreater: holds = when_greater_; break;
    case Ordering::kUnordered: break;  // not of these kinds
  }
  return holds ? Truth::kTrue : Truth::kFalse;
}

MembershipNode::MembershipNode(std::unique_ptr<const CallNode> call, const Node* needle,
                               const Value* container)
    : call_(std::move(call)), needle_(needle), container_(container) {
  // Kinds `in` compares with a member by value (not values holding other values).
  const Value samples[] = {Value::Null(),        Value::Bool(false),        Value::Int(0),
                           Value::Uint(0),       Value::Double(0),          Value::String(""),
                           Value::Time(Timestamp{}), Value::Span(Duration{})};
  direct_ = KindsHandedTo(*call_, builtins::In, samples, container_);
}

Truth MembershipNode::Test(Frame& frame) const {
  InlineValues<1> storage;
  const Value* needle = Operand(*needle_, frame, &storage);
  if (needle->is_error()) return Truth::kOther;
  if (direct_[static_cast<std::size_t>(needle->kind())]) {
    if (std::optional<bool> found = builtins::InPrepared(*needle, call_->prepared())) {
      return *found ? Truth::kTrue : Truth::kFalse;
    }
  }
  const std::array<const Value*, 2> values = {needle, container_};
  return TruthOf(call_->Apply(Args(values.data(), 2), frame));
}

Truth NotNode::Test(Frame& frame) const {
  switch (operand_->Test(frame)) {
    case Truth::kTrue: return Truth::kFalse;
    case Truth::kFalse: return Truth::kTrue;
    case Truth::kOther: break;  // an error, or not a bool: so is the call's value
  }
  return Truth::kOther;
}

Value AndNode::Eval(Frame& frame) const {
  Value left = left_->Eval(frame);
  if (left.kind() == ValueKind::kBool && !left.as_bool()) return left;
  Value right = right_->Eval(frame);
  if (right.kind() == ValueKind::kBool) {
    if (!right.as_bool()) return right;
    if (left.kind() == ValueKind::kBool) return right;  // true && true
  }
  if (left.is_error()) return left;
  if (right.is_error()) return right;
  return NotBool("&&");
}

Truth AndNode::Test(Frame& frame) const {
  Truth left = left_->Test(frame);
  if (left == Truth::kFalse) return left;
  Truth right = right_->Test(frame);
  if (right == Truth::kFalse) return right;
  return left == Truth::kTrue && right == Truth::kTrue ? Truth::kTrue : Truth::kOther;
}

Value OrNode::Eval(Frame& frame) const {
  Value left = left_->Eval(frame);
  if (left.kind() == ValueKind::kBool && left.as_bool()) return left;
  Value right = right_->Eval(frame);
  if (right.kind() == ValueKind::kBool) {
    if (right.as_bool()) return right;
    if (left.kind() == ValueKind::kBool) return right;  // false || false
  }
  if (left.is_error()) return left;
  if (right.is_error()) return right;
  return NotBool("||");
}

Truth OrNode::Test(Frame& frame) const {
  Truth left = left_->Test(frame);
  if (left == Truth::kTrue) return left;
  Truth right = right_->Test(frame);
  if (right == Truth::kTrue) return right;
  return left == Truth::kFalse && right == Truth::kFalse ? Truth::kFalse : Truth::kOther;
}

Value ConditionalNode::Eval(Frame& frame) const {
  InlineValues<1> storage;
  const Value* condition = Operand(*condition_, frame, &storage);
  if (condition->is_error()) return *condition;
  if (condition->kind() != ValueKind::kBool) return NotBool("?:");
  return condition->as_bool() ? then_->Eval(frame) : else_->Eval(frame);
}

const Value* ConditionalNode::Ref(Frame& frame) const {
  switch (condition_->Test(frame)) {
    case Truth::kTrue: return then_->Ref(frame);
    case Truth::kFalse: return else_->Ref(frame);
    case Truth::kOther: break;  // an error, or not a bool: Eval gives the error
  }
  return nullptr;
}

Truth ConditionalNode::Test(Frame& frame) const {
  switch (condition_->Test(frame)) {
    case Truth::kTrue: return then_->Test(frame);
    case Truth::kFalse: return else_->Test(frame);
    case Truth::kOther: break;
  }
  return Truth::kOther;
}

Value ListNode::Eval(Frame& frame) const {
  ValueList items;
  items.reserve(items_.size());
  for (const NodePtr& item : items_) {
    Value v = item->Eval(frame);
    if (v.is_error()) return v;
    items.push_back(std::move(v));
  }
  return Value::List(std::move(items));
}

Value MapNode::Eval(Frame& frame) const {
  ValueMap entries;
  entries.reserve(entries_.size() / 2);
  for (std::size_t i = 0; i + 1 < entries_.size(); i += 2) {
    Value key = entries_[i]->Eval(frame);
    if (key.is_error()) return key;
    Value value = entries_[i + 1]->Eval(frame);
    if (value.is_error()) return value;
    switch (key.kind()) {
      case ValueKind::kBool:
      case ValueKind::kInt:
      case ValueKind::kUint:
      case ValueKind::kString:
        break;
      default:
        return Value::Error("unsupported map key type '" + std::string(ValueKindName(key.kind())) +
                            "'");
    }
    if (MapFind(entries, key) != nullptr) {
      return Value::Error("duplicate map key " + DebugString(key));
    }
    entries.emplace_back(std::move(key), std::move(value));
  }
  return Value::Map(std::move(entries));
}

Value ComprehensionNode::Resolve(const Value& range, Entries* entries) {
  if (range.is_error()) return range;
  if (range.kind() == ValueKind::kList) {
    entries->list = &range.as_list();
    entries->count = entries->list->size();
  } else if (range.kind() == ValueKind::kMap) {
    entries->map = &range.as_map();
    entries->count = entries->map->size();
  } else if (range.is_null()) {
    return Value::Error("cannot iterate over a missing value");
  } else {
    return Value::Error("cannot iterate over '" + std::string(ValueKindName(range.kind())) + "'");
  }
  return Value();
}

void ComprehensionNode::Bind(Frame& frame, const Entries& entries, std::size_t i) const {
  const Value*& first = frame.bound[slot_];
  if (slot2_ < 0) {
    first = entries.list != nullptr ? &(*entries.list)[i] : &(*entries.map)[i].first;
  } else if (entries.list != nullptr) {
    frame.locals[slot_] = Value::Int(static_cast<std::int64_t>(i));
    first = &frame.locals[slot_];
    frame.bound[slot2_] = &(*entries.list)[i];
  } else {
    first = &(*entries.map)[i].first;
    frame.bound[slot2_] = &(*entries.map)[i].second;
  }
}

// The range outlives the loops below without a copy: it is either computed into range_storage or
// read in place from the subject, a variable, a constant or an enclosing comprehension's element,
// none of which the body can replace (each iteration variable has a slot of its own).
Value ComprehensionNode::Eval(Frame& frame) const {
  InlineValues<1> range_storage;
  Entries entries;
  Value error = Resolve(*Operand(*range_, frame, &range_storage), &entries);
  if (!error.is_null()) return error;
  const ValueList* list = entries.list;
  const ValueMap* map = entries.map;
  const std::size_t count = entries.count;
  const Value*& first = frame.bound[slot_];
  switch (macro_) {
    case MacroKind::kAll:
    case MacroKind::kExists: {
      bool want = macro_ == MacroKind::kExists;  // the value that decides early
      Value error;
      for (std::size_t i = 0; i < count; ++i) {
        Bind(frame, entries, i);
        Value v = args_[0]->Eval(frame);
        if (v.kind() == ValueKind::kBool) {
          if (v.as_bool() == want) return v;
        } else if (error.is_null()) {
          error = v.is_error() ? v : NotBool(want ? "exists" : "all");
        }
      }
      if (!error.is_null()) return error;
      return Value::Bool(!want);
    }
    case MacroKind::kExistsOne: {
      int matches = 0;
      for (std::size_t i = 0; i < count; ++i) {
        Bind(frame, entries, i);
        const Truth t = args_[0]->Test(frame);
        if (t == Truth::kOther) return NeitherTrueNorFalse(*args_[0], frame, "exists_one");
        if (t == Truth::kTrue) ++matches;
      }
      return Value::Bool(matches == 1);
    }
    case MacroKind::kMap:
    case MacroKind::kMapFilter:
    case MacroKind::kFilter:
    case MacroKind::kTransformList:
    case MacroKind::kTransformMap: {
      bool filtered =
          macro_ == MacroKind::kMapFilter || macro_ == MacroKind::kFilter ||
          ((macro_ == MacroKind::kTransformList || macro_ == MacroKind::kTransformMap) &&
           args_.size() == 2);
      ValueList out;
      ValueMap out_map;
      for (std::size_t i = 0; i < count; ++i) {
        Bind(frame, entries, i);
        if (filtered) {
          const Truth keep = args_[0]->Test(frame);
          if (keep == Truth::kOther) return NeitherTrueNorFalse(*args_[0], frame, "filter");
          if (keep == Truth::kFalse) continue;
        }
        if (macro_ == MacroKind::kFilter) {
          out.push_back(*first);
          continue;
        }
        Value v = args_.back()->Eval(frame);
        if (v.is_error()) return v;
        if (macro_ == MacroKind::kTransformMap) {
          Value key = list != nullptr ? Value::Int(static_cast<std::int64_t>(i)) : (*map)[i].first;
          out_map.emplace_back(std::move(key), std::move(v));
        } else {
          out.push_back(std::move(v));
        }
      }
      if (macro_ == MacroKind::kTransformMap) return Value::Map(std::move(out_map));
      return Value::List(std::move(out));
    }
    case MacroKind::kNone:
      break;
  }
  return Value::Error("unknown macro");
}

Truth ComprehensionNode::Test(Frame& frame) const {
  if (macro_ != MacroKind::kAll && macro_ != MacroKind::kExists) return TruthOf(Eval(frame));
  InlineValues<1> range_storage;
  const Value* range = Operand(*range_, frame, &range_storage);
  const Truth decides = macro_ == MacroKind::kExists ? Truth::kTrue : Truth::kFalse;
  // Tests the predicate of `count` items, each bound by `bind(i)`, until one decides.
  auto decide = [&](std::size_t count, auto bind) {
    bool other = false;  // an item gave neither: an error unless a later one decides
    for (std::size_t i = 0; i < count; ++i) {
      bind(i);
      const Truth t = args_[0]->Test(frame);
      if (t == decides) return t;
      other = other || t == Truth::kOther;
    }
    if (other) return Truth::kOther;
    return decides == Truth::kTrue ? Truth::kFalse : Truth::kTrue;
  };
  if (range->kind() == ValueKind::kList && slot2_ < 0) {
    // The rules' form, `interventions.exists(i, ...)`: each item bound where it is.
    const ValueList& items = range->as_list();
    const Value*& bound = frame.bound[slot_];
    return decide(items.size(), [&](std::size_t i) { bound = &items[i]; });
  }
  Entries entries;
  if (!Resolve(*range, &entries).is_null()) return Truth::kOther;
  return decide(entries.count, [&](std::size_t i) { Bind(frame, entries, i); });
}

const Value* BindOneNode::Bind(Frame& frame) const {
  const Value* item = item_->Ref(frame);
  if (item == nullptr) {
    frame.locals[slot_] = item_->Eval(frame);
    item = &frame.locals[slot_];
  }
  frame.bound[slot_] = item;
  return item;
}

Value BindOneNode::Eval(Frame& frame) const {
  const Value* item = Bind(frame);
  if (item->is_error()) return *item;  // as the list literal would be
  Value v = body_->Eval(frame);
  if (v.kind() == ValueKind::kBool || v.is_error()) return v;
  return NotBool(macro_ == MacroKind::kExists ? "exists" : "all");
}

Truth BindOneNode::Test(Frame& frame) const {
  if (Bind(frame)->is_error()) return Truth::kOther;
  return body_->Test(frame);
}

}  // namespace uofa::expr
