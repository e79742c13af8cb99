#include "engine/sources/sqlite_tables.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <filesystem>
#include <optional>
#include <utility>

#include "engine/base/text.h"
#include "engine/sources/utf8.h"
#include "uofa/data_quality.h"

namespace uofa {
namespace {

namespace fs = std::filesystem;

// "name" quoted as an SQL identifier.
std::string QuoteName(const std::string& name) {
  std::string quoted = "\"";
  for (char c : name) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

std::string Reason(const SQLite::Exception& exception) {
  if (exception.getErrorCode() == SQLITE_NOTADB) return "not a SQLite database";
  return std::string("cannot be read as a SQLite database: ") + exception.what();
}

}  // namespace

struct SqliteDatabase::Connection {
  explicit Connection(const std::string& file)
      : database(file, SQLite::OPEN_READONLY) {}
  SQLite::Database database;
};

namespace {

class SqliteRowSource : public RowSource {
 public:
  SqliteRowSource(std::shared_ptr<SqliteDatabase> database, std::string path,
                  std::string mapping_path, std::unique_ptr<SQLite::Statement> statement)
      : database_(std::move(database)),
        path_(std::move(path)),
        mapping_path_(std::move(mapping_path)),
        statement_(std::move(statement)) {}

  ~SqliteRowSource() override { statement_.reset(); }

  Status Next(CsvRow* row, Diagnostics& diagnostics) override {
    const int columns = statement_->getColumnCount();
    row->ResetCells(static_cast<std::size_t>(columns));
    if (!header_done_) {
      header_done_ = true;
      row->line = row->end_line = 0;
      for (int column = 0; column < columns; ++column) {
        row->SetCell(column, statement_->getColumnName(column), 0, column + 1);
      }
      return Status::kRow;
    }
    if (done_) return Status::kEnd;
    const int number = rows_ + 1;
    try {
      if (!statement_->executeStep()) {
        done_ = true;
        return Status::kEnd;
      }
    } catch (const SQLite::Exception& exception) {
      done_ = true;
      diagnostics.Error({path_, number, 0}, std::string("the table cannot be read from this row "
                                                        "on: ") + exception.what());
      return Status::kEnd;
    }
    ++rows_;
    row->line = row->end_line = number;
    Status status = Status::kRow;
    for (int column = 0; column < columns; ++column) {
      SQLite::Column value = statement_->getColumn(column);
      std::string_view text;
      switch (value.getType()) {
        case SQLITE_NULL:
          break;
        case SQLITE_BLOB:
          if (status == Status::kRow) {
            diagnostics.DataQuality(Severity::kError, {path_, number, column + 1}, kDqRejectedRow,
                                    statement_->getColumnName(column),
                                    "column '" + std::string(statement_->getColumnName(column)) +
                                        "' holds a blob, which is not read: store text or a number");
            status = Status::kMalformed;
          }
          break;
        default: {
          text = std::string_view(value.getText(), static_cast<std::size_t>(value.getBytes()));
          std::size_t bad = FindInvalidUtf8(text);
          if (bad != std::string::npos && status == Status::kRow) {
            diagnostics.DataQuality(Severity::kError, {path_, number, column + 1}, kDqRejectedRow,
                                    statement_->getColumnName(column),
                                    "column '" + std::string(statement_->getColumnName(column)) +
                                        "': " +
                                        InvalidUtf8Message(static_cast<unsigned char>(text[bad])));
            status = Status::kMalformed;
          }
          break;
        }
      }
      row->SetCell(column, text, number, column + 1);
    }
    return status;
  }

  const std::string& path() const override { return path_; }
  std::string mapping_path() const override { return mapping_path_; }
  const char* line_word() const override { return "row"; }

 private:
  std::shared_ptr<SqliteDatabase> database_;  // outlives the statement
  std::string path_;
  std::string mapping_path_;
  std::unique_ptr<SQLite::Statement> statement_;
  bool header_done_ = false;
  bool done_ = false;
  int rows_ = 0;
};

}  // namespace

SqliteDatabase::SqliteDatabase(std::string path, std::unique_ptr<Connection> connection)
    : path_(std::move(path)), connection_(std::move(connection)) {}

SqliteDatabase::~SqliteDatabase() = default;

std::shared_ptr<SqliteDatabase> SqliteDatabase::Open(const std::string& path,
                                                     Diagnostics& diagnostics) {
  std::error_code ignored;
  if (!fs::is_regular_file(path, ignored)) {
    diagnostics.Error({path, 0, 0}, "cannot read '" + path + "'");
    return nullptr;
  }
  // A relative name is given as ./name, so that SQLite never reads it as a file: URI.
  std::string file = fs::path(path).is_absolute() ? path : "./" + path;
  try {
    auto connection = std::make_unique<Connection>(file);
    connection->database.setBusyTimeout(2000);
    std::shared_ptr<SqliteDatabase> database(new SqliteDatabase(path, std::move(connection)));
    SQLite::Statement query(database->connection_->database,
                            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid");
    while (query.executeStep()) database->tables_.push_back(query.getColumn(0).getString());
    return database;
  } catch (const SQLite::Exception& exception) {
    diagnostics.Error({path, 0, 0}, Reason(exception));
    return nullptr;
  }
}

bool SqliteDatabase::HasTable(const std::string& name) const {
  for (const std::string& table : tables_) {
    if (EqualsIgnoringCase(table, name)) return true;
  }
  return false;
}

std::unique_ptr<RowSource> SqliteDatabase::OpenTable(const std::string& table,
                                                     std::string mapping_path,
                                                     Diagnostics& diagnostics) {
  std::string path = TablePath(table);
  std::string select = "SELECT * FROM " + QuoteName(table);
  std::unique_ptr<SQLite::Statement> statement;
  // rowid order; a table WITHOUT ROWID (or a view) has none, and is read in its own order.
  try {
    statement = std::make_unique<SQLite::Statement>(connection_->database,
                                                    select + " ORDER BY _rowid_");
  } catch (const SQLite::Exception&) {
    try {
      statement = std::make_unique<SQLite::Statement>(connection_->database, select);
    } catch (const SQLite::Exception& exception) {
      diagnostics.Error({path, 0, 0}, std::string("cannot read the table: ") + exception.what());
      return nullptr;
    }
  }
  return std::make_unique<SqliteRowSource>(shared_from_this(), std::move(path),
                                           std::move(mapping_path), std::move(statement));
}

}  // namespace uofa
