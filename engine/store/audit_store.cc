// AuditStore: the public face of the store. Every SQLite exception stops here and becomes an
// error message.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include "engine/store/migrations.h"
#include "engine/store/run_writer.h"
#include "engine/store/store_file.h"
#include "uofa/store.h"

namespace uofa {

struct AuditStore::Impl {
  std::string path;
  std::unique_ptr<SQLite::Database> database;

  std::string Failed(const SQLite::Exception& exception) const {
    return "'" + path + "': store error: " + exception.what();
  }
};

namespace {

GapSeverity SeverityFromText(const std::string& text) {
  return ParseGapSeverity(text).value_or(GapSeverity::kMedium);
}

void AddGapCount(StoredRun& run, GapSeverity severity, std::size_t count) {
  switch (severity) {
    case GapSeverity::kHigh: run.gaps_high += count; break;
    case GapSeverity::kMedium: run.gaps_medium += count; break;
    case GapSeverity::kLow: run.gaps_low += count; break;
  }
}

// The gaps of a stored run: the same rule as GapsOf over an AuditResult.
constexpr const char* kGapsQuery = R"sql(
SELECT rule_id, title, '' AS record_id, severity FROM run_rules
 WHERE run_id = ?1 AND status = 'gap' AND target IS NOT NULL
UNION
SELECT f.rule_id, r.title, f.record_id, r.severity FROM findings f
  JOIN run_rules r ON r.run_id = f.run_id AND r.rule_id = f.rule_id
 WHERE f.run_id = ?1 AND r.status = 'gap' AND r.target IS NULL AND f.verdict = 'fail'
   AND f.waiver_state = 'none'
ORDER BY 1, 3
)sql";

}  // namespace

AuditStore::AuditStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AuditStore::~AuditStore() = default;

int AuditStore::SchemaVersion() {
  return Migrations().back().version;
}

std::unique_ptr<AuditStore> AuditStore::Open(const std::string& path, bool create,
                                             std::string* error) {
  std::unique_ptr<SQLite::Database> database = OpenStoreFile(path, create, error);
  if (!database) return nullptr;
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->database = std::move(database);
  return std::unique_ptr<AuditStore>(new AuditStore(std::move(impl)));
}

std::optional<std::int64_t> AuditStore::RecordRun(const AuditResult& result, std::string* error) {
  try {
    return WriteRun(*impl_->database, result, NowUtc());
  } catch (const SQLite::Exception& exception) {
    *error = impl_->Failed(exception);
    return std::nullopt;
  }
}

std::optional<std::vector<StoredRun>> AuditStore::Runs(std::string* error) const {
  try {
    SQLite::Database& database = *impl_->database;
    std::vector<StoredRun> runs;
    SQLite::Statement query(
        database, "SELECT id, recorded_at, audit_dir, as_of, tool_version FROM runs ORDER BY id");
    while (query.executeStep()) {
      StoredRun run;
      run.id = query.getColumn(0).getInt64();
      run.recorded_at = query.getColumn(1).getString();
      run.audit_dir = query.getColumn(2).getString();
      run.as_of = query.getColumn(3).getString();
      run.tool_version = query.getColumn(4).getString();
      runs.push_back(std::move(run));
    }
    SQLite::Statement packs(
        database,
        "SELECT pack_id, title, version FROM run_packs WHERE run_id = ? ORDER BY position");
    SQLite::Statement waived(
        database, "SELECT count(*) FROM findings WHERE run_id = ? AND waiver_state = 'waived'");
    SQLite::Statement gaps(database, kGapsQuery);
    for (StoredRun& run : runs) {
      packs.reset();
      packs.bind(1, static_cast<std::int64_t>(run.id));
      while (packs.executeStep()) {
        run.packs.push_back({packs.getColumn(0).getString(), packs.getColumn(1).getString(),
                             packs.getColumn(2).getString()});
      }
      waived.reset();
      waived.bind(1, static_cast<std::int64_t>(run.id));
      if (waived.executeStep())
        run.waived = static_cast<std::size_t>(waived.getColumn(0).getInt64());
      gaps.reset();
      gaps.bind(1, static_cast<std::int64_t>(run.id));
      while (gaps.executeStep())
        AddGapCount(run, SeverityFromText(gaps.getColumn(3).getString()), 1);
    }
    return runs;
  } catch (const SQLite::Exception& exception) {
    *error = impl_->Failed(exception);
    return std::nullopt;
  }
}

