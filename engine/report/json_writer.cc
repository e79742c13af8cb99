// The JSON report: every rule with its verdict counts and every failing or indeterminate record.
// The shape is documented in docs/json-report.md and docs/json-report.schema.json; change
// kSchemaVersion with it (an added field bumps the minor version, anything else the major).
//
// Rules, and the findings of each rule, are serialised a few at a time and streamed (a rule's
// findings in rounds of blocks, on every core), so memory stays bounded by a round rather than the
// whole report; the output is byte for byte what ordered_json::dump(2) would give.
#include <algorithm>
#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/parallel.h"
#include "engine/report/json_text.h"
#include "engine/report/report_summary.h"
#include "engine/report/writers.h"
#include "uofa/data_quality.h"

namespace uofa::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchemaName = "uofa-report";
constexpr std::string_view kSchemaVersion = "2.1.0";

// Findings are written as text in blocks, a round of blocks at a time, on every core.
constexpr std::size_t kFindingsInBlock = 256;
constexpr std::size_t kBlocksInRound = 16;

// Unknown positions (0, or an empty file name) are null rather than 0 or "".
Json TextOrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }
Json PositionOrNull(int position) { return position > 0 ? Json(position) : Json(nullptr); }

Json ToolJson(const AuditResult& result) {
  return Json{{"name", "uofa"}, {"version", result.tool_version}};
}

Json AuditJson(const AuditResult& result) {
  Json packs = Json::array();
  for (const PackSummary& pack : result.packs) {
    packs.push_back({{"id", pack.id}, {"title", pack.title}, {"version", pack.version}});
  }
  Json parameters = Json::array();
  for (const ParameterValue& parameter : result.parameters) {
    parameters.push_back({{"pack", parameter.pack},
                          {"name", parameter.name},
                          {"value", parameter.value},
                          {"default", parameter.default_value},
                          {"overridden", parameter.overridden},
                          {"basis", parameter.basis}});
  }
  Json inputs = Json::array();
  for (const InputSummary& input : result.inputs) {
    inputs.push_back({{"path", input.path}, {"kind", input.kind}, {"rows", input.rows}});
  }
  return Json{{"dir", result.audit_dir},
              {"as_of", result.as_of},
              {"packs", std::move(packs)},
              {"parameters", std::move(parameters)},
              {"inputs", std::move(inputs)},
              {"accounting",
               {{"read", result.records_read},
                {"evaluated", result.records_evaluated},
                {"rejected", result.records_rejected}}},
              {"identifiers_shown", result.identifiers_shown}};
}

Json SummaryJson(const AuditResult& result, const ReportOptions& options) {
  const ReportSummary summary = Summarise(result);
  return Json{
      {"rules", summary.status.rules},
      {"met", summary.status.met},
      {"gaps", summary.status.gaps},
      {"indeterminate", summary.status.indeterminate},
      {"not_applicable", summary.status.not_applicable},
      {"not_assessed", summary.status.not_assessed},
      {"waived", summary.status.waived},
      {"by_severity",
       {{"high", summary.gaps.high}, {"medium", summary.gaps.medium}, {"low", summary.gaps.low}}},
      {"fail_on", options.fail_on ? GapSeverityName(*options.fail_on) : "none"},
      {"gaps_at_or_above_fail_on", options.fail_on ? summary.gaps.AtOrAbove(*options.fail_on) : 0}};
}

// A finding as an element of a rule's "findings" (indented 8), written directly, as
// Dump(finding as a JSON object, 8) would write it: a national audit has hundreds of thousands.
// The text between values is written in whole pieces: a member of the finding is indented 10, of
// its location, evidence and waiver 12, of an evidence item 14.
void AppendFinding(const Finding& finding, std::string* out) {
  *out += "{\n          \"verdict\": ";
  AppendJsonString(VerdictName(finding.verdict), out);
  *out += ",\n          \"record_id\": ";
  AppendJsonString(finding.record_id, out);
  *out += ",\n          \"location\": {\n            \"file\": ";
  AppendJsonStringOrNull(finding.location.file, out);
  *out += ",\n            \"line\": ";
  AppendPositionOrNull(finding.location.line, out);
  *out += ",\n            \"last\": ";
  AppendPositionOrNull(finding.last, out);
  *out += ",\n            \"unit\": ";
  AppendJsonStringOrNull(finding.unit, out);
  *out += "\n          },\n          \"evidence\": [";
  for (std::size_t i = 0; i < finding.evidence.size(); ++i) {
    *out += i == 0 ? "\n            {\n              \"field\": "
                   : ",\n            {\n              \"field\": ";
    AppendJsonString(finding.evidence[i].field, out);
    *out += ",\n              \"value\": ";
    AppendJsonString(finding.evidence[i].value, out);
    *out += "\n            }";
  }
  *out += finding.evidence.empty() ? "],\n          \"detail\": "
                                   : "\n          ],\n          \"detail\": ";
  AppendJsonStringOrNull(finding.detail, out);
  *out += ",\n          \"waiver\": ";
  if (!finding.waiver) {
    *out += "null";
  } else {
    const WaiverApplied& waiver = *finding.waiver;
    *out += "{\n            \"justification\": ";
    AppendJsonString(waiver.justification, out);
    *out += ",\n            \"approved_by\": ";
    AppendJsonString(waiver.approved_by, out);
    *out += ",\n            \"expires\": ";
    AppendJsonString(waiver.expires, out);
    *out += ",\n            \"file\": ";
    AppendJsonStringOrNull(waiver.defined_at.file, out);
    *out += ",\n            \"line\": ";
    AppendPositionOrNull(waiver.defined_at.line, out);
    *out += "\n          }";
  }
  *out += "\n        }";
}

