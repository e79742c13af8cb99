#include "engine/sources/joined_table.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <numeric>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "engine/base/batch_reader.h"
#include "engine/base/parallel.h"
#include "engine/sources/incident_join.h"
#include "engine/sources/key_positions.h"
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

// The numbers 0..count-1 in the order of the sizes of the files `path` gives for them, largest
// first (a file that cannot be sized, or "", counts as empty; ties keep their order), so that
// passes over the files spread evenly over the cores.
std::vector<std::size_t> LargestFirst(std::size_t count,
                                      const std::function<std::string(std::size_t)>& path) {
  std::vector<std::uintmax_t> sizes(count, 0);
  for (std::size_t i = 0; i < count; ++i) {
    std::error_code failed;
    const std::string file = path(i);
    const std::uintmax_t size = file.empty() ? 0 : fs::file_size(file, failed);
    if (!failed) sizes[i] = size;
  }
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
  return order;
}

// One child table: read whole and grouped by the parent key, or, when its rows come in the order
// of their parents' rows, streamed beside the parent table (`reader` set), so that only the rows
// of the parent being read are held in memory.
struct ChildRows {
  struct Row {
    std::shared_ptr<const Record> record;
    int key_line = 0;
    int key_column = 0;
  };
  struct Orphan {
    std::string key;
    int key_line = 0;
    int key_column = 0;
  };
  const FieldDef* field = nullptr;  // the parent's list field it fills
  std::string path;
  std::string kind;
  bool lines_from_file = true;  // false: a database table, with no source lines to show
  std::unordered_map<std::string, std::vector<Row>> by_key;
  SourceCounts counts;

  // Streamed: the rows as read on a thread of their own, the row read ahead, and the rows whose
  // parent was passed without being read (reported when the parent table ends).
  struct Read {
    std::shared_ptr<const Record> record;  // null: the table has ended
    std::string key;
    int key_line = 0;
    int key_column = 0;
    Diagnostics problems;  // found while reading this row (and rows rejected before it)
    SourceCounts counts;   // the table's, once this row is read
    // The row before has the same key, and this row may follow it in the children's order
    // (checked here, on the reading thread, while both rows are in its cache).
    bool follows = false;
  };
  std::unique_ptr<BatchReader<Read>> stream;
  bool started = false;
  // The row read ahead, where it is in its batch (nothing moved out of it but its record, when
  // taken): null before the first Advance and after the end, its record null at the end.
  Read* ahead = nullptr;
  std::vector<Orphan> orphans;

  bool HasAhead() const { return ahead != nullptr && ahead->record != nullptr; }

  // Starts reading the table on a thread of its own.
  void Stream(std::unique_ptr<TableReader> reader, const FieldDef* key_field) {
    std::shared_ptr<TableReader> table = std::move(reader);
    auto fill = [table, key_field, order = ChildOrder(table->type())](std::vector<Read>* batch,
                                                                      std::size_t size) mutable {
      while (batch->size() < size) {
        Read& read = batch->emplace_back();
        Record record;
        bool more = table->Next(&record, read.problems);
        read.counts = table->counts();
        if (!more) return false;
        AssignKeyText(record.fields[key_field->slot], &read.key);
        Record::CellPosition key_at = table->CellPositionOf(*key_field);
        read.key_line = key_at.line;
        read.key_column = key_at.column;
        read.record = ShareRecord(std::move(record));
        read.follows = order.Follows(read.key, *read.record);
      }
      return true;
    };
    stream = std::make_unique<BatchReader<Read>>(fill, kStreamBatch, kStreamBatchesAhead);
  }

  // Makes the next row the one read `ahead`, reporting its problems.
  void Advance(Diagnostics& diagnostics) {
    started = true;
    ahead = stream->Next();
    if (ahead == nullptr) return;
    if (!ahead->problems.Empty()) diagnostics.Merge(ahead->problems);
    counts = ahead->counts;
  }

 private:
  // A child table holds several rows per parent (nearly four observations an incident in the
  // generated national data), so its reader keeps up to 8,192 rows ready, some two thousand
  // parents' worth, and sleeps until half are taken. With 2,048 ready (a few hundred parents), it
  // slept and woke twice as often.
  static constexpr std::size_t kStreamBatch = 256;
  static constexpr std::size_t kStreamBatchesAhead = 32;
};

