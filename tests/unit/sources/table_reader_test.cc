#include "engine/sources/table_reader.h"

#include <doctest/doctest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "tests/unit/sources/test_schema.h"

namespace uofa {
namespace {

struct TableRead {
  std::vector<Record> records;
  SourceCounts counts;
  bool opened = false;
};

TableRead ReadTable(const testing::TestEnvironment& env, const char* kind, const std::string& text,
                    Diagnostics& diagnostics, std::vector<std::string> required = {}) {
  TableRead out;
  auto table = TableReader::FromStream("t.csv", std::make_unique<std::istringstream>(text),
                                       env.type(kind), env.options().parse, diagnostics, required);
  if (!table) return out;
  out.opened = true;
  Record record;
  while (table->Next(&record, diagnostics)) out.records.push_back(record);
  out.counts = table->counts();
  return out;
}

TEST_CASE("table: columns map to fields by name, in any order and case") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  TableRead read = ReadTable(env, "intervention",
                             " Type_Code ,incident_id,SEQ\n1,INC-1,2\n", diagnostics);
  CHECK(diagnostics.Empty());
  REQUIRE(read.records.size() == 1);
  const Record& record = read.records[0];
  CHECK(record.type == &env.type("intervention"));
  CHECK(record.Get("type_code").as_string() == "01");
  CHECK(record.Get("incident_id").as_string() == "INC-1");
  CHECK(record.Get("seq").as_int() == 2);
  CHECK(record.Get("started_at").is_null());
  CHECK(record.origin.file == "t.csv");
  CHECK(record.origin.line == 2);
  CHECK(record.origin.column == 0);
}

TEST_CASE("table: unknown, unnamed, repeated and list columns are warned about once") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  TableRead read = ReadTable(env, "incident",
                             "incident_id,patient_id,colour,,ward,WARD,interventions\n"
                             "A,P1,red,x,Oak,Ash,\n"
                             "B,P1,blue,y,Elm,Fir,\n",
                             diagnostics);
  CHECK(read.records.size() == 2);
  CHECK(read.records[0].Get("ward").as_string() == "Oak");
  CHECK(read.records[1].Get("interventions").is_null());
  CHECK(diagnostics.Format() ==
        "t.csv:1:24: warning: column 'colour' is not a field of 'incident' and is ignored\n"
        "  incident_id,patient_id,colour,,ward,WARD,interventions\n"
        "                         ^\n"
        "t.csv:1:31: warning: column 4 has no name and is ignored\n"
        "  incident_id,patient_id,colour,,ward,WARD,interventions\n"
        "                                ^\n"
        "t.csv:1:37: warning: column 'WARD' appears twice; the first is used\n"
        "  incident_id,patient_id,colour,,ward,WARD,interventions\n"
        "                                      ^\n"
        "t.csv:1:42: warning: column 'interventions' is a list field of 'incident' and cannot be "
        "read from a cell; it is ignored\n"
        "  incident_id,patient_id,colour,,ward,WARD,interventions\n"
        "                                           ^\n");
  CHECK(read.counts.cell_problems == 0);
}

TEST_CASE("table: a missing required column stops the file at its header line") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  TableRead read = ReadTable(env, "incident", "ward,started_at\nOak,2023-01-01T10:00\n", diagnostics);
  CHECK_FALSE(read.opened);
  CHECK(diagnostics.Format() ==
        "t.csv:1: error: required column 'incident_id' is missing\n"
        "  ward,started_at\n"
        "t.csv:1: error: required column 'patient_id' is missing\n"
        "  ward,started_at\n");
}

TEST_CASE("table: a key column the caller requires") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  TableRead read = ReadTable(env, "patient", "patient_id,name\nP1,A\n", diagnostics, {"name"});
  CHECK(read.opened);
  Diagnostics missing;
  CHECK_FALSE(ReadTable(env, "patient", "patient_id\nP1\n", missing, {"name"}).opened);
  CHECK(missing.Items().at(0).message == "required column 'name' is missing");
}

TEST_CASE("table: an empty file has no header") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  CHECK_FALSE(ReadTable(env, "patient", "", diagnostics).opened);
  CHECK(diagnostics.Format() == "t.csv: error: no header row: the file is empty\n");
}

