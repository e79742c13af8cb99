#include "engine/eval/mapping_settings.h"

#include <doctest/doctest.h>

#include <string>

#include "engine/eval/audit_settings.h"
#include "tests/unit/sources/test_schema.h"

namespace uofa {
namespace {

const std::string kFixtures = std::string(UOFA_SOURCE_DIR) + "/tests/unit/eval/fixtures/";

// Reads `text` as the `mappings:` of a uofa.yaml; checks it against the test schemas when
// reading found no problem. Returns every problem, formatted.
std::string Problems(const std::string& text, MappingSet* mappings = nullptr) {
  Diagnostics diagnostics;
  YamlDocument document = ParseYaml(SourceText("uofa.yaml", text), diagnostics);
  MappingSet local;
  if (mappings == nullptr) mappings = &local;
  if (document.root != nullptr) {
    const YamlNode* node = document.root->Find("mappings");
    REQUIRE(node != nullptr);
    ReadMappings(document.source, *node, mappings, diagnostics);
  }
  if (!diagnostics.HasErrors()) {
    auto schemas = testing::MakeTestSchemas();
    CheckMappings(*mappings, *schemas, diagnostics);
  }
  return diagnostics.Format();
}

TEST_CASE("mappings: a complete mapping is read into its parts") {
  MappingSet mappings;
  CHECK(Problems("mappings:\n"
                 "  incidents/incidents.csv:\n"
                 "    encoding: windows-1252\n"
                 "    separator: \";\"\n"
                 "    columns: {Ref: incident_id, \"Date/time started\": started_at}\n"
                 "    datetime_format: \"%d/%m/%Y %H:%M\"\n"
                 "    date_format: \"%d/%m/%Y\"\n"
                 "    values:\n"
                 "      location: {\"Ward bedroom\": \"Bedroom\"}\n"
                 "    booleans: {true: [Yes, Ticked], false: [No, Unticked], unknown: Not known}\n"
                 "    split:\n"
                 "      \"Restraint types used\":\n"
                 "        separator: \",\"\n"
                 "        into: interventions\n"
                 "        field: type_code\n"
                 "        values: {type_code: {\"Face down\": \"01\"}}\n",
                 &mappings) == "");
  REQUIRE(mappings.files.size() == 1);
  const FileMapping& file = mappings.files[0];
  CHECK(file.file == "incidents/incidents.csv");
  CHECK(file.windows_1252);
  CHECK(file.separator == ';');
  REQUIRE(file.columns.size() == 2);
  CHECK(file.columns[1].column == "Date/time started");
  CHECK(file.columns[1].field == "started_at");
  CHECK(file.columns[1].at.at.line == 5);
  CHECK(file.columns[1].at.at.column == 33);
  CHECK(file.datetime_format->pattern() == "%d/%m/%Y %H:%M");
  CHECK(file.date_format->pattern() == "%d/%m/%Y");
  std::string scratch;
  REQUIRE(file.values.at("location").Find(" ward BEDROOM ", &scratch) != nullptr);
  CHECK(file.booleans.yes == std::vector<std::string>{"Yes", "Ticked"});
  CHECK(file.booleans.no == std::vector<std::string>{"No", "Unticked"});
  CHECK(file.booleans.unknown == std::vector<std::string>{"Not known"});
  REQUIRE(file.splits.size() == 1);
  CHECK(file.splits[0].into == "interventions");
  CHECK(file.splits[0].separator == ",");
  CHECK(file.splits[0].fields == std::vector<std::string>{"type_code"});
  CHECK(*file.splits[0].values.at("type_code").Find("face down", &scratch) == "01");
}

TEST_CASE("mappings: bad YAML is an error at its position") {
  Diagnostics diagnostics;
  ReadAuditSettings(kFixtures + "mapping-bad-yaml", diagnostics);
  std::string path = kFixtures + "mapping-bad-yaml/uofa.yaml";
  CHECK(diagnostics.Format() == path + ":4:1: error: invalid YAML: end of map flow not found\n");
}

TEST_CASE("mappings: unknown keys, bad formats, encodings and separators") {
  CHECK(Problems("mappings:\n"
                 "  incidents/incidents.csv:\n"
                 "    encodng: utf-8\n"
                 "    encoding: latin-9\n"
                 "    separator: \";;\"\n"
                 "    datetime_format: \"%d/%m/%Y %H:%Q\"\n"
                 "    date_format: \"%d/%m\"\n"
                 "    booleans: {yes: [Y], maybe: [M]}\n"
                 "    split:\n"
                 "      Types: {into: interventions, feild: type_code}\n") ==
        "uofa.yaml:3:5: error: unknown key 'encodng' in the mapping of 'incidents/incidents.csv' "
        "(did you mean 'encoding'?)\n"
        "      encodng: utf-8\n"
        "      ^\n"
        "uofa.yaml:4:15: error: unknown encoding 'latin-9': use 'utf-8' or 'windows-1252'\n"
        "      encoding: latin-9\n"
        "                ^\n"
        "uofa.yaml:5:16: error: 'separator' must be one character, such as ',' or ';' (or 'tab')\n"
        "      separator: \";;\"\n"
        "                 ^\n"
        "uofa.yaml:6:22: error: unknown directive '%Q' in date format '%d/%m/%Y %H:%Q' (use %d, "
        "%m, %b, %Y, %y, %H, %M, %S)\n"
        "      datetime_format: \"%d/%m/%Y %H:%Q\"\n"
        "                       ^\n"
        "uofa.yaml:7:18: error: date format '%d/%m' needs a day (%d), a month (%m or %b) and a "
        "year (%Y or %y)\n"
        "      date_format: \"%d/%m\"\n"
        "                   ^\n"
        "uofa.yaml:8:26: error: unknown key 'maybe' in 'booleans'\n"
        "      booleans: {yes: [Y], maybe: [M]}\n"
        "                           ^\n"
        "uofa.yaml:10:36: error: unknown key 'feild' in the split of 'Types'\n"
        "        Types: {into: interventions, feild: type_code}\n"
        "                                     ^\n"
        "uofa.yaml:10:7: error: the split of 'Types' has no 'field' or 'fields'\n"
        "        Types: {into: interventions, feild: type_code}\n"
        "        ^\n");
}

TEST_CASE("mappings: unknown files and canonical fields are errors with a suggestion") {
  CHECK(
      Problems("mappings:\n"
               "  incidents/incident.csv:\n"
               "    columns: {Ref: incident_id}\n"
               "  incidents/incidents.csv:\n"
               "    columns: {Ref: incident_ref, Started: started_at, Kids: interventions}\n"
               "    values: {reason_cod: {Other: \"98\"}}\n"
               "    split:\n"
               "      Types: {into: intervention, field: type_code}\n"
               "      Held: {into: interventions, fields: [type, started_at], values: {seq: {a: "
               "\"1\"}}}\n") ==
      "uofa.yaml:2:3: error: 'incidents/incident.csv' is not a table the audit reads (did you "
      "mean 'incidents/incidents.csv'?)\n"
      "    incidents/incident.csv:\n"
      "    ^\n"
      "uofa.yaml:5:20: error: 'incident_ref' is not a field of 'incident' (did you mean "
      "'incident_id'?)\n"
      "      columns: {Ref: incident_ref, Started: started_at, Kids: interventions}\n"
      "                     ^\n"
      "uofa.yaml:5:61: error: 'interventions' is a list field of 'incident' and cannot be read "
      "from a cell\n"
      "      columns: {Ref: incident_ref, Started: started_at, Kids: interventions}\n"
      "                                                              ^\n"
      "uofa.yaml:6:14: error: 'reason_cod' is not a field of 'incident' (did you mean "
      "'reason_code'?)\n"
      "      values: {reason_cod: {Other: \"98\"}}\n"
      "               ^\n"
      "uofa.yaml:8:21: error: 'intervention' is not a list field of 'incident' (did you mean "
      "'interventions'?)\n"
      "        Types: {into: intervention, field: type_code}\n"
      "                      ^\n"
      "uofa.yaml:9:44: error: 'type' is not a field of 'intervention'\n"
      "        Held: {into: interventions, fields: [type, started_at], values: {seq: {a: \"1\"}}}\n"
      "                                             ^\n"
      "uofa.yaml:9:72: error: 'seq' has values but is not one of the split's fields\n"
      "        Held: {into: interventions, fields: [type, started_at], values: {seq: {a: \"1\"}}}\n"
      "                                                                         ^\n");
}

TEST_CASE("mappings: 'mappings' is a key of uofa.yaml") {
  Diagnostics diagnostics;
  AuditSettings settings = ReadAuditSettings(kFixtures + "mapping-good", diagnostics);
  CHECK(diagnostics.Format() == "");
  CHECK(settings.mappings.root == kFixtures + "mapping-good");
  REQUIRE(settings.mappings.files.size() == 1);
  CHECK(settings.mappings.ForPath(kFixtures + "mapping-good/incidents/incidents.csv") ==
        &settings.mappings.files[0]);
  CHECK(settings.mappings.ForPath(kFixtures + "mapping-good/patients.csv") == nullptr);
}

}  // namespace
}  // namespace uofa