std::optional<std::vector<StoredImport>> AuditStore::Imports(std::string* error) const {
  try {
    std::vector<StoredImport> imports;
    SQLite::Statement query(*impl_->database,
                            "SELECT i.id, i.imported_at, i.audit_dir, i.tool_version, "
                            "(SELECT count(*) FROM import_files f WHERE f.import_id = i.id), "
                            "i.records_read, i.records_new, i.records_replaced, i.records_unchanged, "
                            "i.warnings FROM imports i ORDER BY i.id");
    while (query.executeStep()) {
      StoredImport item;
      item.id = query.getColumn(0).getInt64();
      item.imported_at = query.getColumn(1).getString();
      item.audit_dir = query.getColumn(2).getString();
      item.tool_version = query.getColumn(3).getString();
      item.files = static_cast<std::size_t>(query.getColumn(4).getInt64());
      item.read = static_cast<std::size_t>(query.getColumn(5).getInt64());
      item.added = static_cast<std::size_t>(query.getColumn(6).getInt64());
      item.replaced = static_cast<std::size_t>(query.getColumn(7).getInt64());
      item.unchanged = static_cast<std::size_t>(query.getColumn(8).getInt64());
      item.warnings = static_cast<std::size_t>(query.getColumn(9).getInt64());
      imports.push_back(std::move(item));
    }
    return imports;
  } catch (const SQLite::Exception& exception) {
    *error = impl_->Failed(exception);
    return std::nullopt;
  }
}

std::optional<std::vector<StoredGap>> AuditStore::Gaps(std::int64_t run_id,
                                                       std::string* error) const {
  try {
    SQLite::Database& database = *impl_->database;
    SQLite::Statement exists(database, "SELECT count(*) FROM runs WHERE id = ?");
    exists.bind(1, static_cast<std::int64_t>(run_id));
    if (!exists.executeStep() || exists.getColumn(0).getInt64() == 0) {
      *error = "no run " + std::to_string(run_id) + " in '" + impl_->path + "'";
      return std::nullopt;
    }
    std::vector<StoredGap> gaps;
    SQLite::Statement query(database, kGapsQuery);
    query.bind(1, static_cast<std::int64_t>(run_id));
    while (query.executeStep()) {
      gaps.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                      query.getColumn(2).getString(),
                      SeverityFromText(query.getColumn(3).getString())});
    }
    return gaps;
  } catch (const SQLite::Exception& exception) {
    *error = impl_->Failed(exception);
    return std::nullopt;
  }
}

namespace {

bool DescribeRun(SQLite::Database& database, std::int64_t run_id, RunComparison& comparison) {
  SQLite::Statement query(database, "SELECT recorded_at, as_of FROM runs WHERE id = ?");
  query.bind(1, static_cast<std::int64_t>(run_id));
  if (!query.executeStep()) return false;
  comparison.previous_run_id = std::to_string(run_id);
  comparison.previous_run_at = query.getColumn(0).getString();
  comparison.previous_as_of = query.getColumn(1).getString();
  return true;
}

}  // namespace

std::optional<RunComparison> AuditStore::Compare(std::int64_t before, std::int64_t after,
                                                 std::string* error) const {
  std::optional<std::vector<StoredGap>> old_gaps = Gaps(before, error);
  if (!old_gaps) return std::nullopt;
  std::optional<std::vector<StoredGap>> new_gaps = Gaps(after, error);
  if (!new_gaps) return std::nullopt;
  RunComparison comparison;
  try {
    DescribeRun(*impl_->database, before, comparison);
  } catch (const SQLite::Exception& exception) {
    *error = impl_->Failed(exception);
    return std::nullopt;
  }
  comparison.changes = CompareGaps(*old_gaps, *new_gaps);
  return comparison;
}

std::optional<RunComparison> AuditStore::CompareWithPrevious(const AuditResult& result,
                                                             std::string* error) const {
  std::int64_t previous = 0;
  try {
    SQLite::Statement query(*impl_->database, "SELECT max(id) FROM runs WHERE audit_dir = ?");
    query.bind(1, AuditKey(result.audit_dir));
    if (!query.executeStep() || query.getColumn(0).isNull()) return std::nullopt;
    previous = query.getColumn(0).getInt64();
  } catch (const SQLite::Exception& exception) {
    *error = impl_->Failed(exception);
    return std::nullopt;
  }
  std::optional<std::vector<StoredGap>> old_gaps = Gaps(previous, error);
  if (!old_gaps) return std::nullopt;
  RunComparison comparison;
  try {
    DescribeRun(*impl_->database, previous, comparison);
  } catch (const SQLite::Exception& exception) {
    *error = impl_->Failed(exception);
    return std::nullopt;
  }
  comparison.changes = CompareGaps(*old_gaps, GapsOf(result));
  return comparison;
}

}  // namespace uofa
