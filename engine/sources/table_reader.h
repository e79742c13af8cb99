// TableReader: a table read as records of one kind: a CSV file, or a table of a SQLite database
// (the rows come from a RowSource, row_source.h). The header names the columns; each column is
// matched to a field of the record type and each cell parsed with ParseFieldText.
//
// - A column that names no field: one warning at its header cell; the column is ignored.
// - A required field (FieldDef::required, or a key column the caller requires) with no column:
//   an error at the header line, and the file is not read (Open returns nullptr).
// - A cell that cannot be read: a warning at the cell; the record is still produced with that
//   field null (or, for codes and enums, the unrecognised text).
// - A required field with no value, and a malformed CSV row: an error; the row is rejected.
// Every data row is counted: rows_read == records produced + rows_rejected.
//
// With a column mapping for the file (FieldParseOptions::mappings, column_mapping.h; for a
// database table, the mapping of the CSV file it stands for, RowSource::mapping_path): the
// separator and encoding are the mapping's (CSV only); header names are renamed to canonical fields before
// they are matched; a cell of a field with a value map is looked up there first (a label no map
// lists is parsed as written, so a code it is not is reported at the cell as usual, and a text
// field keeps it with a warning); booleans and dates follow the mapping's words and formats; a
// split column becomes the rows of a list field, one per listed item, each problem with an item
// a warning at the cell. A renamed or split column the header lacks is a warning at the mapping.
#ifndef UOFA_ENGINE_SOURCES_TABLE_READER_H_
#define UOFA_ENGINE_SOURCES_TABLE_READER_H_

#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/arena.h"
#include "engine/base/interned_path.h"
#include "engine/expr/value.h"
#include "engine/record/record_type.h"
#include "engine/sources/csv_reader.h"
#include "engine/sources/field_parser.h"
#include "engine/sources/key_positions.h"
#include "engine/sources/record_source.h"
#include "engine/sources/row_source.h"
#include "uofa/diagnostic.h"

namespace uofa {

class TableReader {
 public:
  /// Opens `path` and reads its header. `required_columns` adds fields that must have a column
  /// and a value in every row even where the schema does not mark them required (a join key).
  /// Returns nullptr, with the reason in `diagnostics`, when the file cannot be read at all.
  static std::unique_ptr<TableReader> Open(const std::string& path, const RecordType& type,
                                           const FieldParseOptions& parse,
                                           Diagnostics& diagnostics,
                                           const std::vector<std::string>& required_columns = {});
  /// The same over any stream; `path` names it in diagnostics.
  static std::unique_ptr<TableReader> FromStream(std::string path,
                                                 std::unique_ptr<std::istream> input,
                                                 const RecordType& type,
                                                 const FieldParseOptions& parse,
                                                 Diagnostics& diagnostics,
                                                 const std::vector<std::string>& required_columns = {});
  /// The same over any row source (a SQLite table, say).
  static std::unique_ptr<TableReader> FromRows(std::unique_ptr<RowSource> rows,
                                               const RecordType& type,
                                               const FieldParseOptions& parse,
                                               Diagnostics& diagnostics,
                                               const std::vector<std::string>& required_columns = {});

  /// Reads the next record into `*out` (type, fields, origin = path and row line); false at the
  /// end. Rejected rows are reported, counted and skipped.
  bool Next(Record* out, Diagnostics& diagnostics);

  /// Where a field's cell is in the row last returned by Next (the row's line and column 0 when
  /// the field has no column), and the text of that line, for diagnostics about the record.
  SourceLocation CellLocation(std::string_view field) const;
  std::string LineText(int line) const;
  /// Reports a problem with the row last returned by Next at the cell of `field`.
  /// With a data-quality `code` (uofa/data_quality.h), the diagnostic is a finding in `field`.
  void ErrorAtCell(Diagnostics& diagnostics, std::string_view field, std::string message,
                   const char* code = nullptr) const;
  void WarningAtCell(Diagnostics& diagnostics, std::string_view field, std::string message,
                     const char* code = nullptr) const;

