#include "engine/pack/example_record.h"

#include <algorithm>

#include "engine/sources/field_parser.h"

namespace uofa {
namespace {

// Deeper nesting than any schema needs; stops a self-referencing schema from recursing without end.
constexpr int kMaxDepth = 64;

std::shared_ptr<const Record> Build(const RecordType& type, const YamlNode& mapping,
                                    const CodeRegistry& codes, const YamlChecker& check,
                                    int depth);

Value FieldValue(const FieldDef& field, const YamlNode& node, const CodeRegistry& codes,
                 const YamlChecker& check, int depth) {
  if (node.IsNull()) return Value::Null();
  const std::string what = "field '" + field.name + "'";
  if (field.kind == FieldKind::kRecord) {
    if (!check.ExpectMapping(node, what) || field.element == nullptr) return Value::Null();
    return Value::OfRecord(Build(*field.element, node, codes, check, depth + 1));
  }
  if (field.kind == FieldKind::kList) {
    if (!check.ExpectSequence(node, what) || field.element == nullptr) return Value::Null();
    ValueList items;
    for (const YamlNodePtr& item : node.items) {
      if (!check.ExpectMapping(*item, "an entry of " + what)) continue;
      items.push_back(Value::OfRecord(Build(*field.element, *item, codes, check, depth + 1)));
    }
    return Value::List(std::move(items));
  }
  if (!check.ExpectScalar(node, what)) return Value::Null();
  FieldParseOptions options;
  options.codes = &codes;
  std::string error;
  Value value = ParseFieldText(field, node.value, options, &error);
  if (!error.empty()) check.Error(node, error);
  return value;
}

std::shared_ptr<const Record> Build(const RecordType& type, const YamlNode& mapping,
                                    const CodeRegistry& codes, const YamlChecker& check,
                                    int depth) {
  auto record = std::make_shared<Record>();
  record->type = &type;
  record->fields.assign(static_cast<std::size_t>(type.FieldCount()), Value::Null());
  record->origin = LocationOf(check.source(), mapping);
  if (!mapping.IsMapping()) return record;
  if (depth > kMaxDepth) {
    check.Error(mapping, "records nested too deeply");
    return record;
  }
  std::vector<std::string> names;
  for (const FieldDef& field : type.fields()) names.push_back(field.name);
  check.CheckDuplicateKeys(mapping, "'" + type.name() + "' record");
  std::vector<std::string> seen;
  for (const YamlEntry& entry : mapping.entries) {
    if (!entry.key->IsScalar()) continue;
    const std::string& name = entry.key->value;
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
    seen.push_back(name);
    const FieldDef* field = type.Find(name);
    if (field == nullptr) {
      check.Error(*entry.key, "unknown field '" + name + "' in '" + type.name() + "' record" +
                                  DidYouMean(name, names));
      continue;
    }
    record->fields[static_cast<std::size_t>(field->slot)] =
        FieldValue(*field, *entry.value, codes, check, depth);
  }
  return record;
}

}  // namespace

std::shared_ptr<const Record> BuildRecordFromYaml(const RecordType& type, const YamlNode& mapping,
                                                  const CodeRegistry& codes,
                                                  const YamlChecker& check) {
  return Build(type, mapping, codes, check, 0);
}

}  // namespace uofa
