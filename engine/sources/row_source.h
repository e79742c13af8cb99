// RowSource: the rows of one table as TableReader reads them: a header row of column names, then
// rows of cell texts, each cell with its position. Two kinds: a CSV file (CsvReader), and a table
// of a SQLite database (sqlite_tables.h).
//
// A row source only splits rows into cells and reports what breaks a row (a malformed CSV row, a
// blob in a SQLite cell); what the cells mean (fields, parsing, mappings, counts) is TableReader's.
#ifndef UOFA_ENGINE_SOURCES_ROW_SOURCE_H_
#define UOFA_ENGINE_SOURCES_ROW_SOURCE_H_

#include <istream>
#include <memory>
#include <string>

#include "engine/sources/csv_reader.h"
#include "uofa/diagnostic.h"

namespace uofa {

struct FileMapping;

class RowSource {
 public:
  enum class Status { kRow, kMalformed, kEnd };

  virtual ~RowSource() = default;

  /// Reads the next row into `*row`; the first row is the header. kMalformed: the row was
  /// reported to `diagnostics` and is not to be read; kEnd: no more rows (a read failure is
  /// reported). Rows without source text (a database's) leave CsvRow::LineText empty.
  virtual Status Next(CsvRow* row, Diagnostics& diagnostics) = 0;
  /// The same rows as Next, for a pass that reads one cell of each (the keys of a table): only
  /// `row->cells[column]` need be filled in. By default, Next.
  virtual Status NextCell(std::size_t /*column*/, CsvRow* row, Diagnostics& diagnostics) {
    return Next(row, diagnostics);
  }

  /// The name of the table in diagnostics and record origins.
  virtual const std::string& path() const = 0;
  /// The path whose column mapping applies (MappingSet::ForPath).
  virtual std::string mapping_path() const { return path(); }
  /// Applies what of a mapping is about the bytes of the file (separator, encoding).
  virtual void UseFileMapping(const FileMapping& /*mapping*/) {}
  /// Leaves source lines out of the errors the row source reports (identifier columns).
  virtual void set_hide_source_lines(bool /*hide*/) {}
  /// What a position's line counts: "line" (of a file) or "row" (of a database table).
  virtual const char* line_word() const { return "line"; }
  /// The share of the table read so far (0..1); negative when not known.
  virtual double FractionRead() const { return -1; }
};

/// The CSV file at `path`; nullptr (and an error naming the path) when it cannot be opened.
std::unique_ptr<RowSource> OpenCsvRows(const std::string& path, Diagnostics& diagnostics);
/// A CSV read from `input`; `path` names it in diagnostics.
std::unique_ptr<RowSource> CsvRowsFromStream(std::string path, std::unique_ptr<std::istream> input);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_ROW_SOURCE_H_
