// The SARIF 2.1.0 report, for CI pipelines and code-scanning dashboards: one run whose driver lists
// every rule and every data-quality kind, one result per failing or undecided record and per
// data-quality finding (ruleId the kind's code), and the other input problems as tool execution
// notifications. The mapping is documented in docs/report-formats.md.
//
// Paths inside the audit folder are written relative to it, under the base id AUDITROOT, which
// run.originalUriBaseIds defines relative to %SRCROOT% (the directory uofa ran in) so that the
// output does not depend on the machine.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "engine/report/report_text.h"
#include "engine/report/writers.h"
#include "uofa/data_quality.h"

namespace uofa::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kAuditRoot = "AUDITROOT";
constexpr std::string_view kSourceRoot = "%SRCROOT%";
constexpr std::string_view kRedacted = "[redacted]";

// A path as a URI reference: every byte but unreserved characters and '/' percent-encoded (':'
// too, so that a relative path is never read as a scheme).
std::string UriPath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    }
  }
  return out;
}

bool IsAbsolute(std::string_view path) {
  return !path.empty() && path.front() == '/';
}

const char* Level(GapSeverity severity) {
  switch (severity) {
    case GapSeverity::kHigh: return "error";
    case GapSeverity::kMedium: return "warning";
    case GapSeverity::kLow: return "note";
  }
  return "warning";
}

const char* NotificationLevel(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "error";
}

Json CitationJson(const Citation& citation) {
  return Json{{"source", citation.source},
              {"source_title", citation.source_title},
              {"url", citation.url},
              {"provision", citation.provision}};
}

std::string HelpText(const RuleOutcome& rule) {
  std::string text = rule.remedy;
  if (rule.citations.empty()) return text;
  if (!text.empty()) text += "\n\n";
  text += "Cites:";
  for (const Citation& citation : rule.citations) {
    text += "\n- " + CitationText(citation);
    if (!citation.url.empty()) text += " <" + citation.url + '>';
  }
  return text;
}

// A URL as a Markdown link destination: in angle brackets, with the characters that would end
// it (or break the line) percent-encoded.
std::string LinkTarget(std::string_view url) {
  std::string out = "<";
  for (char c : url) {
    if (c == '<')
      out += "%3C";
    else if (c == '>')
      out += "%3E";
    else if (c == ' ')
      out += "%20";
    else if (c == '\n')
      out += "%0A";
    else if (c == '\r')
      out += "%0D";
    else
      out += c;
  }
  return out + '>';
}

std::string HelpMarkdown(const RuleOutcome& rule) {
  std::string text = MarkdownText(rule.remedy);
  if (rule.citations.empty()) return text;
  if (!text.empty()) text += "\n\n";
  text += "**Cites**\n";
  for (const Citation& citation : rule.citations) {
    const std::string label = MarkdownText(CitationText(citation));
    if (citation.url.empty()) {
      text += "\n- " + label;
    } else {
      text += "\n- [" + label + "](" + LinkTarget(citation.url) + ')';
    }
  }
  return text;
}

class SarifReport {
 public:
  SarifReport(const AuditResult& result, const ReportOptions& options)
      : result_(result), options_(options) {}

  Json Build() const {
    Json run = Json::object();
    run["tool"] = {{"driver", Driver()}};
    run["invocations"] = Json::array({Invocation()});
    if (!result_.audit_dir.empty()) run["originalUriBaseIds"] = {{kAuditRoot, AuditRoot()}};
    Json results = Json::array();
    for (std::size_t index = 0; index < result_.rules.size(); ++index) {
      const RuleOutcome& rule = result_.rules[index];
      for (const Finding& finding : rule.findings) {
        if (finding.verdict != Verdict::kFail && finding.verdict != Verdict::kIndeterminate) {
          continue;
        }
        results.push_back(Result(rule, index, finding));
      }
    }
    for (const Diagnostic& problem : result_.input_problems) {
      if (!problem.code.empty()) results.push_back(DataQualityResult(problem));
    }
    run["results"] = std::move(results);
    if (!result_.identifiers_shown) run["redactionTokens"] = Json::array({kRedacted});
    run["properties"] = RunProperties();
    return Json{{"$schema", kSchemaUri}, {"version", "2.1.0"}, {"runs", Json::array({run})}};
  }

 private:
  Json Driver() const {
    Json driver = {{"name", "uofa"}};
    if (!result_.tool_version.empty()) driver["version"] = result_.tool_version;
    Json rules = Json::array();
    for (const RuleOutcome& rule : result_.rules) rules.push_back(Rule(rule));
    for (const DataQualityKind& kind : DataQualityKinds()) rules.push_back(DataQualityRule(kind));
    driver["rules"] = std::move(rules);
    return driver;
  }