// The table at `path` (a CSV file), or table `table` of the spec's database.
std::unique_ptr<TableReader> OpenTable(const JoinedTableSpec& spec, const std::string& path,
                                       const std::string& table, const RecordType& type,
                                       const FieldParseOptions& parse, Diagnostics& diagnostics,
                                       const std::string& key_field) {
  if (spec.database == nullptr) return TableReader::Open(path, type, parse, diagnostics, {key_field});
  std::string mapping_path = (fs::path(spec.mapping_folder) / (table + ".csv")).string();
  std::unique_ptr<RowSource> rows = spec.database->OpenTable(table, mapping_path, diagnostics);
  if (!rows) return nullptr;
  return TableReader::FromRows(std::move(rows), type, parse, diagnostics, {key_field});
}

// Reads a child table whole, or with `stream`, opens it to be read beside its parent table.
// Problems opening it go to `diagnostics`, those of its rows read whole to `row_problems`.
std::unique_ptr<ChildRows> LoadChildRows(const JoinedTableSpec& spec,
                                         const JoinedTableSpec::Child& child,
                                         const FieldDef& field, const RecordType& element,
                                         const std::string& parent, const std::string& key_field,
                                         const FieldParseOptions& parse, bool stream,
                                         Diagnostics& diagnostics, Diagnostics& row_problems) {
  const std::string& path = child.path;
  if (element.Find(key_field) == nullptr) {
    diagnostics.Error({path, 0, 0}, "record type '" + element.name() + "' has no field '" +
                                        key_field + "' to join it to its '" + parent + "'");
    return nullptr;
  }
  std::unique_ptr<TableReader> reader =
      OpenTable(spec, path, child.table, element, parse, diagnostics, key_field);
  if (!reader) return nullptr;
  auto table = std::make_unique<ChildRows>();
  table->field = &field;
  table->path = path;
  table->lines_from_file = spec.database == nullptr;
  table->kind = element.name();
  const FieldDef* key = element.Find(key_field);
  if (stream) {
    table->Stream(std::move(reader), key);
    return table;
  }
  std::string key_text;
  Record record;
  while (reader->Next(&record, row_problems)) {
    AssignKeyText(record.fields[key->slot], &key_text);
    Record::CellPosition key_at = reader->CellPositionOf(*key);
    table->by_key[key_text].push_back({ShareRecord(std::move(record)), key_at.line, key_at.column});
  }
  table->counts = reader->counts();
  return table;
}

// The key pass estimates how many rows a table holds when it has read this many rows, then eight
// times as many, and so on, each time for at most eight times the rows read: first rows shorter
// than the rest make room for more keys than there are, but never more than eight times those read.
constexpr std::uint64_t kRowsBeforeEstimate = 4096;
constexpr std::uint64_t kMostGrowthPerEstimate = 8;

// Hands the key of every row of a table to `visit`, in row order with the row's index, until
// `visit` returns false: a quick first pass (the key cell alone is read, problems are left for the
// real pass to report) that keeps nothing. With `expect`, also tells it now and then how many
// rows, and bytes of keys, the table likely holds, from how far into the file the rows read go
// (for a table that says how far it has been read). False when the table cannot be read.
bool VisitKeys(const JoinedTableSpec& spec, const std::string& path, const std::string& table,
               const RecordType& type, const FieldParseOptions& parse, const std::string& key_field,
               const std::function<bool(std::string_view, std::uint32_t)>& visit,
               const std::function<void(std::size_t, std::size_t)>& expect = nullptr) {
  Diagnostics ignored;
  std::unique_ptr<TableReader> reader =
      OpenTable(spec, path, table, type, parse, ignored, key_field);
  if (!reader) return false;
  const FieldDef* field = type.Find(key_field);
  std::string key;
  std::size_t key_bytes = 0;
  std::uint64_t next_estimate = kRowsBeforeEstimate;
  for (std::uint32_t row = 0; reader->NextKey(*field, &key, ignored); ++row) {
    key_bytes += key.size();
    if (expect && row + 1 == next_estimate) {
      next_estimate *= kMostGrowthPerEstimate;
      const double fraction = reader->FractionRead();
      if (fraction > 0 && fraction < 1) {
        const double scale = std::min(1 / fraction, static_cast<double>(kMostGrowthPerEstimate));
        expect(static_cast<std::size_t>(static_cast<double>(row + 1) * scale),
               static_cast<std::size_t>(static_cast<double>(key_bytes) * scale));
      }
    }
    if (!visit(key, row)) break;
  }
  return true;
}

