#include "engine/expr/value.h"

#include "engine/record/record_type.h"

namespace uofa {

const char* ValueKindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kNull: return "null_type";
    case ValueKind::kBool: return "bool";
    case ValueKind::kInt: return "int";
    case ValueKind::kUint: return "uint";
    case ValueKind::kDouble: return "double";
    case ValueKind::kString: return "string";
    case ValueKind::kBytes: return "bytes";
    case ValueKind::kTimestamp: return "google.protobuf.Timestamp";
    case ValueKind::kDuration: return "google.protobuf.Duration";
    case ValueKind::kList: return "list";
    case ValueKind::kMap: return "map";
    case ValueKind::kRecord: return "record";
    case ValueKind::kType: return "type";
    case ValueKind::kError: return "error";
  }
  return "error";
}

namespace {
const Value kNullField;
}  // namespace

const Value& Record::Get(std::string_view field) const {
  if (type == nullptr) return kNullField;
  return At(type->SlotOf(field));
}

const Value& Record::At(int slot) const {
  if (slot < 0 || slot >= static_cast<int>(fields.size())) return kNullField;
  return fields[slot];
}

std::string Record::Id() const {
  if (type == nullptr) return {};
  const Value& id = At(type->id_slot());
  switch (id.kind()) {
    case ValueKind::kString: return std::string(id.as_string());
    case ValueKind::kInt: return std::to_string(id.as_int());
    default: return {};
  }
}

}  // namespace uofa
