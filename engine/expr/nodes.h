// The compiled form of an expression: a tree of resolved nodes. Names are already slots,
// overloads already narrowed, constant patterns and code sets already built. Nodes that denote
// an existing value (a field, a constant, a variable) hand out a pointer to it (Ref), so
// comparisons and membership tests read fields without copying them.
#ifndef UOFA_ENGINE_EXPR_NODES_H_
#define UOFA_ENGINE_EXPR_NODES_H_

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/expr/ast.h"
#include "engine/expr/functions/registry.h"
#include "engine/expr/program.h"
#include "engine/expr/value.h"

namespace uofa::expr {

/// The state of one evaluation.
struct Frame {
  const Record* subject = nullptr;
  const EvaluationContext* context = nullptr;
  const Value* variables = nullptr;  ///< declared variables by slot
  /// What each comprehension variable stands for, by slot: an element of the list (or map) being
  /// iterated, read in place, or a value held in `locals` (an index, a computed item).
  const Value** bound = nullptr;
  Value* locals = nullptr;           ///< values computed for comprehension variables, by slot
  bool local_time = true;
};

class Node {
 public:
  virtual ~Node() = default;
  virtual Value Eval(Frame& frame) const = 0;
  /// A pointer to the value when it already exists somewhere, else null (then call Eval).
  virtual const Value* Ref(Frame& frame) const { return nullptr; }
  /// Whether the value is true, false, or neither (then call Eval for it). The boolean operators
  /// decide without building values; other nodes classify the value Ref or Eval gives.
  virtual Truth Test(Frame& frame) const;
};

using NodePtr = std::unique_ptr<const Node>;

class ConstantNode final : public Node {
 public:
  explicit ConstantNode(Value value) : value_(std::move(value)) {}
  Value Eval(Frame&) const override { return value_; }
  const Value* Ref(Frame&) const override { return &value_; }
  const Value& value() const { return value_; }

 private:
  Value value_;
};

class SubjectFieldNode final : public Node {
 public:
  explicit SubjectFieldNode(int slot) : slot_(slot) {}
  Value Eval(Frame& frame) const override { return *Ref(frame); }
  const Value* Ref(Frame& frame) const override;

 private:
  int slot_;
};

class VariableNode final : public Node {
 public:
  explicit VariableNode(int slot) : slot_(slot) {}
  Value Eval(Frame& frame) const override { return frame.variables[slot_]; }
  const Value* Ref(Frame& frame) const override { return &frame.variables[slot_]; }

 private:
  int slot_;
};

class LocalNode final : public Node {
 public:
  explicit LocalNode(int slot) : slot_(slot) {}
  Value Eval(Frame& frame) const override { return *frame.bound[slot_]; }
  const Value* Ref(Frame& frame) const override { return frame.bound[slot_]; }

 private:
  int slot_;
};

class ErrorNode final : public Node {
 public:
  explicit ErrorNode(std::string message) : message_(std::move(message)) {}
  Value Eval(Frame&) const override { return Value::Error(message_); }

 private:
  std::string message_;
};

/// `target.field`, or `has(target.field)` when test_only.
class SelectNode final : public Node {
 public:
  SelectNode(NodePtr target, std::string field, const RecordType* record, int slot, bool test_only)
      : target_(std::move(target)),
        field_(std::move(field)),
        record_(record),
        slot_(slot),
        test_only_(test_only) {}
  Value Eval(Frame& frame) const override;
  const Value* Ref(Frame& frame) const override;
  /// For `has(x.field)`, the truth of the value Eval would give, without making it.
  Truth Test(Frame& frame) const override;

 private:
  // The selected value inside `operand` when it exists; null otherwise (missing key, error).
  const Value* Find(const Value& operand) const;
  // Find, for a record of another type than the one known, a map or another value.
  const Value* FindElsewhere(const Value& operand) const;
  // has(): whether the field is in `operand` and not null, or neither true nor false when that
  // is an error (no such field of a record, an error, a value without fields).
  Truth Presence(const Value& operand) const;
  Value Select(const Value& operand) const;