// Each key of the parent table and the row it is on; nullopt when a key repeats or the table
// cannot be read.
std::optional<KeyPositions> ReadPositions(const JoinedTableSpec& spec, const RecordType& type,
                                          const FieldParseOptions& parse,
                                          const std::string& key_field) {
  KeyPositions positions;
  bool repeated = false;
  bool read = VisitKeys(
      spec, spec.path, spec.table, type, parse, key_field,
      [&](std::string_view key, std::uint32_t row) {
        if (key.empty()) return true;  // rejected in the real pass
        repeated = !positions.Insert(key, row);
        return !repeated;
      },
      [&](std::size_t rows, std::size_t key_bytes) { positions.Reserve(rows, key_bytes); });
  if (!read || repeated) return std::nullopt;
  return positions;
}

// Whether each child row's parent comes at or after the previous child row's parent (rows
// naming no parent may be anywhere): then the rows can be joined as both tables are read.
// Reading stops at the first row out of order.
bool InParentOrder(const JoinedTableSpec& spec, const JoinedTableSpec::Child& child,
                   const RecordType& element, const FieldParseOptions& parse,
                   const std::string& key_field, const KeyPositions& positions) {
  std::uint32_t last = 0;
  bool ordered = true;
  std::string previous;  // the key of the row before, whose parent is known to be in order
  std::uint32_t near = KeyPositions::kNone;  // the last parent found
  bool read = VisitKeys(spec, child.path, child.table, element, parse, key_field,
                        [&](std::string_view key, std::uint32_t row) {
                          // A parent's rows come one after another: no lookup for the second.
                          if (row > 0 && key == previous) return true;
                          previous.assign(key);
                          std::uint32_t found = positions.FindNear(key, &near);
                          if (found == KeyPositions::kNone) return true;
                          ordered = found >= last;
                          last = found;
                          return ordered;
                        });
  return read && ordered;
}

// The record field filled from the lookup table, and the field of the row naming its key.
struct Lookup {
  std::shared_ptr<const KeyedTable> table;
  const FieldDef* field = nullptr;
  std::string key_field;
  int key_slot = -1;
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
    lookup.key_slot = type.Find(lookup.key_field)->slot;
    break;
  }
  return lookup;
}

// What it takes to open a joined table again with its child tables' order checked first: kept by
// a source whose child tables are streamed without that check.
struct Reopening {
  JoinedTableSpec spec;
  SourceOptions options;
};

std::unique_ptr<RecordSource> OpenJoined(const JoinedTableSpec& spec, const SourceOptions& options,
                                         Diagnostics& diagnostics, Diagnostics& whole_rows);

class JoinedTableSource : public RecordSource {
 public:
  JoinedTableSource(std::unique_ptr<TableReader> table, std::string key_field,
                    std::vector<ChildRows> children, Lookup lookup,
                    std::optional<KeyPositions> positions, std::optional<Reopening> reopening)
      : table_(std::move(table)),
        key_field_(std::move(key_field)),
        key_slot_(table_->type().Find(key_field_)->slot),
        children_(std::move(children)),
        lookup_(std::move(lookup)),
        positions_(std::move(positions)),
        reopening_(std::move(reopening)) {
    UpdateCounts();
  }

  const std::string& kind() const override { return table_->type().name(); }

  bool Next(std::shared_ptr<const Record>* out, Diagnostics& diagnostics) override {
    Record record;
    while (table_->Next(&record, diagnostics)) {
      std::string& key = key_;
      AssignKeyText(record.At(key_slot_), &key);
      // With key positions the first pass found every key once: no key to remember here.
      if (int first = positions_ ? 0 : seen_.Insert(key, record.origin.line)) {
        table_->ErrorAtCell(diagnostics, key_field_,
                            "duplicate '" + key_field_ + "' '" + key + "' (first on " +
                                table_->line_word() + " " + std::to_string(first) + ")",
                            kDqDuplicateId);
        table_->CountRejected();
        continue;
      }
      std::uint32_t at = positions_ ? positions_->FindNear(key, &near_) : KeyPositions::kNone;
      const bool look_up = StartLookup(record);
      for (ChildRows& child : children_) {
        if (child.stream) {
          AttachStreamed(child, key, at, &record, diagnostics);
        } else {
          AttachChildren(child, key, &record);
        }
      }
      if (look_up) AttachLookup(&record, diagnostics);
      if (reopening_ && at != KeyPositions::kNone) {
        if (at >= produced_.size()) produced_.resize(std::size_t{at} + 1);
        produced_[at] = true;
      }
      *out = ShareRecord(std::move(record));
      UpdateCounts();
      return true;
    }
    if (!finished_) {
      finished_ = true;
      for (ChildRows& child : children_) DrainStreamed(child, diagnostics);
      ReportOrphans(diagnostics);
    }
    UpdateCounts();
    return false;
  }

