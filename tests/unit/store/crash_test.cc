#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "engine/store/run_writer.h"
#include "engine/store/store_file.h"
#include "tests/unit/store/store_testing.h"
#include "uofa/store.h"

namespace uofa {
namespace {

TEST_CASE("a process killed while writing a run leaves the store readable and without that run") {
  store_testing::TempFolder folder;
  const std::string path = folder / "uofa.db";
  std::string error;
  std::unique_ptr<AuditStore> store = AuditStore::Open(path, true, &error);
  REQUIRE_MESSAGE(store, error);
  REQUIRE(store->RecordRun(
      store_testing::AuditWith(folder / "audit", {store_testing::RuleWithFailures(
                                                     "UOF-A", GapSeverity::kHigh, {"INC-1"})}),
      &error));
  store.reset();

  // Enough findings that the writer's page cache (kept small below) spills into the database
  // file before the kill: the rollback journal then has real work to undo.
  std::vector<std::string> records;
  for (int i = 0; i < 5000; ++i) records.push_back("INC-" + std::to_string(i));
  AuditResult big = store_testing::AuditWith(
      folder / "audit", {store_testing::RuleWithFailures("UOF-B", GapSeverity::kHigh, records)});
  const std::size_t kill_after = 4000;

  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::string child_error;
    std::unique_ptr<SQLite::Database> database = OpenStoreFile(path, false, &child_error);
    if (!database) ::_exit(3);
    database->exec("PRAGMA cache_size = 8");
    WriteRun(*database, big, "2026-01-01T00:00:00Z", [&](std::size_t written) {
      if (written == kill_after) ::kill(::getpid(), SIGKILL);
    });
    ::_exit(4);  // not reached: the hook kills the process first
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
  // The journal left behind shows the kill came in the middle of the transaction.
  CHECK(std::filesystem::exists(path + "-journal"));

  store = AuditStore::Open(path, false, &error);
  REQUIRE_MESSAGE(store, error);
  {
    SQLite::Database database(path);
    CHECK(database.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(database.execAndGet("SELECT count(*) FROM findings").getInt() == 1);
  }
  std::optional<std::vector<StoredRun>> runs = store->Runs(&error);
  REQUIRE(runs);
  REQUIRE(runs->size() == 1);
  CHECK((*runs)[0].id == 1);
  CHECK((*runs)[0].gaps_high == 1);
  // The store still takes runs.
  std::optional<std::int64_t> next = store->RecordRun(big, &error);
  REQUIRE_MESSAGE(next, error);
  CHECK(*next == 2);
}

}  // namespace
}  // namespace uofa
