#include "engine/sources/incident_tables.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/sources/incident_join.h"

namespace uofa {
namespace {

namespace fs = std::filesystem;

// The text of some lines of a file (sorted line numbers), read again only when there is an
// error to show: keeping every child row's text in memory for the rare orphan would double the
// memory the child tables take.
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

// One child table, read whole and grouped by incident.
struct ChildTable {
  struct Row {
    std::shared_ptr<const Record> record;
    int key_line = 0;  // the incident_id cell, for an orphan's error
    int key_column = 0;
  };
  const FieldDef* field = nullptr;  // the incident's list field it fills
  std::string path;
  std::string kind;
  std::unordered_map<std::string, std::vector<Row>> by_incident;
  SourceCounts counts;
};

class IncidentTablesSource : public RecordSource {
 public:
  IncidentTablesSource(std::unique_ptr<TableReader> incidents, std::vector<ChildTable> children,
                       IncidentJoin join)
      : incidents_(std::move(incidents)), children_(std::move(children)), join_(std::move(join)) {
    UpdateCounts();
  }

  const std::string& kind() const override { return join_.incident_type().name(); }

  bool Next(std::shared_ptr<const Record>* out, Diagnostics& diagnostics) override {
    Record record;
    while (incidents_->Next(&record, diagnostics)) {
      const std::string& key_field = join_.key_field();
      std::string id = KeyText(record.Get(key_field));
      if (int first = seen_.Insert(id, record.origin.line)) {
        incidents_->ErrorAtCell(diagnostics, key_field,
                                "duplicate '" + key_field + "' '" + id + "' (first on line " +
                                    std::to_string(first) + ")");
        incidents_->CountRejected();
        continue;
      }
      for (ChildTable& child : children_) {
        std::vector<std::shared_ptr<const Record>> rows;
        auto found = child.by_incident.find(id);
        if (found != child.by_incident.end()) {
          rows.reserve(found->second.size());
          for (ChildTable::Row& row : found->second) rows.push_back(std::move(row.record));
          child.by_incident.erase(found);
        }
        OrderChildren(&rows);
        ValueList items;
        items.reserve(rows.size());
        for (auto& row : rows) items.push_back(Value::OfRecord(std::move(row)));
        attached_ += items.size();
        record.fields[child.field->slot] = Value::List(std::move(items));
      }
      std::string missing;
      if (!join_.AttachPatient(&record, &missing)) {
        incidents_->WarningAtCell(diagnostics, join_.patient_key(),
                                  "no patient '" + missing + "' in '" +
                                      fs::path(join_.patients()->path).filename().string() + "'");
        ++unknown_patients_;
      }
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

  std::vector<SourceInput> inputs() const override {
    std::vector<SourceInput> list;
    list.push_back({incidents_->path(), kind(), incidents_->counts().rows_read});
    for (const ChildTable& child : children_) {
      list.push_back({child.path, child.kind, child.counts.rows_read});
    }
    return list;
  }

 private:
  // Child rows left over once every incident is read belong to no incident read.
  void ReportOrphans(Diagnostics& diagnostics) {
    std::string incidents_file = fs::path(incidents_->path()).filename().string();
    for (ChildTable& child : children_) {
      std::vector<std::pair<std::string, ChildTable::Row*>> orphans;
      for (auto& [id, rows] : child.by_incident) {
        for (ChildTable::Row& row : rows) orphans.emplace_back(id, &row);
      }
      std::sort(orphans.begin(), orphans.end(), [](const auto& a, const auto& b) {
        return std::pair(a.second->key_line, a.second->key_column) <
               std::pair(b.second->key_line, b.second->key_column);
      });
      std::vector<int> lines;
      for (const auto& [id, row] : orphans) lines.push_back(row->key_line);
      std::unordered_map<int, std::string> texts = ReadLines(child.path, lines);
      for (auto& [id, row] : orphans) {
        diagnostics.Error({child.path, row->key_line, row->key_column},
                          "no incident '" + id + "' was read from '" + incidents_file + "'",
                          texts[row->key_line]);
      }
      child.counts.rows_rejected += orphans.size();
      child.by_incident.clear();
    }
  }

  void UpdateCounts() {
    counts_ = incidents_->counts();
    for (const ChildTable& child : children_) {
      counts_.rows_read += child.counts.rows_read;
      counts_.rows_rejected += child.counts.rows_rejected;
      counts_.cell_problems += child.counts.cell_problems;
    }
    counts_.cell_problems += unknown_patients_;
  }

  std::unique_ptr<TableReader> incidents_;
  std::vector<ChildTable> children_;
  IncidentJoin join_;
  SeenKeys seen_;
  std::size_t attached_ = 0;
  std::size_t unknown_patients_ = 0;
  bool finished_ = false;
  SourceCounts counts_;
};

// Reads a child table whole, grouped by the incident key. nullptr when it cannot be read.
std::unique_ptr<ChildTable> LoadChildTable(const std::string& path, const FieldDef& field,
                                           const RecordType& element, const std::string& key_field,
                                           const FieldParseOptions& parse,
                                           Diagnostics& diagnostics) {
  if (element.Find(key_field) == nullptr) {
    diagnostics.Error({path, 0, 0}, "record type '" + element.name() + "' has no field '" +
                                        key_field + "' to join it to its incident");
    return nullptr;
  }
  std::unique_ptr<TableReader> reader =
      TableReader::Open(path, element, parse, diagnostics, {key_field});
  if (!reader) return nullptr;
  auto table = std::make_unique<ChildTable>();
  table->field = &field;
  table->path = path;
  table->kind = element.name();
  Record record;
  while (reader->Next(&record, diagnostics)) {
    std::string id = KeyText(record.Get(key_field));
    SourceLocation key_at = reader->CellLocation(key_field);
    table->by_incident[id].push_back(
        {std::make_shared<const Record>(std::move(record)), key_at.line, key_at.column});
    record = Record();
  }
  table->counts = reader->counts();
  return table;
}

}  // namespace

std::unique_ptr<RecordSource> OpenIncidentTables(const std::string& directory,
                                                 const SourceOptions& options,
                                                 std::shared_ptr<const KeyedTable> patients,
                                                 Diagnostics& diagnostics) {
  const RecordType* incident_type = options.schemas ? options.schemas->Find("incident") : nullptr;
  if (incident_type == nullptr) {
    diagnostics.Error({directory, 0, 0}, "no record type 'incident' is declared");
    return nullptr;
  }
  IncidentJoin join(*incident_type, options.schemas, std::move(patients));
  std::string incidents_path = (fs::path(directory) / "incidents.csv").string();
  std::unique_ptr<TableReader> incidents =
      TableReader::Open(incidents_path, *incident_type, options.parse, diagnostics,
                        {join.key_field()});
  if (!incidents) return nullptr;

  std::vector<ChildTable> children;
  for (const FieldDef& field : incident_type->fields()) {
    if (field.kind != FieldKind::kList) continue;
    const RecordType* element = ElementType(field, options.schemas);
    if (element == nullptr) continue;
    fs::path child_path = fs::path(directory) / (field.name + ".csv");
    std::error_code ignored;
    if (!fs::is_regular_file(child_path, ignored)) continue;
    auto child = LoadChildTable(child_path.string(), field, *element, join.key_field(),
                                options.parse, diagnostics);
    if (child) children.push_back(std::move(*child));
  }
  return std::make_unique<IncidentTablesSource>(std::move(incidents), std::move(children),
                                                std::move(join));
}

}  // namespace uofa