  // A data-quality kind as a reporting descriptor, after the rules of the packs.
  static Json DataQualityRule(const DataQualityKind& kind) {
    return {{"id", kind.code},
            {"name", kind.code},
            {"shortDescription", {{"text", std::string("data quality: ") + kind.title}}},
            {"help", {{"text", kind.remedy}}},
            {"defaultConfiguration", {{"level", "warning"}}},
            {"properties", {{"data_quality", true}}}};
  }

  // A data-quality finding: level "error" when it rejected a row, else "warning". The source
  // line is never copied (it may hold identifying data).
  Json DataQualityResult(const Diagnostic& problem) const {
    std::size_t index = result_.rules.size();
    const std::vector<DataQualityKind>& kinds = DataQualityKinds();
    for (std::size_t i = 0; i < kinds.size(); ++i) {
      if (problem.code == kinds[i].code) index = result_.rules.size() + i;
    }
    Json result = {{"ruleId", problem.code},
                   {"ruleIndex", index},
                   {"kind", "fail"},
                   {"level", NotificationLevel(problem.severity)},
                   {"message", {{"text", problem.message}}}};
    if (!problem.location.file.empty()) {
      result["locations"] = Json::array({{{"physicalLocation", PhysicalLocation(problem.location)}}});
    }
    result["properties"] = {{"data_quality", true}, {"field", problem.field}};
    return result;
  }

  static Json Rule(const RuleOutcome& rule) {
    Json descriptor = {{"id", rule.id}, {"name", rule.id}};
    if (!rule.title.empty()) descriptor["shortDescription"] = {{"text", rule.title}};
    if (!rule.message.empty()) descriptor["fullDescription"] = {{"text", rule.message}};
    for (const Citation& citation : rule.citations) {
      if (citation.url.empty()) continue;
      descriptor["helpUri"] = citation.url;
      break;
    }
    const std::string help = HelpText(rule);
    if (!help.empty()) descriptor["help"] = {{"text", help}, {"markdown", HelpMarkdown(rule)}};
    descriptor["defaultConfiguration"] = {{"level", Level(rule.severity)}};

    Json citations = Json::array();
    for (const Citation& citation : rule.citations) citations.push_back(CitationJson(citation));
    Json properties = {{"pack", rule.pack},
                       {"subject", rule.subject},
                       {"basis", rule.basis},
                       {"severity", GapSeverityName(rule.severity)},
                       {"citations", std::move(citations)}};
    if (rule.target) properties["target"] = *rule.target;
    // This run's outcome for the rule: SARIF results cover only failing and undecided records,
    // so a met, not-applicable or not-assessed rule is visible only here.
    properties["status"] = RuleStatusName(rule.status);
    properties["counts"] = {{"pass", rule.passed},
                            {"fail", rule.failed},
                            {"not_applicable", rule.not_applicable},
                            {"indeterminate", rule.indeterminate}};
    descriptor["properties"] = std::move(properties);
    return descriptor;
  }

  Json Result(const RuleOutcome& rule, std::size_t index, const Finding& finding) const {
    const bool failed = finding.verdict == Verdict::kFail;
    std::string text = RecordLabel(finding) + ": ";
    if (failed) {
      text += rule.message.empty() ? rule.title : rule.message;
    } else {
      text += "could not be decided";
      if (!finding.detail.empty()) text += ": " + finding.detail;
    }
    // SARIF 2.1.0 §3.27.10: a result whose kind is not "fail" has level "none".
    Json result = {{"ruleId", rule.id},
                   {"ruleIndex", index},
                   {"kind", failed ? "fail" : "review"},
                   {"level", failed ? Level(rule.severity) : "none"},
                   {"message", {{"text", text}}}};
    if (!finding.location.file.empty()) {
      result["locations"] = Json::array({{{"physicalLocation", FindingPhysicalLocation(finding)}}});
    }
    if (!finding.record_id.empty()) {
      result["partialFingerprints"] = {{"ruleRecord/v1", rule.id + '|' + finding.record_id}};
    }
    Json evidence = Json::array();
    for (const Evidence& item : finding.evidence) {
      evidence.push_back({{"field", item.field}, {"value", item.value}});
    }
    Json properties = {{"record_id", finding.record_id},
                       {"verdict", VerdictName(finding.verdict)},
                       {"evidence", std::move(evidence)}};
    if (!finding.detail.empty()) properties["detail"] = finding.detail;
    result["properties"] = std::move(properties);
    // SARIF 2.1.0 §3.35: a waiver is a suppression kept outside the analysed files.
    if (finding.waiver) {
      Json suppression = {{"kind", "external"},
                          {"status", "accepted"},
                          {"justification", finding.waiver->justification},
                          {"properties",
                           {{"approved_by", finding.waiver->approved_by},
                            {"expires", finding.waiver->expires}}}};
      if (!finding.waiver->defined_at.file.empty()) {
        suppression["location"] = {{"physicalLocation", PhysicalLocation(finding.waiver->defined_at)}};
      }
      result["suppressions"] = Json::array({std::move(suppression)});
    }
    return result;
  }

