#include "engine/sources/table_reader.h"

#include "engine/base/text.h"

#include <cctype>
#include <unordered_map>
#include <utility>

namespace uofa {
namespace {

}  // namespace

std::string KeyText(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kString: return value.as_string();
    case ValueKind::kInt: return std::to_string(value.as_int());
    default: return {};
  }
}

TableReader::TableReader(std::unique_ptr<CsvReader> reader, const RecordType& type,
                         const FieldParseOptions& parse)
    : reader_(std::move(reader)), type_(&type), parse_(parse) {}

std::unique_ptr<TableReader> TableReader::Open(const std::string& path, const RecordType& type,
                                               const FieldParseOptions& parse,
                                               Diagnostics& diagnostics,
                                               const std::vector<std::string>& required_columns) {
  std::unique_ptr<CsvReader> reader = CsvReader::Open(path, diagnostics);
  if (!reader) return nullptr;
  std::unique_ptr<TableReader> table(new TableReader(std::move(reader), type, parse));
  if (!table->ReadHeader(diagnostics, required_columns)) return nullptr;
  return table;
}

std::unique_ptr<TableReader> TableReader::FromStream(std::string path,
                                                     std::unique_ptr<std::istream> input,
                                                     const RecordType& type,
                                                     const FieldParseOptions& parse,
                                                     Diagnostics& diagnostics,
                                                     const std::vector<std::string>& required_columns) {
  auto reader = std::make_unique<CsvReader>(std::move(path), std::move(input));
  std::unique_ptr<TableReader> table(new TableReader(std::move(reader), type, parse));
  if (!table->ReadHeader(diagnostics, required_columns)) return nullptr;
  return table;
}

bool TableReader::IsRequired(const FieldDef& field) const {
  return field.required || extra_required_[field.slot];
}

bool TableReader::ReadHeader(Diagnostics& diagnostics,
                             const std::vector<std::string>& required_columns) {
  const std::string& path = reader_->path();
  field_columns_.assign(type_->fields().size(), -1);
  extra_required_.assign(type_->fields().size(), false);
  for (const std::string& name : required_columns) {
    if (const FieldDef* field = type_->Find(name)) extra_required_[field->slot] = true;
  }

  CsvReader::Status status = reader_->Next(&row_, diagnostics);
  if (status == CsvReader::Status::kEnd) {
    diagnostics.Error({path, 0, 0}, "no header row: the file is empty");
    return false;
  }
  if (status == CsvReader::Status::kMalformed) return false;

  std::unordered_map<std::string, const FieldDef*> by_lower_name;
  for (const FieldDef& field : type_->fields()) by_lower_name.emplace(AsciiLower(field.name), &field);

  column_fields_.assign(row_.cells.size(), nullptr);
  for (std::size_t column = 0; column < row_.cells.size(); ++column) {
    const CsvCell& cell = row_.cells[column];
    SourceLocation at{path, cell.line, cell.column};
    std::string line(row_.LineText(cell.line));
    std::string_view name = TrimSpace(cell.text);
    if (name.empty()) {
      diagnostics.Warning(at, "column " + std::to_string(column + 1) + " has no name and is ignored",
                          line);
      continue;
    }
    const FieldDef* field = type_->Find(name);
    if (field == nullptr) {
      auto it = by_lower_name.find(AsciiLower(name));
      if (it != by_lower_name.end()) field = it->second;
    }
    if (field == nullptr) {
      diagnostics.Warning(at, "column '" + std::string(name) + "' is not a field of '" +
                                  type_->name() + "' and is ignored", line);
      continue;
    }
    if (field->kind == FieldKind::kList || field->kind == FieldKind::kRecord) {
      diagnostics.Warning(at, "column '" + std::string(name) + "' is a " +
                                  FieldKindName(field->kind) + " field of '" + type_->name() +
                                  "' and cannot be read from a cell; it is ignored", line);
      continue;
    }
    if (field_columns_[field->slot] >= 0) {
      diagnostics.Warning(at, "column '" + std::string(name) +
                                  "' appears twice; the first is used", line);
      continue;
    }
    field_columns_[field->slot] = static_cast<int>(column);
    column_fields_[column] = field;
  }

  bool complete = true;
  for (const FieldDef& field : type_->fields()) {
    if (field.kind == FieldKind::kList || field.kind == FieldKind::kRecord) continue;
    if (IsRequired(field) && field_columns_[field.slot] < 0) {
      diagnostics.Error({path, row_.line, 0}, "required column '" + field.name + "' is missing",
                        std::string(row_.LineText(row_.line)));
      complete = false;
    }
  }
  return complete;
}