Json SincePreviousJson(const AuditResult& result) {
  if (!result.since_previous) return Json(nullptr);
  const RunComparison& since = *result.since_previous;
  Json changes = Json::array();
  std::size_t counts[3] = {0, 0, 0};
  for (const GapChange& change : since.changes) {
    ++counts[static_cast<int>(change.kind)];
    changes.push_back({{"change", GapChangeKindName(change.kind)},
                       {"rule_id", change.rule_id},
                       {"rule_title", change.rule_title},
                       {"record_id", change.record_id},
                       {"severity", GapSeverityName(change.severity)}});
  }
  return Json{{"previous_run_id", since.previous_run_id},
              {"previous_run_at", since.previous_run_at},
              {"previous_as_of", since.previous_as_of},
              {"opened", counts[static_cast<int>(GapChangeKind::kOpened)]},
              {"closed", counts[static_cast<int>(GapChangeKind::kClosed)]},
              {"persisting", counts[static_cast<int>(GapChangeKind::kPersisting)]},
              {"changes", std::move(changes)}};
}

// A rule without its findings: "findings", its last member, is an empty array for WriteRule to
// fill.
Json RuleJson(const RuleOutcome& rule) {
  Json citations = Json::array();
  for (const Citation& citation : rule.citations) {
    citations.push_back({{"source", citation.source},
                         {"source_title", citation.source_title},
                         {"url", citation.url},
                         {"provision", citation.provision}});
  }
  Json findings = Json::array();
  const std::optional<double> pass_rate = rule.PassRate();
  return Json{{"id", rule.id},
              {"title", rule.title},
              {"pack", rule.pack},
              {"subject", rule.subject},
              {"basis", rule.basis},
              {"severity", GapSeverityName(rule.severity)},
              {"citations", std::move(citations)},
              {"message", rule.message},
              {"remedy", rule.remedy},
              {"target", rule.target ? Json(*rule.target) : Json(nullptr)},
              {"status", RuleStatusName(rule.status)},
              {"counts",
               {{"pass", rule.passed},
                {"fail", rule.failed},
                {"not_applicable", rule.not_applicable},
                {"indeterminate", rule.indeterminate},
                {"waived", rule.waived}}},
              {"pass_rate", pass_rate ? Json(*pass_rate) : Json(nullptr)},
              {"defined_at",
               {{"file", TextOrNull(rule.defined_at.file)},
                {"line", PositionOrNull(rule.defined_at.line)},
                {"column", PositionOrNull(rule.defined_at.column)}}},
              {"findings", std::move(findings)}};
}

Json InputProblemJson(const Diagnostic& problem) {
  return Json{{"severity", SeverityName(problem.severity)},
              {"file", TextOrNull(problem.location.file)},
              {"line", PositionOrNull(problem.location.line)},
              {"column", PositionOrNull(problem.location.column)},
              {"message", problem.message},
              {"code", TextOrNull(problem.code)},
              {"field", TextOrNull(problem.field)}};
}

Json DataQualityJson(const DataQualityColumn& column) {
  const DataQualityKind* kind = FindDataQualityKind(column.code);
  return Json{{"file", TextOrNull(column.file)},
              {"field", TextOrNull(column.field)},
              {"code", column.code},
              {"title", kind != nullptr ? kind->title : ""},
              {"count", column.count},
              {"first",
               {{"line", PositionOrNull(column.first.line)},
                {"column", PositionOrNull(column.first.column)}}}};
}