  NodePtr target_;
  std::string field_;
  const RecordType* record_;  ///< the statically known record type, or null
  int slot_;
  bool test_only_;
};

/// `has(name)`: true when a top-level field or variable has a (non-null) value.
class PresenceNode final : public Node {
 public:
  explicit PresenceNode(NodePtr operand) : operand_(std::move(operand)) {}
  Value Eval(Frame& frame) const override;
  Truth Test(Frame& frame) const override;

 private:
  NodePtr operand_;
};

/// `has(name)` for a field of the subject, read in place: most conditions test a few.
class SubjectPresenceNode final : public Node {
 public:
  explicit SubjectPresenceNode(int slot) : slot_(slot) {}
  Value Eval(Frame& frame) const override;
  Truth Test(Frame& frame) const override;

 private:
  int slot_;
};

class CallNode final : public Node {
 public:
  CallNode(std::string function, std::vector<const Overload*> overloads, std::vector<NodePtr> args,
           std::shared_ptr<const void> prepared)
      : function_(std::move(function)),
        overloads_(std::move(overloads)),
        args_(std::move(args)),
        prepared_(std::move(prepared)) {}
  Value Eval(Frame& frame) const override;
  /// The call's value for arguments already evaluated, none of them an error.
  Value Apply(const Args& args, Frame& frame) const;
  /// The overload arguments of these kinds would be dispatched to, or null.
  const Overload* Selected(const Args& args) const {
    for (const Overload* overload : overloads_) {
      if (overload->Matches(args)) return overload;
    }
    return nullptr;
  }
  /// What the overload prepared from the constant arguments, or null.
  const void* prepared() const { return prepared_.get(); }

 private:
  std::string function_;
  std::vector<const Overload*> overloads_;
  std::vector<NodePtr> args_;
  std::shared_ptr<const void> prepared_;
};

// `!x`: evaluated as its call (the same value, the same errors), but tested without building a
// value, from its operand's truth: a rule's condition is mostly negations of tests such as
// `!(has(negligible) && negligible)`, decided once per record.
class NotNode final : public Node {
 public:
  /// `call` is the call of `!_`; `operand` is that call's argument (owned by `call`).
  NotNode(NodePtr call, const Node* operand) : call_(std::move(call)), operand_(operand) {}
  Value Eval(Frame& frame) const override { return call_->Eval(frame); }
  Truth Test(Frame& frame) const override;

 private:
  NodePtr call_;
  const Node* operand_;
};

/// A flag for each kind of value: the kinds of operand a node decides in place.
using KindFlags = std::array<bool, static_cast<std::size_t>(ValueKind::kError) + 1>;

// `a == b`, `a != b`, `a < b`, `a <= b`, `a > b` or `a >= b`: evaluated as its call, but tested,
// when both operands are of one kind the call compares as the operator's own overload does (text,
// whole numbers, booleans, times, durations), by comparing them there: `reason_code != '99'`,
// `ended_at >= started_at` and `ended_at - started_at > duration('15m')` are decided once per
// record without a call of the operator. Operands of other kinds go to the call, which is given
// them as evaluated.
class ComparisonNode final : public Node {
 public:
  /// `call` is the call of the operator named `function`; `left` and `right` are its arguments
  /// (owned by `call`).
  ComparisonNode(std::unique_ptr<const CallNode> call, std::string_view function,
                 const Node* left, const Node* right);
  Value Eval(Frame& frame) const override { return call_->Eval(frame); }
  Truth Test(Frame& frame) const override;
  /// Whether `function` is one of the six comparisons.
  static bool Compares(std::string_view function);

 private:
  std::unique_ptr<const CallNode> call_;
  const Node* left_;
  const Node* right_;
  // Whether the comparison is true when the left operand is less than, equal to, or greater than
  // the right.
  bool when_less_ = false, when_equal_ = false, when_greater_ = false;
  /// By kind, whether two operands of that kind are compared here (the call would dispatch them
  /// to the operator's own overload).
  KindFlags direct_{};
};

// `x in c` for a constant list or map `c` whose members the call prepared as a set (a code list):
// evaluated as its call, but tested, when the needle is of a kind the call would hand to `in`'s
// own overload, by looking it up in that set: `i.type_code in codes.ri_type_seclusion` is decided
// for each intervention without a call.
class MembershipNode final : public Node {
 public:
  /// `call` is the call of `@in` with the prepared set; `needle` is its first argument (owned by
  /// `call`) and `container` the constant second.
  MembershipNode(std::unique_ptr<const CallNode> call, const Node* needle, const Value* container);
  Value Eval(Frame& frame) const override { return call_->Eval(frame); }
  Truth Test(Frame& frame) const override;

