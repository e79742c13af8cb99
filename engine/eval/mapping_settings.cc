#include "engine/eval/mapping_settings.h"

#include "engine/base/text.h"
#include "engine/pack/yaml_checks.h"
#include "engine/sources/incident_join.h"

namespace uofa {
namespace {

const std::vector<std::string> kFileKeys = {
    "encoding",        "separator", "columns",  "date_format",
    "datetime_format", "values",    "booleans", "split"};
const std::vector<std::string> kSplitKeys = {"into",   "separator",      "field",
                                             "fields", "part_separator", "values"};
const std::vector<std::string> kBooleanKeys = {"true", "false", "unknown"};

class MappingReader {
 public:
  MappingReader(const SourceText& source, Diagnostics& diagnostics)
      : source_(source), diagnostics_(diagnostics) {}

  void ReadAll(const YamlNode& node, MappingSet* mappings) {
    if (node.IsNull()) return;
    if (!node.IsMapping()) {
      Error(node,
            "'mappings' must be a mapping of file names (such as 'incidents/incidents.csv') "
            "to their mappings");
      return;
    }
    for (const YamlEntry& entry : node.entries) {
      FileMapping file;
      file.file = entry.key->value;
      file.at = Place(*entry.key);
      bool repeated = false;
      for (const FileMapping& other : mappings->files)
        repeated = repeated || other.file == file.file;
      if (repeated) {
        Error(*entry.key, "file '" + file.file + "' is mapped twice");
        continue;
      }
      if (ReadFile(*entry.value, &file)) mappings->files.push_back(std::move(file));
    }
  }

 private:
  void Error(const YamlNode& node, std::string message) {
    ErrorAtNode(source_, diagnostics_, node, std::move(message));
    ok_ = false;
  }

  MappingPlace Place(const YamlNode& node) const {
    return {LocationOf(source_, node), std::string(source_.Line(node.line))};
  }

  bool Scalar(const YamlNode& node, const std::string& what) {
    if (node.IsScalar()) return true;
    Error(node, "'" + what + "' must be a single value");
    return false;
  }

  bool ReadFile(const YamlNode& node, FileMapping* file) {
    ok_ = true;
    if (!node.IsMapping()) {
      Error(node, "the mapping of '" + file->file + "' must be a mapping of settings");
      return false;
    }
    for (const YamlEntry& entry : node.entries) {
      const std::string& key = entry.key->value;
      const YamlNode& value = *entry.value;
      if (key == "encoding") {
        if (!Scalar(value, key)) continue;
        std::string name = AsciiLower(TrimSpace(value.value));
        if (name == "utf-8" || name == "utf8") {
          file->windows_1252 = false;
        } else if (name == "windows-1252" || name == "cp1252") {
          file->windows_1252 = true;
        } else {
          Error(value, "unknown encoding '" + value.value + "': use 'utf-8' or 'windows-1252'");
        }
      } else if (key == "separator") {
        if (!Scalar(value, key)) continue;
        std::string text = value.value == "tab" ? "\t" : value.value;
        if (text.size() != 1 || text == "\"" || text == "\n" || text == "\r") {
          Error(value, "'separator' must be one character, such as ',' or ';' (or 'tab')");
        } else {
          file->separator = text[0];
        }
      } else if (key == "columns") {
        ReadColumns(value, file);
      } else if (key == "date_format" || key == "datetime_format") {
        if (!Scalar(value, key)) continue;
        std::string error;
        auto format = DateFormat::Compile(value.value, key == "datetime_format", &error);
        if (!format)
          Error(value, error);
        else if (key == "date_format")
          file->date_format = std::move(format);
        else
          file->datetime_format = std::move(format);
      } else if (key == "values") {
        ReadValueMaps(value, "values", &file->values, &file->values_at);
      } else if (key == "booleans") {
        ReadBooleans(value, &file->booleans);
      } else if (key == "split") {
        ReadSplits(value, file);
      } else {
        Error(*entry.key, "unknown key '" + key + "' in the mapping of '" + file->file + "'" +
                              DidYouMean(key, kFileKeys));
      }
    }
    return ok_;
  }

