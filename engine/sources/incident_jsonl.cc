#include "engine/sources/incident_jsonl.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/sources/incident_join.h"
#include "engine/sources/utf8.h"
#include "uofa/data_quality.h"

namespace uofa {
namespace {

// ordered_json keeps keys in the order of the line, so problems are reported in that order.
using Json = nlohmann::ordered_json;

struct Problem {
  bool error = false;
  std::string message;
  const char* code = nullptr;  ///< a data-quality code (uofa/data_quality.h), or none
  std::string field;           ///< the field's path, for a data-quality finding
};

// The text ParseFieldText reads for a JSON scalar; false for arrays and objects.
bool ScalarText(const Json& value, std::string* text) {
  switch (value.type()) {
    case Json::value_t::string: *text = value.get_ref<const std::string&>(); return true;
    case Json::value_t::boolean: *text = value.get<bool>() ? "true" : "false"; return true;
    case Json::value_t::number_unsigned: *text = std::to_string(value.get<std::uint64_t>()); return true;
    case Json::value_t::number_integer: *text = std::to_string(value.get<std::int64_t>()); return true;
    case Json::value_t::number_float: *text = value.dump(); return true;
    default: return false;
  }
}

// nlohmann's message without its id, position (we give our own) and echo of the input.
std::string ParseErrorMessage(std::string message) {
  std::size_t column = message.find("column ");
  if (column != std::string::npos) {
    std::size_t colon = message.find(": ", column);
    if (colon != std::string::npos) message.erase(0, colon + 2);
  }
  std::size_t echo = message.find("; last read: '");
  if (echo != std::string::npos) {
    std::size_t expected = message.find("'; expected", echo);
    message.erase(echo, expected == std::string::npos ? std::string::npos : expected + 1 - echo);
  }
  return message;
}

class JsonRecordBuilder {
 public:
  JsonRecordBuilder(const SchemaRegistry* schemas, const FieldParseOptions& parse,
                    const IncidentJoin& join)
      : schemas_(schemas), parse_(parse), join_(join) {}

  // Converts `object` into a record of `type`; `prefix` names the object's path in messages
  // ("" for the incident, "interventions[0]" for a nested entry). `inherited` fills fields the
  // object leaves out (the incident key of a nested entry). False when a required field has no
  // value: an error for the incident, a warning (the entry left out) for a nested entry.
  bool Build(const Json& object, const RecordType& type, const std::string& prefix,
             const std::vector<std::pair<std::string, Value>>& inherited,
             const RecordOrigin& origin, Record* out, std::vector<Problem>* problems) const {
    bool nested = !prefix.empty();
    std::string path_prefix = nested ? prefix + "." : "";
    out->type = &type;
    out->fields.assign(type.fields().size(), Value());
    out->origin = origin;

    std::vector<std::pair<const FieldDef*, const Json*>> structured;
    for (const auto& [key, value] : object.items()) {
      const FieldDef* field = type.Find(key);
      if (field == nullptr) {
        problems->push_back({false,
                             "key '" + path_prefix + key + "' is not a field of '" + type.name() +
                                 "' and is ignored",
                             nullptr, ""});
        continue;
      }
      if (value.is_null()) continue;
      if (field->kind == FieldKind::kList || field->kind == FieldKind::kRecord) {
        structured.emplace_back(field, &value);
        continue;
      }
      std::string text;
      if (!ScalarText(value, &text)) {
        problems->push_back({false, "'" + path_prefix + key + "': expected a single value, not " +
                                        (value.is_array() ? "an array" : "an object"),
                             kDqBadValue, path_prefix + key});
        continue;
      }
      std::string error;
      Value parsed = ParseFieldText(*field, text, parse_, &error);
      if (!error.empty()) {
        problems->push_back({false, "'" + path_prefix + key + "': " + error,
                             CellProblemCode(*field, false), path_prefix + key});
      }
      out->fields[field->slot] = std::move(parsed);
    }
    for (const auto& [name, value] : inherited) {
      const FieldDef* field = type.Find(name);
      if (field != nullptr && out->fields[field->slot].is_null()) out->fields[field->slot] = value;
    }

    for (const auto& [field, value] : structured) {
      const RecordType* element = ElementType(*field, schemas_);
      if (element == nullptr) continue;  // the schema does not declare the kind: nothing to fill
      std::string field_path = path_prefix + field->name;
      if (field->kind == FieldKind::kList) {
        if (!value->is_array()) {
          problems->push_back({false, "'" + field_path + "': expected an array", kDqBadValue, field_path});
          continue;
        }
        std::vector<std::pair<std::string, Value>> parent_key;
        const std::string& key = join_.key_field();
        if (type.Find(key) != nullptr) parent_key.emplace_back(key, out->Get(key));
        std::vector<std::shared_ptr<const Record>> children;
        for (std::size_t i = 0; i < value->size(); ++i) {
          const Json& item = (*value)[i];
          std::string item_path = field_path + "[" + std::to_string(i) + "]";
          if (!item.is_object()) {
            problems->push_back({false, "'" + item_path + "': expected an object", kDqBadValue, field_path});
            continue;
          }
          Record child;
          if (Build(item, *element, item_path, parent_key, origin, &child, problems)) {
            children.push_back(std::make_shared<const Record>(std::move(child)));
          }
        }
        OrderChildren(&children);
        ValueList items;
        items.reserve(children.size());
        for (auto& child : children) items.push_back(Value::OfRecord(std::move(child)));
        out->fields[field->slot] = Value::List(std::move(items));
      } else {
        if (!value->is_object()) {
          problems->push_back({false, "'" + field_path + "': expected an object", kDqBadValue, field_path});
          continue;
        }
        std::vector<std::pair<std::string, Value>> link;
        const FieldDef* link_field =
            field == join_.patient_field() ? type.Find(join_.patient_key()) : nullptr;
        if (link_field != nullptr) link.emplace_back(link_field->name, out->fields[link_field->slot]);
        Record nested_record;
        if (Build(*value, *element, field_path, link, origin, &nested_record, problems)) {
          // An embedded patient names the incident's patient when the incident does not.
          if (link_field != nullptr && out->fields[link_field->slot].is_null()) {
            out->fields[link_field->slot] = nested_record.Get(link_field->name);
          }
          out->fields[field->slot] = Value::OfRecord(std::make_shared<const Record>(std::move(nested_record)));
        }
      }
    }

    bool complete = true;
    for (const FieldDef& field : type.fields()) {
      if (!field.required || !out->fields[field.slot].is_null()) continue;
      complete = false;
      if (nested) {
        problems->push_back({false, "'" + prefix + "': required field '" + field.name +
                                        "' is missing; the entry is left out",
                             kDqBadValue, path_prefix + field.name});
        break;
      }
      problems->push_back({true, "required field '" + field.name + "' is missing", kDqRejectedRow, field.name});
    }
    return complete;
  }

