// incidents/incidents.sqlite: the incident tables as one SQLite database read exactly as the CSV
// files are (the same records, verdicts and findings), with positions `file:table:row:column`.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/sources/csv_reader.h"
#include "engine/sources/incident_tables.h"
#include "engine/sources/source_registry.h"
#include "tests/unit/hostile/hostile_support.h"
#include "tests/unit/sources/source_test_util.h"
#include "tests/unit/sources/sqlite_test_util.h"
#include "tests/unit/sources/test_schema.h"
#include "uofa/engine.h"

namespace uofa {
namespace {

namespace fs = std::filesystem;

struct Opened {
  testing::TestEnvironment env;
  Diagnostics open_diagnostics;
  Diagnostics read_diagnostics;
  std::unique_ptr<RecordSource> source;
  std::vector<std::shared_ptr<const Record>> records;
};

std::unique_ptr<Opened> OpenDatabase(const std::string& path) {
  auto opened = std::make_unique<Opened>();
  opened->source = OpenIncidentDatabase(path, opened->env.options(), nullptr,
                                        opened->open_diagnostics);
  if (opened->source) opened->records = testing::ReadAll(*opened->source, opened->read_diagnostics);
  return opened;
}

// Incidents with one problem a row, and interventions with one orphan.
constexpr const char* kProblems = R"sql(
CREATE TABLE incidents (incident_id TEXT, patient_id TEXT, ward TEXT, started_at TEXT,
                        reason_code, patient_injury TEXT, colour TEXT);
INSERT INTO incidents VALUES ('INC-1', 'P1', 'Oak', '2023-07-01T10:00', 10, 'N', 'red');
INSERT INTO incidents VALUES ('INC-2', 'P1', NULL, '2023-02-30T09:00', '11', NULL, NULL);
INSERT INTO incidents VALUES ('INC-1', 'P1', 'Oak', '2023-07-02T10:00', '10', 'N', NULL);
INSERT INTO incidents VALUES ('INC-3', 'P1', x'00ff', '2023-07-03T10:00', '10', 'N', NULL);
INSERT INTO incidents VALUES ('INC-4', 'P1', CAST(x'4fc3' AS TEXT), NULL, '10', 'N', NULL);
INSERT INTO incidents VALUES ('INC-5', 'P2', 'Elm', '2023-07-05T10:00', 12.0, 'Y', NULL);
CREATE TABLE interventions (incident_id TEXT, seq INTEGER, type_code TEXT, in_care_plan TEXT);
INSERT INTO interventions VALUES ('INC-1', 2, '04', 'Y');
INSERT INTO interventions VALUES ('INC-9', 1, '01', NULL);
INSERT INTO interventions VALUES ('INC-1', 1, '01', 'N');
CREATE TABLE notes (text TEXT);
)sql";

TEST_CASE("incident sqlite: records, children and every problem at file:table:row:column") {
  testing::TempFolder scratch;
  std::string path = scratch / "incidents/incidents.sqlite";
  fs::create_directories(scratch / "incidents");
  testing::WriteDatabase(path, kProblems);
  auto opened = OpenDatabase(path);
  REQUIRE(opened->source);

  CHECK(opened->open_diagnostics.Format() ==
        path + ": warning: table 'notes' is not one of the incident tables; it is not read\n" +
        path + ":incidents: warning: column 'colour' is not a field of 'incident' and is "
               "ignored\n");
  CHECK(opened->read_diagnostics.Format() ==
        path + ":incidents:2:4: warning: 'started_at': '2023-02-30T09:00' is not a valid date "
               "and time\n" +
        path + ":incidents:3:1: error: duplicate 'incident_id' 'INC-1' (first on row 1)\n" +
        path + ":incidents:4:3: error: column 'ward' holds a blob, which is not read: store "
               "text or a number\n" +
        path + ":incidents:5:3: error: column 'ward': invalid UTF-8 (byte 0xc3)\n" +
        path + ":incidents:6:5: warning: 'reason_code': '12.0' is not a code of 'ri_reason'\n" +
        path + ":interventions:2:1: error: no incident 'INC-9' was read from "
               "'incidents.sqlite:incidents'\n");
  // Each is a data-quality finding of its kind, on its column.
  std::vector<std::string> codes;
  for (const Diagnostic& problem : opened->read_diagnostics.Items()) {
    codes.push_back(problem.code + " " + problem.field);
  }
  CHECK(codes == std::vector<std::string>{
                     "UOFA-DQ-BAD-DATE started_at", "UOFA-DQ-DUPLICATE-ID incident_id",
                     "UOFA-DQ-REJECTED-ROW ward", "UOFA-DQ-REJECTED-ROW ward",
                     "UOFA-DQ-UNMAPPED-VALUE reason_code", "UOFA-DQ-ORPHAN-ROW incident_id"});

  REQUIRE(opened->records.size() == 3);
  const Record* first = testing::FindById(opened->records, "INC-1");
  REQUIRE(first != nullptr);
  CHECK(first->origin.file == path + ":incidents");
  CHECK(first->origin.line == 1);
  CHECK(first->Get("reason_code").as_string() == "10");  // an integer, read as its text
  const ValueList& interventions = first->Get("interventions").as_list();
  REQUIRE(interventions.size() == 2);
  CHECK(interventions[0].as_record().Get("seq").as_int() == 1);
  CHECK(interventions[0].as_record().origin.file == path + ":interventions");
  CHECK(interventions[0].as_record().origin.line == 3);
  CHECK(interventions[1].as_record().Get("type_code").as_string() == "04");
  CHECK(first->Get("reviews").is_null());  // no table: not known

  const Record* second = testing::FindById(opened->records, "INC-2");
  REQUIRE(second != nullptr);
  CHECK(second->Get("ward").is_null());  // NULL is an empty cell
  CHECK(second->Get("started_at").is_null());
  CHECK(second->Get("interventions").as_list().empty());

  const SourceCounts& counts = opened->source->counts();
  CHECK(counts.rows_read == 9);
  CHECK(counts.rows_rejected == 4);
  CHECK(counts.cell_problems == 2);
  CHECK(counts.rows_read == testing::ProducedRows(opened->records, true) + counts.rows_rejected);
  std::vector<SourceInput> inputs = opened->source->inputs();
  REQUIRE(inputs.size() == 2);
  CHECK(inputs[0].path == path + ":incidents");
  CHECK(inputs[0].rows == 6);
  CHECK(inputs[1].path == path + ":interventions");
  CHECK(inputs[1].kind == "intervention");
  CHECK(inputs[1].rows == 3);
}

TEST_CASE("incident sqlite: a file that is not a database is an error at the file") {
  testing::TempFolder scratch;
  std::string path = scratch.Write("incidents/incidents.sqlite",
                                   "incident_id,patient_id\nINC-1,P1\n" + std::string(600, 'x'));
  auto opened = OpenDatabase(path);
  CHECK_FALSE(opened->source);
  CHECK(opened->open_diagnostics.Format() == path + ": error: not a SQLite database\n");
}

TEST_CASE("incident sqlite: a table that breaks off is an error at the row where reading stops") {
  testing::TempFolder scratch;
  std::string path = scratch / "incidents.sqlite";
  std::string rows;
  for (int i = 1; i <= 400; ++i) {
    rows += "INSERT INTO incidents VALUES ('INC-" + std::to_string(i) + "', 'P1', '" +
            std::string(200, 'x') + "');";
  }
  testing::WriteDatabase(path, "PRAGMA page_size = 512; CREATE TABLE incidents (incident_id TEXT, "
                               "patient_id TEXT, description TEXT);" + rows);
  {
    // Pages past the first quarter of the file overwritten: the table's later rows are lost.
    std::string bytes = testing::ReadText(path);
    REQUIRE(bytes.size() > 40000);
    for (std::size_t i = bytes.size() / 4; i < bytes.size(); ++i) bytes[i] = 'Z';
    scratch.Write("incidents.sqlite", bytes);
  }
  auto opened = OpenDatabase(path);
  REQUIRE(opened->source);
  CHECK(opened->open_diagnostics.Empty());
  const SourceCounts& counts = opened->source->counts();
  CHECK(counts.rows_read < 400);  // where it stops depends on which pages hold what
  CHECK(counts.rows_rejected == 0);
  CHECK(opened->records.size() == counts.rows_read);
  CHECK(opened->read_diagnostics.Format() ==
        path + ":incidents:" + std::to_string(counts.rows_read + 1) +
            ": error: the table cannot be read from this row on: database disk image is "
            "malformed\n");
}

TEST_CASE("incident sqlite: a database without an incidents table is an error at the file") {
  testing::TempFolder scratch;
  std::string path = scratch / "incidents.sqlite";
  testing::WriteDatabase(path, "CREATE TABLE interventions (incident_id TEXT, seq INTEGER);");
  auto opened = OpenDatabase(path);
  CHECK_FALSE(opened->source);
  CHECK(opened->open_diagnostics.Format() ==
        path + ": error: no table 'incidents' in the database\n");
}

TEST_CASE("incident sqlite: a required column missing is an error at the table") {
  testing::TempFolder scratch;
  std::string path = scratch / "incidents.sqlite";
  testing::WriteDatabase(path, "CREATE TABLE Incidents (incident_id TEXT, ward TEXT);"
                               "INSERT INTO Incidents VALUES ('INC-1', 'Oak');");
  auto opened = OpenDatabase(path);
  CHECK_FALSE(opened->source);
  CHECK(opened->open_diagnostics.Format() ==
        path + ":incidents: error: required column 'patient_id' is missing\n");
}

TEST_CASE("incident sqlite: incidents.csv and incidents.sqlite together are an error") {
  testing::TempFolder scratch;
  scratch.Write("audit/incidents/incidents.csv", "incident_id,patient_id\nINC-1,P1\n");
  testing::WriteDatabase(scratch / "audit/incidents/incidents.sqlite",
                         "CREATE TABLE incidents (incident_id TEXT, patient_id TEXT);");
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  auto sources = OpenAuditFolder(scratch / "audit", env.options(), diagnostics);
  CHECK(testing::SourceOfKind(sources, "incident") == nullptr);
  CHECK(diagnostics.Format() == (scratch / "audit/incidents") +
                                    ": error: both 'incidents.csv' and 'incidents.sqlite' are "
                                    "present; keep one of them\n");

  scratch.Write("audit/incidents/incidents.jsonl", "{}\n");
  Diagnostics three;
  OpenAuditFolder(scratch / "audit", env.options(), three);
  CHECK(three.Format() == (scratch / "audit/incidents") +
                              ": error: all of 'incidents.csv', 'incidents.jsonl' and "
                              "'incidents.sqlite' are present; keep one of them\n");
}

// --- The sample audit, with its incident tables as incidents.sqlite. ---

std::string Sample(const std::string& name) {
  return std::string(UOFA_SOURCE_DIR) + "/samples/" + name;
}

// A copy of samples/`name` whose incidents/*.csv are replaced by incidents/incidents.sqlite.
std::string CopyAsSqlite(const testing::TempFolder& scratch, const std::string& name) {
  std::string audit = scratch / name;
  fs::copy(Sample(name), audit, fs::copy_options::recursive);
  fs::remove(audit + "/uofa.db");
  std::size_t rows = testing::CsvFolderToSqlite(audit + "/incidents",
                                                audit + "/incidents/incidents.sqlite");
  CHECK(rows > 0);
  for (const auto& entry : fs::directory_iterator(audit + "/incidents")) {
    if (entry.path().extension() == ".csv") fs::remove(entry.path());
  }
  return audit;
}

std::optional<AuditResult> Check(const std::string& audit, Diagnostics& diagnostics) {
  CheckOptions options;
  options.audit_dir = audit;
  options.rules_root = std::string(UOFA_SOURCE_DIR) + "/rules";
  return RunCheck(options, diagnostics);
}

// rule id -> "status passed failed n/a indeterminate waived", and each finding as
// "rule record verdict" (a document's id, its path, relative to the audit folder).
struct Outcomes {
  std::map<std::string, std::string> rules;
  std::vector<std::string> findings;
};

Outcomes Summarise(const AuditResult& result, const std::string& audit) {
  Outcomes out;
  for (const RuleOutcome& rule : result.rules) {
    out.rules[rule.id] = std::to_string(static_cast<int>(rule.status)) + " " +
                         std::to_string(rule.passed) + " " + std::to_string(rule.failed) + " " +
                         std::to_string(rule.not_applicable) + " " +
                         std::to_string(rule.indeterminate) + " " + std::to_string(rule.waived);
    for (const Finding& finding : rule.findings) {
      std::string record = finding.record_id;
      if (record.starts_with(audit)) record = "DIR" + record.substr(audit.size());
      out.findings.push_back(rule.id + " " + record + " " +
                             std::to_string(static_cast<int>(finding.verdict)));
    }
  }
  return out;
}

// The incident findings' positions: the row of a CSV line is its place among the file's rows.
void CheckIncidentRows(const std::string& csv_file, const AuditResult& csv,
                       const AuditResult& sqlite) {
  std::map<int, int> row_of_line;
  Diagnostics ignored;
  std::unique_ptr<CsvReader> reader = CsvReader::Open(csv_file, ignored);
  REQUIRE(reader);
  CsvRow row;
  for (int number = 0; reader->Next(&row, ignored) == CsvReader::Status::kRow; ++number) {
    row_of_line[row.line] = number;  // the header is row 0
  }
  std::size_t compared = 0;
  for (std::size_t r = 0; r < csv.rules.size() && r < sqlite.rules.size(); ++r) {
    const auto& a = csv.rules[r].findings;
    const auto& b = sqlite.rules[r].findings;
    for (std::size_t f = 0; f < a.size() && f < b.size(); ++f) {
      if (a[f].location.file != csv_file) continue;
      CHECK(b[f].location.file.ends_with("/incidents/incidents.sqlite:incidents"));
      CHECK(b[f].location.line == row_of_line[a[f].location.line]);
      ++compared;
    }
  }
  CHECK(compared > 50);
}

TEST_CASE("incident sqlite: the sample audit gives the same findings as its CSV tables") {
  testing::TempFolder scratch;
  std::string audit = CopyAsSqlite(scratch, "example-trust");
  Diagnostics csv_diagnostics, sqlite_diagnostics;
  auto csv = Check(Sample("example-trust"), csv_diagnostics);
  auto sqlite = Check(audit, sqlite_diagnostics);
  REQUIRE(csv.has_value());
  REQUIRE(sqlite.has_value());
  CHECK(sqlite_diagnostics.Format() == "");
  CHECK(csv_diagnostics.Format() == "");

  CHECK(sqlite->records_read == csv->records_read);
  CHECK(sqlite->records_evaluated == csv->records_evaluated);
  CHECK(sqlite->records_rejected == csv->records_rejected);
  CHECK(sqlite->records_read > 3000);
  Outcomes a = Summarise(*csv, Sample("example-trust")), b = Summarise(*sqlite, audit);
  CHECK(a.rules.size() > 50);
  CHECK(b.rules == a.rules);
  CHECK(a.findings.size() > 50);
  CHECK(b.findings == a.findings);
  CheckIncidentRows(Sample("example-trust/incidents/incidents.csv"), *csv, *sqlite);

  // The same input problems, in the same order: the messages differ only where they count lines.
  REQUIRE(sqlite->input_problems.size() == csv->input_problems.size());
  for (std::size_t i = 0; i < csv->input_problems.size(); ++i) {
    std::string expected = csv->input_problems[i].message;
    CHECK(sqlite->input_problems[i].message == expected);
  }
}

TEST_CASE("incident sqlite: a mapping of the CSV files applies to their tables") {
  // samples/datix-export: its incident export (renamed columns, labels, a split column) as a
  // database, read through the mappings of uofa.yaml, gives the findings of its CSV files.
  testing::TempFolder scratch;
  std::string audit = CopyAsSqlite(scratch, "datix-export");
  Diagnostics csv_diagnostics, sqlite_diagnostics;
  auto csv = Check(Sample("datix-export"), csv_diagnostics);
  auto sqlite = Check(audit, sqlite_diagnostics);
  REQUIRE(csv.has_value());
  REQUIRE(sqlite.has_value());
  CHECK(sqlite_diagnostics.Format() == "");
  CHECK(sqlite->records_read == csv->records_read);
  CHECK(sqlite->records_evaluated == csv->records_evaluated);
  CHECK(sqlite->records_rejected == csv->records_rejected);
  Outcomes a = Summarise(*csv, Sample("datix-export")), b = Summarise(*sqlite, audit);
  CHECK(a.rules.size() > 50);
  CHECK(b.rules == a.rules);
  CHECK(a.findings.size() > 50);
  CHECK(b.findings == a.findings);
  CheckIncidentRows(Sample("datix-export/incidents/incidents.csv"), *csv, *sqlite);
  REQUIRE(sqlite->input_problems.size() == csv->input_problems.size());
  for (std::size_t i = 0; i < csv->input_problems.size(); ++i) {
    CHECK(sqlite->input_problems[i].message == csv->input_problems[i].message);
  }
}

TEST_CASE("incident sqlite: reading leaves the database and its folder as they were") {
  testing::TempFolder scratch;
  std::string audit = CopyAsSqlite(scratch, "example-trust");
  std::string path = audit + "/incidents/incidents.sqlite";
  std::string bytes = testing::ReadText(path);
  struct stat before {};
  REQUIRE(::stat(path.c_str(), &before) == 0);
  Diagnostics diagnostics;
  auto result = Check(audit, diagnostics);
  REQUIRE(result.has_value());
  CHECK(diagnostics.Format() == "");
  struct stat after {};
  REQUIRE(::stat(path.c_str(), &after) == 0);
  CHECK(testing::ReadText(path) == bytes);
  CHECK(after.st_mtim.tv_sec == before.st_mtim.tv_sec);
  CHECK(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(audit + "/incidents")) {
    files.push_back(entry.path().filename().string());
  }
  CHECK(files == std::vector<std::string>{"incidents.sqlite"});
}

}  // namespace
}  // namespace uofa
