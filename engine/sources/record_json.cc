#include "engine/sources/record_json.h"

#include "engine/record/record_type.h"

namespace uofa {
namespace {

nlohmann::json ValueToJson(const Value& value, const FieldDef* field) {
  switch (value.kind()) {
    case ValueKind::kNull:
    case ValueKind::kError:
    case ValueKind::kType:
      return nullptr;
    case ValueKind::kBool: return value.as_bool();
    case ValueKind::kInt: return value.as_int();
    case ValueKind::kUint: return value.as_uint();
    case ValueKind::kDouble: return value.as_double();
    case ValueKind::kString: return value.as_string();
    case ValueKind::kBytes: return value.as_bytes();
    case ValueKind::kTimestamp:
      if (field != nullptr && field->kind == FieldKind::kDate) return FormatLocalDate(value.as_timestamp());
      return FormatRfc3339(value.as_timestamp());
    case ValueKind::kDuration: return FormatDuration(value.as_duration());
    case ValueKind::kList: {
      nlohmann::json items = nlohmann::json::array();
      for (const Value& item : value.as_list()) items.push_back(ValueToJson(item, nullptr));
      return items;
    }
    case ValueKind::kMap: {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& [key, item] : value.as_map()) {
        std::string name = key.kind() == ValueKind::kString ? std::string(key.as_string())
                                                            : ValueToJson(key, nullptr).dump();
        object[name] = ValueToJson(item, nullptr);
      }
      return object;
    }
    case ValueKind::kRecord: return RecordToJson(value.as_record());
  }
  return nullptr;
}

}  // namespace

nlohmann::json RecordToJson(const Record& record) {
  nlohmann::json object = nlohmann::json::object();
  if (record.type == nullptr) return object;
  for (const FieldDef& field : record.type->fields()) {
    if (field.slot < 0 || static_cast<std::size_t>(field.slot) >= record.fields.size()) continue;
    nlohmann::json item = ValueToJson(record.fields[field.slot], &field);
    if (!item.is_null()) object[field.name] = std::move(item);
  }
  return object;
}

std::string CanonicalRecordJson(const Record& record) {
  // nlohmann::json keeps object keys sorted; dump() without indentation is compact.
  return RecordToJson(record).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace uofa
