// organisation.yaml: one record read by schema from a YAML mapping, with positioned problems.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/sources/yaml_record.h"
#include "tests/unit/sources/kinds_schema.h"
#include "tests/unit/sources/source_test_util.h"

namespace uofa {
namespace {

using testing::FixturePath;

struct Read {
  explicit Read(bool id_required) : env(id_required) {}
  testing::KindsEnvironment env;  // the types the records point at
  std::unique_ptr<RecordSource> source;
  std::vector<std::shared_ptr<const Record>> records;
  Diagnostics diagnostics;
};

Read FromText(const std::string& text, bool id_required = false) {
  Read read(id_required);
  read.source = YamlRecordFromText("organisation.yaml", text, read.env.type("organisation"),
                                   read.env.options(), read.diagnostics);
  REQUIRE(read.source != nullptr);
  read.records = testing::ReadAll(*read.source, read.diagnostics);
  // The counts account for the one record, produced or rejected.
  CHECK(read.source->counts().rows_read == 1);
  CHECK(read.source->counts().rows_read ==
        read.records.size() + read.source->counts().rows_rejected);
  return read;
}

const Value& At(const Value& list, std::size_t index) { return list.as_list().at(index); }

TEST_CASE("organisation.yaml: the profile as one record, nested by schema") {
  testing::KindsEnvironment env;
  Diagnostics diagnostics;
  std::string path = FixturePath("audit-kinds/organisation.yaml");
  auto source = OpenYamlRecord(path, env.type("organisation"), env.options(), diagnostics);
  REQUIRE(source != nullptr);
  CHECK(source->kind() == "organisation");
  auto records = testing::ReadAll(*source, diagnostics);
  REQUIRE(records.size() == 1);
  const Record& trust = *records[0];
  CHECK(trust.Id() == "RXX");
  CHECK(trust.origin.file == path);
  CHECK(trust.origin.line == 1);
  CHECK(trust.Get("kind").as_string() == "nhs_foundation_trust");

  const Value& units = trust.Get("units");
  REQUIRE(units.as_list().size() == 2);
  // A sequence of names is joined with ';', as CSV cells hold such lists; a single name is kept.
  CHECK(At(units, 0).as_record().Get("wards").as_string() == "Oak;Ash;Elm PICU");
  CHECK(At(units, 1).as_record().Get("wards").as_string() == "Birch");
  CHECK(At(units, 1).as_record().origin.line == 7);

  const Record& person = trust.Get("responsible_person").as_record();
  CHECK(person.type->name() == "responsible_person");
  CHECK(person.Get("employed_by_organisation").as_bool());
  CHECK(person.Get("appointed_on").kind() == ValueKind::kTimestamp);
  CHECK(At(trust.Get("delegations"), 0).as_record().Get("functions").as_string() ==
        "training;recording");

  const Record& policy = trust.Get("policy").as_record();
  CHECK(policy.Get("version").as_string() == "3.1");
  const Record& consultation = At(policy.Get("consultations"), 0).as_record();
  CHECK(consultation.Get("with").as_string() == "patients' council;carers' forum");
  CHECK(At(policy.Get("revisions"), 0).as_record().Get("substantial").as_bool());
  const Record& programme = trust.Get("training_programme").as_record();
  CHECK(programme.Get("rrn_certified").as_bool());
  CHECK(programme.Get("topics").as_string() == "a;b;c");

  CHECK(diagnostics.Format() ==
        path + ":31:1: warning: key 'colour' is not a field of 'organisation' and is ignored\n"
               "  colour: blue\n"
               "  ^\n");
  CHECK(source->counts().rows_read == 1);
  CHECK(source->counts().rows_rejected == 0);
  CHECK(source->counts().cell_problems == 1);
  std::vector<SourceInput> inputs = source->inputs();
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0].path == path);
  CHECK(inputs[0].kind == "organisation");
  CHECK(inputs[0].rows == 1);
}

TEST_CASE("organisation.yaml: values and node kinds that cannot be read are warnings at them") {
  Read read = FromText(
      "ods_code: RXX\n"
      "units: Riverside\n"
      "responsible_person:\n"
      "  job_title: Chief Nurse\n"
      "  appointed_on: 2022-02-30\n"
      "policy: [a, b]\n"
      "name: {first: Example}\n"
      "ods_code: RYY\n"
      "delegations:\n"
      "  - just a name\n"
      "  - {name: Sam Lee, functions: [training, [nested]]}\n");
  REQUIRE(read.records.size() == 1);
  const Record& trust = *read.records[0];
  CHECK(trust.Id() == "RXX");
  CHECK(trust.Get("units").is_null());
  CHECK(trust.Get("policy").is_null());
  CHECK(trust.Get("name").is_null());
  CHECK(trust.Get("responsible_person").as_record().Get("appointed_on").is_null());
  REQUIRE(trust.Get("delegations").as_list().size() == 1);
  CHECK(At(trust.Get("delegations"), 0).as_record().Get("functions").is_null());
  CHECK(read.diagnostics.Format() ==
        "organisation.yaml:2:8: warning: 'units' must be a sequence, not a scalar; it is ignored\n"
        "  units: Riverside\n"
        "         ^\n"
        "organisation.yaml:5:17: warning: 'responsible_person.appointed_on': '2022-02-30' is not "
        "a valid date\n"
        "    appointed_on: 2022-02-30\n"
        "                  ^\n"
        "organisation.yaml:4:3: warning: 'responsible_person' has no 'name', a required field of "
        "'responsible_person'\n"
        "    job_title: Chief Nurse\n"
        "    ^\n"
        "organisation.yaml:6:9: warning: 'policy' must be a mapping, not a sequence; it is "
        "ignored\n"
        "  policy: [a, b]\n"
        "          ^\n"
        "organisation.yaml:7:7: warning: 'name' must be a scalar, not a mapping; it is ignored\n"
        "  name: {first: Example}\n"
        "        ^\n"
        "organisation.yaml:8:1: warning: key 'ods_code' appears twice; the first is used\n"
        "  ods_code: RYY\n"
        "  ^\n"
        "organisation.yaml:10:5: warning: 'delegations[0]' must be a mapping, not a scalar; it is "
        "ignored\n"
        "    - just a name\n"
        "      ^\n"
        "organisation.yaml:11:43: warning: 'delegations[1].functions[1]' must be a scalar, not a "
        "sequence; it is ignored\n"
        "    - {name: Sam Lee, functions: [training, [nested]]}\n"
        "                                            ^\n");
  CHECK(read.source->counts().cell_problems == 8);
}