  const SourceCounts& counts() const override { return counts_; }
  double FractionRead() const override { return table_->FractionRead(); }

  std::unique_ptr<RecordSource> ReopenChecked(Diagnostics& problems) override {
    if (!reopening_) return nullptr;
    JoinedTableSpec spec = reopening_->spec;
    spec.lookup = PendingKeyedTable(lookup_.table);  // read once, for both
    SourceOptions options = reopening_->options;
    options.child_order_checked_while_read = false;
    Diagnostics opening;  // reported when this source was opened
    std::unique_ptr<RecordSource> source = OpenJoined(spec, options, opening, problems);
    if (!source) problems.Merge(opening);
    return source;
  }

  std::vector<SourceInput> inputs() const override {
    std::vector<SourceInput> list;
    list.push_back({table_->path(), kind(), table_->counts().rows_read});
    for (const ChildRows& child : children_) {
      list.push_back({child.path, child.kind, child.counts.rows_read});
    }
    return list;
  }

 private:
  void AttachChildren(ChildRows& child, const std::string& key, Record* record) {
    std::vector<std::shared_ptr<const Record>>& rows = rows_;
    auto found = child.by_key.find(key);
    if (found != child.by_key.end()) {
      rows.reserve(found->second.size());
      for (ChildRows::Row& row : found->second) rows.push_back(std::move(row.record));
      child.by_key.erase(found);
    }
    SetChildren(child, &rows, /*ordered=*/false, record);
  }

  // The streamed rows of the parent at `key`, whose position is `at`; rows of parents passed
  // without being read (rejected rows) are orphans.
  void AttachStreamed(ChildRows& child, const std::string& key, std::uint32_t at, Record* record,
                      Diagnostics& diagnostics) {
    std::vector<std::shared_ptr<const Record>>& rows = rows_;
    bool ordered = true;  // each row taken may follow the one taken before it
    if (!child.started) child.Advance(diagnostics);
    while (at != KeyPositions::kNone && child.HasAhead()) {
      // A parent's rows come one after another: its own key needs no lookup (keys and positions
      // are one to one). Another key is a later parent's, most often one of the next few, or an
      // orphan.
      ChildRows::Read& ahead = *child.ahead;
      if (ahead.key == key) {
        // A row that follows has the key of the row read before it: the last one taken.
        ordered = ordered && (rows.empty() || ahead.follows);
        rows.push_back(std::move(ahead.record));
      } else {
        std::uint32_t near = near_;
        std::uint32_t parent = positions_->FindNear(ahead.key, &near);
        if (parent != KeyPositions::kNone && parent > at) break;
        CheckNotProduced(child, parent);
        child.orphans.push_back({ahead.key, ahead.key_line, ahead.key_column});
      }
      child.Advance(diagnostics);
    }
    SetChildren(child, &rows, ordered, record);
  }

  // Moves `*rows` into the record's list field in the children's order (`ordered`: known to be
  // in it already), leaving `*rows` empty (its buffer kept).
  static void SetChildren(const ChildRows& child, std::vector<std::shared_ptr<const Record>>* rows,
                          bool ordered, Record* record) {
    if (!ordered) OrderChildren(rows);
    // The list beside the record, in its arena.
    ValueList items(record->fields.get_allocator());
    items.reserve(rows->size());
    for (auto& row : *rows) items.push_back(Value::OfRecord(std::move(row)));
    rows->clear();
    record->fields[child.field->slot] = Value::List(ShareList(std::move(items)));
  }

  // Whether `record` names a row of the lookup table to attach (AttachLookup): then its key is
  // kept, and the table's slot for it asked into the cache while the child rows are attached.
  // A lookup in a national table of patients was mostly a wait for that slot.
  bool StartLookup(const Record& record) {
    if (lookup_.field == nullptr) return false;
    if (!record.fields[lookup_.field->slot].is_null()) return false;
    AssignKeyText(record.At(lookup_.key_slot), &lookup_key_);
    if (lookup_key_.empty()) return false;
    lookup_.table->keys.Prefetch(lookup_key_);
    return true;
  }

