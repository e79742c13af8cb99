// The import writer: records new, unchanged and replaced, versions kept, files compared with
// the latest import, nothing kept of an import that is not committed or is killed midway.
#include "engine/store/record_import.h"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "engine/store/store_file.h"
#include "tests/unit/store/store_testing.h"
#include "uofa/store.h"

namespace uofa {
namespace {

ImportedRecord Incident(const std::string& id, const std::string& description, int line) {
  return {"incident", id, 1, R"({"description":")" + description + R"(","incident_id":")" + id + "\"}",
          "incidents/incidents.csv", line};
}

const std::vector<ImportedFile> kFiles = {{"incidents/incidents.csv", "incident", 2, "aa"},
                                          {"uofa.yaml", "settings", 0, "bb"}};

std::int64_t Count(SQLite::Database& database, const std::string& sql) {
  return database.execAndGet(sql).getInt64();
}

std::int64_t Import(SQLite::Database& database, const std::vector<ImportedRecord>& records,
                    const std::vector<ImportedFile>& files = kFiles) {
  RecordImportWriter writer(database, "/audit", "2026-01-01T00:00:00Z", "0.1.0");
  for (const ImportedRecord& record : records) writer.Add(record);
  return writer.Commit(files, 0);
}

TEST_CASE("import writer: new, then unchanged and replaced, the old version kept") {
  store_testing::TempFolder folder;
  std::string error;
  std::unique_ptr<SQLite::Database> database = OpenStoreFile(folder / "uofa.db", true, &error);
  REQUIRE_MESSAGE(database, error);

  {
    RecordImportWriter writer(*database, "/audit", "2026-01-01T00:00:00Z", "0.1.0");
    CHECK_FALSE(writer.SameFilesAsLatest(kFiles));
    writer.Add(Incident("INC-1", "held", 2));
    writer.Add(Incident("INC-2", "escorted", 3));
    writer.Add({"training", "S1", 1, R"({"course":"a"})", "training.csv", 2});
    writer.Add({"training", "S1", 2, R"({"course":"b"})", "training.csv", 3});
    CHECK(writer.Commit(kFiles, 1) == 1);
    REQUIRE(writer.kinds().size() == 2);
    CHECK(writer.kinds()[0].kind == "incident");
    CHECK(writer.kinds()[0].added == 2);
    CHECK(writer.kinds()[1].added == 2);
  }
  CHECK(Count(*database, "SELECT count(*) FROM record_versions") == 4);
  CHECK(Count(*database, "SELECT count(*) FROM import_files WHERE import_id = 1") == 2);
  CHECK(Count(*database, "SELECT records_new FROM imports WHERE id = 1") == 4);
  CHECK(Count(*database, "SELECT warnings FROM imports WHERE id = 1") == 1);

  {
    RecordImportWriter writer(*database, "/audit", "2026-01-02T00:00:00Z", "0.1.0");
    // The same files in another order are the same files; another hash or folder is not.
    CHECK(writer.SameFilesAsLatest({kFiles[1], kFiles[0]}) == 1);
    CHECK_FALSE(writer.SameFilesAsLatest({kFiles[0], {"uofa.yaml", "settings", 0, "cc"}}));
    CHECK_FALSE(writer.SameFilesAsLatest({kFiles[0]}));
    writer.Add(Incident("INC-1", "held", 7));          // same content on another line
    writer.Add(Incident("INC-2", "escorted by 2", 3));  // changed
    writer.Add(Incident("INC-3", "secluded", 4));       // new
    CHECK(writer.Commit({kFiles[0]}, 0) == 2);
    REQUIRE(writer.kinds().size() == 1);
    const ImportKindCounts& counts = writer.kinds()[0];
    CHECK(counts.read == 3);
    CHECK(counts.added == 1);
    CHECK(counts.replaced == 1);
    CHECK(counts.unchanged == 1);
  }
  CHECK(Count(*database, "SELECT count(*) FROM record_versions") == 6);
  // INC-2: the old version kept, replaced by import 2; the new one current.
  SQLite::Statement versions(*database,
                             "SELECT record, imported_by, replaced_by FROM record_versions "
                             "WHERE record_id = 'INC-2' ORDER BY id");
  REQUIRE(versions.executeStep());
  CHECK(versions.getColumn(0).getString() == R"({"description":"escorted","incident_id":"INC-2"})");
  CHECK(versions.getColumn(1).getInt64() == 1);
  CHECK(versions.getColumn(2).getInt64() == 2);
  REQUIRE(versions.executeStep());
  CHECK(versions.getColumn(0).getString() == R"({"description":"escorted by 2","incident_id":"INC-2"})");
  CHECK(versions.getColumn(1).getInt64() == 2);
  CHECK(versions.getColumn(2).isNull());
  CHECK_FALSE(versions.executeStep());
  // Training rows absent from the second extract stay current; INC-1 keeps its first origin.
  CHECK(Count(*database, "SELECT count(*) FROM record_versions WHERE kind = 'training' AND replaced_by IS NULL") == 2);
  CHECK(Count(*database, "SELECT origin_line FROM record_versions WHERE record_id = 'INC-1'") == 2);

  std::string store_error;
  std::unique_ptr<AuditStore> store = AuditStore::Open(folder / "uofa.db", false, &store_error);
  REQUIRE_MESSAGE(store, store_error);
  std::optional<std::vector<StoredImport>> imports = store->Imports(&store_error);
  REQUIRE(imports);
  REQUIRE(imports->size() == 2);
  CHECK((*imports)[1].id == 2);
  CHECK((*imports)[1].imported_at == "2026-01-02T00:00:00Z");
  CHECK((*imports)[1].audit_dir == "/audit");
  CHECK((*imports)[1].files == 1);
  CHECK((*imports)[1].read == 3);
  CHECK((*imports)[1].added == 1);
  CHECK((*imports)[1].replaced == 1);
  CHECK((*imports)[1].unchanged == 1);
}

TEST_CASE("import writer: an import not committed leaves nothing") {
  store_testing::TempFolder folder;
  std::string error;
  std::unique_ptr<SQLite::Database> database = OpenStoreFile(folder / "uofa.db", true, &error);
  REQUIRE_MESSAGE(database, error);
  Import(*database, {Incident("INC-1", "held", 2)});
  {
    RecordImportWriter writer(*database, "/audit", "2026-01-02T00:00:00Z", "0.1.0");
    writer.Add(Incident("INC-1", "changed", 2));
    writer.Add(Incident("INC-2", "new", 3));
  }
  CHECK(Count(*database, "SELECT count(*) FROM imports") == 1);
  CHECK(Count(*database, "SELECT count(*) FROM record_versions") == 1);
  CHECK(Count(*database, "SELECT count(*) FROM record_versions WHERE replaced_by IS NOT NULL") == 0);
  // Each folder has its own records.
  RecordImportWriter other(*database, "/other", "2026-01-03T00:00:00Z", "0.1.0");
  CHECK_FALSE(other.SameFilesAsLatest(kFiles));
  other.Add(Incident("INC-1", "changed", 2));
  other.Commit(kFiles, 0);
  CHECK(other.kinds()[0].added == 1);
}

TEST_CASE("a process killed while writing an import leaves the store without any of it") {
  store_testing::TempFolder folder;
  const std::string path = folder / "uofa.db";
  std::string error;
  {
    std::unique_ptr<SQLite::Database> database = OpenStoreFile(path, true, &error);
    REQUIRE_MESSAGE(database, error);
    Import(*database, {Incident("INC-1", "held", 2), Incident("INC-2", "escorted", 3)});
  }
  std::vector<ImportedRecord> records;
  for (int i = 0; i < 5000; ++i) records.push_back(Incident("INC-" + std::to_string(i), "changed", i + 2));

  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::string child_error;
    std::unique_ptr<SQLite::Database> database = OpenStoreFile(path, false, &child_error);
    if (!database) ::_exit(3);
    database->exec("PRAGMA cache_size = 8");  // spill to the file before the kill
    RecordImportWriter writer(*database, "/audit", "2026-01-02T00:00:00Z", "0.1.0",
                              [](std::size_t written) {
                                if (written == 4000) ::kill(::getpid(), SIGKILL);
                              });
    for (const ImportedRecord& record : records) writer.Add(record);
    writer.Commit(kFiles, 0);
    ::_exit(4);  // not reached
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
  CHECK(std::filesystem::exists(path + "-journal"));

  std::unique_ptr<SQLite::Database> database = OpenStoreFile(path, false, &error);
  REQUIRE_MESSAGE(database, error);
  CHECK(database->execAndGet("PRAGMA integrity_check").getString() == "ok");
  CHECK(Count(*database, "SELECT count(*) FROM imports") == 1);
  CHECK(Count(*database, "SELECT count(*) FROM import_files") == 2);
  CHECK(Count(*database, "SELECT count(*) FROM record_versions") == 2);
  CHECK(Count(*database, "SELECT count(*) FROM record_versions WHERE replaced_by IS NOT NULL") == 0);
  // The store still takes imports.
  CHECK(Import(*database, records) == 2);
  CHECK(Count(*database, "SELECT count(*) FROM record_versions") == 5002);
}

}  // namespace
}  // namespace uofa
