#include "engine/sources/joined_table.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <utility>

#include "engine/sources/incident_join.h"
#include "uofa/data_quality.h"

namespace uofa {
namespace {

namespace fs = std::filesystem;

std::string FileName(const std::string& path) { return fs::path(path).filename().string(); }

// The text of some lines of a file (sorted line numbers), read again only for the rare orphan
// row rather than keeping every child row's text in memory.
std::unordered_map<int, std::string> ReadLines(const std::string& path,
                                               const std::vector<int>& sorted_lines) {
  std::unordered_map<int, std::string> texts;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::size_t next = 0;
  for (int number = 1; next < sorted_lines.size() && std::getline(in, line); ++number) {
    if (number != sorted_lines[next]) continue;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    texts[number] = line;
    while (next < sorted_lines.size() && sorted_lines[next] == number) ++next;
  }
  return texts;
}

// One child table, read whole and grouped by the parent key.
struct ChildRows {
  struct Row {
    std::shared_ptr<const Record> record;
    int key_line = 0;
    int key_column = 0;
  };
  const FieldDef* field = nullptr;  // the parent's list field it fills
  std::string path;
  std::string kind;
  std::unordered_map<std::string, std::vector<Row>> by_key;
  SourceCounts counts;
};

std::unique_ptr<ChildRows> LoadChildRows(const std::string& path, const FieldDef& field,
                                         const RecordType& element, const std::string& parent,
                                         const std::string& key_field,
                                         const FieldParseOptions& parse, Diagnostics& diagnostics) {
  if (element.Find(key_field) == nullptr) {
    diagnostics.Error({path, 0, 0}, "record type '" + element.name() + "' has no field '" +
                                        key_field + "' to join it to its '" + parent + "'");
    return nullptr;
  }
  std::unique_ptr<TableReader> reader =
      TableReader::Open(path, element, parse, diagnostics, {key_field});
  if (!reader) return nullptr;
  auto table = std::make_unique<ChildRows>();
  table->field = &field;
  table->path = path;
  table->kind = element.name();
  Record record;
  while (reader->Next(&record, diagnostics)) {
    std::string key = KeyText(record.Get(key_field));
    SourceLocation key_at = reader->CellLocation(key_field);
    table->by_key[key].push_back(
        {std::make_shared<const Record>(std::move(record)), key_at.line, key_at.column});
    record = Record();
  }
  table->counts = reader->counts();
  return table;
}

// The record field filled from the lookup table, and the field of the row naming its key.
struct Lookup {
  std::shared_ptr<const KeyedTable> table;
  const FieldDef* field = nullptr;
  std::string key_field;
};

Lookup FindLookup(const RecordType& type, std::shared_ptr<const KeyedTable> table) {
  Lookup lookup;
  if (table == nullptr) return lookup;
  for (const FieldDef& field : type.fields()) {
    if (field.kind != FieldKind::kRecord || field.of != table->type->name()) continue;
    if (type.Find(table->key_field) == nullptr) continue;
    lookup.table = std::move(table);
    lookup.field = &field;
    lookup.key_field = lookup.table->key_field;
    break;
  }
  return lookup;
}

class JoinedTableSource : public RecordSource {
 public:
  JoinedTableSource(std::unique_ptr<TableReader> table, std::string key_field,
                    std::vector<ChildRows> children, Lookup lookup)
      : table_(std::move(table)),
        key_field_(std::move(key_field)),
        children_(std::move(children)),
        lookup_(std::move(lookup)) {
    UpdateCounts();
  }

  const std::string& kind() const override { return table_->type().name(); }

  bool Next(std::shared_ptr<const Record>* out, Diagnostics& diagnostics) override {
    Record record;
    while (table_->Next(&record, diagnostics)) {
      std::string key = KeyText(record.Get(key_field_));
      if (int first = seen_.Insert(key, record.origin.line)) {
        table_->ErrorAtCell(diagnostics, key_field_,
                            "duplicate '" + key_field_ + "' '" + key + "' (first on line " +
                                std::to_string(first) + ")",
                            kDqDuplicateId);
        table_->CountRejected();
        continue;
      }
      for (ChildRows& child : children_) AttachChildren(child, key, &record);
      AttachLookup(&record, diagnostics);
      *out = std::make_shared<const Record>(std::move(record));
      UpdateCounts();
      return true;
    }
    if (!finished_) {
      finished_ = true;
      ReportOrphans(diagnostics);
    }
    UpdateCounts();
    return false;
  }

  const SourceCounts& counts() const override { return counts_; }
  double FractionRead() const override { return table_->FractionRead(); }

  std::vector<SourceInput> inputs() const override {
    std::vector<SourceInput> list;
    list.push_back({table_->path(), kind(), table_->counts().rows_read});
    for (const ChildRows& child : children_) {
      list.push_back({child.path, child.kind, child.counts.rows_read});
    }
    return list;
  }

 private:
  static void AttachChildren(ChildRows& child, const std::string& key, Record* record) {
    std::vector<std::shared_ptr<const Record>> rows;
    auto found = child.by_key.find(key);
    if (found != child.by_key.end()) {
      rows.reserve(found->second.size());
      for (ChildRows::Row& row : found->second) rows.push_back(std::move(row.record));
      child.by_key.erase(found);
    }
    OrderChildren(&rows);
    ValueList items;
    items.reserve(rows.size());
    for (auto& row : rows) items.push_back(Value::OfRecord(std::move(row)));
    record->fields[child.field->slot] = Value::List(std::move(items));
  }

