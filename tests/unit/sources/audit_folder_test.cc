#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/sources/record_source.h"
#include "engine/sources/source_registry.h"
#include "engine/sources/utf8.h"
#include "tests/unit/sources/source_test_util.h"
#include "tests/unit/sources/test_schema.h"

namespace uofa {
namespace {

using testing::FixturePath;

TEST_CASE("audit folder: the CSV table set and patients") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  auto sources = OpenAuditFolder(FixturePath("audit-csv"), env.options(), diagnostics);
  REQUIRE(sources.size() == 2);
  RecordSource* patients = testing::SourceOfKind(sources, "patient");
  RecordSource* incidents = testing::SourceOfKind(sources, "incident");
  REQUIRE(patients != nullptr);
  REQUIRE(incidents != nullptr);

  // patients.csv is read once, when the folder is opened; its duplicate is reported once.
  CHECK(diagnostics.Format() ==
        FixturePath("audit-csv/patients.csv") +
            ":4:1: error: duplicate 'patient_id' 'P2' (first on line 3)\n"
            "  P2,****************,,,,\n"
            "  ^\n" +
            FixturePath("audit-csv/incidents/incidents.csv") +
            ":1:90: warning: column 'colour' is not a field of 'incident' and is ignored\n"
            "  incident_id,patient_id,ward,started_at,ended_at,reason_code,patient_injury,"
            "police_camera,colour\n"
            "                                                                                 "
            "          ^\n" +
            FixturePath("audit-csv/incidents/interventions.csv") +
            ":4:9: warning: 'type_code': '2' is a retired code of 'ri_type'\n"
            "  INC-2,1,2,2023-03-26T00:30,,maybe\n"
            "          ^\n" +
            FixturePath("audit-csv/incidents/interventions.csv") +
            ":4:29: warning: 'in_care_plan': 'maybe' is not Y or N\n"
            "  INC-2,1,2,2023-03-26T00:30,,maybe\n"
            "                              ^\n" +
            FixturePath("audit-csv/incidents/interventions.csv") +
            ":7:1: error: required field 'incident_id' is empty\n"
            "  ,1,1,,,\n"
            "  ^\n" +
            FixturePath("audit-csv/incidents/staff_involved.csv") +
            ":3:36: warning: 'role': 'boss' is not one of hands_on, lead, observer, prescriber, "
            "authoriser\n"
            "  INC-1,,********,Police Constable,N,boss\n"
            "                                     ^\n");

  Diagnostics read;
  auto patient_records = testing::ReadAll(*patients, read);
  CHECK(read.Empty());
  REQUIRE(patient_records.size() == 2);
  CHECK(patient_records[0]->Id() == "P1");
  CHECK(patient_records[0]->origin.file == FixturePath("audit-csv/patients.csv"));
  CHECK(patient_records[0]->origin.line == 2);
  CHECK(patient_records[1]->Get("disability").as_string() == "unknown");
  CHECK(patients->counts().rows_read == 3);
  CHECK(patients->counts().rows_rejected == 1);
  CHECK(patients->counts().rows_read == patient_records.size() + patients->counts().rows_rejected);
  std::vector<SourceInput> patient_inputs = patients->inputs();
  REQUIRE(patient_inputs.size() == 1);
  CHECK(patient_inputs[0].path == FixturePath("audit-csv/patients.csv"));
  CHECK(patient_inputs[0].kind == "patient");
  CHECK(patient_inputs[0].rows == 3);

  auto incident_records = testing::ReadAll(*incidents, read);
  CHECK(incident_records.size() == 4);
  // The incident join uses the same patient records the patient source hands out.
  const Record* first = testing::FindById(incident_records, "INC-1");
  REQUIRE(first != nullptr);
  CHECK(&first->Get("patient").as_record() == patient_records[0].get());
  CHECK(incidents->counts().rows_read ==
        testing::ProducedRows(incident_records, true) + incidents->counts().rows_rejected);
}

TEST_CASE("audit folder: the JSON Lines form") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  auto sources = OpenAuditFolder(FixturePath("audit-jsonl"), env.options(), diagnostics);
  CHECK(diagnostics.Empty());
  RecordSource* incidents = testing::SourceOfKind(sources, "incident");
  REQUIRE(incidents != nullptr);
  auto records = testing::ReadAll(*incidents, diagnostics);
  CHECK(records.size() == 3);
  const Record* embedded = testing::FindById(records, "J-2");
  REQUIRE(embedded != nullptr);
  CHECK(embedded->Get("patient").as_record().Get("name").as_string() == "Embedded Person");
  const Record* joined = testing::FindById(records, "J-1");
  REQUIRE(joined != nullptr);
  CHECK(joined->Get("patient").as_record().Get("name").as_string() == "Alex Smith");
  CHECK(incidents->counts().rows_read == records.size() + incidents->counts().rows_rejected);
  CHECK(incidents->inputs().at(0).path == FixturePath("audit-jsonl/incidents/incidents.jsonl"));
}

TEST_CASE("audit folder: both incident forms present is an error") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  auto sources = OpenAuditFolder(FixturePath("audit-both"), env.options(), diagnostics);
  CHECK(sources.empty());
  CHECK(diagnostics.Format() ==
        FixturePath("audit-both/incidents") +
            ": error: both 'incidents.csv' and 'incidents.jsonl' are present; keep one of them\n");
}

TEST_CASE("audit folder: a required column missing leaves the source out") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  auto sources = OpenAuditFolder(FixturePath("audit-bad-header"), env.options(), diagnostics);
  REQUIRE(sources.size() == 1);
  CHECK(sources[0]->kind() == "patient");
  CHECK(diagnostics.Format() == FixturePath("audit-bad-header/incidents/incidents.csv") +
                                    ":1: error: required column 'patient_id' is missing\n"
                                    "  incident_id,ward\n");
}

