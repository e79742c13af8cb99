// Data-quality findings: each kind with its exact message, code and position, from a small audit
// folder written to a temporary directory; the record checks with their bounds overridden in
// uofa.yaml; the per-column summary's counts; and which of a record's lists the record checks
// read.
#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/eval/audit_settings.h"
#include "engine/eval/data_quality_checks.h"
#include "engine/record/record_type.h"
#include "tests/unit/eval/check_support.h"
#include "tests/unit/hostile/hostile_support.h"
#include "uofa/data_quality.h"
#include "uofa/engine.h"

namespace uofa {
namespace {

using testing::CheckFolder;
using testing::TempFolder;

// One problem of each kind, in a folder of CSV tables.
void WriteFolder(const TempFolder& folder) {
  folder.Write("uofa.yaml",
               "as_of: 2025-12-31\n"
               "packs: [uof-act-2018]\n"
               "data_quality:\n"
               "  max_duration:\n"
               "    incident: 30d\n"
               "    physical_restraint: 12h\n");
  folder.Write("patients.csv",
               "patient_id,name,nhs_number,date_of_birth\n"
               "P1,Zebedee Quixotic,9434765919,1990-13-40\n"
               "P1,Zebedee Quixotic,9434765919,1990-01-01\n");
  folder.Write("incidents/incidents.csv",
               "incident_id,patient_id,unit,started_at,ended_at,reason_code,patient_injury\n"
               "INC-1,P1,Oak,2024-05-01T10:00,2024-05-01T10:06,10,N\n"
               "INC-2,P1,Oak,2024-06-31T10:00,2024-06-01T10:05,10,N\n"
               "INC-3,P1,Oak,2024-07-01T10:00,2024-07-01T09:00,10,N\n"
               "INC-4,P1,Oak,2024-08-01T10:00,2024-09-15T10:00,10,N\n"
               "INC-5,P9,Oak,2024-08-02T10:00,2024-08-02T10:05,7,maybe\n"
               "INC-1,P1,Oak,2024-08-03T10:00,2024-08-03T10:05,10,N\n"
               ",P1,Oak,2024-08-04T10:00,2024-08-04T10:05,10,N\n"
               "INC-8,P1,Oak,2024-08-05T10:00\n"
               "INC-9,P1,Oak,2024-08-06T10:00,2024-08-06T10:05,10,perhaps\n");
  folder.Write("incidents/interventions.csv",
               "incident_id,seq,type_code,started_at,ended_at\n"
               "INC-1,1,01,2024-05-01T10:00,2024-05-02T12:30\n"
               "INC-99,1,01,2024-06-01T10:00,2024-06-01T10:05\n");
}

// "file:line:col: severity: message [CODE] {field}" of every finding of `code`, paths relative to
// `root`.
std::vector<std::string> Findings(const AuditResult& result, const std::string& root,
                                  const std::string& code) {
  std::vector<std::string> lines;
  for (const Diagnostic& problem : result.input_problems) {
    if (problem.code != code) continue;
    Diagnostic shown = problem;
    shown.source_line.clear();
    if (shown.location.file.rfind(root + "/", 0) == 0) shown.location.file.erase(0, root.size() + 1);
    std::string text = FormatDiagnostic(shown);
    text.pop_back();
    lines.push_back(text + " [" + problem.code + "] {" + problem.field + "}");
  }
  return lines;
}

TEST_CASE("data quality: every kind is found with its message, code and position") {
  TempFolder folder;
  WriteFolder(folder);
  const AuditResult result = CheckFolder(folder);
  const std::string root = folder.path().string();
  using V = std::vector<std::string>;

  // started_at is column 14, after "INC-2,P1,Oak,"; date_of_birth column 32 of the patient row.
  CHECK(Findings(result, root, kDqBadDate) ==
        V{"incidents/incidents.csv:3:14: warning: 'started_at': '2024-06-31T10:00' is not a valid "
          "date and time [UOFA-DQ-BAD-DATE] {started_at}",
          "patients.csv:2:32: warning: 'date_of_birth': '1990-13-40' is not a valid date "
          "[UOFA-DQ-BAD-DATE] {date_of_birth}"});
  CHECK(Findings(result, root, kDqUnmappedValue) ==
        V{"incidents/incidents.csv:6:48: warning: 'reason_code': '7' is not a code of 'ri_reason' "
          "[UOFA-DQ-UNMAPPED-VALUE] {reason_code}"});
  CHECK(Findings(result, root, kDqBadValue) ==
        V{"incidents/incidents.csv:6:50: warning: 'patient_injury': 'maybe' is not Y, N or U "
          "[UOFA-DQ-BAD-VALUE] {patient_injury}",
          "incidents/incidents.csv:10:51: warning: 'patient_injury': 'perhaps' is not Y, N or U "
          "[UOFA-DQ-BAD-VALUE] {patient_injury}"});
  CHECK(Findings(result, root, kDqDuplicateId) ==
        V{"incidents/incidents.csv:7:1: error: duplicate 'incident_id' 'INC-1' (first on line 2) "
          "[UOFA-DQ-DUPLICATE-ID] {incident_id}",
          "patients.csv:3:1: error: duplicate 'patient_id' 'P1' (first on line 2) "
          "[UOFA-DQ-DUPLICATE-ID] {patient_id}"});
  CHECK(Findings(result, root, kDqUnknownPatient) ==
        V{"incidents/incidents.csv:6:7: warning: no patient 'P9' in 'patients.csv' "
          "[UOFA-DQ-UNKNOWN-PATIENT] {patient_id}"});
  CHECK(Findings(result, root, kDqOrphanRow) ==
        V{"incidents/interventions.csv:3:1: error: no incident 'INC-99' was read from "
          "'incidents.csv' [UOFA-DQ-ORPHAN-ROW] {incident_id}"});
  CHECK(Findings(result, root, kDqRejectedRow) ==
        V{"incidents/incidents.csv:8:1: error: required field 'incident_id' is empty "
          "[UOFA-DQ-REJECTED-ROW] {incident_id}",
          "incidents/incidents.csv:9:30: error: row has 4 cells but the header has 7 "
          "[UOFA-DQ-REJECTED-ROW] {}"});
  // The record checks point at the ended_at cell, with the bounds of uofa.yaml.
  CHECK(Findings(result, root, kDqEndBeforeStart) ==
        V{"incidents/incidents.csv:4:31: warning: 'ended_at' 2024-07-01T09:00 is before "
          "'started_at' 2024-07-01T10:00 [UOFA-DQ-END-BEFORE-START] {ended_at}"});
  CHECK(Findings(result, root, kDqImplausibleDuration) ==
        V{"incidents/incidents.csv:5:31: warning: 'ended_at' is 45d after 'started_at', longer "
          "than the plausible 30d of 'incident' [UOFA-DQ-IMPLAUSIBLE-DURATION] {ended_at}",
          "incidents/interventions.csv:2:29: warning: 'ended_at' is 1d 2h 30m after 'started_at', "
          "longer than the plausible 12h of 'physical_restraint' [UOFA-DQ-IMPLAUSIBLE-DURATION] "
          "{ended_at}"});

  // Rows read = evaluated + rejected still holds: 2 patients, 9 incident and 2 intervention rows.
  CHECK(result.records_read == 13);
  CHECK(result.records_rejected == 5);
  CHECK(result.records_evaluated == 8);

  // An end before the start is also a compliance gap of UOF-S6-5B, as well as a finding.
  bool s6_5b_fails_inc3 = false;
  for (const RuleOutcome& rule : result.rules) {
    if (rule.id != "UOF-S6-5B") continue;
    for (const Finding& finding : rule.findings) {
      s6_5b_fails_inc3 = s6_5b_fails_inc3 || (finding.record_id == "INC-3" && finding.verdict == Verdict::kFail);
    }
  }
  CHECK(s6_5b_fails_inc3);

  // No message names the patient or the NHS number.
  for (const Diagnostic& problem : result.input_problems) {
    CHECK(problem.message.find("Zebedee") == std::string::npos);
    CHECK(problem.message.find("9434765919") == std::string::npos);
  }
}

TEST_CASE("data quality: the summary counts findings by file, column and kind") {
  TempFolder folder;
  WriteFolder(folder);
  const AuditResult result = CheckFolder(folder);
  const std::string root = folder.path().string();
  std::vector<std::string> rows;
  for (const DataQualityColumn& column : SummariseDataQuality(result.input_problems)) {
    std::string file = column.file.substr(root.size() + 1);
    rows.push_back(file + " " + (column.field.empty() ? "(row)" : column.field) + " " + column.code +
                   " " + std::to_string(column.count) + " " + std::to_string(column.first.line) +
                   ":" + std::to_string(column.first.column));
  }
  CHECK(rows == std::vector<std::string>{
                    // In the order of the reports: by file, then line and column.
                    "incidents/incidents.csv started_at UOFA-DQ-BAD-DATE 1 3:14",
                    "incidents/incidents.csv ended_at UOFA-DQ-END-BEFORE-START 1 4:31",
                    "incidents/incidents.csv ended_at UOFA-DQ-IMPLAUSIBLE-DURATION 1 5:31",
                    "incidents/incidents.csv patient_id UOFA-DQ-UNKNOWN-PATIENT 1 6:7",
                    "incidents/incidents.csv reason_code UOFA-DQ-UNMAPPED-VALUE 1 6:48",
                    "incidents/incidents.csv patient_injury UOFA-DQ-BAD-VALUE 2 6:50",
                    "incidents/incidents.csv incident_id UOFA-DQ-DUPLICATE-ID 1 7:1",
                    "incidents/incidents.csv incident_id UOFA-DQ-REJECTED-ROW 1 8:1",
                    "incidents/incidents.csv (row) UOFA-DQ-REJECTED-ROW 1 9:30",
                    "incidents/interventions.csv ended_at UOFA-DQ-IMPLAUSIBLE-DURATION 1 2:29",
                    "incidents/interventions.csv incident_id UOFA-DQ-ORPHAN-ROW 1 3:1",
                    "patients.csv date_of_birth UOFA-DQ-BAD-DATE 1 2:32",
                    "patients.csv patient_id UOFA-DQ-DUPLICATE-ID 1 3:1",
                });
}

TEST_CASE("data quality: the summary of hand-made findings") {
  std::vector<Diagnostic> problems = {
      {Severity::kWarning, {"a.csv", 2, 5}, "x", "", kDqBadDate, "started_at"},
      {Severity::kWarning, {"a.csv", 4, 5}, "x", "", kDqBadDate, "started_at"},
      {Severity::kWarning, {"a.csv", 4, 1}, "not data quality", "", "", ""},
      {Severity::kWarning, {"b.csv", 3, 5}, "x", "", kDqBadDate, "started_at"},
      {Severity::kError, {"a.csv", 5, 1}, "x", "", kDqRejectedRow, ""},
  };
  std::vector<DataQualityColumn> columns = SummariseDataQuality(problems);
  REQUIRE(columns.size() == 3);
  CHECK(columns[0].file == "a.csv");
  CHECK(columns[0].count == 2);
  CHECK(columns[0].first.line == 2);
  CHECK(columns[1].file == "b.csv");
  CHECK(columns[1].count == 1);
  CHECK(columns[2].code == "UOFA-DQ-REJECTED-ROW");
  CHECK(columns[2].field.empty());
}

TEST_CASE("data quality: every kind has a code, a title and a remedy, once") {
  const std::vector<DataQualityKind>& kinds = DataQualityKinds();
  CHECK(kinds.size() == 9);
  for (const DataQualityKind& kind : kinds) {
    CHECK(std::string(kind.code).rfind("UOFA-DQ-", 0) == 0);
    CHECK(FindDataQualityKind(kind.code) == &kind);
    CHECK(std::string(kind.title).size() > 0);
    CHECK(std::string(kind.remedy).size() > 0);
  }
  CHECK(FindDataQualityKind("UOFA-DQ-NONE") == nullptr);
}

TEST_CASE("data quality: the default duration bounds, and bounds read from uofa.yaml") {
  TempFolder folder;
  folder.Write("uofa.yaml",
               "data_quality:\n"
               "  max_duration:\n"
               "    seclusion: 14d\n"
               "    physical_restraint: 90m\n");
  Diagnostics diagnostics;
  AuditSettings settings = ReadAuditSettings(folder.path().string(), diagnostics);
  CHECK(diagnostics.Empty());
  std::vector<std::string> bounds;
  for (const DurationBound& bound : settings.data_quality.max_durations) {
    bounds.push_back(bound.name + "=" + bound.max_text + "/" + std::to_string(bound.max.seconds) +
                     (bound.defined_at.line > 0 ? "@" + std::to_string(bound.defined_at.line) + ":" +
                                                      std::to_string(bound.defined_at.column)
                                                : ""));
  }
  CHECK(bounds == std::vector<std::string>{
                      "physical_restraint=90m/5400@4:25", "mechanical_restraint=24h/86400",
                      "chemical_restraint=24h/86400",     "seclusion=14d/1209600@3:16",
                      "segregation=365d/31536000",        "intervention=28d/2419200",
                      "incident=28d/2419200"});
}

TEST_CASE("data quality: a malformed data_quality section is reported at its positions") {
  TempFolder folder;
  folder.Write("uofa.yaml",
               "data_quality:\n"
               "  max_durations: {}\n"
               "  max_duration:\n"
               "    seclussion: 14d\n"
               "    incident: soon\n"
               "    physical_restraint: 0h\n");
  Diagnostics diagnostics;
  ReadAuditSettings(folder.path().string(), diagnostics);
  std::string text;
  for (Diagnostic problem : diagnostics.Items()) {
    problem.source_line.clear();
    problem.location.file = "uofa.yaml";
    text += FormatDiagnostic(problem);
  }
  CHECK(text ==
        "uofa.yaml:2:3: error: unknown key 'max_durations' in 'data_quality' (did you mean "
        "'max_duration'?)\n"
        "uofa.yaml:4:5: error: unknown kind 'seclussion' in 'max_duration' (did you mean "
        "'seclusion'?)\n"
        "uofa.yaml:5:15: error: the bound of 'incident' must be a duration of more than zero, "
        "such as 24h, 90m or 28d\n"
        "uofa.yaml:6:25: error: the bound of 'physical_restraint' must be a duration of more "
        "than zero, such as 24h, 90m or 28d\n");
}

TEST_CASE("data quality: the kinds found in a JSON Lines file, positioned at its lines") {
  TempFolder folder;
  folder.Write("uofa.yaml", "as_of: 2025-12-31\npacks: [uof-act-2018]\n");
  folder.Write("patients.csv", "patient_id\nP1\n");
  folder.Write("incidents/incidents.jsonl",
               "{\"incident_id\": \"J-1\", \"patient_id\": \"P1\", \"started_at\": \"2024-05-01T10:00\", "
               "\"ended_at\": \"2024-05-01T09:00\"}\n"
               "{\"incident_id\": \"J-1\"}\n"
               "{\"incident_id\": \"J-3\", \"patient_id\": \"P9\"}\n"
               "{\"incident_id\": \"J-4\", \"started_at\": \"soon\", \"patient_injury\": 7}\n"
               "{\"incident_id\": \n"
               "{\"patient_id\": \"P1\"}\n");
  const AuditResult result = CheckFolder(folder);
  std::vector<std::string> lines;
  for (const Diagnostic& problem : result.input_problems) {
    Diagnostic shown = problem;
    shown.source_line.clear();
    shown.location.file = shown.location.file.substr(folder.path().string().size() + 1);
    std::string text = FormatDiagnostic(shown);
    text.pop_back();
    lines.push_back(text + " [" + problem.code + "] {" + problem.field + "}");
  }
  CHECK(lines ==
        std::vector<std::string>{
            "incidents/incidents.jsonl:1: warning: 'ended_at' 2024-05-01T09:00 is before 'started_at' "
            "2024-05-01T10:00 [UOFA-DQ-END-BEFORE-START] {ended_at}",
            "incidents/incidents.jsonl:2: error: duplicate 'incident_id' 'J-1' (first on line 1) "
            "[UOFA-DQ-DUPLICATE-ID] {incident_id}",
            "incidents/incidents.jsonl:3: warning: no patient 'P9' in 'patients.csv' "
            "[UOFA-DQ-UNKNOWN-PATIENT] {patient_id}",
            "incidents/incidents.jsonl:4: warning: 'started_at': 'soon' is not a valid date and time "
            "[UOFA-DQ-BAD-DATE] {started_at}",
            "incidents/incidents.jsonl:4: warning: 'patient_injury': '7' is not Y, N or U "
            "[UOFA-DQ-BAD-VALUE] {patient_injury}",
            "incidents/incidents.jsonl:5:17: error: invalid JSON: syntax error while parsing value - "
            "unexpected end of input; expected '[', '{', or a literal [UOFA-DQ-REJECTED-ROW] {}",
            "incidents/incidents.jsonl:6: error: required field 'incident_id' is missing "
            "[UOFA-DQ-REJECTED-ROW] {incident_id}",
        });
  CHECK(result.records_read == 7);  // and the row of patients.csv
  CHECK(result.records_rejected == 3);
}

// Record types by hand for the checker: a spell with a start and an end, a note with neither,
// and a ward whose lists hold them (and a list of wards, one level further down).
struct CheckedTypes {
  RecordType spell{"spell"};
  RecordType note{"note"};
  RecordType ward{"ward"};
  RecordType trust{"trust"};

