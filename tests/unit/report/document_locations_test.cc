// How each report shows where a finding in a policy document is: a line range, a paragraph, a
// page, or the whole document (a topic that is absent).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/unit/report/hostile_text_audit.h"

namespace uofa {
namespace {

using Json = nlohmann::json;
using report_testing::Render;

AuditResult DocumentAudit() {
  AuditResult result;
  result.tool_version = "0.1.0";
  result.as_of = "2025-12-31";
  RuleOutcome rule;
  rule.id = "DOC-1";
  rule.title = "A document rule";
  rule.pack = "p";
  rule.subject = "policy_paragraph";
  rule.severity = GapSeverity::kHigh;
  rule.message = "wrong statement";
  rule.status = RuleStatus::kGap;
  rule.failed = 4;
  Finding lines;
  lines.record_id = "policy.md:5";
  lines.location = {"policy.md", 5, 0};
  lines.last = 7;
  lines.unit = "line";
  Finding page;
  page.record_id = "policy.pdf:3";
  page.location = {"policy.pdf", 3, 0};
  page.last = 3;
  page.unit = "page";
  Finding paragraphs;
  paragraphs.record_id = "policy.docx:12";
  paragraphs.location = {"policy.docx", 12, 0};
  paragraphs.last = 14;
  paragraphs.unit = "paragraph";
  Finding document;
  document.record_id = "leaflet.md";
  document.location = {"leaflet.md", 0, 0};
  rule.findings = {lines, page, paragraphs, document};
  result.rules.push_back(rule);
  return result;
}

}  // namespace

TEST_CASE("document locations: sarif regions for lines, properties for pages and paragraphs") {
  Json log = Json::parse(Render("sarif", DocumentAudit()));
  const Json& results = log.at("runs").at(0).at("results");
  REQUIRE(results.size() == 4);
  const Json& lines = results.at(0).at("locations").at(0).at("physicalLocation");
  CHECK(lines.at("region") == Json{{"startLine", 5}, {"endLine", 7}});
  const Json& page = results.at(1).at("locations").at(0).at("physicalLocation");
  CHECK_FALSE(page.contains("region"));
  CHECK(page.at("properties") == Json{{"unit", "page"}, {"first", 3}, {"last", 3}});
  const Json& paragraphs = results.at(2).at("locations").at(0).at("physicalLocation");
  CHECK(paragraphs.at("properties") == Json{{"unit", "paragraph"}, {"first", 12}, {"last", 14}});
  const Json& document = results.at(3).at("locations").at(0).at("physicalLocation");
  CHECK_FALSE(document.contains("region"));
  CHECK_FALSE(document.contains("properties"));
  CHECK(document.at("artifactLocation").at("uri") == "leaflet.md");
}

TEST_CASE("document locations: github annotations") {
  CHECK(Render("github", DocumentAudit()) ==
        "::error file=policy.md,line=5,endLine=7,title=DOC-1::policy.md:5: wrong statement\n"
        "::error file=policy.pdf,title=DOC-1::policy.pdf:3 (page 3): wrong statement\n"
        "::error file=policy.docx,title=DOC-1::policy.docx:12 (paragraphs 12-14): wrong statement\n"
        "::error file=leaflet.md,title=DOC-1::leaflet.md: wrong statement\n"
        "uofa: 1 gap (1 high, 0 medium, 0 low)\n");
}

TEST_CASE("document locations: json, csv and junit") {
  Json report = Json::parse(Render("json", DocumentAudit()));
  const Json& findings = report.at("rules").at(0).at("findings");
  CHECK(findings.at(0).at("location") == Json{{"file", "policy.md"}, {"line", 5}, {"last", 7}, {"unit", "line"}});
  CHECK(findings.at(3).at("location") == Json{{"file", "leaflet.md"}, {"line", nullptr}, {"last", nullptr}, {"unit", nullptr}});
  std::string csv = Render("csv", DocumentAudit());
  CHECK(csv.find(",policy.pdf:3,policy.pdf,3,3,page,wrong statement,") != std::string::npos);
  std::string junit = Render("junit", DocumentAudit());
  CHECK(junit.find("policy.md:5  policy.md:5-7") != std::string::npos);
  CHECK(junit.find("policy.docx:12  policy.docx paragraphs 12-14") != std::string::npos);
  CHECK(junit.find("policy.pdf:3  policy.pdf page 3") != std::string::npos);
}

}  // namespace uofa