  void ReadColumns(const YamlNode& node, FileMapping* file) {
    if (!node.IsMapping()) {
      Error(node, "'columns' must map the export's column names to canonical field names");
      return;
    }
    for (const YamlEntry& entry : node.entries) {
      if (!Scalar(*entry.value, "columns: " + entry.key->value)) continue;
      for (const FileMapping::Rename& other : file->columns) {
        if (EqualsIgnoringCase(TrimSpace(other.column), TrimSpace(entry.key->value))) {
          Error(*entry.key, "column '" + entry.key->value + "' is renamed twice");
        }
      }
      file->columns.push_back({entry.key->value, std::string(TrimSpace(entry.value->value)),
                               Place(*entry.key), Place(*entry.value)});
    }
  }

  void ReadValueMaps(const YamlNode& node, const std::string& what,
                     std::unordered_map<std::string, LabelMap>* maps,
                     std::unordered_map<std::string, MappingPlace>* places) {
    if (!node.IsMapping()) {
      Error(node, "'" + what + "' must map field names to their labels and values");
      return;
    }
    for (const YamlEntry& entry : node.entries) {
      const std::string& field = entry.key->value;
      const YamlNode& labels = *entry.value;
      if (!labels.IsMapping()) {
        Error(labels, "the values of '" + field +
                          "' must map labels to values, such as "
                          "{\"Face down\": \"01\"}");
        continue;
      }
      LabelMap& map = (*maps)[field];
      places->emplace(field, Place(*entry.key));
      for (const YamlEntry& label : labels.entries) {
        if (!Scalar(*label.value, field + ": " + label.key->value)) continue;
        if (!map.Add(label.key->value, label.value->value)) {
          Error(*label.key, "label '" + label.key->value + "' of '" + field + "' is listed twice");
        }
      }
    }
  }

  void ReadWords(const YamlNode& node, const std::string& what, std::vector<std::string>* words) {
    if (node.IsScalar()) {
      words->push_back(node.value);
      return;
    }
    if (!node.IsSequence()) {
      Error(node, "'" + what + "' must be a list of words, such as [Yes, Ticked]");
      return;
    }
    for (const YamlNodePtr& item : node.items) {
      if (Scalar(*item, what)) words->push_back(std::string(TrimSpace(item->value)));
    }
  }

  void ReadBooleans(const YamlNode& node, TruthWords* words) {
    if (!node.IsMapping()) {
      Error(node, "'booleans' must be a mapping with 'true', 'false' and 'unknown' word lists");
      return;
    }
    for (const YamlEntry& entry : node.entries) {
      std::string key = AsciiLower(entry.key->value);
      if (key == "true" || key == "yes") {
        ReadWords(*entry.value, "true", &words->yes);
      } else if (key == "false" || key == "no") {
        ReadWords(*entry.value, "false", &words->no);
      } else if (key == "unknown") {
        ReadWords(*entry.value, "unknown", &words->unknown);
      } else {
        Error(*entry.key, "unknown key '" + entry.key->value + "' in 'booleans'" +
                              DidYouMean(entry.key->value, kBooleanKeys));
      }
    }
  }

  void ReadSplits(const YamlNode& node, FileMapping* file) {
    if (!node.IsMapping()) {
      Error(node, "'split' must map column names to how each is split");
      return;
    }
    for (const YamlEntry& entry : node.entries) {
      SplitMapping split;
      split.column = entry.key->value;
      split.column_at = Place(*entry.key);
      const YamlNode& spec = *entry.value;
      if (!spec.IsMapping()) {
        Error(spec,
              "the split of '" + split.column + "' must be a mapping with 'into' and 'field'");
        continue;
      }
      bool has_into = false;
      for (const YamlEntry& setting : spec.entries) {
        const std::string& key = setting.key->value;
        const YamlNode& value = *setting.value;
        if (key == "into") {
          if (!Scalar(value, key)) continue;
          split.into = value.value;
          split.into_at = Place(value);
          has_into = true;
        } else if (key == "separator" || key == "part_separator") {
          if (!Scalar(value, key)) continue;
          if (value.value.empty()) {
            Error(value, "'" + key + "' must not be empty");
            continue;
          }
          (key == "separator" ? split.separator : split.part_separator) = value.value;
        } else if (key == "field") {
          if (!Scalar(value, key)) continue;
          split.fields.push_back(value.value);
          split.fields_at.push_back(Place(value));
        } else if (key == "fields") {
          if (!value.IsSequence() || value.items.empty()) {
            Error(value,
                  "'fields' must be a list of the child row's fields, in the order each "
                  "item gives them");
            continue;
          }
          for (const YamlNodePtr& item : value.items) {
            if (!Scalar(*item, key)) continue;
            split.fields.push_back(item->value);
            split.fields_at.push_back(Place(*item));
          }
        } else if (key == "values") {
          ReadValueMaps(value, "values", &split.values, &split.values_at);
        } else {
          Error(*setting.key, "unknown key '" + key + "' in the split of '" + split.column + "'" +
                                  DidYouMean(key, kSplitKeys));
        }
      }
      if (!has_into) Error(*entry.key, "the split of '" + split.column + "' has no 'into'");
      if (split.fields.empty()) {
        Error(*entry.key, "the split of '" + split.column + "' has no 'field' or 'fields'");
      }
      file->splits.push_back(std::move(split));
    }
  }

