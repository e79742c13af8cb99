#include "engine/eval/waivers.h"
#include "uofa/engine.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/eval/auditor.h"

namespace uofa {
namespace {

const std::string kFixtures = std::string(UOFA_SOURCE_DIR) + "/tests/unit/eval/fixtures/";
const std::vector<std::string> kRules = {"UOF-S6-5A", "UOF-S6-5F", "UOF-S6-5M"};

TEST_CASE("waivers are read with their positions") {
  Diagnostics diagnostics;
  WaiverFile file = ReadWaivers(kFixtures + "waivers-good", kRules, diagnostics);
  CHECK(diagnostics.Format() == "");
  CHECK(file.present);
  REQUIRE(file.waivers.size() == 3);
  CHECK(file.waivers[0].rule_id == "UOF-S6-5A");
  CHECK(file.waivers[0].records == std::vector<std::string>{"INC-1", "INC-2"});
  CHECK(file.waivers[0].justification == "reasons recorded on paper during the system outage");
  CHECK(file.waivers[0].approved_by == "Dr A Example, responsible person");
  CHECK(file.waivers[0].expires == "2026-03-31");
  CHECK(file.waivers[0].defined_at.line == 2);
  CHECK(file.waivers[0].defined_at.column == 5);
  CHECK(file.waivers[1].unit == "Oak");
}

TEST_CASE("no waivers.yaml: no waivers and no problem") {
  Diagnostics diagnostics;
  WaiverFile file = ReadWaivers(kFixtures + "settings-good", kRules, diagnostics);
  CHECK_FALSE(file.present);
  CHECK(file.waivers.empty());
  CHECK(diagnostics.Empty());
}

TEST_CASE("a malformed waiver file reports every problem at its position and waives nothing") {
  Diagnostics diagnostics;
  WaiverFile file = ReadWaivers(kFixtures + "waivers-bad", kRules, diagnostics);
  CHECK(file.waivers.empty());
  const std::string path = kFixtures + "waivers-bad/waivers.yaml";
  CHECK(diagnostics.Format() ==
        path +
            ":2:11: error: unknown rule 'UOF-S6-5X' (did you mean 'UOF-S6-5A'?)\n"
            "    - rule: UOF-S6-5X\n"
            "            ^\n" +
            path +
            ":7:5: error: unknown key 'justificaton' in a waiver (did you mean 'justification'?)\n"
            "      justificaton: typo in a key\n"
            "      ^\n" +
            path +
            ":6:5: error: waiver has no 'justification'\n"
            "    - rule: UOF-S6-5A\n"
            "      ^\n" +
            path +
            ":12:14: error: 'expires' must be a date (YYYY-MM-DD)\n"
            "      expires: 31/03/2026\n"
            "               ^\n" +
            path +
            ":10:5: error: waiver has no 'approved_by'\n"
            "    - rule: UOF-S6-5A\n"
            "      ^\n" +
            path +
            ":14:14: error: 'records' must be a list of record ids\n"
            "      records: INC-1\n"
            "               ^\n" +
            path +
            ":15:11: error: a waiver names 'records' or 'unit', not both\n"
            "      unit: Oak\n"
            "            ^\n" +
            path +
            ":19:5: error: a waiver must be a mapping with rule, justification, approved_by and "
            "expires\n"
            "    - just a string\n"
            "      ^\n");
}

TEST_CASE("a waiver file that is not YAML is a positioned error") {
  Diagnostics diagnostics;
  WaiverFile file = ReadWaivers(kFixtures + "waivers-syntax", kRules, diagnostics);
  CHECK(file.present);
  CHECK(file.waivers.empty());
  REQUIRE(diagnostics.ErrorCount() == 1);
  const Diagnostic& error = diagnostics.Items()[0];
  CHECK(error.location.file == kFixtures + "waivers-syntax/waivers.yaml");
  CHECK(error.location.line == 4);
  CHECK(error.location.column == 18);
  CHECK(error.message == "invalid YAML: end of sequence flow not found");
}

Waiver MakeWaiver(std::string rule, std::vector<std::string> records, std::string unit,
                  std::string expires) {
  Waiver waiver;
  waiver.rule_id = std::move(rule);
  waiver.records = std::move(records);
  waiver.unit = std::move(unit);
  waiver.justification = "because";
  waiver.approved_by = "RP";
  waiver.expires = std::move(expires);
  waiver.defined_at = {"waivers.yaml", 2, 5};
  return waiver;
}

TEST_CASE("a live waiver covers its records, unit or whole rule; an expired one covers nothing") {
  std::vector<Waiver> waivers = {
      MakeWaiver("R1", {"INC-1"}, "", "2025-12-31"), MakeWaiver("R2", {}, "Oak", "2026-01-31"),
      MakeWaiver("R3", {}, "", "2025-12-30"), MakeWaiver("R4", {}, "", "2026-01-31")};
  WaiverMatcher matcher(waivers, "2025-12-31");
  std::optional<WaiverApplied> applied = matcher.Match("R1", "INC-1", "");
  REQUIRE(applied);
  CHECK(applied->justification == "because");
  CHECK(applied->approved_by == "RP");
  CHECK(applied->expires == "2025-12-31");  // expires on the as-of date: still in force
  CHECK_FALSE(matcher.Match("R1", "INC-2", ""));
  CHECK(matcher.Match("R2", "INC-9", "Oak"));
  CHECK_FALSE(matcher.Match("R2", "INC-9", "Elm"));
  CHECK_FALSE(matcher.Match("R3", "INC-1", ""));  // expired the day before
  CHECK(matcher.Match("R4", "anything", ""));
  CHECK(waivers[0].matched == 1);
  CHECK(waivers[2].matched == 0);
}

TEST_CASE("expired and unused waivers are findings of the built-in waiver checks") {
  std::vector<Waiver> waivers = {MakeWaiver("R1", {"INC-1"}, "", "2026-01-31"),
                                 MakeWaiver("R2", {}, "Oak", "2025-06-30"),
                                 MakeWaiver("R3", {}, "", "2026-01-31")};
  waivers[0].matched = 1;
  std::vector<RuleOutcome> checks = WaiverChecks(waivers, "2025-12-31");
  REQUIRE(checks.size() == 2);
  const RuleOutcome& expired = checks[0];
  CHECK(expired.id == "UOFA-WAIVER-EXPIRED");
  CHECK(expired.severity == GapSeverity::kMedium);
  CHECK(expired.status == RuleStatus::kGap);
  CHECK(expired.passed == 2);
  REQUIRE(expired.findings.size() == 1);
  CHECK(expired.findings[0].record_id == "R2: unit Oak");
  CHECK(expired.findings[0].location.line == 2);
  CHECK(expired.findings[0].evidence[0].field == "expires");
  CHECK(expired.findings[0].evidence[0].value == "2025-06-30");
  const RuleOutcome& unused = checks[1];
  CHECK(unused.id == "UOFA-WAIVER-UNUSED");
  CHECK(unused.severity == GapSeverity::kLow);
  CHECK(unused.status == RuleStatus::kGap);
  REQUIRE(unused.findings.size() == 1);
  CHECK(unused.findings[0].record_id == "R3");
}

TEST_CASE("waived failures do not make a gap; the rule is waived") {
  RuleOutcome rule;
  rule.passed = 8;
  rule.failed = 2;
  rule.waived = 2;
  DecideStatus(rule, true);
  CHECK(rule.status == RuleStatus::kWaived);
  rule.waived = 1;
  DecideStatus(rule, true);
  CHECK(rule.status == RuleStatus::kGap);
  // A rate rule: waived records count neither way; 8 of 9 is below the 0.95 target.
  rule.target = 0.95;
  DecideStatus(rule, true);
  CHECK(rule.status == RuleStatus::kGap);
  rule.target = 0.85;  // 8 of 9 = 0.89 meets it; 8 of 10 would not
  DecideStatus(rule, true);
  CHECK(rule.status == RuleStatus::kWaived);
  rule.waived = 0;
  rule.target = 0.75;
  DecideStatus(rule, true);
  CHECK(rule.status == RuleStatus::kMet);
}

}  // namespace
}  // namespace uofa