 private:
  const SchemaRegistry* schemas_;
  FieldParseOptions parse_;
  const IncidentJoin& join_;
};

class IncidentJsonlSource : public RecordSource {
 public:
  IncidentJsonlSource(std::string path, std::unique_ptr<std::istream> input,
                      const SourceOptions& options, IncidentJoin join)
      : path_(std::move(path)),
        path_name_(path_),
        input_(std::move(input)),
        join_(std::move(join)),
        builder_(options.schemas, options.parse, join_) {}

  const std::string& kind() const override { return join_.incident_type().name(); }

  // The line shown under an error, or nothing when it names a patient-identifying field (an
  // embedded patient's name or NHS number): no identifier reaches a message or a log.
  std::string ShownLine(const std::string& line) {
    if (!identifier_keys_collected_) {
      CollectIdentifierKeys(join_.incident_type(), 0);
      identifier_keys_collected_ = true;
    }
    for (const std::string& key : identifier_keys_) {
      if (line.find(key) != std::string::npos) return {};
    }
    return line;
  }

  void CollectIdentifierKeys(const RecordType& type, int depth) {
    if (depth > 4) return;  // schemas are shallow; a cycle of record fields must not loop
    for (const FieldDef& field : type.fields()) {
      if (field.identifier) identifier_keys_.push_back('"' + field.name + '"');
      if (field.element != nullptr) CollectIdentifierKeys(*field.element, depth + 1);
    }
  }

  bool Next(std::shared_ptr<const Record>* out, Diagnostics& diagnostics) override {
    std::string line;
    while (std::getline(*input_, line)) {
      ++line_number_;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line_number_ == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
      auto first = std::find_if(line.begin(), line.end(),
                                [](unsigned char c) { return !std::isspace(c); });
      if (first == line.end()) continue;
      ++counts_.rows_read;
      if (Produce(line, static_cast<int>(first - line.begin()) + 1, out, diagnostics)) return true;
      ++counts_.rows_rejected;
    }
    if (input_->bad() && !read_failed_) {
      read_failed_ = true;
      diagnostics.Error({path_, line_number_, 0}, "cannot read '" + path_ + "' past this line");
    }
    return false;
  }

  const SourceCounts& counts() const override { return counts_; }

  std::vector<SourceInput> inputs() const override {
    return {{path_, kind(), counts_.rows_read}};
  }

