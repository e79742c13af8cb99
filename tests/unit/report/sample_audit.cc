#include "tests/unit/report/sample_audit.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "uofa/data_quality.h"

namespace uofa::report_testing {
namespace {

const Citation kActCitation = {"act", "Mental Health Units (Use of Force) Act 2018",
                               "https://www.legislation.gov.uk/ukpga/2018/27", ""};

Citation Act(std::string provision) {
  Citation citation = kActCitation;
  citation.provision = std::move(provision);
  return citation;
}

Finding Failure(std::string record_id, int line, std::vector<Evidence> evidence) {
  Finding finding;
  finding.verdict = Verdict::kFail;
  finding.record_id = std::move(record_id);
  finding.location = {"incidents.csv", line, 0};
  finding.evidence = std::move(evidence);
  return finding;
}

Finding Undecided(std::string record_id, std::string file, int line, std::string detail) {
  Finding finding;
  finding.verdict = Verdict::kIndeterminate;
  finding.record_id = std::move(record_id);
  finding.location = {std::move(file), line, 0};
  finding.detail = std::move(detail);
  return finding;
}

RuleOutcome ReasonRecorded() {
  RuleOutcome rule;
  rule.id = "UOF-S6-5A";
  rule.title = "Record gives the reason force was used";
  rule.pack = "uof-act-2018";
  rule.subject = "incident";
  rule.basis = "statute";
  rule.severity = GapSeverity::kHigh;
  rule.citations = {Act("s.6(5)(a)")};
  rule.message = "no reason recorded for the use of force";
  rule.remedy = "Record why force was used, with its national reason code.";
  rule.target = 0.98;
  rule.defined_at = {"rules/uof-act-2018/s06-recording.yaml", 3, 3};
  rule.status = RuleStatus::kGap;
  rule.passed = 228;
  rule.failed = 12;
  for (int i = 0; i < 12; ++i) {
    std::string id = "INC-" + std::to_string(1001 + i * 7);
    std::string code = i % 4 == 3 ? "99" : "(missing)";
    rule.findings.push_back(Failure(id, 14 + i * 7, {{"reason_code", code}}));
  }
  return rule;
}

RuleOutcome NhsNumberRecorded() {
  RuleOutcome rule;
  rule.id = "UOF-S6-5G";
  rule.title = "Record gives the patient's NHS number";
  rule.pack = "uof-act-2018";
  rule.subject = "incident";
  rule.basis = "statute";
  rule.severity = GapSeverity::kHigh;
  rule.citations = {Act("s.6(5)(g)")};
  rule.message = "no valid NHS number recorded for the patient";
  rule.remedy = "Record the patient's 10-digit NHS number.";
  rule.defined_at = {"rules/uof-act-2018/s06-recording.yaml", 40, 3};
  rule.status = RuleStatus::kMet;
  rule.passed = 240;
  return rule;
}

RuleOutcome AvoidanceDescribed() {
  RuleOutcome rule;
  rule.id = "UOF-S6-5O";
  rule.title = "Record describes the efforts made to avoid force";
  rule.pack = "uof-act-2018";
  rule.subject = "incident";
  rule.basis = "statute";
  rule.severity = GapSeverity::kLow;
  rule.citations = {Act("s.6(5)(o)")};
  rule.message = "efforts to avoid force not described";
  rule.remedy =
      "Describe what staff tried before using force, in the patient's own terms where "
      "possible, and what the patient said about it.";
  rule.defined_at = {"rules/uof-act-2018/s06-recording.yaml", 120, 3};
  rule.status = RuleStatus::kGap;
  rule.passed = 238;
  rule.failed = 2;
  rule.findings.push_back(
      Failure("INC-1002", 15, {{"efforts_to_avoid", ""}, {"patient.name", "[redacted]"}}));
  rule.findings.push_back(
      Failure("INC-1090", 102,
              {{"efforts_to_avoid",
                "talked down; offered \"quiet room\" then PRN; patient declined and the situation "
                "escalated quickly"},
               {"patient.name", "[redacted]"}}));
  return rule;
}

RuleOutcome InformationGiven() {
  RuleOutcome rule;
  rule.id = "UOF-S4-3";
  rule.title = "Patient given the use of force information after admission";
  rule.pack = "uof-act-2018";
  rule.subject = "admission";
  rule.basis = "statute";
  rule.severity = GapSeverity::kMedium;
  rule.citations = {Act("s.4(3)"), Act("s.4(4)")};
  rule.message = "use of force information not given within params.info_after_admission_hours";
  rule.remedy = "Give each patient the information soon after admission, or record a refusal.";
  rule.defined_at = {"rules/uof-act-2018/s04-information.yaml", 12, 3};
  rule.status = RuleStatus::kGap;
  rule.passed = 57;
  rule.failed = 2;
  rule.indeterminate = 1;
  Finding late;
  late.record_id = "ADM-0031";
  late.location = {"admissions.csv", 32, 0};
  late.evidence = {{"admitted_at", "2024-02-01T10:00"}, {"info_given_at", "2024-02-06T09:30"}};
  rule.findings.push_back(late);
  Finding missing;
  missing.record_id = "ADM-0044";
  missing.location = {"admissions.csv", 45, 0};
  missing.evidence = {{"admitted_at", "2024-02-10T22:15"}, {"info_given_at", "(missing)"}};
  rule.findings.push_back(missing);
  rule.findings.push_back(
      Undecided("ADM-0050", "admissions.csv", 51, "'admitted_at' has no value"));
  return rule;
}

RuleOutcome PoliceCamera() {
  RuleOutcome rule;
  rule.id = "UOF-S12-2";
  rule.title = "Police assisting staff wear a body camera and keep it operating";
  rule.pack = "uof-act-2018";
  rule.subject = "incident";
  rule.basis = "statute";
  rule.severity = GapSeverity::kMedium;
  rule.citations = {Act("s.12(2)")};
  rule.message = "police officer's body camera not worn and operating";
  rule.remedy = "Record whether the camera was worn and operating, or the special circumstances.";
  rule.defined_at = {"rules/uof-act-2018/s12-police.yaml", 5, 3};
  rule.status = RuleStatus::kIndeterminate;
  rule.passed = 5;
  rule.not_applicable = 232;
  rule.indeterminate = 3;
  rule.findings.push_back(
      Undecided("INC-1015", "incidents.csv", 28, "'police_camera' has no value"));
  rule.findings.push_back(
      Undecided("INC-1049", "incidents.csv", 62, "'police_camera' has no value"));
  rule.findings.push_back(
      Undecided("INC-1200", "incidents.csv", 213, "'police_camera' has no value"));
  return rule;
}

RuleOutcome RefresherTraining() {
  RuleOutcome rule;
  rule.id = "UOF-S5-5";
  rule.title = "Staff receive refresher training within params.refresher_months";
  rule.pack = "uof-act-2018";
  rule.subject = "staff";
  rule.basis = "unverified";
  rule.severity = GapSeverity::kMedium;
  rule.citations = {Act("s.5(5)")};
  rule.message = "refresher training overdue";
  rule.remedy = "Book refresher training.";
  rule.defined_at = {"rules/uof-act-2018/s05-training.yaml", 30, 3};
  rule.status = RuleStatus::kNotAssessed;
  return rule;
}

RuleOutcome RapidTranquillisationObservations() {
  RuleOutcome rule;
  rule.id = "NG10-RT-OBS";
  rule.title = "Vital signs monitored at least hourly after rapid tranquillisation";
  rule.pack = "nice-ng10";
  rule.subject = "incident";
  rule.basis = "nice";
  rule.severity = GapSeverity::kHigh;
  rule.citations = {{"qs154", "NICE quality standard QS154",
                     "https://www.nice.org.uk/guidance/qs154", "statement 5"}};
  rule.message = "vital signs not monitored hourly after rapid tranquillisation";
  rule.remedy = "Monitor and record vital signs at least hourly.";
  rule.defined_at = {"rules/nice-ng10/rapid-tranquillisation.yaml", 4, 3};
  rule.status = RuleStatus::kNotApplicable;
  rule.not_applicable = 240;
  return rule;
}

}  // namespace

AuditResult SampleAudit() {
  AuditResult result;
  result.tool_version = "0.1.0";
  result.audit_dir = "samples/example-trust";
  result.as_of = "2024-03-31";
  result.packs = {{"uof-act-2018", "Mental Health Units (Use of Force) Act 2018", "1.0.0"},
                  {"nice-ng10", "NICE NG10 and QS154: violence and aggression", "0.3.0"}};
  result.parameters = {
      {"uof-act-2018", "refresher_months", "6", "12", true, "unverified"},
      {"uof-act-2018", "info_after_admission_hours", "72", "72", false, "unverified"},
  };
  result.inputs = {{"incidents.csv", "incident", 242}, {"admissions.csv", "admission", 60}};
  result.records_read = 302;
  result.records_evaluated = 300;
  result.records_rejected = 2;
  result.rules = {ReasonRecorded(),
                  NhsNumberRecorded(),
                  AvoidanceDescribed(),
                  InformationGiven(),
                  PoliceCamera(),
                  RefresherTraining(),
                  RapidTranquillisationObservations()};
  result.input_problems = {
      {Severity::kError,
       {"incidents.csv", 77, 1},
       "row has 12 cells, expected 14",
       "INC-1064,Test Patient,9990000000,...",
       kDqRejectedRow,
       {}},
      {Severity::kError, {"incidents.csv", 190, 1}, "row has 13 cells, expected 14", "", kDqRejectedRow, {}},
      {Severity::kWarning, {"incidents.csv", 41, 22}, "unknown code '02' in field 'type_code'", "",
       kDqUnmappedValue, "type_code"},
  };
  // One failure of the first gap is covered by a waiver: listed as waived, not as a gap.
  RuleOutcome& reason = result.rules[0];
  reason.findings.back().waiver =
      WaiverApplied{"reason recorded on paper during the outage", "Responsible Person", "2024-06-30",
                    {"samples/example-trust/waivers.yaml", 2, 5}};
  reason.waived = 1;
  RunComparison since;
  since.previous_run_id = "4";
  since.previous_run_at = "2024-01-02T09:30:00Z";
  since.previous_as_of = "2023-12-31";
  since.changes = {{GapChangeKind::kClosed, "UOF-S4-3", "Information given after admission", "ADM-0007",
                    GapSeverity::kHigh},
                   {GapChangeKind::kPersisting, "UOF-S6-5A", "Record gives the reason", "INC-1001",
                    GapSeverity::kHigh},
                   {GapChangeKind::kOpened, "UOF-S6-5O", "Efforts to avoid force recorded", "",
                    GapSeverity::kMedium}};
  result.since_previous = since;
  return result;
}

std::string ReadFileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void CheckGolden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(UOFA_SOURCE_DIR) + "/tests/unit/report/golden/" + name;
  const char* update = std::getenv("UOFA_UPDATE_GOLDENS");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    REQUIRE_MESSAGE(out.good(), "cannot write golden file " << path);
    MESSAGE("rewrote " << path);
    return;
  }
  const std::string expected = ReadFileText(path);
  REQUIRE_MESSAGE(!expected.empty(),
                  "golden file " << path << " is missing; run with UOFA_UPDATE_GOLDENS=1");
  if (expected == actual) return;
  // Name the first line that differs, which is what a reviewer needs first.
  std::istringstream expected_lines(expected);
  std::istringstream actual_lines(actual);
  std::string expected_line;
  std::string actual_line;
  int line = 0;
  while (true) {
    ++line;
    const bool more_expected = static_cast<bool>(std::getline(expected_lines, expected_line));
    const bool more_actual = static_cast<bool>(std::getline(actual_lines, actual_line));
    if (!more_expected && !more_actual) break;
    if (more_expected != more_actual || expected_line != actual_line) {
      FAIL_CHECK(name << ":" << line << " differs\n  expected: " << expected_line
                      << "\n  actual:   " << actual_line);
      break;
    }
  }
  const bool same = expected == actual;  // a bool, so a failure does not print both files whole
  CHECK_MESSAGE(same, name << " differs from its golden file; if the change is "
                              "intended, rerun with UOFA_UPDATE_GOLDENS=1");
}

}  // namespace uofa::report_testing
