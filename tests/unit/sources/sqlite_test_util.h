// Helpers for the SQLite source tests: a database written from SQL, and the CSV files of an
// incidents/ folder written as the tables of an incidents.sqlite.
#ifndef UOFA_TESTS_UNIT_SOURCES_SQLITE_TEST_UTIL_H_
#define UOFA_TESTS_UNIT_SOURCES_SQLITE_TEST_UTIL_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/sources/csv_reader.h"

namespace uofa::testing {

/// Creates the database `path` and runs `sql` in it.
inline void WriteDatabase(const std::string& path, const std::string& sql) {
  SQLite::Database database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  database.exec(sql);
}

inline std::string QuoteSqlName(const std::string& name) {
  std::string quoted = "\"";
  for (char c : name) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

/// Writes each `*.csv` of `folder` as a table of the new database `path`, named as the file
/// without `.csv`, its columns the header's (TEXT), an empty cell NULL, rows in file order.
/// Returns the number of rows written; a malformed row stops the test (REQUIRE by the caller).
inline std::size_t CsvFolderToSqlite(const std::string& folder, const std::string& path) {
  SQLite::Database database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  SQLite::Transaction transaction(database);
  std::size_t written = 0;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".csv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const std::filesystem::path& file : files) {
    Diagnostics diagnostics;
    std::unique_ptr<CsvReader> reader = CsvReader::Open(file.string(), diagnostics);
    CsvRow row;
    if (!reader || reader->Next(&row, diagnostics) != CsvReader::Status::kRow) continue;
    std::string table = QuoteSqlName(file.stem().string());
    std::string create = "CREATE TABLE " + table + " (";
    std::string insert = "INSERT INTO " + table + " VALUES (";
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      create += (i ? ", " : "") + QuoteSqlName(std::string(row.cells[i].text)) + " TEXT";
      insert += i ? ", ?" : "?";
    }
    database.exec(create + ")");
    SQLite::Statement statement(database, insert + ")");
    while (reader->Next(&row, diagnostics) == CsvReader::Status::kRow) {
      statement.reset();
      for (std::size_t i = 0; i < row.cells.size(); ++i) {
        int index = static_cast<int>(i) + 1;
        if (row.cells[i].text.empty()) {
          statement.bind(index);
        } else {
          statement.bind(index, std::string(row.cells[i].text));
        }
      }
      statement.exec();
      ++written;
    }
  }
  transaction.commit();
  return written;
}

}  // namespace uofa::testing

#endif  // UOFA_TESTS_UNIT_SOURCES_SQLITE_TEST_UTIL_H_