TEST_CASE("audit folder: kinds the schemas do not declare are skipped silently") {
  testing::TestEnvironment env;
  SchemaRegistry only_incidents;
  for (const char* kind : {"incident", "intervention"}) {
    auto copy = std::make_unique<RecordType>(env.type(kind));
    only_incidents.Add(std::move(copy));
  }
  SourceOptions options = env.options();
  options.schemas = &only_incidents;
  Diagnostics diagnostics;
  auto sources = OpenAuditFolder(FixturePath("audit-csv"), options, diagnostics);
  REQUIRE(sources.size() == 1);
  CHECK(sources[0]->kind() == "incident");
  auto records = testing::ReadAll(*sources[0], diagnostics);
  CHECK(records.size() == 4);
  const Record* first = testing::FindById(records, "INC-1");
  REQUIRE(first != nullptr);
  CHECK(first->type == only_incidents.Find("incident"));
  CHECK(first->Get("patient").is_null());
  CHECK(first->Get("interventions").as_list().size() == 2);
  CHECK(first->Get("staff_involved").is_null());  // element kind not declared: no table read
  for (const Diagnostic& item : diagnostics.Items()) {
    CHECK(item.location.file.find("patients.csv") == std::string::npos);
    CHECK(item.location.file.find("staff_involved.csv") == std::string::npos);
  }
}

TEST_CASE("audit folder: not a folder, or no schemas") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  CHECK(OpenAuditFolder(FixturePath("nope"), env.options(), diagnostics).empty());
  CHECK(diagnostics.Format() ==
        FixturePath("nope") + ": error: '" + FixturePath("nope") + "' is not a folder\n");
  Diagnostics none;
  CHECK(OpenAuditFolder(FixturePath("audit-csv"), SourceOptions{}, none).empty());
  CHECK(none.Empty());
}

TEST_CASE("source registry: one row per kind, patients before incidents") {
  const std::vector<SourceKind>& kinds = SourceKinds();
  REQUIRE(kinds.size() >= 2);
  CHECK(std::string(kinds[0].kind) == "patient");
  CHECK(std::string(kinds[1].kind) == "incident");
  REQUIRE(kinds[1].files.size() == 3);
  CHECK(std::string(kinds[1].files[0]) == "incidents/incidents.csv");
  CHECK(std::string(kinds[1].files[1]) == "incidents/incidents.jsonl");
  CHECK(std::string(kinds[1].files[2]) == "incidents/incidents.sqlite");
  for (const SourceKind& kind : kinds) CHECK(static_cast<bool>(kind.open));
  // Only the patients are opened after the rest, which the table's order does not show.
  std::vector<std::string> last;
  for (const SourceKind& kind : kinds) {
    if (kind.opened_last) last.push_back(kind.kind);
  }
  CHECK(last == std::vector<std::string>{"patient"});
}

TEST_CASE("audit folder: a join's pending patients are the patients' table, problems apart") {
  testing::TestEnvironment env;
  const SourceOptions options = env.options();  // the folder keeps a reference to them
  AuditFolder folder(FixturePath("audit-csv"), options);
  folder.StartReadingPatients();
  PendingKeyedTable pending = folder.PendingPatients();
  const std::shared_ptr<const KeyedTable> table = pending.Get();
  REQUIRE(table != nullptr);
  CHECK(table->records.size() == 2);  // P1 and P2; the second P2 rejected
  CHECK(pending.Get() == table);
  CHECK(folder.PendingPatients().Get() == table);  // read once
  // The duplicate is reported by the first call of Patients, and only by it.
  Diagnostics first;
  CHECK(folder.Patients(first) == table);
  CHECK(first.Items().size() == 1);
  CHECK(first.ErrorCount() == 1);
  Diagnostics second;
  CHECK(folder.Patients(second) == table);
  CHECK(second.Empty());
}

TEST_CASE("pending keyed table: ready from a table, or waited for once") {
  auto table = std::make_shared<const KeyedTable>();
  PendingKeyedTable ready = table;
  CHECK(ready.Get() == table);
  PendingKeyedTable none = nullptr;
  CHECK(none.Get() == nullptr);
  CHECK(PendingKeyedTable().Get() == nullptr);
  int waits = 0;
  PendingKeyedTable waited([&] {
    ++waits;
    return table;
  });
  CHECK(waits == 0);  // nothing waited for until asked
  CHECK(waited.Get() == table);
  CHECK(waited.Get() == table);
  CHECK(waits == 1);
}

TEST_CASE("utf8: FindInvalidUtf8") {
  CHECK(FindInvalidUtf8("plain") == std::string_view::npos);
  CHECK(FindInvalidUtf8("Zo\xC3\xAB \xE2\x82\xAC \xF0\x9F\x98\x80") == std::string_view::npos);
  CHECK(FindInvalidUtf8("caf\xE9!") == 3);
  CHECK(FindInvalidUtf8("ab\xC3") == 2);           // cut short
  CHECK(FindInvalidUtf8("\xC0\xAF") == 0);         // overlong
  CHECK(FindInvalidUtf8("x\xED\xA0\x80") == 1);    // surrogate
  CHECK(FindInvalidUtf8("\xF4\x90\x80\x80") == 0); // past U+10FFFF
  CHECK(FindInvalidUtf8("\x80") == 0);
  CHECK(InvalidUtf8Message(0xe9) == "invalid UTF-8 (byte 0xe9)");
}

}  // namespace
}  // namespace uofa
