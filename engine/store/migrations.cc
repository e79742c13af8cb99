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