  /// Reads only the key of the next row (a quick pass over a table's keys): `*key` is the text
  /// Next would give for `field`, a field of type() (KeyText of its value), without a record
  /// built or other cells parsed. Rows Next would reject for that cell (malformed, or the key
  /// empty or unreadable) are counted as rejected and skipped: a malformed row is reported as
  /// by Next, a key cell's problem is not, and problems with other cells are not seen.
  /// False at the end, or when `field` has no column.
  bool NextKey(const FieldDef& field, std::string* key, Diagnostics& diagnostics);
  /// Where a field's cell (a field of type()) is in the row last returned by Next (or, for the
  /// key's field, by NextKey), as CellLocation gives it, without the path.
  Record::CellPosition CellPositionOf(const FieldDef& field) const;

  /// Counts one more row rejected by the caller (a duplicate key, say) after Next returned it.
  void CountRejected() { ++counts_.rows_rejected; }

  const SourceCounts& counts() const { return counts_; }
  const std::string& path() const { return reader_->path(); }
  /// What the table's positions count as lines: "line" (a file) or "row" (a database table).
  const char* line_word() const { return reader_->line_word(); }
  const RecordType& type() const { return *type_; }
  /// List fields filled from a split column of the mapping (their child files are not read).
  std::vector<std::string> SplitFields() const;
  /// The share of the file read so far (0..1); negative when its size is not known.
  double FractionRead() const { return reader_->FractionRead(); }

 private:
  TableReader(std::unique_ptr<RowSource> reader, const RecordType& type,
              const FieldParseOptions& parse);
  bool ReadHeader(Diagnostics& diagnostics, const std::vector<std::string>& required_columns);
  // Reads the next row that is not malformed into row_ (a malformed one is reported by the row
  // source, counted read and rejected, and skipped); false at the end. With `only_column`, only
  // that cell of row_ need be filled in (RowSource::NextCell).
  bool NextWellFormedRow(Diagnostics& diagnostics, int only_column = -1);
  // Fills `*out` from row_; false when the row is rejected (already reported).
  bool BuildRecord(Record* out, Diagnostics& diagnostics);
  // Makes `*out` a record of `type` with every field null, its values in the current arena, which
  // has room for `text_bytes` of its text too.
  void StartRecord(const RecordType& type, Record* out, std::size_t text_bytes);
  // Whether the field is required by its type or by the caller (required_columns).
  bool IsRequired(const FieldDef& field) const { return required_[field.slot] != 0; }
  // Applies the file's mapping (from parse_.mappings), before the header is read.
  void UseMapping();
  // The cell's value, through the field's value map when it has one; its text is placed in `arena`
  // (that of the record it is for) when one is given. Inline: most fields have no value map, and
  // their cells go straight to the parser.
  Value ParseCell(const FieldDef& field, const LabelMap* labels, std::string_view text,
                  std::string* error, bool* unlisted, Arena* arena) {
    *unlisted = false;
    if (labels != nullptr) return ParseMappedCell(field, *labels, text, error, unlisted, arena);
    if (field.kind == FieldKind::kString || field.kind == FieldKind::kText) {
      // Most cells are text kept as written: read without ParseFieldText's frame, which its
      // other cases need.
      error->clear();
      return ParseTextField(text, arena);
    }
    return ParseFieldText(field, text, parse_, error, arena);
  }
  // ParseCell for a field with a value map.
  Value ParseMappedCell(const FieldDef& field, const LabelMap& labels, std::string_view text,
                        std::string* error, bool* unlisted, Arena* arena);
  // Fills the list field of each split column from its cell in row_.
  void BuildSplitRows(Record* out, Diagnostics& diagnostics);

