#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <string>
#include <vector>

#include "engine/store/migrations.h"
#include "engine/base/sha256.h"
#include "engine/store/store_file.h"
#include "tests/unit/store/store_testing.h"
#include "uofa/store.h"

namespace uofa {
namespace {

using store_testing::AuditWith;
using store_testing::RuleWithFailures;

std::string Describe(const std::vector<GapChange>& changes) {
  std::string text;
  for (const GapChange& change : changes) {
    text += std::string(GapChangeKindName(change.kind)) + " " + change.rule_id + " '" +
            change.record_id + "' " + GapSeverityName(change.severity) + "\n";
  }
  return text;
}

TEST_CASE("a new store is created owner-only at the current schema version") {
  store_testing::TempFolder folder;
  std::string path = folder / "uofa.db";
  std::string error;
  std::unique_ptr<AuditStore> store = AuditStore::Open(path, true, &error);
  REQUIRE_MESSAGE(store, error);
  struct stat status {};
  REQUIRE(::stat(path.c_str(), &status) == 0);
  CHECK((status.st_mode & 0777) == 0600);
  SQLite::Database database(path);
  CHECK(StoreVersion(database) == AuditStore::SchemaVersion());
  CHECK(AuditStore::SchemaVersion() == 3);
  CHECK(database.execAndGet("PRAGMA journal_mode").getString() == "delete");
}

TEST_CASE("opening a missing store without create is an error naming the file") {
  store_testing::TempFolder folder;
  std::string error;
  CHECK_FALSE(AuditStore::Open(folder / "uofa.db", false, &error));
  CHECK(error == "'" + (folder / "uofa.db") + "': no store (no audit run has been recorded there)");
}

TEST_CASE("a file that is not a database is refused") {
  store_testing::TempFolder folder;
  std::string path = folder.Write("uofa.db", std::string(4096, 'x'));
  std::string error;
  CHECK_FALSE(AuditStore::Open(path, true, &error));
  CHECK(error.rfind("'" + path + "': cannot open the store: not a uofa store", 0) == 0);
}

TEST_CASE("a store written by a newer uofa is refused and left unchanged") {
  store_testing::TempFolder folder;
  std::string path = folder / "uofa.db";
  {
    SQLite::Database database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    database.exec("PRAGMA user_version = 99");
  }
  std::string error;
  CHECK_FALSE(AuditStore::Open(path, true, &error));
  CHECK(error == "'" + path +
                     "': the store was written by a newer uofa (schema version 99; this uofa "
                     "reads up to version 3)");
  SQLite::Database database(path);
  CHECK(StoreVersion(database) == 99);
}

TEST_CASE("a store at version 1 is migrated and keeps its runs") {
  store_testing::TempFolder folder;
  std::string path = folder / "uofa.db";
  std::string error;
  {
    std::unique_ptr<SQLite::Database> database = OpenStoreFile(path, true, &error, 1);
    REQUIRE_MESSAGE(database, error);
    CHECK(StoreVersion(*database) == 1);
    database->exec(
        "INSERT INTO runs VALUES (1, '2025-01-01T09:00:00Z', '/audit', '2024-12-31', '0.1.0', 0, "
        "3, 3, 0);"
        "INSERT INTO run_packs VALUES (1, 0, 'uof-act-2018', 'Act', '2018');"
        "INSERT INTO run_rules VALUES (1, 0, 'UOF-S6-5A', 'uof-act-2018', 'Reason recorded', "
        "'high', "
        "'gap', NULL, 2, 1, 0, 0);"
        "INSERT INTO findings VALUES (1, 'UOF-S6-5A', 0, 'INC-1', 'fail', 'high', 'incidents.csv', "
        "2, 1, "
        "'no reason', '[]');");
  }
  std::unique_ptr<AuditStore> store = AuditStore::Open(path, false, &error);
  REQUIRE_MESSAGE(store, error);
  SQLite::Database database(path);
  CHECK(StoreVersion(database) == 3);
  CHECK(database.execAndGet("SELECT waiver_state FROM findings").getString() == "none");
  std::optional<std::vector<StoredRun>> runs = store->Runs(&error);
  REQUIRE(runs);
  REQUIRE(runs->size() == 1);
  CHECK((*runs)[0].as_of == "2024-12-31");
  CHECK((*runs)[0].gaps_high == 1);
  std::optional<std::vector<StoredGap>> gaps = store->Gaps(1, &error);
  REQUIRE(gaps);
  REQUIRE(gaps->size() == 1);
  CHECK((*gaps)[0].rule_id == "UOF-S6-5A");
  CHECK((*gaps)[0].record_id == "INC-1");
  CHECK((*gaps)[0].rule_title == "Reason recorded");
}

TEST_CASE("a run round-trips: packs, parameters, inputs with hashes, findings and gaps") {
  store_testing::TempFolder folder;
  folder.Write("audit/incidents/incidents.csv", "incident_id\nINC-1\n");
  folder.Write("audit/uofa.yaml", "as_of: 2025-12-31\n");
  std::string error;
  std::unique_ptr<AuditStore> store = AuditStore::Open(folder / "uofa.db", true, &error);
  REQUIRE_MESSAGE(store, error);
  RuleOutcome rate = RuleWithFailures("UOF-RATE", GapSeverity::kLow, {"INC-7"});
  rate.target = 0.99;
  RuleOutcome waived = RuleWithFailures("UOF-W", GapSeverity::kMedium, {"INC-8"});
  waived.findings[0].waiver = WaiverApplied{"ward closed", "Dr A", "2026-01-31", {}};
  waived.waived = 1;
  waived.status = RuleStatus::kWaived;
  AuditResult result = AuditWith(
      folder / "audit", {RuleWithFailures("UOF-A", GapSeverity::kHigh, {"INC-2", "INC-1"}),
                         RuleWithFailures("UOF-MET", GapSeverity::kHigh, {}), rate, waived});
  std::optional<std::int64_t> id = store->RecordRun(result, &error);
  REQUIRE_MESSAGE(id, error);
  CHECK(*id == 1);

  std::optional<std::vector<StoredRun>> runs = store->Runs(&error);
  REQUIRE(runs);
  REQUIRE(runs->size() == 1);
  const StoredRun& run = (*runs)[0];
  CHECK(run.id == 1);
  CHECK(run.audit_dir == folder / "audit");
  CHECK(run.as_of == "2025-12-31");
  CHECK(run.tool_version == "0.1.0");
  REQUIRE(run.packs.size() == 1);
  CHECK(run.packs[0].id == "uof-act-2018");
  CHECK(run.packs[0].version == "2018");
  CHECK(run.gaps_high == 2);
  CHECK(run.gaps_medium == 0);
  CHECK(run.gaps_low == 1);
  CHECK(run.waived == 1);

  std::optional<std::vector<StoredGap>> gaps = store->Gaps(1, &error);
  REQUIRE(gaps);
  std::vector<StoredGap> expected = GapsOf(result);
  REQUIRE(gaps->size() == 3);
  REQUIRE(expected.size() == 3);
  CHECK((*gaps)[0].rule_id == "UOF-A");
  CHECK((*gaps)[0].record_id == "INC-1");
  CHECK((*gaps)[1].rule_id == "UOF-A");
  CHECK((*gaps)[1].record_id == "INC-2");
  CHECK((*gaps)[2].rule_id == "UOF-RATE");
  CHECK((*gaps)[2].record_id == "");
  CHECK((*gaps)[2].severity == GapSeverity::kLow);

  SQLite::Database database(folder / "uofa.db");
  CHECK(database.execAndGet("SELECT group_concat(path || ' ' || kind || ' ' || rows || ' ' || "
                            "sha256, '|') FROM run_inputs ORDER BY position")
            .getString() == "incidents/incidents.csv incident 3 " +
                                Sha256Hex("incident_id\nINC-1\n") + "|uofa.yaml settings 0 " +
                                Sha256Hex("as_of: 2025-12-31\n"));
  CHECK(database.execAndGet("SELECT count(*) FROM findings").getInt() == 4);
  CHECK(
      database.execAndGet("SELECT evidence FROM findings WHERE record_id = 'INC-1'").getString() ==
      std::string("[{\"field\":\"reason_code\",\"value\":\"(missing)\"},"
                  "{\"field\":\"patient.nhs_number\",\"value\":\"[redacted]\"}]"));
  CHECK(database
            .execAndGet("SELECT waiver_justification || '|' || waiver_approved_by || '|' || "
                        "waiver_expires FROM findings WHERE record_id = 'INC-8'")
            .getString() == "ward closed|Dr A|2026-01-31");
  CHECK(
      database.execAndGet("SELECT value || '/' || default_value FROM run_parameters").getString() ==
      "12/24");
}

TEST_CASE("an unknown run is an error") {
  store_testing::TempFolder folder;
  std::string error;
  std::unique_ptr<AuditStore> store = AuditStore::Open(folder / "uofa.db", true, &error);
  REQUIRE(store);
  CHECK_FALSE(store->Gaps(7, &error));
  CHECK(error == "no run 7 in '" + (folder / "uofa.db") + "'");
}

TEST_CASE("two runs compare as opened, closed and persisting gaps") {
  store_testing::TempFolder folder;
  std::string error;
  std::unique_ptr<AuditStore> store = AuditStore::Open(folder / "uofa.db", true, &error);
  REQUIRE(store);
  AuditResult first = AuditWith(folder / "audit",
                                {RuleWithFailures("UOF-A", GapSeverity::kHigh, {"INC-1", "INC-2"}),
                                 RuleWithFailures("UOF-B", GapSeverity::kLow, {"INC-3"})});
  AuditResult second = AuditWith(folder / "audit",
                                 {RuleWithFailures("UOF-A", GapSeverity::kHigh, {"INC-2", "INC-4"}),
                                  RuleWithFailures("UOF-B", GapSeverity::kLow, {})});
  CHECK_FALSE(store->CompareWithPrevious(first, &error).has_value());
  CHECK(error.empty());
  REQUIRE(store->RecordRun(first, &error));
  std::optional<RunComparison> since = store->CompareWithPrevious(second, &error);
  REQUIRE(since);
  CHECK(since->previous_run_id == "1");
  CHECK(since->previous_as_of == "2025-12-31");
  const std::string expected =
      "closed UOF-A 'INC-1' high\n"
      "persisting UOF-A 'INC-2' high\n"
      "opened UOF-A 'INC-4' high\n"
      "closed UOF-B 'INC-3' low\n";
  CHECK(Describe(since->changes) == expected);
  REQUIRE(store->RecordRun(second, &error));
  std::optional<RunComparison> stored = store->Compare(1, 2, &error);
  REQUIRE(stored);
  CHECK(Describe(stored->changes) == expected);

  // Another audit folder has no previous run, even with runs of other audits in the store.
  CHECK_FALSE(store->CompareWithPrevious(AuditWith(folder / "other", {}), &error).has_value());
}

TEST_CASE("gap comparison is keyed by rule id and record id") {
  std::vector<StoredGap> before = {{"R1", "t", "A", GapSeverity::kHigh},
                                   {"R2", "t", "", GapSeverity::kLow}};
  std::vector<StoredGap> after = {{"R1", "t", "B", GapSeverity::kHigh},
                                  {"R2", "t", "", GapSeverity::kLow}};
  CHECK(Describe(CompareGaps(before, after)) ==
        "closed R1 'A' high\nopened R1 'B' high\npersisting R2 '' low\n");
  CHECK(CompareGaps({}, {}).empty());
}

}  // namespace
}  // namespace uofa
