// The audit folder's other record kinds: organisation.yaml, staff.csv joined with training.csv,
// admissions.csv joined with patients.csv, and restrictions.csv.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "engine/sources/joined_table.h"
#include "engine/sources/record_source.h"
#include "tests/unit/sources/kinds_schema.h"
#include "tests/unit/sources/source_test_util.h"

namespace uofa {
namespace {

using testing::FixturePath;

std::string Kinds(const std::string& file) { return FixturePath("audit-kinds/" + file); }

// The diagnostics about one file, formatted, in the order they were reported.
std::string About(const Diagnostics& diagnostics, const std::string& path) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics.Items()) {
    if (diagnostic.location.file == path) out += FormatDiagnostic(diagnostic);
  }
  return out;
}

struct Folder {
  testing::KindsEnvironment env;
  Diagnostics opened;
  std::vector<std::unique_ptr<RecordSource>> sources;
  Folder() { sources = OpenAuditFolder(FixturePath("audit-kinds"), env.options(), opened); }
  RecordSource* Of(const std::string& kind) { return testing::SourceOfKind(sources, kind); }
};

TEST_CASE("record kinds: every kind a schema declares is opened, training only through staff") {
  Folder folder;
  std::vector<std::string> kinds;
  for (const auto& source : folder.sources) kinds.push_back(source->kind());
  CHECK(kinds == std::vector<std::string>{"patient", "organisation", "admission", "staff",
                                          "restriction"});
}

TEST_CASE("record kinds: a kind no schema declares is skipped silently") {
  testing::TestEnvironment env;  // incident schemas only
  Diagnostics diagnostics;
  auto sources = OpenAuditFolder(FixturePath("audit-kinds"), env.options(), diagnostics);
  REQUIRE(sources.size() == 1);
  CHECK(sources[0]->kind() == "patient");
  CHECK(diagnostics.Empty());
}

TEST_CASE("record kinds: staff joined with their training rows") {
  Folder folder;
  RecordSource* staff = folder.Of("staff");
  REQUIRE(staff != nullptr);
  Diagnostics read;
  auto records = testing::ReadAll(*staff, read);
  REQUIRE(records.size() == 3);  // S1, S2, S3; the repeated S1 is rejected

  const Record* s1 = testing::FindById(records, "S1");
  REQUIRE(s1 != nullptr);
  CHECK(s1->Get("name").as_string() == "Chris Nurse");
  CHECK(s1->origin.file == Kinds("staff.csv"));
  CHECK(s1->origin.line == 2);
  const ValueList& training = s1->Get("training").as_list();
  REQUIRE(training.size() == 2);
  CHECK(training[0].as_record().Get("course").as_string() == "Refresher");
  CHECK(training[0].as_record().Get("topics").as_string() == "a;b;c");
  CHECK(training[1].as_record().type->name() == "training");

  // A staff member with no training rows has an empty list (the table was read), not null.
  const Record* s2 = testing::FindById(records, "S2");
  REQUIRE(s2 != nullptr);
  CHECK(s2->Get("training").as_list().empty());
  CHECK(s2->Get("started_on").is_null());  // 2023-13-01 cannot be read

  const Record* s3 = testing::FindById(records, "S3");
  REQUIRE(s3 != nullptr);
  REQUIRE(s3->Get("training").as_list().size() == 1);
  CHECK(s3->Get("training").as_list()[0].as_record().Get("kind").as_string() == "weekly");

  std::string staff_csv = Kinds("staff.csv");
  std::string training_csv = Kinds("training.csv");
  CHECK(About(folder.opened, staff_csv) + About(read, staff_csv) ==
        staff_csv + ":3:43: warning: 'started_on': '2023-13-01' is not a valid date\n"
                    "  S2,**********,Healthcare Assistant,agency,2023-13-01,Y\n"
                    "                                            ^\n" +
            staff_csv + ":4:1: error: duplicate 'staff_id' 'S1' (first on line 2)\n"
                        "  S1,***********,Staff Nurse,employee,2023-01-09,Y\n"
                        "  ^\n" +
            staff_csv + ":5:48: warning: 'may_use_force': 'maybe' is not Y or N\n"
                        "  S3,**********,Consultant,contractor,2021-06-01,maybe\n"
                        "                                                 ^\n");
  CHECK(About(folder.opened, training_csv) + About(read, training_csv) ==
        training_csv + ":5:14: warning: 'kind': 'weekly' is not one of induction, refresher\n"
                       "  S3,Induction,weekly,2021-07-01,N,e\n"
                       "               ^\n" +
            training_csv + ":4:1: error: no staff 'S9' was read from 'staff.csv'\n"
                           "  S9,Induction,induction,2023-01-20,Y,a\n"
                           "  ^\n");

  // Every row of both files is accounted for.
  const SourceCounts& counts = staff->counts();
  CHECK(counts.rows_read == 4 + 4);
  CHECK(counts.rows_rejected == 2);  // the repeated S1, the orphan S9
  CHECK(counts.rows_read == testing::ProducedRows(records, true) + counts.rows_rejected);
  std::vector<SourceInput> inputs = staff->inputs();
  REQUIRE(inputs.size() == 2);
  CHECK(inputs[0].path == staff_csv);
  CHECK(inputs[0].kind == "staff");
  CHECK(inputs[0].rows == 4);
  CHECK(inputs[1].path == training_csv);
  CHECK(inputs[1].kind == "training");
  CHECK(inputs[1].rows == 4);
}

