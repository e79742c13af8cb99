// Writing an import of records into the store, in one transaction. The records arrive as plain
// rows (kind, id, canonical JSON): reading the audit folder is the caller's business.
//
// A record is keyed by (audit folder, kind, record id, ordinal): the ordinal tells apart the
// records of one kind that share an id in one extract (a member of staff's training rows), 1 for
// the first in file order. Each key has at most one current version (replaced_by null). A record
// whose key has no current version is new; one whose content hash equals the current version's
// is unchanged (nothing written); any other replaces it (the old version is kept, marked
// replaced by this import). Keys absent from the extract are left as they are.
#ifndef UOFA_ENGINE_STORE_RECORD_IMPORT_H_
#define UOFA_ENGINE_STORE_RECORD_IMPORT_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "uofa/store.h"

namespace uofa {

/// An input file of the import: its path relative to the audit folder.
struct ImportedFile {
  std::string path;
  std::string kind;
  std::size_t rows = 0;
  std::string sha256;
};

struct ImportedRecord {
  std::string kind;
  std::string record_id;
  int ordinal = 1;
  std::string json;  ///< canonical JSON (record_json.h)
  std::string origin_file;
  int origin_line = 0;
};

/// Called after each record is written (new or replaced), with the number written so far. Lets
/// tests stop the process in the middle of the transaction.
using RecordWrittenHook = std::function<void(std::size_t records_written)>;

/// One import being written. The transaction begins (taking the store's write lock) when it is
/// constructed and is rolled back when it is destroyed without Commit: nothing of the import is
/// then kept. Throws SQLite::Exception on a database error.
class RecordImportWriter {
 public:
  RecordImportWriter(SQLite::Database& database, std::string audit_dir, std::string imported_at,
                     std::string tool_version, RecordWrittenHook hook = {});
  ~RecordImportWriter();
  RecordImportWriter(const RecordImportWriter&) = delete;
  RecordImportWriter& operator=(const RecordImportWriter&) = delete;

  /// The latest import of the folder when its files are `files` (the same paths, kinds and
  /// SHA-256, whatever the order); nullopt otherwise.
  std::optional<std::int64_t> SameFilesAsLatest(const std::vector<ImportedFile>& files);

  /// Compares the record with the current version of its key and writes it when new or changed.
  void Add(const ImportedRecord& record);

  /// Writes the import's files and counts and commits. Returns the import's id.
  std::int64_t Commit(const std::vector<ImportedFile>& files, std::size_t warnings);

  /// The counts so far, one per kind in the order first seen.
  const std::vector<ImportKindCounts>& kinds() const { return kinds_; }

 private:
  std::int64_t ImportId();
  ImportKindCounts& CountsOf(const std::string& kind);

  SQLite::Database& database_;
  SQLite::Transaction transaction_;
  std::string audit_dir_;
  std::string imported_at_;
  std::string tool_version_;
  RecordWrittenHook hook_;
  std::optional<std::int64_t> import_id_;
  std::unique_ptr<SQLite::Statement> current_;
  std::unique_ptr<SQLite::Statement> replace_;
  std::unique_ptr<SQLite::Statement> insert_;
  std::vector<ImportKindCounts> kinds_;
  std::map<std::string, std::size_t, std::less<>> kind_index_;
  std::size_t written_ = 0;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_STORE_RECORD_IMPORT_H_