TEST_CASE("table: a malformed header stops the file") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  CHECK_FALSE(ReadTable(env, "patient", "patient_id,\"name\nP1,A\n", diagnostics).opened);
  CHECK(diagnostics.ErrorCount() == 1);
}

TEST_CASE("table: a header with no rows reads nothing") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  TableRead read = ReadTable(env, "patient", "patient_id,name\n", diagnostics);
  CHECK(read.opened);
  CHECK(read.records.empty());
  CHECK(read.counts.rows_read == 0);
  CHECK(diagnostics.Empty());
}

TEST_CASE("table: cell problems are warnings and the record is kept") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  TableRead read = ReadTable(env, "incident",
                             "incident_id,patient_id,reason_code,negligible,started_at,police_camera\n"
                             "INC-1,P1,7,perhaps,2023-02-30T10:00,Worn_Operating\n"
                             "INC-2,P1,10,N,2023-07-01T10:00,on\n",
                             diagnostics);
  REQUIRE(read.records.size() == 2);
  CHECK(read.records[0].Get("reason_code").as_string() == "07");
  CHECK(read.records[0].Get("negligible").is_null());
  CHECK(read.records[0].Get("started_at").is_null());
  CHECK(read.records[0].Get("police_camera").as_string() == "worn_operating");
  CHECK(read.records[1].Get("police_camera").as_string() == "on");
  CHECK(read.counts.rows_read == 2);
  CHECK(read.counts.rows_rejected == 0);
  CHECK(read.counts.cell_problems == 4);
  CHECK(diagnostics.ErrorCount() == 0);
  CHECK(diagnostics.Format() ==
        "t.csv:2:10: warning: 'reason_code': '7' is not a code of 'ri_reason'\n"
        "  INC-1,P1,7,perhaps,2023-02-30T10:00,Worn_Operating\n"
        "           ^\n"
        "t.csv:2:12: warning: 'negligible': 'perhaps' is not Y or N\n"
        "  INC-1,P1,7,perhaps,2023-02-30T10:00,Worn_Operating\n"
        "             ^\n"
        "t.csv:2:20: warning: 'started_at': '2023-02-30T10:00' is not a valid date and time\n"
        "  INC-1,P1,7,perhaps,2023-02-30T10:00,Worn_Operating\n"
        "                     ^\n"
        "t.csv:3:32: warning: 'police_camera': 'on' is not one of worn_operating, "
        "worn_not_operating, not_worn, unknown\n"
        "  INC-2,P1,10,N,2023-07-01T10:00,on\n"
        "                                 ^\n");
}

TEST_CASE("table: text is kept as written, and a cell of spaces alone is missing") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  TableRead read = ReadTable(env, "incident",
                             "incident_id,patient_id,ward,description\n"
                             "INC-1,P1,\" Oak \",   \n"
                             "INC-2,P1,,\"Held \"\"briefly\"\"\"\n",
                             diagnostics);
  CHECK(diagnostics.Empty());
  REQUIRE(read.records.size() == 2);
  const Record& first = read.records[0];
  CHECK(first.Get("ward").as_string() == " Oak ");
  CHECK(first.Get("description").is_null());
  CHECK(read.records[1].Get("ward").is_null());
  CHECK(read.records[1].Get("description").as_string() == "Held \"briefly\"");
  // The text is the record's own, in its arena, not a view of the row read.
  REQUIRE(first.arena.get() != nullptr);
  CHECK(first.arena.get()->Holds(first.Get("ward").as_string().data()));
}

TEST_CASE("table: a row without a required value is rejected") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  TableRead read = ReadTable(env, "incident",
                             "incident_id,patient_id,ward\n"
                             " ,P1,Oak\n"
                             "INC-2,,Ash\n"
                             "INC-3,P1,Elm\n",
                             diagnostics);
  REQUIRE(read.records.size() == 1);
  CHECK(read.records[0].Id() == "INC-3");
  CHECK(read.records[0].origin.line == 4);
  CHECK(read.counts.rows_read == 3);
  CHECK(read.counts.rows_rejected == 2);
  CHECK(diagnostics.Format() ==
        "t.csv:2:1: error: required field 'incident_id' is empty\n"
        "   ,P1,Oak\n"
        "  ^\n"
        "t.csv:3:7: error: required field 'patient_id' is empty\n"
        "  INC-2,,Ash\n"
        "        ^\n");
}