TEST_CASE("record kinds: staff without training.csv keep a null training list") {
  testing::KindsEnvironment env;
  JoinedTableSpec spec;
  spec.path = Kinds("staff.csv");
  spec.type = &env.type("staff");
  spec.children = {{"training", FixturePath("audit-kinds/absent.csv"), "training"}};
  Diagnostics diagnostics;
  auto source = OpenJoinedTable(spec, env.options(), diagnostics);
  REQUIRE(source != nullptr);
  auto records = testing::ReadAll(*source, diagnostics);
  REQUIRE(records.size() == 3);
  CHECK(records[0]->Get("training").is_null());
  CHECK(source->inputs().size() == 1);
  CHECK(source->counts().rows_read == 4);
  CHECK(source->counts().rows_rejected == 1);
}

TEST_CASE("record kinds: admissions joined with their patient") {
  Folder folder;
  RecordSource* admissions = folder.Of("admission");
  REQUIRE(admissions != nullptr);
  Diagnostics read;
  auto records = testing::ReadAll(*admissions, read);
  REQUIRE(records.size() == 3);  // A1, A2, A3; the row without an admission_id is rejected
  const Record* a1 = testing::FindById(records, "A1");
  REQUIRE(a1 != nullptr);
  CHECK(a1->Get("patient").as_record().Get("name").as_string() == "Ann Example");
  CHECK(a1->Get("info_format").as_string() == "easy_read");
  // The patient joined is the record the patient source hands out, not a copy.
  RecordSource* patients = folder.Of("patient");
  REQUIRE(patients != nullptr);
  Diagnostics ignored;
  auto patient_records = testing::ReadAll(*patients, ignored);
  CHECK(&a1->Get("patient").as_record() == patient_records[0].get());

  const Record* a2 = testing::FindById(records, "A2");
  REQUIRE(a2 != nullptr);
  CHECK(a2->Get("patient").is_null());
  CHECK(a2->Get("info_given_at").is_null());

  std::string path = Kinds("admissions.csv");
  CHECK(About(read, path) ==
        path + ":3:4: warning: no patient 'P7' in 'patients.csv'\n"
               "  A2,P7,Ash,2024-03-02T10:00,,\n"
               "     ^\n" +
            path + ":4:1: error: required field 'admission_id' is empty\n"
                   "  ,P2,Elm,2024-03-03T10:00,,\n"
                   "  ^\n" +
            path + ":5:45: warning: 'info_format': 'semaphore' is not one of standard, "
                   "easy_read, translated, audio, bsl, braille, other\n"
                   "  A3,P2,Elm,2024-03-04T10:00,2024-03-04T11:00,semaphore\n"
                   "                                              ^\n");
  const SourceCounts& counts = admissions->counts();
  CHECK(counts.rows_read == 4);
  CHECK(counts.rows_rejected == 1);
  CHECK(counts.cell_problems == 2);  // the unknown patient, the unknown format
  CHECK(counts.rows_read == records.size() + counts.rows_rejected);
}

TEST_CASE("record kinds: the restrictions register is a plain table") {
  Folder folder;
  RecordSource* restrictions = folder.Of("restriction");
  REQUIRE(restrictions != nullptr);
  Diagnostics read;
  auto records = testing::ReadAll(*restrictions, read);
  REQUIRE(records.size() == 2);
  CHECK(records[0]->Get("restriction").as_string() == "Garden locked after 8pm");
  CHECK(records[0]->Get("communicated_to_patients").as_bool());
  CHECK(records[1]->Get("scope").as_string() == "everyone");
  CHECK(records[1]->Get("last_reviewed_on").is_null());
  std::string path = Kinds("restrictions.csv");
  CHECK(About(read, path) ==
        path + ":3:24: warning: 'scope': 'everyone' is not one of ward, individual\n"
               "  Ash,No phones at night,everyone,2024-02-01,,N\n"
               "                         ^\n");
  CHECK(restrictions->counts().rows_read == 2);
  CHECK(restrictions->counts().rows_rejected == 0);
}

TEST_CASE("record kinds: training.csv without staff.csv is reported and not read") {
  testing::KindsEnvironment env;
  Diagnostics diagnostics;
  auto sources = OpenAuditFolder(FixturePath("audit-training-only"), env.options(), diagnostics);
  CHECK(sources.empty());
  CHECK(diagnostics.Format() ==
        FixturePath("audit-training-only/training.csv") +
            ": warning: 'training.csv' is read with 'staff.csv', which is absent; its rows are "
            "not read\n");
}

}  // namespace
}  // namespace uofa