  const SourceText& source_;
  Diagnostics& diagnostics_;
  bool ok_ = true;
};

std::vector<std::string> FieldNames(const RecordType& type) {
  std::vector<std::string> names;
  for (const FieldDef& field : type.fields()) names.push_back(field.name);
  return names;
}

// A cell field named by a mapping; false (reported) when the type has no such field.
bool CheckField(const std::string& name, const MappingPlace& place, const RecordType& type,
                Diagnostics& diagnostics) {
  const FieldDef* field = type.Find(name);
  if (field == nullptr) {
    diagnostics.Error(place.at,
                      "'" + name + "' is not a field of '" + type.name() + "'" +
                          DidYouMean(name, FieldNames(type)),
                      place.line);
    return false;
  }
  if (field->kind == FieldKind::kList || field->kind == FieldKind::kRecord) {
    diagnostics.Error(place.at,
                      "'" + name + "' is a " + FieldKindName(field->kind) + " field of '" +
                          type.name() + "' and cannot be read from a cell",
                      place.line);
    return false;
  }
  return true;
}

}  // namespace

void ReadMappings(const SourceText& source, const YamlNode& node, MappingSet* mappings,
                  Diagnostics& diagnostics) {
  MappingReader(source, diagnostics).ReadAll(node, mappings);
}

void CheckMappings(const MappingSet& mappings, const SchemaRegistry& schemas,
                   Diagnostics& diagnostics) {
  for (const FileMapping& file : mappings.files) {
    const RecordType* type = RecordTypeOfAuditFile(file.file, schemas);
    if (type == nullptr) {
      diagnostics.Error(file.at.at,
                        "'" + file.file + "' is not a table the audit reads" +
                            DidYouMean(file.file, AuditCsvFiles(schemas)),
                        file.at.line);
      continue;
    }
    for (const FileMapping::Rename& rename : file.columns) {
      CheckField(rename.field, rename.field_at, *type, diagnostics);
    }
    for (const auto& [field, place] : file.values_at) CheckField(field, place, *type, diagnostics);
    for (const SplitMapping& split : file.splits) {
      const FieldDef* list = type->Find(split.into);
      if (list == nullptr || list->kind != FieldKind::kList ||
          ElementType(*list, &schemas) == nullptr) {
        std::vector<std::string> lists;
        for (const FieldDef& field : type->fields()) {
          if (field.kind == FieldKind::kList) lists.push_back(field.name);
        }
        diagnostics.Error(split.into_at.at,
                          "'" + split.into + "' is not a list field of '" + type->name() + "'" +
                              DidYouMean(split.into, lists),
                          split.into_at.line);
        continue;
      }
      const RecordType* element = ElementType(*list, &schemas);
      for (std::size_t i = 0; i < split.fields.size(); ++i) {
        CheckField(split.fields[i], split.fields_at[i], *element, diagnostics);
      }
      for (const auto& [field, place] : split.values_at) {
        bool listed = false;
        for (const std::string& name : split.fields) listed = listed || name == field;
        if (!listed) {
          diagnostics.Error(place.at,
                            "'" + field +
                                "' has values but is not one of the split's "
                                "fields",
                            place.line);
        }
      }
    }
  }
}

}  // namespace uofa
