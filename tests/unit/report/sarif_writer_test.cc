#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/unit/report/hostile_text_audit.h"
#include "tests/unit/report/sample_audit.h"
#include "uofa/data_quality.h"

namespace uofa {
namespace {

using Json = nlohmann::json;
using report_testing::HostileTextAudit;
using report_testing::Render;

Json Sarif(const AuditResult& result) {
  return Json::parse(Render("sarif", result));
}

const Json& Run(const Json& log) {
  return log.at("runs").at(0);
}

TEST_CASE("sarif report: the log names its schema and version and lists every rule") {
  const AuditResult result = report_testing::SampleAudit();
  const Json log = Sarif(result);
  CHECK(log.at("$schema") == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(log.at("version") == "2.1.0");
  const Json& driver = Run(log).at("tool").at("driver");
  CHECK(driver.at("name") == "uofa");
  CHECK(driver.at("version") == "0.1.0");
  CHECK_FALSE(driver.contains("informationUri"));
  // The rules of the packs, then the data-quality kinds.
  REQUIRE(driver.at("rules").size() == result.rules.size() + DataQualityKinds().size());
  CHECK(driver.at("rules").at(result.rules.size()).at("id") == "UOFA-DQ-UNMAPPED-VALUE");
  const Json& rule = driver.at("rules").at(0);
  CHECK(rule.at("id") == "UOF-S6-5A");
  CHECK(rule.at("shortDescription").at("text") == "Record gives the reason force was used");
  CHECK(rule.at("fullDescription").at("text") == "no reason recorded for the use of force");
  CHECK(rule.at("defaultConfiguration").at("level") == "error");
  CHECK(rule.at("properties").at("citations").at(0).at("provision") == "s.6(5)(a)");
  CHECK(driver.at("rules").at(2).at("defaultConfiguration").at("level") == "note");
  CHECK(driver.at("rules").at(3).at("defaultConfiguration").at("level") == "warning");
}

TEST_CASE("sarif report: failures are kind fail at the rule's level; undecided records review") {
  const Json log = Sarif(report_testing::SampleAudit());
  const Json& results = Run(log).at("results");
  CHECK(results.size() == 12 + 2 + 3 + 3 + 3);  // and the 3 data-quality findings
  const Json& first = results.at(0);
  CHECK(first.at("ruleId") == "UOF-S6-5A");
  CHECK(first.at("ruleIndex") == 0);
  CHECK(first.at("kind") == "fail");
  CHECK(first.at("level") == "error");
  CHECK(first.at("message").at("text") == "INC-1001: no reason recorded for the use of force");
  CHECK(first.at("properties").at("evidence").at(0).at("value") == "(missing)");
  for (const Json& result : results) {
    if (result.at("kind") == "review") {
      CHECK(result.at("level") == "none");  // SARIF 2.1.0 §3.27.10
    }
  }
  const Json& invocation = Run(log).at("invocations").at(0);
  CHECK(invocation.at("executionSuccessful") == false);  // the sample has input errors
  // The sample's input problems are all data-quality findings: results, not notifications.
  CHECK_FALSE(invocation.contains("toolExecutionNotifications"));
  const Json* rejected = nullptr;
  for (const Json& result : results) {
    if (result.at("ruleId") == "UOFA-DQ-REJECTED-ROW" && rejected == nullptr) rejected = &result;
  }
  REQUIRE(rejected != nullptr);
  CHECK(rejected->at("kind") == "fail");
  CHECK(rejected->at("level") == "error");
  CHECK(rejected->at("message").at("text") == "row has 12 cells, expected 14");
  CHECK(rejected->at("locations").at(0).at("physicalLocation").at("region").at("startLine") == 77);
  const Json& rules = Run(log).at("tool").at("driver").at("rules");
  const std::size_t index = rejected->at("ruleIndex").get<std::size_t>();
  REQUIRE(index < rules.size());
  CHECK(rules.at(index).at("id") == "UOFA-DQ-REJECTED-ROW");
  CHECK(rules.at(index).at("shortDescription").at("text") == "data quality: row rejected");
  CHECK(Render("sarif", report_testing::SampleAudit()).find("Test Patient") == std::string::npos);
}

TEST_CASE("sarif report: files in the audit folder are relative to AUDITROOT, as URIs") {
  const Json log = Sarif(HostileTextAudit());
  const Json& location = Run(log).at("results").at(0).at("locations").at(0).at("physicalLocation");
  CHECK(location.at("artifactLocation").at("uri") == "in%3Acidents%2C1.csv");
  CHECK(location.at("artifactLocation").at("uriBaseId") == "AUDITROOT");
  CHECK(location.at("region").at("startLine") == 7);
  const Json& root = Run(log).at("originalUriBaseIds").at("AUDITROOT");
  CHECK(root.at("uri") == "audits/t%2C1/");
  CHECK(root.at("uriBaseId") == "%SRCROOT%");

  AuditResult absolute = HostileTextAudit();
  absolute.audit_dir = "/srv/audit 1/";
  absolute.rules[0].findings[0].location.file = "/srv/audit 1/incidents.csv";
  absolute.input_problems[0].location.file = "/elsewhere/x.csv";
  const Json absolute_log = Sarif(absolute);
  CHECK(Run(absolute_log).at("originalUriBaseIds").at("AUDITROOT").at("uri") ==
        "file:///srv/audit%201/");
  CHECK(Run(absolute_log)
            .at("results")
            .at(0)
            .at("locations")
            .at(0)
            .at("physicalLocation")
            .at("artifactLocation")
            .at("uri") == "incidents.csv");
  const Json& outside = Run(absolute_log)
                            .at("invocations")
                            .at(0)
                            .at("toolExecutionNotifications")
                            .at(0)
                            .at("locations")
                            .at(0)
                            .at("physicalLocation")
                            .at("artifactLocation");
  CHECK(outside.at("uri") == "file:///elsewhere/x.csv");
  CHECK_FALSE(outside.contains("uriBaseId"));
}

TEST_CASE("sarif report: a finding without a file has no location; text stays valid JSON") {
  AuditResult result = HostileTextAudit();
  result.rules[0].findings[0].location = {};
  const Json log = Sarif(result);  // parses although a value held a byte that is not UTF-8
  const Json& finding = Run(log).at("results").at(0);
  CHECK_FALSE(finding.contains("locations"));
  std::string expected = report_testing::kHostileValue;
  expected.replace(expected.size() - 1, 1, "\xEF\xBF\xBD");
  CHECK(finding.at("properties").at("evidence").at(0).at("value") == expected);
  CHECK(Run(log).at("invocations").at(0).at("executionSuccessful") == true);  // warnings only
}

}  // namespace
}  // namespace uofa