TEST_CASE("table: a required value that cannot be read is an error") {
  testing::TestEnvironment env;
  env.schemas->FindMutable("intervention")->mutable_fields()[1].required = true;  // seq
  Diagnostics diagnostics;
  TableRead read = ReadTable(env, "intervention", "incident_id,seq\nINC-1,first\nINC-1,2\n",
                             diagnostics);
  CHECK(read.records.size() == 1);
  CHECK(read.counts.rows_rejected == 1);
  CHECK(read.counts.cell_problems == 0);
  CHECK(diagnostics.Format() ==
        "t.csv:2:7: error: 'seq': 'first' is not a whole number\n"
        "  INC-1,first\n"
        "        ^\n");
}

TEST_CASE("table: malformed rows are counted and reading goes on") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  TableRead read = ReadTable(env, "patient",
                             "patient_id,name\n"
                             "P1,\"Ann\n"
                             "Other\"\n"
                             "P2,B,extra\n"
                             "P3,C\"\n"
                             "P4,D\n",
                             diagnostics);
  REQUIRE(read.records.size() == 2);
  CHECK(read.records[0].Get("name").as_string() == "Ann\nOther");
  CHECK(read.records[1].Id() == "P4");
  CHECK(read.records[1].origin.line == 6);
  CHECK(read.counts.rows_read == 4);
  CHECK(read.counts.rows_rejected == 2);
  CHECK(read.counts.rows_read == read.records.size() + read.counts.rows_rejected);
  CHECK(diagnostics.ErrorCount() == 2);
  CHECK(diagnostics.Items()[0].location.line == 4);
  CHECK(diagnostics.Items()[1].location.line == 5);
}

// A key column that is not first, quoted cells with line breaks before it and in it, rows
// rejected for the key and a malformed row.
constexpr const char* kKeyedRows =
    "seq,type_code,incident_id,started_at\n"
    "1,\"multi\n"
    "line\",INC-1,2023-07-01T10:00\n"
    "2,x,\"INC-2, \"\"quoted\"\"\n"
    "part\",bad-date\n"
    "3,01,,2023-07-01T10:00\n"
    "4,01,INC-4,x,y\n"
    "5,01,  ,x\n"
    "zz,01, INC-9 ,\n";

struct KeyRead {
  std::vector<std::string> keys;  // key@line:column
  SourceCounts counts;
  std::string problems;
};

KeyRead ReadKeys(const testing::TestEnvironment& env, const std::string& key, bool key_only) {
  KeyRead out;
  Diagnostics diagnostics;
  auto table = TableReader::FromStream("t.csv", std::make_unique<std::istringstream>(kKeyedRows),
                                       env.type("intervention"), env.options().parse, diagnostics,
                                       {key});
  REQUIRE(table);
  const FieldDef& field = *env.type("intervention").Find(key);
  std::string text;
  Record record;
  while (key_only ? table->NextKey(field, &text, diagnostics) : table->Next(&record, diagnostics)) {
    if (!key_only) text = KeyText(record.Get(key));
    Record::CellPosition at = table->CellPositionOf(field);
    SourceLocation location = table->CellLocation(key);
    CHECK(location.line == at.line);
    CHECK(location.column == at.column);
    out.keys.push_back(text + "@" + std::to_string(at.line) + ":" + std::to_string(at.column));
  }
  out.counts = table->counts();
  out.problems = diagnostics.Format();
  return out;
}

TEST_CASE("table: the key pass reads the key cell alone, as a full read gives it") {
  testing::TestEnvironment env;
  KeyRead keys = ReadKeys(env, "incident_id", true);
  CHECK(keys.keys == std::vector<std::string>{"INC-1@3:7", "INC-2, \"quoted\"\npart@4:5",
                                              " INC-9 @9:7"});
  CHECK(keys.counts.rows_read == 6);
  CHECK(keys.counts.rows_rejected == 3);
  // Only the malformed row is reported; the other cells are not read.
  CHECK(keys.problems == "t.csv:7:14: error: row has 5 cells but the header has 4\n"
                         "  4,01,INC-4,x,y\n"
                         "               ^\n");
  KeyRead full = ReadKeys(env, "incident_id", false);
  CHECK(full.keys == keys.keys);
  CHECK(full.counts.rows_read == keys.counts.rows_read);
  CHECK(full.counts.rows_rejected == keys.counts.rows_rejected);
}

