// The table reader with a column mapping: the export as a trust has it, read as the contract.
#include <doctest/doctest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "engine/sources/table_reader.h"
#include "tests/unit/sources/test_schema.h"

namespace uofa {
namespace {

MappingPlace At(int line, int column) {
  return {{"uofa.yaml", line, column}, "line " + std::to_string(line)};
}

// A Datix-style mapping of "t.csv" as an incidents table (built as the loader would build it).
MappingSet DatixMapping() {
  MappingSet set;
  FileMapping file;
  file.file = "t.csv";
  file.separator = ';';
  file.columns = {{"Ref", "incident_id", At(3, 5), At(3, 10)},
                  {"Patient", "patient_id", At(4, 5), At(4, 14)},
                  {"Date/time started", "started_at", At(5, 5), At(5, 26)},
                  {"Reason", "reason_code", At(6, 5), At(6, 13)},
                  {"Planned?", "planned", At(7, 5), At(7, 15)},
                  {"Exact location", "location", At(8, 5), At(8, 21)},
                  {"Missing column", "ward", At(9, 5), At(9, 21)}};
  std::string error;
  file.datetime_format = DateFormat::Compile("%d/%m/%Y %H:%M", true, &error);
  file.values["reason_code"].Add("Prevent violence to others", "10");
  file.values["location"].Add("Ward bedroom", "Bedroom");
  file.booleans.yes = {"Ticked"};
  file.booleans.no = {"Unticked"};
  SplitMapping split;
  split.column = "Restraint types used";
  split.column_at = At(12, 5);
  split.into = "interventions";
  split.separator = ",";
  split.fields = {"type_code"};
  split.values["type_code"].Add("Face down", "01");
  split.values["type_code"].Add("Restraint - prone", "01");
  split.values["type_code"].Add("Held on back", "09");
  file.splits.push_back(std::move(split));
  set.files.push_back(std::move(file));
  return set;
}

struct Read {
  std::vector<Record> records;
  SourceCounts counts;
  std::string diagnostics;
  std::string codes;  // each data-quality problem's field and code, in order
};

Read ReadMapped(const testing::TestEnvironment& env, const MappingSet& mappings, const char* kind,
                const std::string& text) {
  SourceOptions options = env.options();
  options.parse.mappings = &mappings;
  options.parse.schemas = env.schemas.get();
  Diagnostics diagnostics;
  Read out;
  auto table = TableReader::FromStream("t.csv", std::make_unique<std::istringstream>(text),
                                       env.type(kind), options.parse, diagnostics);
  if (table) {
    Record record;
    while (table->Next(&record, diagnostics)) out.records.push_back(record);
    out.counts = table->counts();
  }
  out.diagnostics = diagnostics.Format();
  for (const Diagnostic& item : diagnostics.Items()) {
    if (!item.code.empty()) out.codes += item.field + " " + item.code + "\n";
  }
  return out;
}

const Record& Child(const Record& record, const char* list, std::size_t index) {
  return record.Get(list).as_list().at(index).as_record();
}

TEST_CASE("mapped table: renames, labels, UK datetimes, booleans and a split column") {
  testing::TestEnvironment env;
  MappingSet mappings = DatixMapping();
  Read read =
      ReadMapped(env, mappings, "incident",
                 "\xEF\xBB\xBFRef;Patient;Date/time started;Reason;Planned?;Exact location;"
                 "Restraint types used\r\n"
                 "INC-1;P1;25/11/2025 14:05;prevent violence to others ;Ticked;Ward bedroom;"
                 "\"Face down, Held on back\"\r\n"
                 "INC-2;P2;30/03/2025 00:59;10;N; WARD BEDROOM ;\r\n");
  CHECK(read.diagnostics ==
        "uofa.yaml:9:5: warning: column 'Missing column' is not in the header of 't.csv'\n"
        "  line 9\n"
        "      ^\n");
  REQUIRE(read.records.size() == 2);
  const Record& first = read.records[0];
  CHECK(first.Get("incident_id").as_string() == "INC-1");
  CHECK(FormatRfc3339(first.Get("started_at").as_timestamp()) == "2025-11-25T14:05:00Z");
  CHECK(first.Get("reason_code").as_string() == "10");
  CHECK(first.Get("planned").as_bool());
  CHECK(first.Get("location").as_string() == "Bedroom");
  // A label's value, like the text as written, is in the record's arena.
  REQUIRE(first.arena);
  CHECK(first.arena.get()->Holds(first.Get("location").as_string().data()));
  REQUIRE(first.Get("interventions").as_list().size() == 2);
  CHECK(Child(first, "interventions", 0).Get("type_code").as_string() == "01");
  CHECK(Child(first, "interventions", 0).Get("incident_id").as_string() == "INC-1");
  CHECK(Child(first, "interventions", 0).Get("seq").as_int() == 1);
  CHECK(Child(first, "interventions", 1).Get("type_code").as_string() == "09");
  CHECK(Child(first, "interventions", 1).Get("seq").as_int() == 2);
  const Record& second = read.records[1];
  CHECK(FormatRfc3339(second.Get("started_at").as_timestamp()) == "2025-03-30T00:59:00Z");
  CHECK(second.Get("reason_code").as_string() == "10");  // a code is still a code
  CHECK_FALSE(second.Get("planned").as_bool());          // the contract's own words still hold
  CHECK(second.Get("location").as_string() == "Bedroom");
  CHECK(second.Get("interventions").as_list().empty());
  CHECK(read.counts.rows_read == 2);
  CHECK(read.counts.rows_rejected == 0);
  CHECK(read.counts.cell_problems == 0);
}

TEST_CASE("mapped table: every value the mapping does not cover is a warning at its cell") {
  testing::TestEnvironment env;
  MappingSet mappings = DatixMapping();
  Read read =
      ReadMapped(env, mappings, "incident",
                 "Ref;Patient;Date/time started;Reason;Planned?;Exact location;"
                 "Restraint types used;Ward\n"
                 "INC-1;P1;2025-11-25 14:05;Hitting staff;Maybe;Corridor;Face down,Sat on;Oak\n"
                 "INC-2;P1;25/13/2025 14:05;;;;;Oak\n"
                 "INC-3;P1;25-11-2025;;;;;Oak\n");
  CHECK(read.diagnostics ==
        "uofa.yaml:9:5: warning: column 'Missing column' is not in the header of 't.csv'\n"
        "  line 9\n"
        "      ^\n"
        "t.csv:2:27: warning: 'reason_code': 'Hitting staff' is not a code of 'ri_reason', and the "
        "mapping's values do not list it\n"
        "  INC-1;P1;2025-11-25 14:05;Hitting staff;Maybe;Corridor;Face down,Sat on;Oak\n"
        "                            ^\n"
        "t.csv:2:41: warning: 'planned': 'Maybe' is not Y or N\n"
        "  INC-1;P1;2025-11-25 14:05;Hitting staff;Maybe;Corridor;Face down,Sat on;Oak\n"
        "                                          ^\n"
        "t.csv:2:47: warning: 'location': 'Corridor' is not listed in the mapping's values; it is "
        "kept as written\n"
        "  INC-1;P1;2025-11-25 14:05;Hitting staff;Maybe;Corridor;Face down,Sat on;Oak\n"
        "                                                ^\n"
        "t.csv:2:56: warning: 'Restraint types used': 'type_code': 'Sat on' is not a code of "
        "'ri_type', and the mapping's values do not list it\n"
        "  INC-1;P1;2025-11-25 14:05;Hitting staff;Maybe;Corridor;Face down,Sat on;Oak\n"
        "                                                         ^\n"
        "t.csv:3:10: warning: 'started_at': '25/13/2025 14:05' is not a valid date\n"
        "  INC-2;P1;25/13/2025 14:05;;;;;Oak\n"
        "           ^\n"
        "t.csv:4:10: warning: 'started_at': '25-11-2025' does not match the date format "
        "'%d/%m/%Y %H:%M'\n"
        "  INC-3;P1;25-11-2025;;;;;Oak\n"
        "           ^\n");
  // A value the mapping does not list is an unmapped value, even one kept as written.
  CHECK(read.codes ==
        "reason_code UOFA-DQ-UNMAPPED-VALUE\n"
        "planned UOFA-DQ-BAD-VALUE\n"
        "location UOFA-DQ-UNMAPPED-VALUE\n"
        "Restraint types used UOFA-DQ-UNMAPPED-VALUE\n"
        "started_at UOFA-DQ-BAD-DATE\n"
        "started_at UOFA-DQ-BAD-DATE\n");
  REQUIRE(read.records.size() == 3);
  const Record& first = read.records[0];
  // ISO 8601 is always read, whatever the format.
  CHECK(FormatRfc3339(first.Get("started_at").as_timestamp()) == "2025-11-25T14:05:00Z");
  CHECK(first.Get("reason_code").as_string() == "Hitting staff");
  CHECK(first.Get("planned").is_null());
  CHECK(first.Get("location").as_string() == "Corridor");
  REQUIRE(first.Get("interventions").as_list().size() == 2);
  CHECK(Child(first, "interventions", 1).Get("type_code").as_string() == "Sat on");
  CHECK(read.records[1].Get("started_at").is_null());
  CHECK(read.counts.rows_read == 3);
  CHECK(read.counts.rows_rejected == 0);
  CHECK(read.counts.cell_problems == 6);
}

TEST_CASE("mapped table: items of a split column with several parts") {
  testing::TestEnvironment env;
  MappingSet mappings = DatixMapping();
  SplitMapping& split = mappings.files[0].splits[0];
  split.separator = ";";
  split.part_separator = "|";
  split.fields = {"type_code", "started_at", "in_care_plan"};
  mappings.files[0].separator = ',';
  Read read =
      ReadMapped(env, mappings, "incident",
                 "Ref,Patient,Restraint types used\n"
                 "INC-1,P1,Face down | 25/11/2025 14:05 | Ticked; Held on back|25/11/2025 14:07|N\n"
                 "INC-2,P1,Face down | 25/11/2025 14:05\n");
  CHECK(read.diagnostics ==
        "uofa.yaml:5:5: warning: column 'Date/time started' is not in the header of 't.csv'\n"
        "  line 5\n"
        "      ^\n"
        "uofa.yaml:6:5: warning: column 'Reason' is not in the header of 't.csv'\n"
        "  line 6\n"
        "      ^\n"
        "uofa.yaml:7:5: warning: column 'Planned?' is not in the header of 't.csv'\n"
        "  line 7\n"
        "      ^\n"
        "uofa.yaml:8:5: warning: column 'Exact location' is not in the header of 't.csv'\n"
        "  line 8\n"
        "      ^\n"
        "uofa.yaml:9:5: warning: column 'Missing column' is not in the header of 't.csv'\n"
        "  line 9\n"
        "      ^\n"
        "t.csv:3:10: warning: 'Restraint types used': item 1 has 2 parts but the mapping names 3 "
        "fields; the item is not read\n"
        "  INC-2,P1,Face down | 25/11/2025 14:05\n"
        "           ^\n");
  REQUIRE(read.records.size() == 2);
  const Record& first = read.records[0];
  REQUIRE(first.Get("interventions").as_list().size() == 2);
  const Record& held = Child(first, "interventions", 1);
  CHECK(held.Get("type_code").as_string() == "09");
  CHECK(FormatRfc3339(held.Get("started_at").as_timestamp()) == "2025-11-25T14:07:00Z");
  CHECK_FALSE(held.Get("in_care_plan").as_bool());
  CHECK(Child(first, "interventions", 0).Get("in_care_plan").as_bool());
  CHECK(read.records[1].Get("interventions").as_list().empty());
  CHECK(read.counts.cell_problems == 1);
  // An item's copy of the incident's id is in the item's own arena, not pointing into the
  // incident's: the item may outlive the incident.
  const Value& id = held.Get("incident_id");
  CHECK(id.as_string() == "INC-1");
  CHECK(held.fields.get_allocator().arena()->Holds(id.as_string().data()));
  CHECK(id.as_string().data() != first.Get("incident_id").as_string().data());
}

TEST_CASE("mapped table: Windows-1252 text is read as UTF-8 at the file's byte positions") {
  testing::TestEnvironment env;
  MappingSet mappings;
  FileMapping file;
  file.file = "t.csv";
  file.windows_1252 = true;
  mappings.files.push_back(file);
  Read read = ReadMapped(env, mappings, "patient",
                         "patient_id,name,religion\n"
                         "P1,Ren\xE9\x65 \x93Quote\x94,None\n"
                         "P2,Bad\x81,x\n"
                         "P3,Ok,\x80\n");
  // The name is a patient identifier: the malformed row is reported without its line.
  CHECK(read.diagnostics == "t.csv:3:7: error: byte 0x81 is not a character in Windows-1252\n");
  REQUIRE(read.records.size() == 2);
  CHECK(read.records[0].Get("name").as_string() == "Ren\xC3\xA9\x65 \xE2\x80\x9CQuote\xE2\x80\x9D");
  CHECK(read.records[1].Get("religion").as_string() == "\xE2\x82\xAC");
  CHECK(read.counts.rows_read == 3);
  CHECK(read.counts.rows_rejected == 1);
}

}  // namespace
}  // namespace uofa