namespace uofa {
namespace {

const RuleOutcome* FindRule(const AuditResult& result, const std::string& id) {
  for (const RuleOutcome& rule : result.rules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

TEST_CASE("an audit with waivers: live ones waive, an expired one no longer hides its gap") {
  CheckOptions options;
  options.audit_dir = std::string(UOFA_SOURCE_DIR) + "/tests/golden/audits/waivers";
  options.rules_root = std::string(UOFA_SOURCE_DIR) + "/rules";
  Diagnostics diagnostics;
  std::optional<AuditResult> result = RunCheck(options, diagnostics);
  REQUIRE_MESSAGE(result, diagnostics.Format());

  const RuleOutcome* waived = FindRule(*result, "UOF-S6-NEG-POLICE");
  REQUIRE(waived);
  CHECK(waived->status == RuleStatus::kWaived);
  CHECK(waived->waived == 1);
  REQUIRE(waived->findings.size() == 1);
  REQUIRE(waived->findings[0].waiver);
  CHECK(waived->findings[0].waiver->justification == "waived for the test");
  CHECK(waived->findings[0].waiver->expires == "2026-01-31");

  const RuleOutcome* expired_gap = FindRule(*result, "UOF-S6-NEG-TYPE");
  REQUIRE(expired_gap);
  CHECK(expired_gap->status == RuleStatus::kGap);
  CHECK(expired_gap->waived == 0);
  REQUIRE(expired_gap->findings.size() == 1);
  CHECK_FALSE(expired_gap->findings[0].waiver);

  const RuleOutcome* expired = FindRule(*result, "UOFA-WAIVER-EXPIRED");
  REQUIRE(expired);
  CHECK(expired->status == RuleStatus::kGap);
  REQUIRE(expired->findings.size() == 1);
  CHECK(expired->findings[0].record_id == "UOF-S6-NEG-TYPE");
  CHECK(expired->findings[0].location.line == 7);

  const RuleOutcome* unused = FindRule(*result, "UOFA-WAIVER-UNUSED");
  REQUIRE(unused);
  REQUIRE(unused->findings.size() == 1);
  CHECK(unused->findings[0].record_id == "UOF-S6-5B: NO-SUCH-INCIDENT");

  // The two malformed waivers are input errors at their positions (in line order), and waive
  // nothing.
  std::vector<std::string> waiver_problems;
  for (const Diagnostic& problem : result->input_problems) {
    if (problem.location.file.find("waivers.yaml") == std::string::npos) continue;
    waiver_problems.push_back(std::to_string(problem.location.line) + ":" +
                              std::to_string(problem.location.column) + " " + problem.message);
  }
  CHECK(waiver_problems == std::vector<std::string>{
                               "16:11 unknown rule 'UOF-S6-5Q' (did you mean 'UOF-S6-5A'?)",
                               "20:5 waiver has no 'approved_by'",
                               "22:14 'expires' must be a date (YYYY-MM-DD)"});
  // A waived gap does not count towards --fail-on; the expired waiver's gap does.
  CHECK(HasGapsAtOrAbove(*result, GapSeverity::kHigh));
}

}  // namespace
}  // namespace uofa
