// Record schemas: rules/schema/<kind>.yaml -> RecordType, following `of:` to the element kinds.
#include <deque>
#include <filesystem>
#include <set>
#include <system_error>

#include "engine/pack/load_context.h"

namespace uofa {
namespace {

constexpr FieldKind kAllFieldKinds[] = {
    FieldKind::kString, FieldKind::kText,     FieldKind::kInt,  FieldKind::kNumber,
    FieldKind::kBool,   FieldKind::kTristate, FieldKind::kDate, FieldKind::kDateTime,
    FieldKind::kCode,   FieldKind::kEnum,     FieldKind::kList, FieldKind::kRecord};

std::optional<FieldKind> ParseFieldKind(std::string_view name) {
  for (FieldKind kind : kAllFieldKinds) {
    if (name == FieldKindName(kind)) return kind;
  }
  return std::nullopt;
}

std::vector<std::string> FieldKindNames() {
  std::vector<std::string> out;
  for (FieldKind kind : kAllFieldKinds) out.emplace_back(FieldKindName(kind));
  return out;
}

bool FileExists(const std::string& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error);
}

// A field whose `of:` still has to be resolved once every schema is loaded.
struct PendingElement {
  RecordType* type;
  std::string field;
  NameReference of;
};

class SchemaFileReader {
 public:
  SchemaFileReader(LoadContext& context, const YamlDocument& document, std::string kind)
      : context_(context), check_(document.source, context.diagnostics),
        document_(document), kind_(std::move(kind)) {}

  // Returns the type, or nullptr when the file is not a schema at all.
  std::unique_ptr<RecordType> Read(std::vector<PendingElement>& pending,
                                   std::vector<NameReference>& element_kinds) {
    const YamlNode& root = *document_.root;
    if (!check_.ExpectMapping(root, "a schema file")) return nullptr;
    check_.CheckKeys(root, "schema", {"kind", "description", "id_field", "event_time", "fields"});
    auto type = std::make_unique<RecordType>(kind_);
    if (const YamlNode* kind = check_.ScalarNode(root, "kind")) {
      if (kind->value != kind_) {
        check_.Error(*kind, "schema kind '" + kind->value + "' does not match its file name '" +
                                kind_ + ".yaml'");
      }
    } else {
      check_.Error(root, "schema '" + kind_ + "' has no 'kind'");
    }
    if (auto text = check_.String(root, "description")) type->set_description(*text);

    const YamlNode* fields = root.Find("fields");
    if (fields == nullptr || fields->IsNull()) {
      check_.Error(root, "schema '" + kind_ + "' has no 'fields'");
    } else if (check_.ExpectMapping(*fields, "'fields'")) {
      check_.CheckDuplicateKeys(*fields, "'fields'");
      for (const YamlEntry& entry : fields->entries) {
        if (!entry.key || !entry.key->IsScalar()) continue;
        ReadField(*type, *entry.key, *entry.value, pending, element_kinds);
      }
    }
    ReadSpecialField(root, "id_field", *type, false);
    ReadSpecialField(root, "event_time", *type, true);
    return type;
  }

 private:
  void ReadSpecialField(const YamlNode& root, std::string_view key, RecordType& type,
                        bool event_time) {
    const YamlNode* node = check_.ScalarNode(root, key);
    if (node == nullptr) return;
    const FieldDef* field = type.Find(node->value);
    if (field == nullptr) {
      std::vector<std::string> names;
      for (const FieldDef& def : type.fields()) names.push_back(def.name);
      check_.Error(*node, "'" + std::string(key) + "' names '" + node->value +
                              "', which is not a field of '" + kind_ + "'" +
                              DidYouMean(node->value, names));
      return;
    }
    if (event_time) {
      if (field->kind != FieldKind::kDateTime && field->kind != FieldKind::kDate) {
        check_.Error(*node, "'event_time' field '" + node->value +
                                "' must be a date or datetime, not " + FieldKindName(field->kind));
        return;
      }
      type.set_event_time_field(node->value);
    } else {
      type.set_id_field(node->value);
    }
  }