TEST_CASE("table: the key pass parses a key that is not text, as a full read does") {
  testing::TestEnvironment env;
  KeyRead keys = ReadKeys(env, "seq", true);
  // Only the key decides: rows 3 and 5 lack the required incident_id, which a full read rejects
  // and reports, and the key pass leaves to it.
  CHECK(keys.keys == std::vector<std::string>{"1@2:1", "2@4:1", "3@6:1", "5@8:1"});
  CHECK(keys.counts.rows_read == 6);
  CHECK(keys.counts.rows_rejected == 2);  // the malformed row, and 'zz'
  KeyRead full = ReadKeys(env, "seq", false);
  CHECK(full.keys == std::vector<std::string>{"1@2:1", "2@4:1"});
  CHECK(full.counts.rows_rejected == 4);
}

TEST_CASE("table: UK date order comes from the parse options") {
  testing::TestEnvironment env;
  Diagnostics diagnostics;
  FieldParseOptions parse = env.options().parse;
  parse.date_order = DateOrder::kDayMonthYear;
  auto table = TableReader::FromStream(
      "t.csv", std::make_unique<std::istringstream>("patient_id,date_of_birth\nP1,02/03/1990\n"),
      env.type("patient"), parse, diagnostics);
  REQUIRE(table);
  Record record;
  REQUIRE(table->Next(&record, diagnostics));
  CHECK(FormatLocalDate(record.Get("date_of_birth").as_timestamp()) == "1990-03-02");
  CHECK(diagnostics.Empty());
}

}  // namespace
}  // namespace uofa

namespace uofa {
namespace {

// Marks the patient's name and NHS number as identifiers, as rules/schema/patient.yaml does.
void MarkIdentifiers(testing::TestEnvironment& env) {
  for (FieldDef& field : env.schemas->FindMutable("patient")->mutable_fields()) {
    field.identifier = field.name == "name" || field.name == "nhs_number";
  }
}

TEST_CASE("table: identifiers never reach a message or the source line under it") {
  testing::TestEnvironment env;
  MarkIdentifiers(env);
  Diagnostics diagnostics;
  TableRead read = ReadTable(env, "patient",
                             "patient_id,name,nhs_number,date_of_birth\n"
                             "P1,Quinn Exemplar,999 170 0609,1986-13-19\n"
                             "P2,\"Nat, Testwell\",9999364764,1962-02-30\n",
                             diagnostics);
  CHECK(read.records.size() == 2);
  CHECK(diagnostics.Format() ==
        "t.csv:2:32: warning: 'date_of_birth': '1986-13-19' is not a valid date\n"
        "  P1,**************,************,1986-13-19\n"
        "                                 ^\n"
        "t.csv:3:31: warning: 'date_of_birth': '1962-02-30' is not a valid date\n"
        "  P2,***************,**********,1962-02-30\n"
        "                                ^\n");
}

TEST_CASE("table: a malformed row of a file with identifiers is reported without its line") {
  testing::TestEnvironment env;
  MarkIdentifiers(env);
  Diagnostics diagnostics;
  TableRead read = ReadTable(env, "patient",
                             "patient_id,name,nhs_number,date_of_birth\n"
                             "P1,Quinn \"Q\" Exemplar,9991700609,1986-12-19\n",
                             diagnostics);
  CHECK(read.records.empty());
  CHECK(read.counts.rows_rejected == 1);
  CHECK(diagnostics.Format().find("Exemplar") == std::string::npos);
  CHECK(diagnostics.Format().find("9991700609") == std::string::npos);
  CHECK(diagnostics.Format().rfind("t.csv:2:10: error: stray '\"' in an unquoted field", 0) == 0);
}

}  // namespace
}  // namespace uofa