 private:
  std::unique_ptr<const CallNode> call_;
  const Node* needle_;
  const Value* container_;
  /// By kind, whether a needle of that kind is looked up here (the call would hand it to `in`).
  KindFlags direct_{};
};

class AndNode final : public Node {
 public:
  AndNode(NodePtr left, NodePtr right) : left_(std::move(left)), right_(std::move(right)) {}
  Value Eval(Frame& frame) const override;
  Truth Test(Frame& frame) const override;

 private:
  NodePtr left_, right_;
};

class OrNode final : public Node {
 public:
  OrNode(NodePtr left, NodePtr right) : left_(std::move(left)), right_(std::move(right)) {}
  Value Eval(Frame& frame) const override;
  Truth Test(Frame& frame) const override;

 private:
  NodePtr left_, right_;
};

class ConditionalNode final : public Node {
 public:
  ConditionalNode(NodePtr condition, NodePtr then_branch, NodePtr else_branch)
      : condition_(std::move(condition)),
        then_(std::move(then_branch)),
        else_(std::move(else_branch)) {}
  Value Eval(Frame& frame) const override;
  /// The chosen branch's value in place, when the condition is true or false and the branch has
  /// one (`has(i.started_at) ? i.started_at : started_at`); else null.
  const Value* Ref(Frame& frame) const override;
  Truth Test(Frame& frame) const override;

 private:
  NodePtr condition_, then_, else_;
};

class ListNode final : public Node {
 public:
  explicit ListNode(std::vector<NodePtr> items) : items_(std::move(items)) {}
  Value Eval(Frame& frame) const override;

 private:
  std::vector<NodePtr> items_;
};

class MapNode final : public Node {
 public:
  explicit MapNode(std::vector<NodePtr> keys_and_values) : entries_(std::move(keys_and_values)) {}
  Value Eval(Frame& frame) const override;

 private:
  std::vector<NodePtr> entries_;  ///< key, value, key, value, ...
};

class ComprehensionNode final : public Node {
 public:
  /// `slot2` is the second iteration variable's slot, or -1 for the one-variable forms.
  ComprehensionNode(MacroKind macro, NodePtr range, int slot, int slot2, std::vector<NodePtr> args)
      : macro_(macro),
        range_(std::move(range)),
        slot_(slot),
        slot2_(slot2),
        args_(std::move(args)) {}
  Value Eval(Frame& frame) const override;
  Truth Test(Frame& frame) const override;

 private:
  // What the comprehension ranges over: a list's items or a map's entries.
  struct Entries {
    const ValueList* list = nullptr;
    const ValueMap* map = nullptr;
    std::size_t count = 0;
  };
  // The entries of `range`, or the error of ranging over it (a null value when there is none).
  static Value Resolve(const Value& range, Entries* entries);
  // Binds the iteration variables to entry i, in place: the element (or key), or with two
  // variables the index and element (or key and value).
  void Bind(Frame& frame, const Entries& entries, std::size_t i) const;

  MacroKind macro_;
  NodePtr range_;
  int slot_;
  int slot2_;
  std::vector<NodePtr> args_;
};

/// `[x].all(v, p)` or `[x].exists(v, p)`, the rules' way of naming a value (`[has(i.started_at) ?
/// i.started_at : started_at].all(s, ...)`): binds v to x and evaluates p once, giving what the
/// comprehension gives, without building the one-item list.
class BindOneNode final : public Node {
 public:
  BindOneNode(MacroKind macro, NodePtr item, int slot, NodePtr body)
      : macro_(macro), item_(std::move(item)), slot_(slot), body_(std::move(body)) {}
  Value Eval(Frame& frame) const override;
  Truth Test(Frame& frame) const override;

 private:
  // Binds v to the item (read in place, or computed into the locals) and returns it.
  const Value* Bind(Frame& frame) const;

  MacroKind macro_;
  NodePtr item_;
  int slot_;
  NodePtr body_;
};

}  // namespace uofa::expr

#endif  // UOFA_ENGINE_EXPR_NODES_H_
