#include "engine/expr/type.h"

namespace uofa::expr {

Type Type::List(Type element) {
  Type t(TypeKind::kList);
  t.params_ = std::make_shared<const std::pair<Type, Type>>(std::move(element), Type::Dyn());
  return t;
}

Type Type::Map(Type key, Type value) {
  Type t(TypeKind::kMap);
  t.params_ = std::make_shared<const std::pair<Type, Type>>(std::move(key), std::move(value));
  return t;
}

Type Type::Record(const RecordType* record) {
  Type t(TypeKind::kRecord);
  t.record_ = record;
  return t;
}

Type Type::OfField(const FieldDef& field) {
  switch (field.kind) {
    case FieldKind::kString:
    case FieldKind::kText:
    case FieldKind::kCode:
    case FieldKind::kEnum:
    case FieldKind::kTristate:
      return Type(TypeKind::kString);
    case FieldKind::kInt:
      return Type(TypeKind::kInt);
    case FieldKind::kNumber:
      return Type(TypeKind::kDouble);
    case FieldKind::kBool:
      return Type(TypeKind::kBool);
    case FieldKind::kDate:
    case FieldKind::kDateTime:
      return Type(TypeKind::kTimestamp);
    case FieldKind::kList:
      return Type::List(field.element != nullptr ? Type::Record(field.element) : Type::Dyn());
    case FieldKind::kRecord:
      return field.element != nullptr ? Type::Record(field.element) : Type::Dyn();
  }
  return Type::Dyn();
}

Type Type::OfValue(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kNull:
      return Type(TypeKind::kNull);
    case ValueKind::kBool:
      return Type(TypeKind::kBool);
    case ValueKind::kInt:
      return Type(TypeKind::kInt);
    case ValueKind::kUint:
      return Type(TypeKind::kUint);
    case ValueKind::kDouble:
      return Type(TypeKind::kDouble);
    case ValueKind::kString:
      return Type(TypeKind::kString);
    case ValueKind::kBytes:
      return Type(TypeKind::kBytes);
    case ValueKind::kTimestamp:
      return Type(TypeKind::kTimestamp);
    case ValueKind::kDuration:
      return Type(TypeKind::kDuration);
    case ValueKind::kList: {
      Type element;
      bool first = true;
      for (const Value& item : value.as_list()) {
        Type t = OfValue(item);
        element = first ? t : Join(element, t);
        first = false;
      }
      return Type::List(element);
    }
    case ValueKind::kMap: {
      Type key, mapped;
      bool first = true;
      for (const auto& [k, v] : value.as_map()) {
        key = first ? OfValue(k) : Join(key, OfValue(k));
        mapped = first ? OfValue(v) : Join(mapped, OfValue(v));
        first = false;
      }
      return Type::Map(key, mapped);
    }
    case ValueKind::kRecord:
      return Type::Record(value.as_record().type);
    case ValueKind::kType:
      return Type(TypeKind::kType);
    case ValueKind::kError:
      return Type::Dyn();
  }
  return Type::Dyn();
}

const Type& Type::first() const {
  static const Type kDyn;
  return params_ ? params_->first : kDyn;
}

const Type& Type::second() const {
  static const Type kDyn;
  return params_ ? params_->second : kDyn;
}

std::string Type::ToString() const {
  switch (kind_) {
    case TypeKind::kDyn:
      return "dyn";
    case TypeKind::kNull:
      return "null_type";
    case TypeKind::kBool:
      return "bool";
    case TypeKind::kInt:
      return "int";
    case TypeKind::kUint:
      return "uint";
    case TypeKind::kDouble:
      return "double";
    case TypeKind::kString:
      return "string";
    case TypeKind::kBytes:
      return "bytes";
    case TypeKind::kTimestamp:
      return "timestamp";
    case TypeKind::kDuration:
      return "duration";
    case TypeKind::kList:
      return "list(" + first().ToString() + ")";
    case TypeKind::kMap:
      return "map(" + first().ToString() + ", " + second().ToString() + ")";
    case TypeKind::kRecord:
      return record_ != nullptr ? record_->name() : "record";
    case TypeKind::kType:
      return "type";
    case TypeKind::kError:
      return "error";
  }
  return "dyn";
}

bool Type::operator==(const Type& other) const {
  if (kind_ != other.kind_) return false;
  if (kind_ == TypeKind::kRecord) return record_ == other.record_;
  if (kind_ == TypeKind::kList) return first() == other.first();
  if (kind_ == TypeKind::kMap) return first() == other.first() && second() == other.second();
  return true;
}

bool IsAssignable(const Type& to, const Type& from) {
  if (to.is_dyn() || from.is_dyn() || to.kind() == TypeKind::kError ||
      from.kind() == TypeKind::kError) {
    return true;
  }
  if (to.kind() != from.kind()) return false;
  switch (to.kind()) {
    case TypeKind::kList:
      return IsAssignable(to.first(), from.first());
    case TypeKind::kMap:
      return IsAssignable(to.first(), from.first()) && IsAssignable(to.second(), from.second());
    case TypeKind::kRecord:
      return to.record() == nullptr || from.record() == nullptr || to.record() == from.record();
    default:
      return true;
  }
}

Type Join(const Type& a, const Type& b) {
  if (a == b) return a;
  if (a.kind() == TypeKind::kList && b.kind() == TypeKind::kList) {
    return Type::List(Join(a.first(), b.first()));
  }
  if (a.kind() == TypeKind::kMap && b.kind() == TypeKind::kMap) {
    return Type::Map(Join(a.first(), b.first()), Join(a.second(), b.second()));
  }
  return Type::Dyn();
}

bool KindMatches(TypeKind type, ValueKind value) {
  // TypeKind lists kDyn first, then the value kinds in ValueKind's order.
  return type == TypeKind::kDyn || static_cast<int>(type) == static_cast<int>(value) + 1;
}

}  // namespace uofa::expr
