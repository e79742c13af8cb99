// SqliteDatabase: tables read from a SQLite database file (incidents/incidents.sqlite, whose
// tables have the names and columns of the CSV files they stand for), row by row as RowSources.
//
// The file is opened read-only (SQLITE_OPEN_READONLY, never created); nothing is written to it.
// A file that is not a database, or one SQLite cannot read, is an error at the file.
//
// Positions. A database row has no line, so a table is named `PATH:table` (for example
// `audit/incidents/incidents.sqlite:interventions`) in diagnostics, record origins and findings;
// the line of a position is the row's 1-based number in rowid order (the row
// `SELECT * FROM interventions ORDER BY rowid LIMIT 1 OFFSET line-1` returns), and its column is
// the 1-based index of the column in the table (as `SELECT *` lists them). Header problems (a
// column that is no field, a required column missing) are at the table, with no line. No source
// line is shown under a diagnostic.
//
// Cells: SQL NULL is an empty cell; an integer or a real is read as its text (SQLite's own
// rendering: 3, 2.5, 1.0); text must be UTF-8; a blob is an error at its cell, and the row is
// rejected, as is a row with ill-formed UTF-8. Rows are read in rowid order (in primary-key order
// for a table WITHOUT ROWID), one at a time.
#ifndef UOFA_ENGINE_SOURCES_SQLITE_TABLES_H_
#define UOFA_ENGINE_SOURCES_SQLITE_TABLES_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/sources/row_source.h"
#include "uofa/diagnostic.h"

namespace uofa {

class SqliteDatabase : public std::enable_shared_from_this<SqliteDatabase> {
 public:
  /// Opens `path` read-only and checks that it is a database; nullptr, with an error at the
  /// file, when it is missing, not a database or cannot be read.
  static std::shared_ptr<SqliteDatabase> Open(const std::string& path, Diagnostics& diagnostics);
  ~SqliteDatabase();
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  const std::string& path() const { return path_; }
  /// The tables (and views) of the database in the order created, SQLite's own left out.
  const std::vector<std::string>& tables() const { return tables_; }
  /// Whether the database has table `name` (ignoring ASCII case, as SQLite does).
  bool HasTable(const std::string& name) const;
  /// `PATH:table`, the name of the table in diagnostics and record origins.
  std::string TablePath(const std::string& table) const { return path_ + ":" + table; }

  /// The rows of `table`, the header first; `mapping_path` is the file whose column mapping
  /// applies to it. nullptr, with an error at the table, when the table cannot be read.
  std::unique_ptr<RowSource> OpenTable(const std::string& table, std::string mapping_path,
                                       Diagnostics& diagnostics);

 private:
  struct Connection;
  SqliteDatabase(std::string path, std::unique_ptr<Connection> connection);

  std::string path_;
  std::unique_ptr<Connection> connection_;
  std::vector<std::string> tables_;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_SQLITE_TABLES_H_
