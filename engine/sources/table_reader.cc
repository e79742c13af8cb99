#include "engine/sources/table_reader.h"

#include <cctype>
#include <filesystem>
#include <memory>
#include <new>
#include <unordered_map>
#include <utility>

#include "engine/base/text.h"
#include "engine/sources/incident_join.h"
#include "uofa/data_quality.h"

namespace uofa {
namespace {

// Sets `*slot`, a null value as StartRecord leaves it, to what `make` returns, built where it is to
// live rather than built and moved there: a table's cells are millions of values. Should `make`
// throw, the slot is null again.
template <typename Make>
void BuildInPlace(Value* slot, Make&& make) {
  std::destroy_at(slot);
  try {
    ::new (static_cast<void*>(slot)) Value(make());
  } catch (...) {
    ::new (static_cast<void*>(slot)) Value();
    throw;
  }
}

}  // namespace

std::string KeyText(const Value& value) {
  std::string text;
  AssignKeyText(value, &text);
  return text;
}

void AssignKeyText(const Value& value, std::string* text) {
  switch (value.kind()) {
    case ValueKind::kString: text->assign(value.as_string()); break;
    case ValueKind::kInt: *text = std::to_string(value.as_int()); break;
    default: text->clear();
  }
}

TableReader::TableReader(std::unique_ptr<RowSource> reader, const RecordType& type,
                         const FieldParseOptions& parse)
    : reader_(std::move(reader)), path_name_(reader_->path()), type_(&type), parse_(parse) {}

std::unique_ptr<TableReader> TableReader::Open(const std::string& path, const RecordType& type,
                                               const FieldParseOptions& parse,
                                               Diagnostics& diagnostics,
                                               const std::vector<std::string>& required_columns) {
  std::unique_ptr<RowSource> rows = OpenCsvRows(path, diagnostics);
  if (!rows) return nullptr;
  return FromRows(std::move(rows), type, parse, diagnostics, required_columns);
}

std::unique_ptr<TableReader> TableReader::FromStream(std::string path,
                                                     std::unique_ptr<std::istream> input,
                                                     const RecordType& type,
                                                     const FieldParseOptions& parse,
                                                     Diagnostics& diagnostics,
                                                     const std::vector<std::string>& required_columns) {
  return FromRows(CsvRowsFromStream(std::move(path), std::move(input)), type, parse, diagnostics,
                  required_columns);
}

std::unique_ptr<TableReader> TableReader::FromRows(std::unique_ptr<RowSource> rows,
                                                   const RecordType& type,
                                                   const FieldParseOptions& parse,
                                                   Diagnostics& diagnostics,
                                                   const std::vector<std::string>& required_columns) {
  std::unique_ptr<TableReader> table(new TableReader(std::move(rows), type, parse));
  table->UseMapping();
  if (!table->ReadHeader(diagnostics, required_columns)) return nullptr;
  return table;
}

void TableReader::UseMapping() {
  labels_.assign(type_->fields().size(), nullptr);
  if (parse_.mappings == nullptr) return;
  mapping_ = parse_.mappings->ForPath(reader_->mapping_path());
  if (mapping_ == nullptr) return;
  reader_->UseFileMapping(*mapping_);
  if (!mapping_->booleans.empty()) parse_.truth_words = &mapping_->booleans;
  if (mapping_->date_format) parse_.date_format = &*mapping_->date_format;
  if (mapping_->datetime_format) parse_.datetime_format = &*mapping_->datetime_format;
  for (const auto& [name, labels] : mapping_->values) {
    if (const FieldDef* field = type_->Find(name)) labels_[field->slot] = &labels;
  }
  const FieldDef* parent_key = type_->Find(type_->id_field());
  for (const SplitMapping& spec : mapping_->splits) {
    CompiledSplit split;
    split.spec = &spec;
    split.list_field = type_->Find(spec.into);
    if (split.list_field == nullptr || split.list_field->kind != FieldKind::kList) continue;
    split.element = ElementType(*split.list_field, parse_.schemas);
    if (split.element == nullptr) continue;
    bool complete = true;
    for (const std::string& name : spec.fields) {
      const FieldDef* field = split.element->Find(name);
      complete = complete && field != nullptr;
      split.fields.push_back(field);
      auto labels = spec.values.find(name);
      split.labels.push_back(labels == spec.values.end() ? nullptr : &labels->second);
    }
    if (!complete) continue;  // reported when the mapping was checked
    if (parent_key != nullptr) split.key_field = split.element->Find(parent_key->name);
    const FieldDef* seq = split.element->Find("seq");
    bool seq_listed = false;
    for (const FieldDef* field : split.fields) seq_listed = seq_listed || field == seq;
    if (seq != nullptr && seq->kind == FieldKind::kInt && !seq_listed) split.seq_field = seq;
    splits_.push_back(std::move(split));
  }
}

std::vector<std::string> TableReader::SplitFields() const {
  std::vector<std::string> fields;
  for (const CompiledSplit& split : splits_) fields.push_back(split.list_field->name);
  return fields;
}

bool TableReader::NextKey(const FieldDef& field, std::string* key, Diagnostics& diagnostics) {
  const int column = field_columns_[field.slot];
  if (column < 0) return false;
  const bool as_written = labels_[field.slot] == nullptr &&
                          (field.kind == FieldKind::kString || field.kind == FieldKind::kText);
  std::string error;
  while (NextWellFormedRow(diagnostics, column)) {
    const std::string_view text = row_.cells[column].text;
    bool empty = false;
    if (as_written) {
      // A text key is the cell as written (ParseFieldText), here without a Value made of it.
      empty = TrimSpace(text).empty();
      if (empty) key->clear(); else key->assign(text);
    } else {
      bool unlisted = false;
      Value value = ParseCell(field, labels_[field.slot], text, &error, &unlisted, nullptr);
      empty = value.is_null();
      AssignKeyText(value, key);
    }
    if (!empty || !IsRequired(field)) return true;
    ++counts_.rows_rejected;
  }
  return false;
}

Record::CellPosition TableReader::CellPositionOf(const FieldDef& field) const {
  if (field_columns_[field.slot] >= 0) {
    const CsvCell& cell = row_.cells[field_columns_[field.slot]];
    return {cell.line, cell.column};
  }
  return {row_.line, 0};
}

bool TableReader::ReadHeader(Diagnostics& diagnostics,
                             const std::vector<std::string>& required_columns) {
  const std::string& path = reader_->path();
  field_columns_.assign(type_->fields().size(), -1);
  required_.assign(type_->fields().size(), 0);
  for (const FieldDef& field : type_->fields()) required_[field.slot] = field.required;
  for (const std::string& name : required_columns) {
    if (const FieldDef* field = type_->Find(name)) required_[field->slot] = 1;
  }

  RowSource::Status status = reader_->Next(&row_, diagnostics);
  if (status == RowSource::Status::kEnd) {
    diagnostics.Error({path, 0, 0}, "no header row: the file is empty");
    return false;
  }
  if (status == RowSource::Status::kMalformed) return false;

  std::unordered_map<std::string, const FieldDef*> by_lower_name;
  for (const FieldDef& field : type_->fields()) by_lower_name.emplace(AsciiLower(field.name), &field);

  column_fields_.assign(row_.cells.size(), nullptr);
  std::vector<bool> renamed_found(mapping_ ? mapping_->columns.size() : 0, false);
  for (std::size_t column = 0; column < row_.cells.size(); ++column) {
    const CsvCell& cell = row_.cells[column];
    SourceLocation at{path, cell.line, cell.column};
    std::string line(row_.LineText(cell.line));
    std::string_view name = TrimSpace(cell.text);
    bool split = false;
    for (CompiledSplit& entry : splits_) {
      if (entry.column < 0 && EqualsIgnoringCase(name, TrimSpace(entry.spec->column))) {
        entry.column = static_cast<int>(column);
        split = true;
        break;
      }
    }
    if (split) continue;
    if (mapping_ != nullptr) {
      for (std::size_t i = 0; i < mapping_->columns.size(); ++i) {
        if (EqualsIgnoringCase(name, TrimSpace(mapping_->columns[i].column))) {
          renamed_found[i] = true;
          name = mapping_->columns[i].field;
          break;
        }
      }
    }
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
    if (field->identifier) reader_->set_hide_source_lines(true);
  }

  std::string file = mapping_ ? mapping_->file : std::string();
  for (std::size_t i = 0; i < renamed_found.size(); ++i) {
    if (renamed_found[i]) continue;
    const FileMapping::Rename& rename = mapping_->columns[i];
    diagnostics.Warning(rename.at.at,
                        "column '" + rename.column + "' is not in the header of '" + file + "'",
                        rename.at.line);
  }
  for (const CompiledSplit& split : splits_) {
    if (split.column >= 0) continue;
    diagnostics.Warning(
        split.spec->column_at.at,
        "column '" + split.spec->column + "' is not in the header of '" + file + "'",
        split.spec->column_at.line);
  }

  bool complete = true;
  for (const FieldDef& field : type_->fields()) {
    if (field.kind == FieldKind::kList || field.kind == FieldKind::kRecord) continue;
    if (IsRequired(field) && field_columns_[field.slot] < 0) {
      diagnostics.Error({path, row_.line, 0}, "required column '" + field.name + "' is missing",
                        LineText(row_.line));
      complete = false;
    }
  }
  return complete;
}

bool TableReader::NextWellFormedRow(Diagnostics& diagnostics, int only_column) {
  for (;;) {
    RowSource::Status status =
        only_column >= 0
            ? reader_->NextCell(static_cast<std::size_t>(only_column), &row_, diagnostics)
            : reader_->Next(&row_, diagnostics);
    if (status == RowSource::Status::kEnd) return false;
    ++counts_.rows_read;
    if (status != RowSource::Status::kMalformed) return true;
    ++counts_.rows_rejected;
  }
}

bool TableReader::Next(Record* out, Diagnostics& diagnostics) {
  while (NextWellFormedRow(diagnostics)) {
    if (BuildRecord(out, diagnostics)) return true;
    ++counts_.rows_rejected;
  }
  return false;
}

bool TableReader::BuildRecord(Record* out, Diagnostics& diagnostics) {
  const std::string& path = reader_->path();
  std::size_t text_bytes = 0;  // the mapped cells: at least as much as their text as written
  for (std::size_t column = 0; column < column_fields_.size(); ++column) {
    if (column_fields_[column] != nullptr) text_bytes += row_.cells[column].text.size();
  }
  StartRecord(*type_, out, text_bytes);
  out->origin = {path_name_, row_.line, 0};
  out->cells = Record::Cells(type_->fields().size(), out->fields.get_allocator());
  bool accepted = true;
  std::string error;
  for (std::size_t column = 0; column < column_fields_.size(); ++column) {
    const FieldDef* field = column_fields_[column];
    if (field == nullptr) continue;
    const CsvCell& cell = row_.cells[column];
    bool unlisted = false;
    Value* slot = &out->fields[field->slot];
    BuildInPlace(slot, [&] {
      return ParseCell(*field, labels_[field->slot], cell.text, &error, &unlisted,
                       out->arena.get());
    });
    const Value& value = *slot;
    bool required = IsRequired(*field);
    out->cells[field->slot] = {cell.line, cell.column};
    const bool unmapped = unlisted;  // the problem's code says so even when the text is kept
    if (unlisted && error.empty() &&
        (field->kind == FieldKind::kString || field->kind == FieldKind::kText)) {
      error = "'" + std::string(TrimSpace(cell.text)) +
              "' is not listed in the mapping's values; it is kept as written";
      unlisted = false;
    }
    if (!error.empty()) {
      const char* code = CellProblemCode(*field, unmapped);
      if (field->identifier) ReplaceAll(error, std::string(TrimSpace(cell.text)), "[redacted]");
      std::string message = "'" + field->name + "': " + error;
      if (unlisted) message += ", and the mapping's values do not list it";
      SourceLocation at{path, cell.line, cell.column};
      if (required && value.is_null()) {
        diagnostics.DataQuality(Severity::kError, at, kDqRejectedRow, field->name, std::move(message),
                                LineText(cell.line));
        accepted = false;
      } else {
        diagnostics.DataQuality(Severity::kWarning, at, code, field->name, std::move(message),
                                LineText(cell.line));
        ++counts_.cell_problems;
      }
    } else if (required && value.is_null()) {
      diagnostics.DataQuality(Severity::kError, {path, cell.line, cell.column}, kDqRejectedRow,
                              field->name, "required field '" + field->name + "' is empty",
                              LineText(cell.line));
      accepted = false;
    }
  }
  if (!splits_.empty()) BuildSplitRows(out, diagnostics);
  return accepted;
}

void TableReader::StartRecord(const RecordType& type, Record* out, std::size_t text_bytes) {
  const std::size_t fields = type.fields().size();
  // The values, the cells' positions, the text, and the shared record with its count of references.
  constexpr std::size_t kShared = 256;
  const std::size_t need =
      fields * (sizeof(Value) + sizeof(Record::CellPosition)) + text_bytes + kShared;
  ArenaRef arena = arena_.Next(need);
  Record::Fields values(fields, ArenaAllocator<Value>(arena.get()));
  out->type = &type;
  // The record's previous values and cells (of a row rejected) go while their arena, the
  // record's reference until the last line, is kept.
  out->cells = Record::Cells();
  out->fields = std::move(values);
  out->arena = std::move(arena);
}

Value TableReader::ParseMappedCell(const FieldDef& field, const LabelMap& labels,
                                   std::string_view text, std::string* error, bool* unlisted,
                                   Arena* arena) {
  if (!TrimSpace(text).empty()) {
    if (const std::string* mapped = labels.Find(text, &scratch_)) {
      return ParseFieldText(field, *mapped, parse_, error, arena);
    }
    *unlisted = true;
  }
  return ParseFieldText(field, text, parse_, error, arena);
}

void TableReader::BuildSplitRows(Record* out, Diagnostics& diagnostics) {
  const std::string& path = reader_->path();
  const FieldDef* parent_key = type_->Find(type_->id_field());
  std::string error;
  for (const CompiledSplit& split : splits_) {
    if (split.column < 0) continue;
    const CsvCell& cell = row_.cells[split.column];
    SourceLocation at{path, cell.line, cell.column};
    auto warn = [&](std::string message, const char* code) {
      diagnostics.DataQuality(Severity::kWarning, at, code, split.spec->column,
                              "'" + split.spec->column + "': " + std::move(message),
                              LineText(cell.line));
      ++counts_.cell_problems;
    };
    ValueList items(out->fields.get_allocator());
    std::string_view rest = cell.text;
    int listed = 0;
    while (!rest.empty() || listed == 0) {
      std::size_t end = rest.find(split.spec->separator);
      std::string_view item = TrimSpace(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view()
                                           : rest.substr(end + split.spec->separator.size());
      if (item.empty()) {
        if (rest.empty()) break;
        continue;
      }
      ++listed;
      std::vector<std::string_view> parts;
      if (split.fields.size() == 1) {
        parts.push_back(item);
      } else {
        std::string_view remaining = item;
        for (;;) {
          std::size_t stop = remaining.find(split.spec->part_separator);
          parts.push_back(TrimSpace(remaining.substr(0, stop)));
          if (stop == std::string_view::npos) break;
          remaining.remove_prefix(stop + split.spec->part_separator.size());
        }
      }
      if (parts.size() != split.fields.size()) {
        warn("item " + std::to_string(listed) + " has " + std::to_string(parts.size()) +
             (parts.size() == 1 ? " part" : " parts") + " but the mapping names " +
             std::to_string(split.fields.size()) + " fields; the item is not read",
             kDqBadValue);
        continue;
      }
      Record child;
      std::size_t text_bytes = 0;
      for (std::string_view part : parts) text_bytes += part.size();
      const Value* key = parent_key != nullptr ? &out->fields[parent_key->slot] : nullptr;
      if (key != nullptr && key->kind() == ValueKind::kString) {
        text_bytes += key->as_string().size();
      }
      StartRecord(*split.element, &child, text_bytes);
      child.origin = {path_name_, row_.line, 0};
      if (split.key_field != nullptr && key != nullptr) {
        // A copy of text in the parent's arena would point into it: the child's is its own.
        child.fields[split.key_field->slot] =
            key->kind() == ValueKind::kString ? Value::StringIn(child.arena.get(), key->as_string())
                                              : *key;
      }
      if (split.seq_field != nullptr) child.fields[split.seq_field->slot] = Value::Int(listed);
      for (std::size_t part = 0; part < parts.size(); ++part) {
        bool unlisted = false;
        Value value = ParseCell(*split.fields[part], split.labels[part], parts[part], &error,
                                &unlisted, child.arena.get());
        if (!error.empty()) {
          warn("'" + split.fields[part]->name + "': " + error +
                   (unlisted ? ", and the mapping's values do not list it" : ""),
               CellProblemCode(*split.fields[part], unlisted));
        }
        child.fields[split.fields[part]->slot] = std::move(value);
      }
      items.push_back(Value::OfRecord(ShareRecord(std::move(child))));
    }
    out->fields[split.list_field->slot] = Value::List(ShareList(std::move(items)));
  }
}

SourceLocation TableReader::CellLocation(std::string_view field) const {
  const FieldDef* def = type_->Find(field);
  Record::CellPosition at = def != nullptr ? CellPositionOf(*def) : Record::CellPosition{row_.line, 0};
  return {reader_->path(), at.line, at.column};
}

// Patient-identifying cells (name, NHS number) are overwritten byte for byte with '*', so that the
// caret stays under its column and no identifier reaches a message, a log or a report.
std::string TableReader::LineText(int line) const {
  std::string text(row_.LineText(line));
  const std::size_t columns = std::min(row_.cells.size(), column_fields_.size());
  for (std::size_t column = 0; column < columns; ++column) {
    const FieldDef* field = column_fields_[column];
    if (field == nullptr || !field->identifier) continue;
    const CsvCell& cell = row_.cells[column];
    const CsvCell* next = column + 1 < row_.cells.size() ? &row_.cells[column + 1] : nullptr;
    if (cell.line > line || (next != nullptr && next->line < line)) continue;  // not on this line
    std::size_t begin = cell.line == line ? static_cast<std::size_t>(cell.column - 1) : 0;
    std::size_t end = next != nullptr && next->line == line ? static_cast<std::size_t>(next->column - 2) : text.size();
    for (std::size_t i = begin; i < std::min(end, text.size()); ++i) text[i] = '*';
  }
  return text;
}

void TableReader::ErrorAtCell(Diagnostics& diagnostics, std::string_view field,
                              std::string message, const char* code) const {
  SourceLocation at = CellLocation(field);
  std::string line = LineText(at.line);
  diagnostics.DataQuality(Severity::kError, std::move(at), code ? code : "",
                          code ? std::string(field) : std::string(), std::move(message),
                          std::move(line));
}

void TableReader::WarningAtCell(Diagnostics& diagnostics, std::string_view field,
                                std::string message, const char* code) const {
  SourceLocation at = CellLocation(field);
  std::string line = LineText(at.line);
  diagnostics.DataQuality(Severity::kWarning, std::move(at), code ? code : "",
                          code ? std::string(field) : std::string(), std::move(message),
                          std::move(line));
}

Value LookupValue(const std::shared_ptr<const KeyedTable>& table,
                  const std::shared_ptr<const Record>& row, Record* record) {
  Arena* arena = record->arena.get();
  if (arena == nullptr) return Value::OfRecord(row);
  arena->KeepAlive(table);
  return Value::OfRecord(Borrowed(row.get()));
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
    if (const std::shared_ptr<const Record>* first = table->Find(key)) {
      reader->ErrorAtCell(diagnostics, key_field,
                          "duplicate '" + key_field + "' '" + key + "' (first on " +
                              reader->line_word() + " " + std::to_string((*first)->origin.line) +
                              ")",
                          kDqDuplicateId);
      reader->CountRejected();
      continue;
    }
    table->keys.Insert(key, static_cast<std::uint32_t>(table->records.size()));
    table->records.push_back(ShareRecord(std::move(record)));
    record = Record();
  }
  table->counts = reader->counts();
  return table;
}

}  // namespace uofa
