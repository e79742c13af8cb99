// Type: the static types the checker assigns to expressions. `dyn` stands for "known only at run
// time" and is assignable both ways, so an expression that reads a dyn value checks leniently and
// is dispatched on the value's kind when evaluated.
#ifndef UOFA_ENGINE_EXPR_TYPE_H_
#define UOFA_ENGINE_EXPR_TYPE_H_

#include <cstdint>
#include <memory>
#include <string>

#include "engine/expr/value.h"
#include "engine/record/record_type.h"

namespace uofa::expr {

enum class TypeKind : std::uint8_t {
  kDyn,
  kNull,
  kBool,
  kInt,
  kUint,
  kDouble,
  kString,
  kBytes,
  kTimestamp,
  kDuration,
  kList,
  kMap,
  kRecord,
  kType,
  kError,
};

class Type {
 public:
  Type() = default;  // dyn
  explicit Type(TypeKind kind) : kind_(kind) {}
  static Type Dyn() { return Type(TypeKind::kDyn); }
  static Type List(Type element);
  static Type Map(Type key, Type value);
  static Type Record(const RecordType* record);
  /// The static type a field of a record schema has in expressions.
  static Type OfField(const FieldDef& field);
  /// The type of a run-time value (element types of lists and maps are dyn).
  static Type OfValue(const Value& value);

  TypeKind kind() const { return kind_; }
  bool is_dyn() const { return kind_ == TypeKind::kDyn; }
  /// kList: the element type; kMap: the key type. Dyn for other kinds.
  const Type& first() const;
  /// kMap: the value type. Dyn for other kinds.
  const Type& second() const;
  const RecordType* record() const { return record_; }

  /// As shown in messages: "int", "list(string)", "map(string, dyn)", "incident".
  std::string ToString() const;
  bool operator==(const Type& other) const;

 private:
  TypeKind kind_ = TypeKind::kDyn;
  std::shared_ptr<const std::pair<Type, Type>> params_;
  const RecordType* record_ = nullptr;
};

/// True when a value of type `from` may be used where `to` is expected (dyn matches anything;
/// list and map parameters are compared element-wise).
bool IsAssignable(const Type& to, const Type& from);
/// The common type of two expressions (list elements, `?:` branches): equal types stay, numbers
/// and anything else mixed become dyn.
Type Join(const Type& a, const Type& b);
/// True when a run-time value of kind `value` belongs to the static kind `type` (dyn: any).
bool KindMatches(TypeKind type, ValueKind value);

}  // namespace uofa::expr

#endif  // UOFA_ENGINE_EXPR_TYPE_H_