// `value` as dump(2) renders it, shifted right by `indent` spaces after every line break. Strings
// never hold a raw line break (dump escapes it), so every '\n' is structural. Text that is not
// valid UTF-8 (a Latin-1 CSV cell) is replaced with U+FFFD rather than throwing.
std::string Dump(const Json& value, std::size_t indent) {
  const std::string text = value.dump(2, ' ', false, Json::error_handler_t::replace);
  std::string shifted;
  shifted.reserve(text.size());
  for (char c : text) {
    shifted += c;
    if (c == '\n') shifted.append(indent, ' ');
  }
  return shifted;
}

// A rule as an element of the "rules" array (indented 4), its findings written one block at a
// time: a rule with a hundred thousand findings never has them all as text at once. The blocks of
// a round are written on every core, then copied out in order. The text is the same as Dump(the
// rule with its findings as JSON values, 4).
void WriteRule(const RuleOutcome& rule, std::ostream& out) {
  std::string text = Dump(RuleJson(rule), 4);
  if (rule.findings.empty()) {
    out << text;
    return;
  }
  constexpr std::string_view kEmptyTail = "[]\n    }";  // the empty findings array, then the rule's '}'
  text.resize(text.size() - kEmptyTail.size());
  out << text << '[';
  const std::vector<Finding>& findings = rule.findings;
  std::vector<std::string> blocks(kBlocksInRound);
  for (std::size_t round = 0; round < findings.size(); round += kBlocksInRound * kFindingsInBlock) {
    const std::size_t left = findings.size() - round;
    const std::size_t count =
        std::min(kBlocksInRound, (left + kFindingsInBlock - 1) / kFindingsInBlock);
    ParallelFor(count, [&](std::size_t block) {
      std::string& written = blocks[block];
      written.clear();
      const std::size_t first = round + block * kFindingsInBlock;
      const std::size_t end = std::min(findings.size(), first + kFindingsInBlock);
      for (std::size_t i = first; i < end; ++i) {
        written += i == 0 ? "\n        " : ",\n        ";
        AppendFinding(findings[i], &written);
      }
    });
    for (std::size_t block = 0; block < count; ++block) out << blocks[block];
  }
  out << "\n      ]\n    }";
}

class ObjectStreamer {
 public:
  explicit ObjectStreamer(std::ostream& out) : out_(out) { out_ << '{'; }

  void Member(std::string_view key, const Json& value) {
    Key(key);
    out_ << Dump(value, 2);
  }

  // An array member whose elements are built one at a time.
  void ArrayMember(std::string_view key, std::size_t count,
                   const std::function<Json(std::size_t)>& element) {
    StreamedArrayMember(key, count, [&element](std::size_t i, std::ostream& out) {
      out << Dump(element(i), 4);
    });
  }

  // An array member whose elements write themselves (as Dump(element, 4) would).
  void StreamedArrayMember(std::string_view key, std::size_t count,
                           const std::function<void(std::size_t, std::ostream&)>& write) {
    Key(key);
    if (count == 0) {
      out_ << "[]";
      return;
    }
    out_ << '[';
    for (std::size_t i = 0; i < count; ++i) {
      out_ << (i == 0 ? "\n    " : ",\n    ");
      write(i, out_);
    }
    out_ << "\n  ]";
  }

  void Close() { out_ << (first_ ? "}\n" : "\n}\n"); }

 private:
  void Key(std::string_view key) {
    out_ << (first_ ? "\n  " : ",\n  ") << Json(key).dump() << ": ";
    first_ = false;
  }

  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

void WriteJsonReport(const AuditResult& result, const ReportOptions& options, std::ostream& out) {
  ObjectStreamer report(out);
  report.Member("schema", kSchemaName);
  report.Member("schema_version", kSchemaVersion);
  report.Member("tool", ToolJson(result));
  report.Member("audit", AuditJson(result));
  report.Member("summary", SummaryJson(result, options));
  report.Member("since_previous", SincePreviousJson(result));
  report.StreamedArrayMember("rules", result.rules.size(), [&result](std::size_t i, std::ostream& out) {
    WriteRule(result.rules[i], out);
  });
  report.ArrayMember("input_problems", result.input_problems.size(), [&result](std::size_t i) {
    return InputProblemJson(result.input_problems[i]);
  });
  const std::vector<DataQualityColumn> columns = SummariseDataQuality(result.input_problems);
  report.ArrayMember("data_quality", columns.size(),
                     [&columns](std::size_t i) { return DataQualityJson(columns[i]); });
  report.Close();
}

}  // namespace uofa::report