  Json ArtifactLocation(const std::string& path) const {
    if (std::optional<std::string> inside = PathInAuditDir(result_.audit_dir, path);
        inside && !IsAbsolute(*inside)) {
      return {{"uri", UriPath(*inside)}, {"uriBaseId", kAuditRoot}};
    }
    if (IsAbsolute(path)) return {{"uri", "file://" + UriPath(path)}};
    return {{"uri", UriPath(path)}, {"uriBaseId", kSourceRoot}};
  }

  // A part of a document: lines are a region (startLine, endLine); paragraphs and pages have no
  // SARIF region, so the location names the file and its properties give the unit and range.
  Json FindingPhysicalLocation(const Finding& finding) const {
    if (finding.unit.empty() || finding.location.line <= 0) return PhysicalLocation(finding.location);
    Json physical = {{"artifactLocation", ArtifactLocation(finding.location.file)}};
    const int last = std::max(finding.last, finding.location.line);
    if (finding.unit == "line") {
      physical["region"] = {{"startLine", finding.location.line}, {"endLine", last}};
    } else {
      physical["properties"] = {{"unit", finding.unit}, {"first", finding.location.line}, {"last", last}};
    }
    return physical;
  }

  Json PhysicalLocation(const SourceLocation& location) const {
    Json physical = {{"artifactLocation", ArtifactLocation(location.file)}};
    if (location.line > 0) {
      Json region = {{"startLine", location.line}};
      if (location.column > 0) region["startColumn"] = location.column;
      physical["region"] = std::move(region);
    }
    return physical;
  }

  // The audit folder as a base URI: absolute when uofa was given an absolute path, otherwise
  // relative to the directory it ran in. Either way it ends with '/', as base URIs must.
  Json AuditRoot() const {
    std::string dir = result_.audit_dir;
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    Json root = IsAbsolute(dir) ? Json{{"uri", "file://" + UriPath(dir == "/" ? "/" : dir + '/')}}
                                : Json{{"uri", UriPath(dir) + '/'}, {"uriBaseId", kSourceRoot}};
    root["description"] = {{"text", "the audit folder"}};
    return root;
  }

  // Input problems: the source line is never copied (it may hold identifying data).
  Json Invocation() const {
    bool input_errors = false;
    Json notifications = Json::array();
    for (const Diagnostic& problem : result_.input_problems) {
      input_errors = input_errors || problem.severity == Severity::kError;
      if (!problem.code.empty()) continue;  // a result of its data-quality kind
      Json notification = {{"level", NotificationLevel(problem.severity)},
                           {"message", {{"text", problem.message}}}};
      if (!problem.location.file.empty()) {
        notification["locations"] =
            Json::array({{{"physicalLocation", PhysicalLocation(problem.location)}}});
      }
      notifications.push_back(std::move(notification));
    }
    Json invocation = {{"executionSuccessful", !input_errors}};
    if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
    return invocation;
  }

  Json RunProperties() const {
    Json packs = Json::array();
    for (const PackSummary& pack : result_.packs) {
      packs.push_back({{"id", pack.id}, {"title", pack.title}, {"version", pack.version}});
    }
    return {{"as_of", result_.as_of},
            {"packs", std::move(packs)},
            {"records",
             {{"read", result_.records_read},
              {"evaluated", result_.records_evaluated},
              {"rejected", result_.records_rejected}}},
            {"fail_on", options_.fail_on ? GapSeverityName(*options_.fail_on) : "none"},
            {"identifiers_shown", result_.identifiers_shown}};
  }

  const AuditResult& result_;
  const ReportOptions& options_;
};

}  // namespace

void WriteSarifReport(const AuditResult& result, const ReportOptions& options, std::ostream& out) {
  // Text that is not valid UTF-8 (a Latin-1 CSV cell) is replaced with U+FFFD rather than thrown.
  out << SarifReport(result, options).Build().dump(2, ' ', false, Json::error_handler_t::replace)
      << '\n';
}

}  // namespace uofa::report
