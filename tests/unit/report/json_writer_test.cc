// The JSON report against docs/json-report.schema.json: a structural check of the keywords the
// schema uses (type, required, properties, additionalProperties, items, $ref, enum, const), so a
// field added to the writer but not to the schema, or the other way round, fails here.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/report/json_text.h"
#include "tests/unit/report/hostile_text_audit.h"
#include "tests/unit/report/sample_audit.h"
#include "uofa/report.h"

namespace uofa {
namespace {

using Json = nlohmann::ordered_json;

std::string JsonText(const AuditResult& result) {
  std::ostringstream out;
  std::string error;
  REQUIRE(WriteReport("json", result, {}, out, &error));
  return out.str();
}

bool HasType(const Json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  return false;
}

class StructuralCheck {
 public:
  explicit StructuralCheck(const Json& root) : root_(root) {}

  void Check(const Json& schema, const Json& value, const std::string& path) {
    if (schema.contains("$ref")) {
      const std::string ref = schema["$ref"];
      const std::string prefix = "#/$defs/";
      REQUIRE_MESSAGE(ref.rfind(prefix, 0) == 0, "unsupported $ref " << ref);
      Check(root_["$defs"][ref.substr(prefix.size())], value, path);
      return;
    }
    if (schema.contains("const") && schema["const"] != value) Problem(path, "differs from const");
    if (schema.contains("enum")) {
      bool listed = false;
      for (const Json& allowed : schema["enum"]) listed = listed || allowed == value;
      if (!listed) Problem(path, "not in enum: " + value.dump());
    }
    if (schema.contains("type")) {
      std::vector<std::string> types;
      if (schema["type"].is_string()) {
        types.push_back(schema["type"]);
      } else {
        for (const Json& type : schema["type"]) types.push_back(type);
      }
      bool matches = false;
      for (const std::string& type : types) matches = matches || HasType(value, type);
      if (!matches) Problem(path, "has type " + std::string(value.type_name()));
    }
    if (value.is_object()) {
      if (schema.contains("required")) {
        for (const Json& key : schema["required"]) {
          if (!value.contains(key.get<std::string>())) Problem(path, "lacks " + key.dump());
        }
      }
      const bool closed = schema.value("additionalProperties", true) == false;
      for (const auto& [key, member] : value.items()) {
        if (schema.contains("properties") && schema["properties"].contains(key)) {
          Check(schema["properties"][key], member, path + "." + key);
        } else if (closed) {
          Problem(path, "has unexpected key '" + key + "'");
        }
      }
    }
    if (value.is_array() && schema.contains("items")) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        Check(schema["items"], value[i], path + "[" + std::to_string(i) + "]");
      }
    }
  }

  const std::vector<std::string>& problems() const { return problems_; }

 private:
  void Problem(const std::string& path, const std::string& what) {
    problems_.push_back(path + ": " + what);
  }

  const Json& root_;
  std::vector<std::string> problems_;
};

std::vector<std::string> SchemaProblems(const Json& report) {
  const std::string schema_path = std::string(UOFA_SOURCE_DIR) + "/docs/json-report.schema.json";
  const Json schema = Json::parse(report_testing::ReadFileText(schema_path), nullptr, false);
  REQUIRE_MESSAGE(!schema.is_discarded(), schema_path << " is not valid JSON");
  StructuralCheck check(schema);
  check.Check(schema, report, "$");
  return check.problems();
}

TEST_CASE("json report: the sample follows the documented schema") {
  const Json report = Json::parse(JsonText(report_testing::SampleAudit()));
  for (const std::string& problem : SchemaProblems(report)) FAIL_CHECK(problem);
  CHECK(report["schema"] == "uofa-report");
  CHECK(report["schema_version"] == "2.1.0");
}

TEST_CASE("json report: an empty audit follows the documented schema") {
  const Json report = Json::parse(JsonText(AuditResult{}));
  for (const std::string& problem : SchemaProblems(report)) FAIL_CHECK(problem);
}

TEST_CASE("json report: the structural check notices a stray or missing key") {
  Json report = Json::parse(JsonText(report_testing::SampleAudit()));
  report["rules"][0]["extra"] = 1;
  report["summary"].erase("gaps");
  const std::vector<std::string> problems = SchemaProblems(report);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] == "$.summary: lacks \"gaps\"");
  CHECK(problems[1] == "$.rules[0]: has unexpected key 'extra'");
}

TEST_CASE("json report: every rule and every failing or indeterminate record is listed") {
  const AuditResult result = report_testing::SampleAudit();
  const Json report = Json::parse(JsonText(result));
  REQUIRE(report["rules"].size() == result.rules.size());
  for (std::size_t i = 0; i < result.rules.size(); ++i) {
    CAPTURE(result.rules[i].id);
    const Json& rule = report["rules"][i];
    CHECK(rule["id"] == result.rules[i].id);
    CHECK(rule["findings"].size() == result.rules[i].findings.size());
    CHECK(rule["counts"]["fail"] == result.rules[i].failed);
    CHECK(rule["counts"]["indeterminate"] == result.rules[i].indeterminate);
  }
  CHECK(report["rules"][0]["findings"].size() == 12);
  CHECK(report["input_problems"].size() == result.input_problems.size());
  CHECK(report["summary"]["by_severity"] == Json{{"high", 1}, {"medium", 1}, {"low", 1}});
}