 private:
  bool Produce(const std::string& line, int first_column, std::shared_ptr<const Record>* out,
               Diagnostics& diagnostics) {
    // Checked first so that the error points at the bad byte itself.
    std::size_t invalid = FindInvalidUtf8(line);
    if (invalid != std::string::npos) {
      diagnostics.DataQuality(Severity::kError, {path_, line_number_, static_cast<int>(invalid) + 1},
                              kDqRejectedRow, {},
                              InvalidUtf8Message(static_cast<unsigned char>(line[invalid])), ShownLine(line));
      return false;
    }
    Json object;
    try {
      object = Json::parse(line);
    } catch (const Json::parse_error& error) {
      // `byte` is the 1-based position of the byte the parser stopped at; past the end when
      // the line ended too early.
      int column = static_cast<int>(std::clamp<std::size_t>(error.byte, 1, line.size() + 1));
      diagnostics.DataQuality(Severity::kError, {path_, line_number_, column}, kDqRejectedRow, {},
                              "invalid JSON: " + ParseErrorMessage(error.what()), ShownLine(line));
      return false;
    } catch (const std::exception& error) {
      diagnostics.DataQuality(Severity::kError, {path_, line_number_, first_column}, kDqRejectedRow, {},
                              "invalid JSON: " + ParseErrorMessage(error.what()), ShownLine(line));
      return false;
    }
    if (!object.is_object()) {
      diagnostics.DataQuality(Severity::kError, {path_, line_number_, first_column}, kDqRejectedRow, {},
                              "expected a JSON object holding one incident", ShownLine(line));
      return false;
    }

    RecordOrigin origin{path_name_, line_number_, 0};
    Record record;
    std::vector<Problem> problems;
    bool complete = builder_.Build(object, join_.incident_type(), "", {}, origin, &record, &problems);
    for (Problem& problem : problems) {
      diagnostics.DataQuality(problem.error ? Severity::kError : Severity::kWarning, origin,
                              problem.code ? problem.code : "", std::move(problem.field),
                              std::move(problem.message));
      if (!problem.error) ++counts_.cell_problems;
    }
    if (!complete) return false;

    const std::string& key_field = join_.key_field();
    std::string id = KeyText(record.Get(key_field));
    if (int first = seen_.Insert(id, line_number_)) {
      diagnostics.DataQuality(Severity::kError, origin, kDqDuplicateId, key_field,
                              "duplicate '" + key_field + "' '" + id + "' (first on line " +
                                  std::to_string(first) + ")");
      return false;
    }
    std::string missing;
    if (!join_.AttachPatient(&record, &missing)) {
      diagnostics.DataQuality(Severity::kWarning, origin, kDqUnknownPatient, join_.patient_key(),
                              "no patient '" + missing + "' in '" +
                                  std::filesystem::path(join_.patients()->path).filename().string() +
                                  "'");
      ++counts_.cell_problems;
    }
    *out = std::make_shared<const Record>(std::move(record));
    return true;
  }

  std::string path_;
  InternedPath path_name_;  // path_, for the origin of every record
  std::unique_ptr<std::istream> input_;
  IncidentJoin join_;
  JsonRecordBuilder builder_;
  int line_number_ = 0;
  bool read_failed_ = false;
  SeenKeys seen_;
  SourceCounts counts_;
  std::vector<std::string> identifier_keys_;  // '"name"', '"nhs_number"': JSON keys of identifiers
  bool identifier_keys_collected_ = false;
};

}  // namespace

std::unique_ptr<RecordSource> IncidentJsonlFromStream(std::string path,
                                                      std::unique_ptr<std::istream> input,
                                                      const SourceOptions& options,
                                                      std::shared_ptr<const KeyedTable> patients,
                                                      Diagnostics& diagnostics) {
  const RecordType* incident_type = options.schemas ? options.schemas->Find("incident") : nullptr;
  if (incident_type == nullptr) {
    diagnostics.Error({path, 0, 0}, "no record type 'incident' is declared");
    return nullptr;
  }
  IncidentJoin join(*incident_type, options.schemas, std::move(patients));
  return std::make_unique<IncidentJsonlSource>(std::move(path), std::move(input), options,
                                               std::move(join));
}

std::unique_ptr<RecordSource> OpenIncidentJsonl(const std::string& path,
                                                const SourceOptions& options,
                                                std::shared_ptr<const KeyedTable> patients,
                                                Diagnostics& diagnostics) {
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) {
    diagnostics.Error({path, 0, 0}, "cannot read '" + path + "'");
    return nullptr;
  }
  return IncidentJsonlFromStream(path, std::move(file), options, std::move(patients), diagnostics);
}

}  // namespace uofa
