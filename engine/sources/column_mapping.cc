#include "engine/sources/column_mapping.h"

#include <filesystem>

#include "engine/base/text.h"
#include "engine/record/record_type.h"
#include "engine/sources/incident_join.h"
#include "engine/sources/source_registry.h"

namespace uofa {
namespace {

namespace fs = std::filesystem;

void LowerInto(std::string_view text, std::string* out) {
  text = TrimSpace(text);
  out->assign(text.data(), text.size());
  for (char& c : *out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Each CSV file of the folder with the record type it feeds: the registered files, and beside
// each the child tables of its list fields (incidents/interventions.csv, training.csv).
std::vector<std::pair<std::string, const RecordType*>> CsvFiles(const SchemaRegistry& schemas) {
  std::vector<std::pair<std::string, const RecordType*>> files;
  auto add = [&files](std::string name, const RecordType* type) {
    for (const auto& [known, ignored] : files) {
      if (known == name) return;
    }
    files.emplace_back(std::move(name), type);
  };
  for (const SourceKind& kind : SourceKinds()) {
    const RecordType* type = schemas.Find(kind.kind);
    if (type == nullptr) continue;
    for (const char* file : kind.files) {
      if (!EndsWith(file, ".csv")) continue;
      add(file, type);
      std::string directory = fs::path(file).parent_path().generic_string();
      for (const FieldDef& field : type->fields()) {
        if (field.kind != FieldKind::kList) continue;
        const RecordType* element = ElementType(field, &schemas);
        if (element == nullptr) continue;
        add(directory.empty() ? field.name + ".csv" : directory + "/" + field.name + ".csv",
            element);
      }
    }
  }
  return files;
}

}  // namespace

bool LabelMap::Add(std::string_view label, std::string value) {
  std::string key;
  LowerInto(label, &key);
  return by_label_.emplace(std::move(key), std::move(value)).second;
}

const std::string* LabelMap::Find(std::string_view text, std::string* scratch) const {
  LowerInto(text, scratch);
  auto it = by_label_.find(*scratch);
  return it == by_label_.end() ? nullptr : &it->second;
}

const FileMapping* MappingSet::ForPath(const std::string& path) const {
  if (files.empty()) return nullptr;
  std::string relative = root.empty() ? fs::path(path).lexically_normal().generic_string()
                                      : fs::path(path)
                                            .lexically_normal()
                                            .lexically_relative(fs::path(root).lexically_normal())
                                            .generic_string();
  for (const FileMapping& file : files) {
    if (file.file == relative) return &file;
  }
  return nullptr;
}

const RecordType* RecordTypeOfAuditFile(std::string_view relative, const SchemaRegistry& schemas) {
  for (const auto& [file, type] : CsvFiles(schemas)) {
    if (file == relative) return type;
  }
  return nullptr;
}

std::vector<std::string> AuditCsvFiles(const SchemaRegistry& schemas) {
  std::vector<std::string> names;
  for (const auto& [file, type] : CsvFiles(schemas)) names.push_back(file);
  return names;
}

}  // namespace uofa
