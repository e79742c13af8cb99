#include "engine/store/store_file.h"

#include <SQLiteCpp/Exception.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "engine/store/migrations.h"

namespace uofa {

std::unique_ptr<SQLite::Database> OpenStoreFile(const std::string& path, bool create,
                                                std::string* error, int target_version) {
  std::error_code exists_error;
  if (!std::filesystem::exists(path, exists_error)) {
    if (!create) {
      *error = "'" + path + "': no store (no audit run has been recorded there)";
      return nullptr;
    }
    // Created here rather than by SQLite so that the mode is 0600 whatever the umask; SQLite
    // gives its journal the database file's mode.
    int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (descriptor < 0 && errno != EEXIST) {
      *error = "'" + path + "': cannot create the store: " + std::strerror(errno);
      return nullptr;
    }
    if (descriptor >= 0) ::close(descriptor);
  }
  try {
    auto database = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE);
    database->setBusyTimeout(5000);
    // Rollback journal (not WAL): the store stays one file with no -wal and -shm companions to
    // copy, protect or leave behind, it works on network drives where audit folders often live,
    // and a run is written once per audit, so WAL's concurrent readers buy nothing.
    database->exec("PRAGMA journal_mode = DELETE");
    database->exec("PRAGMA synchronous = FULL");
    database->exec("PRAGMA foreign_keys = ON");
    if (!Migrate(*database, error, target_version)) {
      *error = "'" + path + "': " + *error;
      return nullptr;
    }
    return database;
  } catch (const SQLite::Exception& exception) {
    std::string reason = exception.what();
    if (exception.getErrorCode() == SQLITE_NOTADB) reason = "not a uofa store (" + reason + ")";
    *error = "'" + path + "': cannot open the store: " + reason;
    return nullptr;
  }
}

}  // namespace uofa