  static FieldDef Field(const char* name, FieldKind kind, const RecordType* element = nullptr) {
    FieldDef field;
    field.name = name;
    field.kind = kind;
    field.element = element;
    if (element != nullptr) field.of = element->name();
    return field;
  }

  CheckedTypes() {
    spell.AddField(Field("started_at", FieldKind::kDateTime));
    spell.AddField(Field("ended_at", FieldKind::kDateTime));
    note.AddField(Field("text", FieldKind::kText));
    ward.AddField(Field("spells", FieldKind::kList, &spell));
    ward.AddField(Field("notes", FieldKind::kList, &note));
    trust.AddField(Field("wards", FieldKind::kList, &ward));
  }

  // A spell that ends an hour before it starts.
  std::shared_ptr<const Record> BackwardsSpell() const {
    std::string error;
    Record record;
    record.type = &spell;
    record.fields = {Value::Time(*ParseDateTime("2024-05-01T10:00", &error)),
                     Value::Time(*ParseDateTime("2024-05-01T09:00", &error))};
    return ShareRecord(std::move(record));
  }

  std::shared_ptr<const Record> Ward(Value spells, Value notes) const {
    Record record;
    record.type = &ward;
    record.fields = {std::move(spells), std::move(notes)};
    return ShareRecord(std::move(record));
  }
};

std::vector<std::string> CodesOf(const Diagnostics& found) {
  std::vector<std::string> codes;
  for (const Diagnostic& problem : found.Items()) codes.push_back(problem.code);
  return codes;
}

TEST_CASE("data quality: the record checks read the lists whose records can have a problem") {
  CheckedTypes types;
  DataQualitySettings settings;
  settings.max_durations.clear();
  RecordQualityChecker checker(settings, nullptr);
  const std::vector<std::string> backwards{kDqEndBeforeStart};

  Diagnostics in_spells;
  checker.Check(*types.Ward(Value::List(ValueList{Value::OfRecord(types.BackwardsSpell())}),
                            Value::List(ValueList{})),
                in_spells);
  CHECK(CodesOf(in_spells) == backwards);

  // Two levels down: a trust's wards' spells.
  Record trust;
  trust.type = &types.trust;
  trust.fields = {Value::List(ValueList{Value::OfRecord(types.Ward(
      Value::List(ValueList{Value::OfRecord(types.BackwardsSpell())}), Value()))})};
  Diagnostics in_wards;
  checker.Check(trust, in_wards);
  CHECK(CodesOf(in_wards) == backwards);

  // The notes' type has no start and end, so their list is not read, whatever it holds.
  Diagnostics in_notes;
  checker.Check(*types.Ward(Value::List(ValueList{}),
                            Value::List(ValueList{Value::OfRecord(types.BackwardsSpell())})),
                in_notes);
  CHECK(CodesOf(in_notes).empty());
}

}  // namespace
}  // namespace uofa
