// The canonical JSON of a record, as the store keeps imported records.
#include "engine/sources/record_json.h"

#include <doctest/doctest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/sources/incident_jsonl.h"
#include "tests/unit/sources/source_test_util.h"
#include "tests/unit/sources/test_schema.h"

namespace uofa {
namespace {

std::vector<std::shared_ptr<const Record>> ReadLines(const testing::TestEnvironment& env,
                                                     const std::string& text, Diagnostics& diagnostics) {
  auto source = IncidentJsonlFromStream("incidents.jsonl", std::make_unique<std::istringstream>(text),
                                        env.options(), nullptr, diagnostics);
  REQUIRE(source);
  return testing::ReadAll(*source, diagnostics);
}

TEST_CASE("record json: every kind of field, nested children, nulls left out") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  auto records = ReadLines(
      env,
      // A datetime with an offset, one in local summer time, one in winter; a code given as a
      // number (normalised), a tristate as U, bools as text, an explicit null, an enum in
      // capitals, children with a retired code (kept as read, with a warning) and an embedded patient.
      // The reader puts the interventions in the order of their seq.
      R"({"incident_id":"J-1","patient_id":"P1","started_at":"2023-07-01T10:00+02:00",)"
      R"("ended_at":"2023-07-01T10:30","recorded_at":"2023-01-05T08:00:00.250",)"
      R"("reason_code":12,"patient_injury":"U","staff_injury":"yes","negligible":"N",)"
      R"("description":"Held \"gently\" – 2 staff","outcome":null,"police_camera":"NOT_WORN",)"
      R"("interventions":[{"seq":2,"type_code":"4"},{"seq":1,"type_code":"02","in_care_plan":true}],)"
      R"("staff_involved":[],"patient":{"patient_id":"P1","name":"Ann Example","date_of_birth":"1990-03-04"}})",
      diagnostics);
  REQUIRE(records.size() == 1);
  CHECK(diagnostics.Items().size() == 1);  // the retired code
  CHECK(CanonicalRecordJson(*records[0]) ==
        R"({"description":"Held \"gently\" – 2 staff","ended_at":"2023-07-01T09:30:00Z",)"
        R"("incident_id":"J-1","interventions":[{"in_care_plan":true,"incident_id":"J-1","seq":1,)"
        R"("type_code":"02"},{"incident_id":"J-1","seq":2,"type_code":"04"}],"negligible":false,)"
        R"("patient":{"date_of_birth":"1990-03-04","name":"Ann Example","patient_id":"P1"},)"
        R"("patient_id":"P1","patient_injury":"unknown","police_camera":"not_worn",)"
        R"("reason_code":"12","recorded_at":"2023-01-05T08:00:00.25Z","staff_injury":"yes",)"
        R"("staff_involved":[],"started_at":"2023-07-01T08:00:00Z"})");
}

TEST_CASE("record json: the same record written any way gives the same text; a change does not") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  auto records = ReadLines(env,
                           R"({"incident_id":"J-1","patient_id":"P1","started_at":"2023-07-01T09:00+01:00","planned":"Y"})"
                           "\n"
                           R"({"planned":true,"started_at":"2023-07-01T09:00","patient_id":"P1","incident_id":"J-2"})"
                           "\n"
                           R"({"incident_id":"J-3","patient_id":"P1","started_at":"2023-07-01T10:01","planned":true})",
                           diagnostics);
  CHECK(diagnostics.Empty());
  REQUIRE(records.size() == 3);
  auto without_id = [](const Record& record) {
    nlohmann::json json = RecordToJson(record);
    json.erase("incident_id");
    return json.dump();
  };
  CHECK(without_id(*records[0]) == R"({"patient_id":"P1","planned":true,"started_at":"2023-07-01T08:00:00Z"})");
  CHECK(without_id(*records[1]) == without_id(*records[0]));
  CHECK(without_id(*records[2]) != without_id(*records[0]));
}

TEST_CASE("record json: a record with every field null is an empty object") {
  testing::TestEnvironment env;
  Record record;
  record.type = &env.type("review");
  record.fields.resize(record.type->FieldCount());
  CHECK(CanonicalRecordJson(record) == "{}");
  record.fields[record.type->Find("at")->slot] = Value::Time(Timestamp{1700000000, 0});
  record.fields[record.type->Find("kind")->slot] = Value::String("mdt");
  CHECK(CanonicalRecordJson(record) == R"({"at":"2023-11-14T22:13:20Z","kind":"mdt"})");
}

}  // namespace
}  // namespace uofa
