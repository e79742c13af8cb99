#include "engine/store/record_import.h"

#include <algorithm>
#include <tuple>

#include "engine/base/sha256.h"

namespace uofa {

RecordImportWriter::RecordImportWriter(SQLite::Database& database, std::string audit_dir,
                                       std::string imported_at, std::string tool_version,
                                       RecordWrittenHook hook)
    : database_(database),
      // IMMEDIATE: the write lock is taken now, so that what the import compares against (the
      // latest import, the current versions) cannot change before it commits.
      transaction_(database, SQLite::TransactionBehavior::IMMEDIATE),
      audit_dir_(std::move(audit_dir)),
      imported_at_(std::move(imported_at)),
      tool_version_(std::move(tool_version)),
      hook_(std::move(hook)) {}

// The transaction's own destructor rolls back when Commit was not reached.
RecordImportWriter::~RecordImportWriter() = default;

std::optional<std::int64_t> RecordImportWriter::SameFilesAsLatest(const std::vector<ImportedFile>& files) {
  SQLite::Statement latest(database_, "SELECT max(id) FROM imports WHERE audit_dir = ?");
  latest.bind(1, audit_dir_);
  if (!latest.executeStep() || latest.getColumn(0).isNull()) return std::nullopt;
  const std::int64_t id = latest.getColumn(0).getInt64();
  using Key = std::tuple<std::string, std::string, std::string>;
  std::vector<Key> stored;
  SQLite::Statement query(database_, "SELECT path, kind, sha256 FROM import_files WHERE import_id = ?");
  query.bind(1, static_cast<std::int64_t>(id));
  while (query.executeStep()) {
    stored.emplace_back(query.getColumn(0).getString(), query.getColumn(1).getString(),
                        query.getColumn(2).getString());
  }
  std::vector<Key> given;
  for (const ImportedFile& file : files) given.emplace_back(file.path, file.kind, file.sha256);
  std::sort(stored.begin(), stored.end());
  std::sort(given.begin(), given.end());
  if (stored != given) return std::nullopt;
  return id;
}

std::int64_t RecordImportWriter::ImportId() {
  if (import_id_) return *import_id_;
  SQLite::Statement insert(database_,
                           "INSERT INTO imports (imported_at, audit_dir, tool_version, records_read, "
                           "records_new, records_replaced, records_unchanged, warnings) "
                           "VALUES (?, ?, ?, 0, 0, 0, 0, 0)");
  insert.bind(1, imported_at_);
  insert.bind(2, audit_dir_);
  insert.bind(3, tool_version_);
  insert.exec();
  import_id_ = database_.getLastInsertRowid();
  current_ = std::make_unique<SQLite::Statement>(
      database_,
      "SELECT id, content_sha256 FROM record_versions WHERE audit_dir = ? AND kind = ? AND "
      "record_id = ? AND ordinal = ? AND replaced_by IS NULL");
  replace_ = std::make_unique<SQLite::Statement>(database_,
                                                 "UPDATE record_versions SET replaced_by = ? WHERE id = ?");
  insert_ = std::make_unique<SQLite::Statement>(
      database_,
      "INSERT INTO record_versions (audit_dir, kind, record_id, ordinal, content_sha256, record, "
      "origin_file, origin_line, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  return *import_id_;
}

ImportKindCounts& RecordImportWriter::CountsOf(const std::string& kind) {
  auto found = kind_index_.find(kind);
  if (found != kind_index_.end()) return kinds_[found->second];
  kind_index_.emplace(kind, kinds_.size());
  kinds_.push_back(ImportKindCounts{kind});
  return kinds_.back();
}

void RecordImportWriter::Add(const ImportedRecord& record) {
  const std::int64_t import_id = ImportId();
  ImportKindCounts& counts = CountsOf(record.kind);
  ++counts.read;
  const std::string hash = Sha256Hex(record.json);
  current_->reset();
  current_->bind(1, audit_dir_);
  current_->bind(2, record.kind);
  current_->bind(3, record.record_id);
  current_->bind(4, record.ordinal);
  std::optional<std::int64_t> current;
  if (current_->executeStep()) {
    if (current_->getColumn(1).getString() == hash) {
      ++counts.unchanged;
      return;
    }
    current = current_->getColumn(0).getInt64();
  }
  current_->reset();
  if (current) {
    replace_->reset();
    replace_->bind(1, import_id);
    replace_->bind(2, *current);
    replace_->exec();
    ++counts.replaced;
  } else {
    ++counts.added;
  }
  insert_->reset();
  insert_->bind(1, audit_dir_);
  insert_->bind(2, record.kind);
  insert_->bind(3, record.record_id);
  insert_->bind(4, record.ordinal);
  insert_->bind(5, hash);
  insert_->bind(6, record.json);
  insert_->bind(7, record.origin_file);
  insert_->bind(8, record.origin_line);
  insert_->bind(9, import_id);
  insert_->exec();
  ++written_;
  if (hook_) hook_(written_);
}

std::int64_t RecordImportWriter::Commit(const std::vector<ImportedFile>& files, std::size_t warnings) {
  const std::int64_t import_id = ImportId();
  SQLite::Statement file(database_, "INSERT INTO import_files VALUES (?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < files.size(); ++i) {
    file.reset();
    file.bind(1, import_id);
    file.bind(2, static_cast<std::int64_t>(i));
    file.bind(3, files[i].path);
    file.bind(4, files[i].kind);
    file.bind(5, static_cast<std::int64_t>(files[i].rows));
    file.bind(6, files[i].sha256);
    file.exec();
  }
  SQLite::Statement kind(database_, "INSERT INTO import_kinds VALUES (?, ?, ?, ?, ?, ?)");
  ImportKindCounts total;
  for (const ImportKindCounts& counts : kinds_) {
    kind.reset();
    kind.bind(1, import_id);
    kind.bind(2, counts.kind);
    kind.bind(3, static_cast<std::int64_t>(counts.read));
    kind.bind(4, static_cast<std::int64_t>(counts.added));
    kind.bind(5, static_cast<std::int64_t>(counts.replaced));
    kind.bind(6, static_cast<std::int64_t>(counts.unchanged));
    kind.exec();
    total.read += counts.read;
    total.added += counts.added;
    total.replaced += counts.replaced;
    total.unchanged += counts.unchanged;
  }
  SQLite::Statement update(database_,
                           "UPDATE imports SET records_read = ?, records_new = ?, records_replaced = ?, "
                           "records_unchanged = ?, warnings = ? WHERE id = ?");
  update.bind(1, static_cast<std::int64_t>(total.read));
  update.bind(2, static_cast<std::int64_t>(total.added));
  update.bind(3, static_cast<std::int64_t>(total.replaced));
  update.bind(4, static_cast<std::int64_t>(total.unchanged));
  update.bind(5, static_cast<std::int64_t>(warnings));
  update.bind(6, import_id);
  update.exec();
  current_.reset();
  replace_.reset();
  insert_.reset();
  transaction_.commit();
  return import_id;
}

}  // namespace uofa