  // Attaches the row of the lookup table named by the key StartLookup kept, or reports that the
  // table has none.
  void AttachLookup(Record* record, Diagnostics& diagnostics) {
    const std::string& key = lookup_key_;
    const std::shared_ptr<const Record>* found = lookup_.table->Find(key);
    if (found == nullptr) {
      table_->WarningAtCell(diagnostics, lookup_.key_field,
                            "no " + lookup_.table->type->name() + " '" + key + "' in '" +
                                FileName(lookup_.table->path) + "'",
                            kDqUnknownPatient);
      ++unknown_lookups_;
      return;
    }
    record->fields[lookup_.field->slot] = LookupValue(lookup_.table, *found, record);
  }

  // The streamed rows left once the parent table ends belong to no row read (the last row read
  // took every row after it whose parent came before it).
  static void DrainStreamed(ChildRows& child, Diagnostics& diagnostics) {
    if (!child.stream) return;
    if (!child.started) child.Advance(diagnostics);
    while (child.HasAhead()) {
      const ChildRows::Read& ahead = *child.ahead;
      child.orphans.push_back({ahead.key, ahead.key_line, ahead.key_column});
      child.Advance(diagnostics);
    }
  }

  // A streamed row whose parent (at `parent`) was passed is an orphan if the parent was rejected;
  // if the parent was produced, the table is not in the parents' order, which, unless it was
  // checked before it was read, stops the reading (ChildRowsOutOfOrder).
  void CheckNotProduced(const ChildRows& child, std::uint32_t parent) const {
    if (reopening_ && parent < produced_.size() && produced_[parent]) {
      throw ChildRowsOutOfOrder(child.path);
    }
  }