TEST_CASE("json report: the streamed text is what a whole-document dump would give") {
  const std::string text = JsonText(report_testing::SampleAudit());
  CHECK(Json::parse(text).dump(2) + "\n" == text);
  const std::string empty = JsonText(AuditResult{});
  CHECK(Json::parse(empty).dump(2) + "\n" == empty);
}

TEST_CASE("json report: findings, written directly, are what a dump gives, whatever they hold") {
  AuditResult result = report_testing::HostileTextAudit();
  Finding waived;
  waived.record_id = "tab\there, back\\slash, del \x7f, caf\xc3\xa9";
  waived.location = {"policy.md", 4, 0};
  waived.last = 9;
  waived.unit = "paragraph";
  waived.detail = "when: \x01\x1f \"quoted\"\b\f";
  waived.waiver = WaiverApplied{"agreed \"for now\"", "Director of Nursing", "2026-01-31",
                                {"waivers.yaml", 3, 5}};
  result.rules[0].findings.push_back(waived);
  Finding bare;  // no record id, no location, no evidence
  bare.verdict = Verdict::kIndeterminate;
  result.rules[0].findings.push_back(bare);
  const std::string text = JsonText(result);
  CHECK(Json::parse(text).dump(2) + "\n" == text);
  const Json report = Json::parse(text);
  CHECK(report["rules"][0]["findings"][1]["record_id"] == waived.record_id);
  CHECK(report["rules"][0]["findings"][1]["waiver"]["line"] == 3);
  CHECK(report["rules"][0]["findings"][2]["location"]["file"].is_null());
}

TEST_CASE("json report: thousands of findings of a rule, written in order as a dump gives them") {
  AuditResult result = report_testing::SampleAudit();
  std::vector<Finding>& findings = result.rules[0].findings;
  findings.clear();
  for (int i = 0; i < 5000; ++i) {
    Finding finding;
    finding.record_id = "INC-" + std::to_string(i);
    finding.location = {"incidents.csv", i + 2, 0};
    finding.evidence = {{"reason", i % 3 == 0 ? "(missing)" : "fell, \"twice\""}};
    findings.push_back(std::move(finding));
  }
  const std::string text = JsonText(result);
  CHECK(Json::parse(text).dump(2) + "\n" == text);
  const Json written = Json::parse(text)["rules"][0]["findings"];
  REQUIRE(written.size() == 5000);
  // Written in blocks of 256 findings, rounds of sixteen blocks: the first and last of each.
  for (int i : {0, 1, 255, 256, 4095, 4096, 4351, 4352, 4998, 4999}) {
    CAPTURE(i);
    CHECK(written[i]["record_id"] == "INC-" + std::to_string(i));
    CHECK(written[i]["location"]["line"] == i + 2);
  }
}

TEST_CASE("json text: every ASCII character, and other text, escaped as nlohmann escapes it") {
  for (int c = 0; c < 0x80; ++c) {
    const std::string text = std::string("a") + static_cast<char>(c) + "b";
    std::string out;
    report::AppendJsonString(text, &out);
    CAPTURE(c);
    CHECK(out == Json(text).dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  // Longer text is scanned eight bytes at a time: each character at each place of a word, and
  // after it.
  for (int c = 0; c < 0x100; ++c) {
    for (std::size_t at = 0; at < 19; ++at) {
      std::string text = "plain text, no esc";
      text.insert(at, 1, static_cast<char>(c));
      std::string out = "[";
      report::AppendJsonString(text, &out);
      CAPTURE(c);
      CAPTURE(at);
      CHECK(out == "[" + Json(text).dump(-1, ' ', false, Json::error_handler_t::replace));
    }
  }
  for (const std::string& text : {std::string(""), std::string("caf\xc3\xa9"),
                                  std::string("caf\xe9"), std::string("\xf0\x9f\x98\x80 \"x\"")}) {
    std::string out;
    report::AppendJsonString(text, &out);
    CHECK(out == Json(text).dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  std::string out;
  report::AppendJsonStringOrNull("", &out);
  report::AppendPositionOrNull(0, &out);
  report::AppendPositionOrNull(12, &out);
  CHECK(out == "nullnull12");
}

TEST_CASE("json report: text that is not UTF-8 is replaced, not thrown") {
  AuditResult result = report_testing::SampleAudit();
  result.rules[0].findings[0].evidence[0].value = "caf\xe9";  // Latin-1, as an old CSV might hold
  const Json report = Json::parse(JsonText(result));
  CHECK(report["rules"][0]["findings"][0]["evidence"][0]["value"] == "caf\xef\xbf\xbd");
}

}  // namespace
}  // namespace uofa
