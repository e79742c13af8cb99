#include "engine/sources/incident_jsonl.h"

#include <doctest/doctest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/sources/table_reader.h"
#include "tests/unit/sources/source_test_util.h"
#include "tests/unit/sources/test_schema.h"

namespace uofa {
namespace {

using testing::FixturePath;

struct JsonlRead {
  std::unique_ptr<RecordSource> source;
  std::vector<std::shared_ptr<const Record>> records;
  Diagnostics diagnostics;
};

JsonlRead ReadJsonl(const testing::TestEnvironment& env, const std::string& text,
                    std::shared_ptr<const KeyedTable> patients = nullptr) {
  JsonlRead out;
  out.source = IncidentJsonlFromStream("incidents.jsonl", std::make_unique<std::istringstream>(text),
                                       env.options(), std::move(patients), out.diagnostics);
  REQUIRE(out.source);
  out.records = testing::ReadAll(*out.source, out.diagnostics);
  return out;
}

std::shared_ptr<const KeyedTable> FixturePatients(const testing::TestEnvironment& env) {
  Diagnostics ignored;
  return LoadKeyedTable(FixturePath("audit-jsonl/patients.csv"), env.type("patient"),
                        "patient_id", env.options().parse, ignored);
}

TEST_CASE("jsonl: a nested incident with children and a joined patient") {
  testing::TestEnvironment env;
  JsonlRead read = ReadJsonl(
      env,
      R"({"incident_id":"J-1","patient_id":"P1","started_at":"2023-07-01T10:00","negligible":false,)"
      R"("interventions":[{"seq":2,"type_code":"4"},{"seq":1,"type_code":1,"in_care_plan":true}],)"
      R"("staff_involved":[{"name":"Pat","is_staff":"Y","role":"lead"}],"observations":[]})",
      FixturePatients(env));
  CHECK(read.diagnostics.Empty());
  REQUIRE(read.records.size() == 1);
  const Record& incident = *read.records[0];
  CHECK(incident.type == &env.type("incident"));
  CHECK(incident.origin.file == "incidents.jsonl");
  CHECK(incident.origin.line == 1);
  CHECK(FormatRfc3339(incident.Get("started_at").as_timestamp()) == "2023-07-01T09:00:00Z");
  CHECK_FALSE(incident.Get("negligible").as_bool());

  const ValueList& interventions = incident.Get("interventions").as_list();
  REQUIRE(interventions.size() == 2);
  const Record& first = interventions[0].as_record();
  CHECK(first.type == &env.type("intervention"));
  CHECK(first.Get("seq").as_int() == 1);
  CHECK(first.Get("type_code").as_string() == "01");  // a JSON number read as its text
  CHECK(first.Get("in_care_plan").as_bool());
  CHECK(first.Get("incident_id").as_string() == "J-1");  // inherited from the incident
  CHECK(interventions[1].as_record().Get("type_code").as_string() == "04");

  const Record& person = incident.Get("staff_involved").as_list()[0].as_record();
  CHECK(person.Get("is_staff").as_bool());
  CHECK(person.Get("role").as_string() == "lead");
  CHECK(incident.Get("observations").as_list().empty());
  CHECK(incident.Get("reviews").is_null());
  CHECK(incident.Get("patient").as_record().Get("name").as_string() == "Alex Smith");
}

TEST_CASE("jsonl: an embedded patient") {
  testing::TestEnvironment env;
  JsonlRead read = ReadJsonl(
      env, R"({"incident_id":"J-2","patient":{"patient_id":"E1","name":"Embedded","disability":"U"}})");
  CHECK(read.diagnostics.Empty());
  REQUIRE(read.records.size() == 1);
  const Record& incident = *read.records[0];
  const Record& patient = incident.Get("patient").as_record();
  CHECK(patient.type == &env.type("patient"));
  CHECK(patient.Get("name").as_string() == "Embedded");
  CHECK(patient.Get("disability").as_string() == "unknown");
  // The incident's patient_id (required) is taken from the embedded patient.
  CHECK(incident.Get("patient_id").as_string() == "E1");

  // An embedded patient without its id takes the incident's.
  JsonlRead inherit =
      ReadJsonl(env, R"({"incident_id":"J-3","patient_id":"P7","patient":{"name":"Named"}})");
  CHECK(inherit.diagnostics.Empty());
  REQUIRE(inherit.records.size() == 1);
  CHECK(inherit.records[0]->Get("patient").as_record().Get("patient_id").as_string() == "P7");
}

TEST_CASE("jsonl: a malformed line is an error at its line and column") {
  testing::TestEnvironment env;
  JsonlRead read = ReadJsonl(env,
                             "{\"incident_id\":\"A\",\"patient_id\":\"P1\"}\n"
                             "{\"incident_id\":\"B\",\"patient_id\": tru}\n"
                             "{\"incident_id\":\"C\",\"patient_id\":\"P1\",}\n"
                             "{\"incident_id\":\"D\"\n"
                             "  [1, 2]\n"
                             "{\"incident_id\":\"E\",\"patient_id\":\"caf\xE9\"}\n"
                             "{\"incident_id\":\"F\",\"patient_id\":\"P1\"}\n");
  REQUIRE(read.records.size() == 2);
  CHECK(read.records[1]->Id() == "F");
  CHECK(read.records[1]->origin.line == 7);
  const auto& items = read.diagnostics.Items();
  REQUIRE(items.size() == 5);
  CHECK(FormatDiagnostic(items[0]) ==
        "incidents.jsonl:2:37: error: invalid JSON: syntax error while parsing value - invalid "
        "literal\n"
        "  {\"incident_id\":\"B\",\"patient_id\": tru}\n"
        "                                      ^\n");
  CHECK(FormatDiagnostic(items[1]) ==
        "incidents.jsonl:3:38: error: invalid JSON: syntax error while parsing object key - "
        "unexpected '}'; expected string literal\n"
        "  {\"incident_id\":\"C\",\"patient_id\":\"P1\",}\n"
        "                                       ^\n");
  CHECK(FormatDiagnostic(items[2]) ==
        "incidents.jsonl:4:19: error: invalid JSON: syntax error while parsing object - unexpected "
        "end of input; expected '}'\n"
        "  {\"incident_id\":\"D\"\n"
        "                    ^\n");
  CHECK(FormatDiagnostic(items[3]) ==
        "incidents.jsonl:5:3: error: expected a JSON object holding one incident\n"
        "    [1, 2]\n"
        "    ^\n");
  CHECK(items[4].location.line == 6);
  CHECK(items[4].location.column == 37);  // the bad byte itself
  CHECK(items[4].message == "invalid UTF-8 (byte 0xe9)");
  const SourceCounts& counts = read.source->counts();
  CHECK(counts.rows_read == 7);
  CHECK(counts.rows_rejected == 5);
  CHECK(counts.rows_read == read.records.size() + counts.rows_rejected);
}

TEST_CASE("jsonl: unknown keys and unreadable values are warnings at the line") {
  testing::TestEnvironment env;
  JsonlRead read = ReadJsonl(
      env,
      R"({"incident_id":"J-4","patient_id":"P404","colour":"red","reason_code":7,"ward":["Oak"],)"
      R"("interventions":[{"type_code":"01","bogus":1},5,{"seq":"x","type_code":"03"}],)"
      R"("reviews":{"kind":"mdt"},"ended_at":null,"patient_injury":"maybe"})",
      FixturePatients(env));
  REQUIRE(read.records.size() == 1);
  const Record& incident = *read.records[0];
  CHECK(incident.Get("reason_code").as_string() == "07");
  CHECK(incident.Get("ward").is_null());
  CHECK(incident.Get("ended_at").is_null());
  CHECK(incident.Get("reviews").is_null());
  CHECK(incident.Get("patient").is_null());
  CHECK(incident.Get("interventions").as_list().size() == 2);
  CHECK(read.diagnostics.ErrorCount() == 0);
  CHECK(read.diagnostics.Format() ==
        "incidents.jsonl:1: warning: key 'colour' is not a field of 'incident' and is ignored\n"
        "incidents.jsonl:1: warning: 'reason_code': '7' is not a code of 'ri_reason'\n"
        "incidents.jsonl:1: warning: 'ward': expected a single value, not an array\n"
        "incidents.jsonl:1: warning: 'patient_injury': 'maybe' is not Y, N or U\n"
        "incidents.jsonl:1: warning: key 'interventions[0].bogus' is not a field of "
        "'intervention' and is ignored\n"
        "incidents.jsonl:1: warning: 'interventions[1]': expected an object\n"
        "incidents.jsonl:1: warning: 'interventions[2].seq': 'x' is not a whole number\n"
        "incidents.jsonl:1: warning: 'interventions[2].type_code': '03' is a retired code of "
        "'ri_type'\n"
        "incidents.jsonl:1: warning: 'reviews': expected an array\n"
        "incidents.jsonl:1: warning: no patient 'P404' in 'patients.csv'\n");
  CHECK(read.source->counts().cell_problems == 10);
  CHECK(read.source->counts().rows_rejected == 0);
}

TEST_CASE("jsonl: missing required fields, duplicates and blank lines") {
  testing::TestEnvironment env;
  env.schemas->FindMutable("intervention")->mutable_fields()[1].required = true;  // seq
  JsonlRead read = ReadJsonl(env,
                             "\n"
                             "{\"incident_id\":\"A\",\"patient_id\":\"P1\","
                             "\"interventions\":[{\"type_code\":\"01\"},{\"seq\":1}]}\n"
                             "   \r\n"
                             "{\"patient_id\":\"P1\"}\n"
                             "{\"incident_id\":\"A\",\"patient_id\":\"P2\"}\r\n"
                             "{\"incident_id\":\"B\",\"patient_id\":null}\n");
  REQUIRE(read.records.size() == 1);
  CHECK(read.records[0]->origin.line == 2);
  CHECK(read.records[0]->Get("interventions").as_list().size() == 1);
  CHECK(read.diagnostics.Format() ==
        "incidents.jsonl:2: warning: 'interventions[0]': required field 'seq' is missing; the "
        "entry is left out\n"
        "incidents.jsonl:4: error: required field 'incident_id' is missing\n"
        "incidents.jsonl:5: error: duplicate 'incident_id' 'A' (first on line 2)\n"
        "incidents.jsonl:6: error: required field 'patient_id' is missing\n");
  const SourceCounts& counts = read.source->counts();
  CHECK(counts.rows_read == 4);
  CHECK(counts.rows_rejected == 3);
  CHECK(counts.cell_problems == 1);
  CHECK(counts.rows_read == read.records.size() + counts.rows_rejected);
}

TEST_CASE("jsonl: a byte order mark on the first line and numbers of every JSON kind") {
  testing::TestEnvironment env;
  JsonlRead read = ReadJsonl(
      env, "\xEF\xBB\xBF{\"incident_id\":12345678901234567890,\"patient_id\":-4,"
           "\"interventions\":[{\"seq\":3.0}],\"planned\":1}\n");
  REQUIRE(read.records.size() == 1);
  CHECK(read.records[0]->Id() == "12345678901234567890");
  CHECK(read.records[0]->Get("patient_id").as_string() == "-4");
  CHECK(read.records[0]->Get("planned").as_bool());
  CHECK(read.diagnostics.Format() ==
        "incidents.jsonl:1: warning: 'interventions[0].seq': '3.0' is not a whole number\n");
}

TEST_CASE("jsonl: the fixture file, read whole") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  auto source = OpenIncidentJsonl(FixturePath("audit-jsonl/incidents/incidents.jsonl"),
                                  env.options(), FixturePatients(env), diagnostics);
  REQUIRE(source);
  auto records = testing::ReadAll(*source, diagnostics);
  CHECK(records.size() == 3);
  CHECK(source->counts().rows_read == 7);  // the blank line is not a row
  CHECK(source->counts().rows_read == records.size() + source->counts().rows_rejected);
  CHECK(diagnostics.ErrorCount() == source->counts().rows_rejected);
  CHECK(diagnostics.Items().size() - diagnostics.ErrorCount() == source->counts().cell_problems);
  std::vector<SourceInput> inputs = source->inputs();
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0].kind == "incident");
  CHECK(inputs[0].rows == 7);

  Diagnostics missing;
  CHECK(OpenIncidentJsonl(FixturePath("audit-jsonl/nope.jsonl"), env.options(), nullptr, missing) ==
        nullptr);
  CHECK(missing.Items().at(0).message ==
        "cannot read '" + FixturePath("audit-jsonl/nope.jsonl") + "'");
}

}  // namespace
}  // namespace uofa

namespace uofa {
namespace {

TEST_CASE("jsonl: a malformed line naming a patient's name or NHS number is reported without it") {
  testing::TestEnvironment env;
  for (FieldDef& field : env.schemas->FindMutable("patient")->mutable_fields()) {
    field.identifier = field.name == "name" || field.name == "nhs_number";
  }
  JsonlRead read = ReadJsonl(env,
                             "{\"incident_id\":\"A\",\"patient\":{\"patient_id\":\"P1\",\"name\":\"Quinn Exemplar\"},}\n"
                             "{\"incident_id\":\"B\",\"patient_id\": tru}\n");
  const auto& items = read.diagnostics.Items();
  REQUIRE(items.size() == 2);
  CHECK(FormatDiagnostic(items[0]) ==
        "incidents.jsonl:1:74: error: invalid JSON: syntax error while parsing object key - "
        "unexpected '}'; expected string literal\n");
  CHECK(FormatDiagnostic(items[1]) ==
        "incidents.jsonl:2:37: error: invalid JSON: syntax error while parsing value - invalid "
        "literal\n"
        "  {\"incident_id\":\"B\",\"patient_id\": tru}\n"
        "                                      ^\n");
}

}  // namespace
}  // namespace uofa
