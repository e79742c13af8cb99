#include "engine/sources/incident_tables.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/sources/table_reader.h"
#include "tests/unit/sources/source_test_util.h"
#include "tests/unit/sources/test_schema.h"

namespace uofa {
namespace {

using testing::FixturePath;

struct Opened {
  testing::TestEnvironment env;
  Diagnostics open_diagnostics;
  Diagnostics read_diagnostics;
  std::shared_ptr<const KeyedTable> patients;
  std::unique_ptr<RecordSource> source;
  std::vector<std::shared_ptr<const Record>> records;
};

std::unique_ptr<Opened> OpenFixture(bool with_patients = true) {
  auto opened = std::make_unique<Opened>();
  SourceOptions options = opened->env.options();
  if (with_patients) {
    Diagnostics patient_diagnostics;
    opened->patients = LoadKeyedTable(FixturePath("audit-csv/patients.csv"),
                                      opened->env.type("patient"), "patient_id", options.parse,
                                      patient_diagnostics);
  }
  opened->source = OpenIncidentTables(FixturePath("audit-csv/incidents"), options,
                                      opened->patients, opened->open_diagnostics);
  REQUIRE(opened->source);
  opened->records = testing::ReadAll(*opened->source, opened->read_diagnostics);
  return opened;
}

std::vector<std::string> Values(const Value& list, const char* field) {
  std::vector<std::string> out;
  for (const Value& item : list.as_list()) {
    const Value& value = item.as_record().Get(field);
    out.push_back(value.is_null() ? "null" : KeyText(value));
  }
  return out;
}

TEST_CASE("incident tables: children are attached to their incident, interventions by seq") {
  auto opened = OpenFixture();
  REQUIRE(opened->records.size() == 4);
  const Record* first = testing::FindById(opened->records, "INC-1");
  REQUIRE(first != nullptr);
  CHECK(first->origin.line == 2);
  CHECK(first->type == &opened->env.type("incident"));

  const Value& interventions = first->Get("interventions");
  REQUIRE(interventions.kind() == ValueKind::kList);
  CHECK(Values(interventions, "seq") == std::vector<std::string>{"1", "2"});
  CHECK(Values(interventions, "type_code") == std::vector<std::string>{"01", "04"});
  const Record& earliest = interventions.as_list()[0].as_record();
  CHECK(earliest.type == &opened->env.type("intervention"));
  CHECK(earliest.origin.line == 3);  // file order was seq 2 then seq 1
  CHECK(earliest.origin.file == FixturePath("audit-csv/incidents/interventions.csv"));
  CHECK_FALSE(earliest.Get("in_care_plan").as_bool());

  const Value& staff = first->Get("staff_involved");
  CHECK(Values(staff, "name") == std::vector<std::string>{"Pat Nurse", "PC Brown"});
  CHECK(staff.as_list()[1].as_record().Get("role").as_string() == "boss");

  // observations.csv holds only a header: a known empty list; reviews.csv is absent: not known.
  CHECK(first->Get("observations").kind() == ValueKind::kList);
  CHECK(first->Get("observations").as_list().empty());
  CHECK(first->Get("reviews").is_null());

  const Record* fifth = testing::FindById(opened->records, "INC-5");
  REQUIRE(fifth != nullptr);
  CHECK(fifth->Get("interventions").as_list().empty());
  CHECK(fifth->Get("police_camera").as_string() == "worn_operating");
}

TEST_CASE("incident tables: the patient is joined by patient_id") {
  auto opened = OpenFixture();
  const Record* first = testing::FindById(opened->records, "INC-1");
  REQUIRE(first != nullptr);
  const Value& patient = first->Get("patient");
  REQUIRE(patient.kind() == ValueKind::kRecord);
  CHECK(patient.as_record().type == &opened->env.type("patient"));
  CHECK(patient.as_record().Get("name").as_string() == "Alex Smith");
  CHECK(patient.as_record().Get("disability").as_string() == "no");
  // INC-3 names P2, whose first row wins over the rejected duplicate.
  const Record* third = testing::FindById(opened->records, "INC-3");
  REQUIRE(third != nullptr);
  CHECK(third->Get("patient").as_record().Get("name").as_string() == "Sam Jones");
  CHECK(third->Get("ward").as_string() == "Elm\nPICU");
  CHECK(third->origin.line == 6);
  // INC-2 names P9, which patients.csv does not hold.
  const Record* second = testing::FindById(opened->records, "INC-2");
  REQUIRE(second != nullptr);
  CHECK(second->Get("patient").is_null());
  CHECK(second->Get("patient_id").as_string() == "P9");
}

TEST_CASE("incident tables: without a patients table the patient stays null, silently") {
  auto opened = OpenFixture(/*with_patients=*/false);
  CHECK(testing::FindById(opened->records, "INC-1")->Get("patient").is_null());
  for (const Diagnostic& item : opened->read_diagnostics.Items()) {
    CHECK(item.message.find("no patient") == std::string::npos);
  }
}

TEST_CASE("incident tables: duplicates, orphans and unknown patients are reported exactly") {
  auto opened = OpenFixture();
  std::string dir = FixturePath("audit-csv/incidents/");
  CHECK(opened->open_diagnostics.Format() ==
        dir + "incidents.csv:1:90: warning: column 'colour' is not a field of 'incident' and is "
              "ignored\n"
              "  incident_id,patient_id,ward,started_at,ended_at,reason_code,patient_injury,"
              "police_camera,colour\n"
              "                                                                                 "
              "          ^\n" +
        dir + "interventions.csv:4:9: warning: 'type_code': '2' is a retired code of 'ri_type'\n"
              "  INC-2,1,2,2023-03-26T00:30,,maybe\n"
              "          ^\n" +
        dir + "interventions.csv:4:29: warning: 'in_care_plan': 'maybe' is not Y or N\n"
              "  INC-2,1,2,2023-03-26T00:30,,maybe\n"
              "                              ^\n" +
        dir + "interventions.csv:7:1: error: required field 'incident_id' is empty\n"
              "  ,1,1,,,\n"
              "  ^\n" +
        dir + "staff_involved.csv:3:36: warning: 'role': 'boss' is not one of hands_on, lead, "
              "observer, prescriber, authoriser\n"
              "  INC-1,,********,Police Constable,N,boss\n"
              "                                     ^\n");
  CHECK(opened->read_diagnostics.Format() ==
        dir + "incidents.csv:3:48: warning: 'reason_code': '7' is not a code of 'ri_reason'\n"
              "  INC-2,P9,Ash,2023-03-26T00:30,2023-03-26T03:30,7,Y,,blue\n"
              "                                                 ^\n" +
        dir + "incidents.csv:3:7: warning: no patient 'P9' in 'patients.csv'\n"
              "  INC-2,P9,Ash,2023-03-26T00:30,2023-03-26T03:30,7,Y,,blue\n"
              "        ^\n" +
        dir + "incidents.csv:4:1: error: duplicate 'incident_id' 'INC-1' (first on line 2)\n"
              "  INC-1,P1,Oak,2023-07-02T10:00,,10,N,,\n"
              "  ^\n" +
        dir + "incidents.csv:5:1: error: required field 'incident_id' is empty\n"
              "  ,P2,Elm,2023-01-01T09:00,,11,,,\n"
              "  ^\n" +
        dir + "incidents.csv:7:7: warning: 'started_at': '2023-02-30T09:00' is not a valid date "
              "and time\n"
              "  PICU\",2023-02-30T09:00,,99,U,,\n"
              "        ^\n" +
        dir + "incidents.csv:8:13: error: row has 3 cells but the header has 9\n"
              "  INC-4,P1,Oak\n"
              "              ^\n" +
        dir + "interventions.csv:5:1: error: no incident 'INC-9' was read from 'incidents.csv'\n"
              "  INC-9,1,1,,,\n"
              "  ^\n" +
        dir + "interventions.csv:6:1: error: no incident 'INC-4' was read from 'incidents.csv'\n"
              "  INC-4,1,1,,,\n"
              "  ^\n");
}

TEST_CASE("incident tables: every row is accounted for") {
  auto opened = OpenFixture();
  const SourceCounts& counts = opened->source->counts();
  // incidents.csv 7 rows, interventions.csv 6, staff_involved.csv 2, observations.csv 0.
  CHECK(counts.rows_read == 15);
  CHECK(counts.rows_rejected == 6);
  CHECK(counts.cell_problems == 6);
  CHECK(counts.rows_read == testing::ProducedRows(opened->records, true) + counts.rows_rejected);
  std::size_t errors = opened->open_diagnostics.ErrorCount() + opened->read_diagnostics.ErrorCount();
  std::size_t warnings = opened->open_diagnostics.Items().size() +
                         opened->read_diagnostics.Items().size() - errors;
  CHECK(errors == counts.rows_rejected);
  CHECK(warnings == counts.cell_problems + 1);  // and the header's unknown column

  std::vector<SourceInput> inputs = opened->source->inputs();
  REQUIRE(inputs.size() == 4);
  std::string dir = FixturePath("audit-csv/incidents/");
  CHECK(inputs[0].path == dir + "incidents.csv");
  CHECK(inputs[0].kind == "incident");
  CHECK(inputs[0].rows == 7);
  CHECK(inputs[1].path == dir + "interventions.csv");
  CHECK(inputs[1].kind == "intervention");
  CHECK(inputs[1].rows == 6);
  CHECK(inputs[2].kind == "staff_involved");
  CHECK(inputs[3].kind == "observation");
  CHECK(inputs[3].rows == 0);
}

TEST_CASE("incident tables: Next keeps returning false at the end") {
  auto opened = OpenFixture();
  std::shared_ptr<const Record> record;
  Diagnostics more;
  CHECK_FALSE(opened->source->Next(&record, more));
  CHECK(more.Empty());  // orphans are reported once
}

TEST_CASE("incident tables: no incident type, no source") {
  SchemaRegistry empty;
  SourceOptions options;
  options.schemas = &empty;
  Diagnostics diagnostics;
  CHECK(OpenIncidentTables(FixturePath("audit-csv/incidents"), options, nullptr, diagnostics) ==
        nullptr);
  CHECK(diagnostics.Items().at(0).message == "no record type 'incident' is declared");
}

}  // namespace
}  // namespace uofa
