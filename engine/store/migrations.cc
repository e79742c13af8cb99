#include "engine/store/migrations.h"

#include <SQLiteCpp/Transaction.h>

namespace uofa {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> migrations = {
      {1, "audit runs and their findings", R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  recorded_at TEXT NOT NULL,
  audit_dir TEXT NOT NULL,
  as_of TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  identifiers_shown INTEGER NOT NULL,
  records_read INTEGER NOT NULL,
  records_evaluated INTEGER NOT NULL,
  records_rejected INTEGER NOT NULL
);
CREATE INDEX runs_by_audit ON runs (audit_dir, id);
CREATE TABLE run_packs (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  pack_id TEXT NOT NULL,
  title TEXT NOT NULL,
  version TEXT NOT NULL,
  PRIMARY KEY (run_id, position)
);
CREATE TABLE run_parameters (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  pack_id TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  default_value TEXT NOT NULL,
  overridden INTEGER NOT NULL,
  basis TEXT NOT NULL,
  PRIMARY KEY (run_id, pack_id, name)
);
CREATE TABLE run_inputs (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  path TEXT NOT NULL,
  kind TEXT NOT NULL,
  rows INTEGER NOT NULL,
  sha256 TEXT,
  PRIMARY KEY (run_id, position)
);
CREATE TABLE run_rules (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  rule_id TEXT NOT NULL,
  pack_id TEXT NOT NULL,
  title TEXT NOT NULL,
  severity TEXT NOT NULL,
  status TEXT NOT NULL,
  target REAL,
  passed INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  not_applicable INTEGER NOT NULL,
  indeterminate INTEGER NOT NULL,
  PRIMARY KEY (run_id, position)
);
CREATE TABLE findings (
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  rule_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  verdict TEXT NOT NULL,
  severity TEXT NOT NULL,
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  column INTEGER NOT NULL,
  message TEXT NOT NULL,
  evidence TEXT NOT NULL
);
CREATE INDEX findings_by_run ON findings (run_id, rule_id, record_id);
)sql"},
      {2, "waivers: the waiver state of each finding and rule", R"sql(
ALTER TABLE findings ADD COLUMN waiver_state TEXT NOT NULL DEFAULT 'none';
ALTER TABLE findings ADD COLUMN waiver_justification TEXT;
ALTER TABLE findings ADD COLUMN waiver_approved_by TEXT;
ALTER TABLE findings ADD COLUMN waiver_expires TEXT;
ALTER TABLE run_rules ADD COLUMN waived INTEGER NOT NULL DEFAULT 0;
)sql"},
      {3, "imported records: imports, their files and every version of each record", R"sql(
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  imported_at TEXT NOT NULL,
  audit_dir TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  records_read INTEGER NOT NULL,
  records_new INTEGER NOT NULL,
  records_replaced INTEGER NOT NULL,
  records_unchanged INTEGER NOT NULL,
  warnings INTEGER NOT NULL
);
CREATE INDEX imports_by_audit ON imports (audit_dir, id);
CREATE TABLE import_kinds (
  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  records_read INTEGER NOT NULL,
  records_new INTEGER NOT NULL,
  records_replaced INTEGER NOT NULL,
  records_unchanged INTEGER NOT NULL,
  PRIMARY KEY (import_id, kind)
);
CREATE TABLE import_files (
  import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  path TEXT NOT NULL,
  kind TEXT NOT NULL,
  rows INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (import_id, position)
);
CREATE TABLE record_versions (
  id INTEGER PRIMARY KEY,
  audit_dir TEXT NOT NULL,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  content_sha256 TEXT NOT NULL,
  record TEXT NOT NULL,
  origin_file TEXT NOT NULL,
  origin_line INTEGER NOT NULL,
  imported_by INTEGER NOT NULL REFERENCES imports (id),
  replaced_by INTEGER REFERENCES imports (id)
);
CREATE UNIQUE INDEX record_versions_current ON record_versions (audit_dir, kind, record_id, ordinal)
  WHERE replaced_by IS NULL;
CREATE INDEX record_versions_by_record ON record_versions (audit_dir, kind, record_id, ordinal, id);
)sql"},
  };
  return migrations;
}

int StoreVersion(SQLite::Database& database) {
  return database.execAndGet("PRAGMA user_version").getInt();
}

bool Migrate(SQLite::Database& database, std::string* error, int target) {
  const int latest = Migrations().back().version;
  if (target < 0) target = latest;
  const int version = StoreVersion(database);
  if (version > latest) {
    *error = "the store was written by a newer uofa (schema version " + std::to_string(version) +
             "; this uofa reads up to version " + std::to_string(latest) + ")";
    return false;
  }
  for (const Migration& step : Migrations()) {
    if (step.version <= version || step.version > target) continue;
    SQLite::Transaction transaction(database);
    // Checked again inside the transaction: another process may have migrated meanwhile.
    if (StoreVersion(database) >= step.version) continue;
    database.exec(step.sql);
    database.exec("PRAGMA user_version = " + std::to_string(step.version));
    transaction.commit();
  }
  return true;
}

}  // namespace uofa