  // Child rows left once every row is read belong to no row read.
  void ReportOrphans(Diagnostics& diagnostics) {
    std::string parent_file = FileName(table_->path());
    for (ChildRows& child : children_) {
      std::vector<ChildRows::Orphan> orphans = std::move(child.orphans);
      for (auto& [key, rows] : child.by_key) {
        for (ChildRows::Row& row : rows) orphans.push_back({key, row.key_line, row.key_column});
      }
      std::sort(orphans.begin(), orphans.end(), [](const auto& a, const auto& b) {
        return std::pair(a.key_line, a.key_column) < std::pair(b.key_line, b.key_column);
      });
      std::vector<int> lines;
      for (const ChildRows::Orphan& orphan : orphans) lines.push_back(orphan.key_line);
      std::unordered_map<int, std::string> texts;
      if (child.lines_from_file) texts = ReadLines(child.path, lines);
      for (const ChildRows::Orphan& orphan : orphans) {
        diagnostics.DataQuality(Severity::kError, {child.path, orphan.key_line, orphan.key_column},
                                kDqOrphanRow, key_field_,
                                "no " + kind() + " '" + orphan.key + "' was read from '" +
                                    parent_file + "'",
                                texts[orphan.key_line]);
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
  int key_slot_;
  std::string key_;  // of the row being read
  std::string lookup_key_;  // of the row being read, in the lookup table
  std::vector<std::shared_ptr<const Record>> rows_;  // the child rows being attached to it
  std::vector<ChildRows> children_;
  Lookup lookup_;
  std::optional<KeyPositions> positions_;  // set when a child table is streamed
  std::uint32_t near_ = KeyPositions::kNone;  // the number of the last key found in positions_
  // Set when child tables are streamed without their order checked first: then the rows (of
  // positions_) of the parents produced so far.
  std::optional<Reopening> reopening_;
  std::vector<bool> produced_;
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
    children.push_back(
        {field.name, (fs::path(directory) / (field.name + ".csv")).string(), field.name});
  }
  return children;
}

namespace {

// OpenJoinedTable, with the problems of the rows of child tables read whole to `whole_rows`.
std::unique_ptr<RecordSource> OpenJoined(const JoinedTableSpec& spec, const SourceOptions& options,
                                         Diagnostics& diagnostics, Diagnostics& whole_rows) {
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
      OpenTable(spec, spec.path, spec.table, type, options.parse, diagnostics, key_field);
  if (!table) return nullptr;

  struct ChildLoad {
    const JoinedTableSpec::Child* child;
    const FieldDef* field;
    const RecordType* element;
    bool read;  // false: only `problems` (a table not read) to report in its place
    bool stream = false;  // read beside the table rather than whole
    std::unique_ptr<ChildRows> rows;
    Diagnostics problems;
    Diagnostics row_problems;  // of its rows, read whole
  };
  std::vector<ChildLoad> loads;
  std::vector<std::string> split_fields = table->SplitFields();
  for (const JoinedTableSpec::Child& child : spec.children) {
    const FieldDef* field = type.Find(child.field);
    if (field == nullptr || field->kind != FieldKind::kList) continue;
    const RecordType* element = ElementType(*field, options.schemas);
    if (element == nullptr) continue;
    std::error_code ignored;
    if (spec.database ? !spec.database->HasTable(child.table)
                      : !fs::is_regular_file(child.path, ignored)) {
      continue;
    }
    if (std::find(split_fields.begin(), split_fields.end(), child.field) != split_fields.end()) {
      // The mapping fills this list from a column of the table: one source of rows, not two.
      ChildLoad& skipped =
          loads.emplace_back(ChildLoad{&child, field, element, false, false, nullptr, {}, {}});
      skipped.problems.Warning({child.path, 0, 0}, "'" + child.field +
                                                  "' is filled from a split column of the mapping "
                                                  "of '" +
                                                  FileName(spec.path) + "' in uofa.yaml; this " +
                                                  (spec.database ? "table" : "file") +
                                                  " is not read");
      continue;
    }
    loads.push_back({&child, field, element, true, false, nullptr, {}, {}});
  }
  // A child table whose rows come in the order of their parents' rows is streamed beside the
  // table, so that memory does not grow with the data; any other is read whole before the first
  // row. Which is which is found by a first pass over the keys of every file, or, with
  // child_order_checked_while_read, every child table is streamed and checked as it is read.
  std::optional<KeyPositions> positions;
  const bool checked_while_read = options.child_order_checked_while_read;
  std::vector<std::size_t> by_size = LargestFirst(loads.size(), [&](std::size_t i) {
    return spec.database ? std::string() : loads[i].child->path;
  });
  if (!spec.database && !loads.empty()) {
    // The parent's keys first (their rows are what the children's order is checked against),
    // then the children's on every core, the largest files first; no file's keys are kept.
    positions = ReadPositions(spec, type, options.parse, key_field);
    bool any = false;
    if (positions) {
      std::vector<char> ordered(loads.size(), 0);
      auto joinable = [&](std::size_t i) {
        return loads[i].read && loads[i].element->Find(key_field) != nullptr;
      };
      if (checked_while_read) {
        for (std::size_t i = 0; i < loads.size(); ++i) ordered[i] = joinable(i);
      } else {
        ParallelFor(loads.size(), [&](std::size_t k) {
          const std::size_t i = by_size[k];
          if (joinable(i)) {
            ordered[i] = InParentOrder(spec, *loads[i].child, *loads[i].element, options.parse,
                                       key_field, *positions);
          }
        });
      }
      for (std::size_t i = 0; i < loads.size(); ++i) {
        loads[i].stream = ordered[i] != 0;
        any = any || loads[i].stream;
      }
    }
    if (!any) positions.reset();
  }
  // Child tables read whole are read on every core, each with its own problems, reported in
  // table order as if read one after the other. The tables of one database share its
  // connection, so they are read in turn.
  auto load = [&](std::size_t i) {
    ChildLoad& item = loads[i];
    if (!item.read) return;
    item.rows = LoadChildRows(spec, *item.child, *item.field, *item.element, type.name(), key_field,
                              options.parse, item.stream, item.problems, item.row_problems);
  };
  if (spec.database) {
    for (std::size_t i = 0; i < loads.size(); ++i) load(i);
  } else {
    ParallelFor(loads.size(), [&](std::size_t k) { load(by_size[k]); });
  }
  std::vector<ChildRows> children;
  bool streamed = false;
  for (ChildLoad& item : loads) {
    diagnostics.Merge(item.problems);
    whole_rows.Merge(item.row_problems);
    streamed = streamed || item.stream;
    if (item.rows) children.push_back(std::move(*item.rows));
  }
  std::optional<Reopening> reopening;
  if (checked_while_read && streamed) {
    reopening = Reopening{spec, options};
    reopening->spec.lookup = nullptr;  // ReopenChecked hands on the table read for this source
  }
  PendingKeyedTable lookup = spec.lookup;
  return std::make_unique<JoinedTableSource>(std::move(table), std::move(key_field),
                                             std::move(children), FindLookup(type, lookup.Get()),
                                             std::move(positions), std::move(reopening));
}

}  // namespace

std::unique_ptr<RecordSource> OpenJoinedTable(const JoinedTableSpec& spec,
                                              const SourceOptions& options,
                                              Diagnostics& diagnostics) {
  return OpenJoined(spec, options, diagnostics, diagnostics);
}

}  // namespace uofa