  void ReadField(RecordType& type, const YamlNode& key, const YamlNode& value,
                 std::vector<PendingElement>& pending, std::vector<NameReference>& element_kinds) {
    const std::string what = "field '" + key.value + "'";
    if (!check_.ExpectMapping(value, what)) return;
    check_.CheckKeys(value, what, {"type", "codes", "values", "of", "required", "identifier",
                                   "provision", "description"});
    FieldDef field;
    field.name = key.value;
    field.defined_at = LocationOf(document_.source, key);
    const YamlNode* type_node = check_.ScalarNode(value, "type");
    if (type_node == nullptr) {
      check_.Error(value, what + " has no 'type'");
      return;
    }
    std::optional<FieldKind> kind = ParseFieldKind(type_node->value);
    if (!kind) {
      check_.Error(*type_node, "unknown field type '" + type_node->value + "'" +
                                   DidYouMean(type_node->value, FieldKindNames()));
      return;
    }
    field.kind = *kind;
    if (auto flag = check_.Bool(value, "required")) field.required = *flag;
    if (auto flag = check_.Bool(value, "identifier")) field.identifier = *flag;
    if (auto text = check_.String(value, "provision")) field.provision = *text;
    if (auto text = check_.String(value, "description")) field.description = *text;

    const YamlNode* codes = check_.ScalarNode(value, "codes");
    if (field.kind == FieldKind::kCode) {
      if (codes == nullptr) {
        check_.Error(value, what + " of type code has no 'codes'");
      } else {
        field.code_list = codes->value;
        context_.code_requests.push_back({codes->value, &document_.source, codes});
      }
    } else if (codes != nullptr) {
      check_.Error(*codes, "'codes' applies only to fields of type code");
    }

    const YamlNode* values = value.Find("values");
    if (field.kind == FieldKind::kEnum) {
      if (values == nullptr || values->IsNull()) {
        check_.Error(value, what + " of type enum has no 'values'");
      } else {
        for (const YamlNode* item : check_.ScalarList(value, "values")) {
          field.enum_values.push_back(item->value);
        }
      }
    } else if (values != nullptr) {
      check_.Error(*values, "'values' applies only to fields of type enum");
    }

    const YamlNode* of = check_.ScalarNode(value, "of");
    bool nested = field.kind == FieldKind::kList || field.kind == FieldKind::kRecord;
    if (nested) {
      if (of == nullptr) {
        check_.Error(value, what + " of type " + FieldKindName(field.kind) + " has no 'of'");
      } else {
        field.of = of->value;
        NameReference reference{of->value, &document_.source, of};
        element_kinds.push_back(reference);
        pending.push_back({&type, field.name, reference});
      }
    } else if (of != nullptr) {
      check_.Error(*of, "'of' applies only to fields of type list or record");
    }

    if (!type.AddField(std::move(field))) {
      check_.Error(key, "duplicate field '" + key.value + "' in schema '" + kind_ + "'");
    }
  }

  LoadContext& context_;
  YamlChecker check_;
  const YamlDocument& document_;
  std::string kind_;
};

}  // namespace

void LoadSchemas(LoadContext& context, const std::vector<NameReference>& kinds) {
  // Each request says whether a missing file is reported there; `of:` references are reported
  // when they are resolved, below, with a suggestion.
  std::deque<std::pair<NameReference, bool>> work;
  for (const NameReference& kind : kinds) work.emplace_back(kind, true);
  std::set<std::string, std::less<>> attempted;
  std::set<std::string, std::less<>> missing;
  std::vector<PendingElement> pending;

  while (!work.empty()) {
    auto [reference, report_missing] = work.front();
    work.pop_front();
    const std::string& kind = reference.name;
    if (context.set.schemas.Find(kind) != nullptr) continue;
    if (missing.count(kind) || attempted.count(kind)) {
      if (missing.count(kind) && report_missing) {
        context.ErrorAt(reference, "unknown record kind '" + kind + "' (no file '" +
                                       context.SchemaPath(kind) + "')");
      }
      continue;
    }
    attempted.insert(kind);
    std::string path = context.SchemaPath(kind);
    if (!FileExists(path)) {
      missing.insert(kind);
      if (report_missing) {
        context.ErrorAt(reference, "unknown record kind '" + kind + "' (no file '" + path + "')");
      }
      continue;
    }
    const YamlDocument& document = context.Read(path);
    if (!document.root) continue;
    std::vector<NameReference> element_kinds;
    SchemaFileReader reader(context, document, kind);
    std::unique_ptr<RecordType> type = reader.Read(pending, element_kinds);
    if (type) context.set.schemas.Add(std::move(type));
    for (const NameReference& element : element_kinds) work.emplace_back(element, false);
  }

  std::vector<std::string> known = YamlStemsIn(context.options.rules_root + "/schema");
  for (const PendingElement& element : pending) {
    const RecordType* resolved = context.set.schemas.Find(element.of.name);
    if (resolved == nullptr) {
      if (missing.count(element.of.name)) {
        context.ErrorAt(element.of, "unknown record kind '" + element.of.name + "' in 'of'" +
                                        DidYouMean(element.of.name, known));
      }
      continue;
    }
    for (FieldDef& field : element.type->mutable_fields()) {
      if (field.name == element.field) field.element = resolved;
    }
  }
}

}  // namespace uofa