bool TableReader::Next(Record* out, Diagnostics& diagnostics) {
  for (;;) {
    CsvReader::Status status = reader_->Next(&row_, diagnostics);
    if (status == CsvReader::Status::kEnd) return false;
    ++counts_.rows_read;
    if (status == CsvReader::Status::kMalformed) {
      ++counts_.rows_rejected;
      continue;
    }
    if (BuildRecord(out, diagnostics)) return true;
    ++counts_.rows_rejected;
  }
}

bool TableReader::BuildRecord(Record* out, Diagnostics& diagnostics) {
  const std::string& path = reader_->path();
  out->type = type_;
  out->fields.assign(type_->fields().size(), Value());
  out->origin = {path, row_.line, 0};
  bool accepted = true;
  std::string error;
  for (std::size_t column = 0; column < column_fields_.size(); ++column) {
    const FieldDef* field = column_fields_[column];
    if (field == nullptr) continue;
    const CsvCell& cell = row_.cells[column];
    Value value = ParseFieldText(*field, cell.text, parse_, &error);
    bool required = IsRequired(*field);
    if (!error.empty()) {
      std::string message = "'" + field->name + "': " + error;
      SourceLocation at{path, cell.line, cell.column};
      if (required && value.is_null()) {
        diagnostics.Error(at, std::move(message), std::string(row_.LineText(cell.line)));
        accepted = false;
      } else {
        diagnostics.Warning(at, std::move(message), std::string(row_.LineText(cell.line)));
        ++counts_.cell_problems;
      }
    } else if (required && value.is_null()) {
      diagnostics.Error({path, cell.line, cell.column},
                        "required field '" + field->name + "' is empty",
                        std::string(row_.LineText(cell.line)));
      accepted = false;
    }
    out->fields[field->slot] = std::move(value);
  }
  return accepted;
}

SourceLocation TableReader::CellLocation(std::string_view field) const {
  const FieldDef* def = type_->Find(field);
  if (def != nullptr && field_columns_[def->slot] >= 0) {
    const CsvCell& cell = row_.cells[field_columns_[def->slot]];
    return {reader_->path(), cell.line, cell.column};
  }
  return {reader_->path(), row_.line, 0};
}

std::string TableReader::LineText(int line) const { return std::string(row_.LineText(line)); }

void TableReader::ErrorAtCell(Diagnostics& diagnostics, std::string_view field,
                              std::string message) const {
  SourceLocation at = CellLocation(field);
  std::string line = LineText(at.line);
  diagnostics.Error(std::move(at), std::move(message), std::move(line));
}

void TableReader::WarningAtCell(Diagnostics& diagnostics, std::string_view field,
                                std::string message) const {
  SourceLocation at = CellLocation(field);
  std::string line = LineText(at.line);
  diagnostics.Warning(std::move(at), std::move(message), std::move(line));
}

std::shared_ptr<const KeyedTable> LoadKeyedTable(const std::string& path, const RecordType& type,
                                                 const std::string& key_field,
                                                 const FieldParseOptions& parse,
                                                 Diagnostics& diagnostics) {
  if (type.Find(key_field) == nullptr) {
    diagnostics.Error({path, 0, 0}, "record type '" + type.name() + "' has no key field '" +
                                        key_field + "'");
    return nullptr;
  }
  std::unique_ptr<TableReader> reader =
      TableReader::Open(path, type, parse, diagnostics, {key_field});
  if (!reader) return nullptr;
  auto table = std::make_shared<KeyedTable>();
  table->path = path;
  table->type = &type;
  table->key_field = key_field;
  Record record;
  while (reader->Next(&record, diagnostics)) {
    std::string key = KeyText(record.Get(key_field));
    auto found = table->by_key.find(key);
    if (found != table->by_key.end()) {
      reader->ErrorAtCell(diagnostics, key_field,
                          "duplicate '" + key_field + "' '" + key + "' (first on line " +
                              std::to_string(found->second->origin.line) + ")");
      reader->CountRejected();
      continue;
    }
    auto shared = std::make_shared<const Record>(std::move(record));
    table->by_key.emplace(std::move(key), shared);
    table->records.push_back(std::move(shared));
    record = Record();
  }
  table->counts = reader->counts();
  return table;
}

}  // namespace uofa