  struct CompiledSplit {
    const SplitMapping* spec = nullptr;
    int column = -1;
    const FieldDef* list_field = nullptr;
    const RecordType* element = nullptr;
    std::vector<const FieldDef*> fields;  // by part of an item
    std::vector<const LabelMap*> labels;  // by part; nullptr: no value map
    const FieldDef* key_field = nullptr;  // the element's copy of the parent's key
    const FieldDef* seq_field = nullptr;  // numbered 1.. in the order listed
  };

  std::unique_ptr<RowSource> reader_;
  InternedPath path_name_;  // reader_->path(), for the origin of every record
  const RecordType* type_;
  FieldParseOptions parse_;
  CsvRow row_;
  std::vector<const FieldDef*> column_fields_;  // by column; nullptr: ignored column
  std::vector<int> field_columns_;              // by field slot; -1: no column
  std::vector<char> required_;                  // by field slot
  const FileMapping* mapping_ = nullptr;
  std::vector<const LabelMap*> labels_;  // by field slot; nullptr: no value map
  std::vector<CompiledSplit> splits_;
  std::string scratch_;
  SourceCounts counts_;
  ArenaSupply arena_;  // for the records' values
};

/// A whole table read into memory and indexed by a key field (patients, by patient_id), for
/// joins. Rows whose key is empty or repeats an earlier one are errors and are rejected.
struct KeyedTable {
  std::string path;
  const RecordType* type = nullptr;
  std::string key_field;
  std::vector<std::shared_ptr<const Record>> records;  ///< in file order
  KeyPositions keys;  ///< each record's key, with its index in `records`
  SourceCounts counts;

  /// The record whose key is `key`, or null.
  const std::shared_ptr<const Record>* Find(std::string_view key) const {
    std::uint32_t at = keys.Find(key);
    return at == KeyPositions::kNone ? nullptr : &records[at];
  }
};

/// The record `row` of `table` as the value of a field of `record`, a record being built on this
/// thread. When `record` is in an arena, the arena keeps the table alive and the value counts no
/// reference to the row: counted per record, every reference was an atomic operation on the row's
/// memory, by the thread reading and by the threads letting records go. A copy of the value is
/// then valid as long as `record` is. A record on the heap counts a reference.
Value LookupValue(const std::shared_ptr<const KeyedTable>& table,
                  const std::shared_ptr<const Record>& row, Record* record);

/// A KeyedTable that may still be being read on another thread: patients.csv is read while the
/// incidents' first pass reads their keys, and only their join waits for it. Made from a table
/// (or null: no table), it is ready.
class PendingKeyedTable {
 public:
  PendingKeyedTable() = default;
  PendingKeyedTable(std::nullptr_t) {}  // NOLINT: no table
  PendingKeyedTable(std::shared_ptr<const KeyedTable> table)  // NOLINT: a table read is ready
      : table_(std::move(table)) {}
  /// `wait` gives the table once read (null: none); it is called by the first Get only.
  explicit PendingKeyedTable(std::function<std::shared_ptr<const KeyedTable>()> wait)
      : wait_(std::move(wait)) {}

  /// The table, waiting for it to be read; null when there is none.
  const std::shared_ptr<const KeyedTable>& Get() {
    if (wait_) {
      table_ = wait_();
      wait_ = nullptr;
    }
    return table_;
  }

 private:
  std::shared_ptr<const KeyedTable> table_;
  std::function<std::shared_ptr<const KeyedTable>()> wait_;
};

/// Reads `path` whole as a KeyedTable; nullptr (reason in `diagnostics`) when it cannot be read.
std::shared_ptr<const KeyedTable> LoadKeyedTable(const std::string& path, const RecordType& type,
                                                 const std::string& key_field,
                                                 const FieldParseOptions& parse,
                                                 Diagnostics& diagnostics);

/// The text of a key value (string or int field); "" when null.
std::string KeyText(const Value& value);
/// The same into `*text`, reusing its buffer.
void AssignKeyText(const Value& value, std::string* text);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_TABLE_READER_H_