  void AttachLookup(Record* record, Diagnostics& diagnostics) {
    if (lookup_.field == nullptr) return;
    if (!record->fields[lookup_.field->slot].is_null()) return;
    std::string key = KeyText(record->Get(lookup_.key_field));
    if (key.empty()) return;
    const auto& by_key = lookup_.table->by_key;
    auto it = by_key.find(key);
    if (it == by_key.end()) {
      table_->WarningAtCell(diagnostics, lookup_.key_field,
                            "no " + lookup_.table->type->name() + " '" + key + "' in '" +
                                FileName(lookup_.table->path) + "'",
                            kDqUnknownPatient);
      ++unknown_lookups_;
      return;
    }
    record->fields[lookup_.field->slot] = Value::OfRecord(it->second);
  }

  // Child rows left once every row is read belong to no row read.
  void ReportOrphans(Diagnostics& diagnostics) {
    std::string parent_file = FileName(table_->path());
    for (ChildRows& child : children_) {
      std::vector<std::pair<std::string, ChildRows::Row*>> orphans;
      for (auto& [key, rows] : child.by_key) {
        for (ChildRows::Row& row : rows) orphans.emplace_back(key, &row);
      }
      std::sort(orphans.begin(), orphans.end(), [](const auto& a, const auto& b) {
        return std::pair(a.second->key_line, a.second->key_column) <
               std::pair(b.second->key_line, b.second->key_column);
      });
      std::vector<int> lines;
      for (const auto& [key, row] : orphans) lines.push_back(row->key_line);
      std::unordered_map<int, std::string> texts = ReadLines(child.path, lines);
      for (auto& [key, row] : orphans) {
        diagnostics.DataQuality(Severity::kError, {child.path, row->key_line, row->key_column},
                                kDqOrphanRow, key_field_,
                                "no " + kind() + " '" + key + "' was read from '" + parent_file +
                                    "'",
                                texts[row->key_line]);
      }
      child.counts.rows_rejected += orphans.size();
      child.by_key.clear();
    }
  }

  void UpdateCounts() {
    counts_ = table_->counts();
    for (const ChildRows& child : children_) {
      counts_.rows_read += child.counts.rows_read;
      counts_.rows_rejected += child.counts.rows_rejected;
      counts_.cell_problems += child.counts.cell_problems;
    }
    counts_.cell_problems += unknown_lookups_;
  }

  std::unique_ptr<TableReader> table_;
  std::string key_field_;
  std::vector<ChildRows> children_;
  Lookup lookup_;
  SeenKeys seen_;
  std::size_t unknown_lookups_ = 0;
  bool finished_ = false;
  SourceCounts counts_;
};

}  // namespace

std::vector<JoinedTableSpec::Child> ChildTablesBeside(const RecordType& type,
                                                      const std::string& directory,
                                                      const SourceOptions& options) {
  std::vector<JoinedTableSpec::Child> children;
  for (const FieldDef& field : type.fields()) {
    if (field.kind != FieldKind::kList) continue;
    if (ElementType(field, options.schemas) == nullptr) continue;
    children.push_back({field.name, (fs::path(directory) / (field.name + ".csv")).string()});
  }
  return children;
}

std::unique_ptr<RecordSource> OpenJoinedTable(const JoinedTableSpec& spec,
                                              const SourceOptions& options,
                                              Diagnostics& diagnostics) {
  if (spec.type == nullptr) {
    diagnostics.Error({spec.path, 0, 0}, "no record type is declared for this table");
    return nullptr;
  }
  const RecordType& type = *spec.type;
  std::string key_field = spec.key_field;
  if (key_field.empty()) key_field = type.id_field();
  if (key_field.empty()) key_field = type.name() + "_id";
  if (type.Find(key_field) == nullptr) {
    diagnostics.Error({spec.path, 0, 0},
                      "record type '" + type.name() + "' has no key field '" + key_field + "'");
    return nullptr;
  }
  std::unique_ptr<TableReader> table =
      TableReader::Open(spec.path, type, options.parse, diagnostics, {key_field});
  if (!table) return nullptr;

  std::vector<ChildRows> children;
  std::vector<std::string> split_fields = table->SplitFields();
  for (const JoinedTableSpec::Child& child : spec.children) {
    const FieldDef* field = type.Find(child.field);
    if (field == nullptr || field->kind != FieldKind::kList) continue;
    const RecordType* element = ElementType(*field, options.schemas);
    if (element == nullptr) continue;
    std::error_code ignored;
    if (!fs::is_regular_file(child.path, ignored)) continue;
    if (std::find(split_fields.begin(), split_fields.end(), child.field) != split_fields.end()) {
      // The mapping fills this list from a column of the table: one source of rows, not two.
      diagnostics.Warning({child.path, 0, 0}, "'" + child.field +
                                                  "' is filled from a split column of the mapping "
                                                  "of '" +
                                                  FileName(spec.path) +
                                                  "' in uofa.yaml; this file is not read");
      continue;
    }
    auto rows = LoadChildRows(child.path, *field, *element, type.name(), key_field, options.parse,
                              diagnostics);
    if (rows) children.push_back(std::move(*rows));
  }
  return std::make_unique<JoinedTableSource>(std::move(table), std::move(key_field),
                                             std::move(children), FindLookup(type, spec.lookup));
}

}  // namespace uofa
