// uofa import's pipeline on a copy of the sample trust: counts per kind, a re-import that writes
// nothing, a newer extract that replaces one record and adds one, a rejected row that stops the
// whole import, and an import killed midway.
#include "engine/eval/record_import_run.h"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "engine/store/store_file.h"
#include "tests/unit/hostile/hostile_support.h"
#include "uofa/import.h"

namespace uofa {
namespace {

namespace fs = std::filesystem;

// A copy of the sample trust in `scratch`/trust, without any store.
std::string CopySample(const testing::TempFolder& scratch) {
  const std::string audit = scratch / "trust";
  fs::copy(std::string(UOFA_SOURCE_DIR) + "/samples/example-trust", audit, fs::copy_options::recursive);
  std::error_code ignored;
  fs::remove(audit + "/uofa.db", ignored);
  return audit;
}

ImportOptions OptionsFor(const std::string& audit, const std::string& store) {
  ImportOptions options;
  options.audit_dir = audit;
  options.rules_root = std::string(UOFA_SOURCE_DIR) + "/rules";
  options.store_path = store;
  return options;
}

// "kind read/new/replaced/unchanged/rejected" for every kind, in order.
std::string Tally(const ImportSummary& summary) {
  std::string text;
  for (const ImportKindCounts& kind : summary.kinds) {
    text += kind.kind + " " + std::to_string(kind.read) + "/" + std::to_string(kind.added) + "/" +
            std::to_string(kind.replaced) + "/" + std::to_string(kind.unchanged) + "/" +
            std::to_string(kind.rejected) + "\n";
  }
  return text;
}

// Row counts of every table of the store.
std::map<std::string, std::int64_t> TableRows(const std::string& store) {
  SQLite::Database database(store);
  std::map<std::string, std::int64_t> rows;
  SQLite::Statement tables(database, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  while (tables.executeStep()) {
    const std::string name = tables.getColumn(0).getString();
    rows[name] = database.execAndGet("SELECT count(*) FROM " + name).getInt64();
  }
  return rows;
}

std::int64_t Count(const std::string& store, const std::string& sql) {
  SQLite::Database database(store);
  return database.execAndGet(sql).getInt64();
}

using testing::EditLine;

// Appends a copy of the line that starts with `line_start`, with its first field renamed.
void CopyLine(const std::string& path, const std::string& line_start, const std::string& new_start) {
  std::string text = testing::ReadText(path);
  std::size_t line = text.find("\n" + line_start);
  REQUIRE(line != std::string::npos);
  std::size_t end = text.find('\n', line + 1);
  std::string copy = new_start + text.substr(line + 1 + line_start.size(), end - line - 1 - line_start.size());
  if (text.back() != '\n') text += '\n';
  text += copy + "\n";
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// kind read/new/replaced/unchanged/rejected: the sample's rows, each a new record.
constexpr const char* kSampleTally =
    "patient 120/120/0/0/0\n"
    "incident 300/300/0/0/0\n"
    "organisation 1/1/0/0/0\n"
    "admission 155/155/0/0/0\n"
    "staff 84/84/0/0/0\n"
    "restriction 11/11/0/0/0\n"
    "policy_document 3/3/0/0/0\n"
    "policy_paragraph 33/33/0/0/0\n";

TEST_CASE("import of the sample trust: counts per kind; the same files again write nothing") {
  testing::TempFolder scratch;
  const std::string audit = CopySample(scratch);
  const std::string store = audit + "/uofa.db";
  Diagnostics diagnostics;
  std::optional<ImportSummary> first = ImportAudit(OptionsFor(audit, store), diagnostics);
  INFO(diagnostics.Format());
  REQUIRE(first);
  CHECK(diagnostics.Empty());
  CHECK(first->status == ImportStatus::kImported);
  CHECK(first->import_id == 1);
  CHECK(Tally(*first) == kSampleTally);
  CHECK(first->files == 18);
  CHECK(first->errors == 0);
  // The sample's planted cell problems: imported with the cell empty (or the code as read).
  CHECK(first->warnings == 3);
  struct stat status {};
  REQUIRE(::stat(store.c_str(), &status) == 0);
  CHECK((status.st_mode & 0777) == 0600);
  const auto rows = TableRows(store);

  std::optional<ImportSummary> again = ImportAudit(OptionsFor(audit, store), diagnostics);
  REQUIRE(again);
  CHECK(again->status == ImportStatus::kUnchanged);
  CHECK(again->import_id == 1);
  CHECK(again->kinds.empty());
  CHECK(TableRows(store) == rows);
}

TEST_CASE("a newer extract: one incident changed, one added, the rest unchanged, the old version kept") {
  testing::TempFolder scratch;
  const std::string audit = CopySample(scratch);
  const std::string store = scratch / "audits.db";
  Diagnostics diagnostics;
  REQUIRE(ImportAudit(OptionsFor(audit, store), diagnostics));
  const std::int64_t incidents = Count(store, "SELECT count(*) FROM record_versions WHERE kind = 'incident'");

  const std::string csv = audit + "/incidents/incidents.csv";
  EditLine(csv, "INC-2024-0012,", ",Patient held standing by 4 staff (1 min).,", ",Patient held seated by 2 staff.,");
  CopyLine(csv, "INC-2024-0012,", "INC-2099-0001,");
  std::optional<ImportSummary> second = ImportAudit(OptionsFor(audit, store), diagnostics);
  INFO(diagnostics.Format());
  REQUIRE(second);
  CHECK(second->status == ImportStatus::kImported);
  CHECK(second->import_id == 2);
  bool found = false;
  for (const ImportKindCounts& kind : second->kinds) {
    if (kind.kind == "incident") {
      found = true;
      CHECK(kind.read == incidents + 1);
      CHECK(kind.added == 1);
      CHECK(kind.replaced == 1);
      CHECK(kind.unchanged == incidents - 1);
    } else {
      INFO(kind.kind);
      CHECK(kind.added == 0);
      CHECK(kind.replaced == 0);
      CHECK(kind.unchanged == kind.read);
    }
  }
  CHECK(found);
  CHECK(Count(store, "SELECT count(*) FROM record_versions WHERE kind = 'incident'") == incidents + 2);
  CHECK(Count(store, "SELECT count(*) FROM imports") == 2);

  SQLite::Database database(store);
  SQLite::Statement versions(database,
                             "SELECT json_extract(record, '$.description'), imported_by, replaced_by, "
                             "origin_file FROM record_versions WHERE kind = 'incident' AND "
                             "record_id = 'INC-2024-0012' ORDER BY id");
  REQUIRE(versions.executeStep());
  CHECK(versions.getColumn(0).getString() == "Patient held standing by 4 staff (1 min).");
  CHECK(versions.getColumn(1).getInt64() == 1);
  CHECK(versions.getColumn(2).getInt64() == 2);
  CHECK(versions.getColumn(3).getString() == "incidents/incidents.csv");
  REQUIRE(versions.executeStep());
  CHECK(versions.getColumn(0).getString() == "Patient held seated by 2 staff.");
  CHECK(versions.getColumn(1).getInt64() == 2);
  CHECK(versions.getColumn(2).isNull());
  CHECK_FALSE(versions.executeStep());
}

TEST_CASE("a rejected row: nothing is written and the row is reported at its position") {
  testing::TempFolder scratch;
  const std::string audit = CopySample(scratch);
  const std::string store = scratch / "audits.db";
  Diagnostics diagnostics;
  REQUIRE(ImportAudit(OptionsFor(audit, store), diagnostics));
  const auto rows = TableRows(store);

  const std::string csv = audit + "/incidents/incidents.csv";
  EditLine(csv, "INC-2024-0012,", "Patient held standing by 4 staff (1 min).", "Held by 2 staff.");
  CopyLine(csv, "INC-2024-0012,", "INC-2024-0012,");  // its id again, at the end
  std::optional<ImportSummary> summary = ImportAudit(OptionsFor(audit, store), diagnostics);
  REQUIRE(summary);
  CHECK(summary->status == ImportStatus::kRejected);
  CHECK(summary->import_id == 0);
  CHECK(summary->errors == 1);
  CHECK(summary->warnings == 3);
  std::string errors;
  for (const Diagnostic& problem : summary->input_problems) {
    if (problem.severity == Severity::kError) errors += FormatDiagnostic(problem);
  }
  CHECK(errors.rfind(csv + ":319:1: error: duplicate 'incident_id' 'INC-2024-0012' (first on line 173)\n", 0) == 0);
  CHECK(Tally(*summary) ==
        "patient 120/0/0/0/0\n"
        "incident 300/0/0/0/1\n"
        "organisation 1/0/0/0/0\n"
        "admission 155/0/0/0/0\n"
        "staff 84/0/0/0/0\n"
        "restriction 11/0/0/0/0\n"
        "policy_document 3/0/0/0/0\n"
        "policy_paragraph 33/0/0/0/0\n");
  CHECK(TableRows(store) == rows);
  CHECK(Count(store, "SELECT count(*) FROM imports") == 1);
}

TEST_CASE("an import killed midway leaves the store as it was") {
  testing::TempFolder scratch;
  const std::string audit = CopySample(scratch);
  const std::string store = scratch / "audits.db";
  {
    // A first import to keep: another folder's (each folder has its own records).
    const std::string other = scratch / "other";
    fs::copy(audit, other, fs::copy_options::recursive);
    Diagnostics diagnostics;
    std::optional<ImportSummary> kept = ImportAudit(OptionsFor(other, store), diagnostics);
    REQUIRE(kept);
    REQUIRE(kept->status == ImportStatus::kImported);
  }
  const auto rows = TableRows(store);
  CHECK(rows.at("record_versions") == 707);
  const std::size_t kill_after = 600;  // of the 707 records

  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::string error;
    std::unique_ptr<SQLite::Database> database = OpenStoreFile(store, false, &error);
    if (!database) ::_exit(3);
    database->exec("PRAGMA cache_size = 8");  // spill to the file before the kill
    Diagnostics diagnostics;
    ImportIntoStore(*database, OptionsFor(audit, store), diagnostics, [&](std::size_t written) {
      if (written == kill_after) ::kill(::getpid(), SIGKILL);
    });
    ::_exit(4);  // not reached
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
  CHECK(fs::exists(store + "-journal"));

  std::string error;
  std::unique_ptr<SQLite::Database> database = OpenStoreFile(store, false, &error);
  REQUIRE_MESSAGE(database, error);
  CHECK(database->execAndGet("PRAGMA integrity_check").getString() == "ok");
  database.reset();
  CHECK(TableRows(store) == rows);
}

}  // namespace
}  // namespace uofa