TEST_CASE("organisation.yaml: malformed YAML is an error at its position; the record is rejected") {
  Read read = FromText("name: Example\nunits:\n  - name: [Riverside\n");
  CHECK(read.records.empty());
  CHECK(read.source->counts().rows_rejected == 1);
  REQUIRE(read.diagnostics.ErrorCount() == 1);
  const Diagnostic& error = read.diagnostics.Items()[0];
  CHECK(error.location.file == "organisation.yaml");
  CHECK(error.location.line >= 3);
  CHECK(error.location.column >= 1);
  CHECK(error.message.rfind("invalid YAML: ", 0) == 0);
}

TEST_CASE("organisation.yaml: a document that is not a mapping is rejected") {
  Read sequence = FromText("- name: Example\n");
  CHECK(sequence.records.empty());
  CHECK(sequence.diagnostics.Format() ==
        "organisation.yaml:1:1: error: expected a mapping of 'organisation' fields, found a "
        "sequence\n"
        "  - name: Example\n"
        "  ^\n");
  Read empty = FromText("# nothing yet\n");
  CHECK(empty.records.empty());
  CHECK(empty.diagnostics.ErrorCount() == 1);
  Read scalar = FromText("just text\n");
  CHECK(scalar.records.empty());
  CHECK(scalar.diagnostics.ErrorCount() == 1);
}

TEST_CASE("organisation.yaml: a missing required field rejects the record") {
  Read read = FromText("name: Example\n", /*id_required=*/true);
  CHECK(read.records.empty());
  CHECK(read.diagnostics.Format() ==
        "organisation.yaml:1:1: error: required field 'ods_code' of 'organisation' is missing\n"
        "  name: Example\n"
        "  ^\n");
}

TEST_CASE("organisation.yaml: a second document is a warning; the first is read") {
  Read read = FromText("ods_code: RXX\n---\nods_code: RYY\n");
  REQUIRE(read.records.size() == 1);
  CHECK(read.records[0]->Id() == "RXX");
  CHECK(read.diagnostics.ErrorCount() == 0);
  CHECK(read.diagnostics.Items().size() == 1);
}

TEST_CASE("organisation.yaml: a stray ',' at the start ends, with the file rejected") {
  // yaml-cpp 0.7's LoadAll never returns on this stream (found by fuzzing).
  Read read = FromText(",~\n");
  CHECK(read.records.empty());
  CHECK(read.diagnostics.ErrorCount() == 1);
  CHECK(read.diagnostics.Items().size() == 2);
  CHECK(read.diagnostics.Items()[0].message == "the file holds more than one YAML document; only the first is read");
  CHECK(read.diagnostics.Items()[1].message ==
        "expected a mapping of 'organisation' fields, found an empty document");
}

TEST_CASE("organisation.yaml: hostile documents end with a diagnostic, never a crash") {
  // An alias to the sequence that holds it.
  Read recursive = FromText("units: &u [*u]\n");
  CHECK(recursive.records.size() == 1);

  // A thousand units sharing one list of a thousand wards: a million nodes once expanded.
  std::string wards = "w: &w [";
  for (int i = 0; i < 1000; ++i) wards += i ? ",x" : "x";
  std::string text = "unit: &u {name: n, wards: *w}\nunits: [";
  for (int i = 0; i < 1000; ++i) text += i ? ",*u" : "*u";
  Read bomb = FromText(wards + "]\n" + text + "]\n");
  CHECK(bomb.records.empty());
  CHECK(bomb.diagnostics.HasErrors());
  CHECK(bomb.diagnostics.Format().find("too large once its aliases are expanded") !=
        std::string::npos);

  // Nesting deeper than the parser allows.
  Read deep = FromText("name: " + std::string(20000, '[') + "\n");
  CHECK(deep.records.empty());
  CHECK(deep.diagnostics.HasErrors());

  Read binary = FromText(std::string("\0\xff\xfe: \x01\n", 6));
  CHECK(binary.source->counts().rows_read == 1);
}

TEST_CASE("organisation.yaml: an unreadable file is an error naming it") {
  testing::KindsEnvironment env;
  Diagnostics diagnostics;
  std::string path = FixturePath("audit-kinds/absent.yaml");
  CHECK(OpenYamlRecord(path, env.type("organisation"), env.options(), diagnostics) == nullptr);
  CHECK(diagnostics.HasErrors());
  CHECK(diagnostics.Items()[0].location.file == path);
}

}  // namespace
}  // namespace uofa
