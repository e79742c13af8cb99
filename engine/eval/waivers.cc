#include "engine/eval/waivers.h"

#include <algorithm>
#include <filesystem>

#include "engine/base/time.h"
#include "engine/pack/yaml_checks.h"
#include "engine/pack/yaml_document.h"

namespace uofa {
namespace {

const std::vector<std::string> kWaiverKeys = {"rule",          "records",     "unit",
                                              "justification", "approved_by", "expires"};

// Reads one waiver; nullopt (after reporting why) when it cannot be used.
std::optional<Waiver> ReadWaiver(const SourceText& source, const YamlNode& node,
                                 const std::vector<std::string>& rule_ids,
                                 Diagnostics& diagnostics) {
  if (!node.IsMapping()) {
    ErrorAtNode(source, diagnostics, node,
                "a waiver must be a mapping with rule, justification, approved_by and expires");
    return std::nullopt;
  }
  const std::size_t errors_before = diagnostics.ErrorCount();
  Waiver waiver;
  waiver.defined_at = LocationOf(source, node);
  auto text = [&](const YamlNode& value, const std::string& key, std::string& out) {
    if (!value.IsScalar() || value.value.empty()) {
      ErrorAtNode(source, diagnostics, value, "'" + key + "' must be a non-empty text");
      return;
    }
    out = value.value;
  };
  const YamlNode* rule_node = nullptr;
  const YamlNode* records_node = nullptr;
  const YamlNode* unit_node = nullptr;
  for (const YamlEntry& entry : node.entries) {
    const std::string& key = entry.key->value;
    const YamlNode& value = *entry.value;
    if (key == "rule") {
      rule_node = &value;
      text(value, key, waiver.rule_id);
    } else if (key == "records") {
      records_node = &value;
      if (!value.IsSequence() || value.items.empty()) {
        ErrorAtNode(source, diagnostics, value, "'records' must be a list of record ids");
        continue;
      }
      for (const YamlNodePtr& item : value.items) {
        if (item->IsScalar() && !item->value.empty())
          waiver.records.push_back(item->value);
        else
          ErrorAtNode(source, diagnostics, *item, "a record must be named by its id");
      }
    } else if (key == "unit") {
      unit_node = &value;
      text(value, key, waiver.unit);
    } else if (key == "justification") {
      text(value, key, waiver.justification);
    } else if (key == "approved_by") {
      text(value, key, waiver.approved_by);
    } else if (key == "expires") {
      std::string error;
      if (!value.IsScalar() || !ParseDate(value.value, &error)) {
        ErrorAtNode(source, diagnostics, value, "'expires' must be a date (YYYY-MM-DD)");
      } else {
        waiver.expires = value.value;
      }
    } else {
      ErrorAtNode(source, diagnostics, *entry.key,
                  "unknown key '" + key + "' in a waiver" + DidYouMean(key, kWaiverKeys));
    }
  }
  for (const char* required : {"rule", "justification", "approved_by", "expires"}) {
    if (node.Find(required) == nullptr) {
      ErrorAtNode(source, diagnostics, node, std::string("waiver has no '") + required + "'");
    }
  }
  if (records_node != nullptr && unit_node != nullptr) {
    ErrorAtNode(source, diagnostics, *unit_node, "a waiver names 'records' or 'unit', not both");
  }
  if (rule_node != nullptr && !waiver.rule_id.empty() &&
      std::find(rule_ids.begin(), rule_ids.end(), waiver.rule_id) == rule_ids.end()) {
    ErrorAtNode(source, diagnostics, *rule_node,
                "unknown rule '" + waiver.rule_id + "'" + DidYouMean(waiver.rule_id, rule_ids));
  }
  if (diagnostics.ErrorCount() != errors_before) return std::nullopt;
  return waiver;
}

}  // namespace

WaiverFile ReadWaivers(const std::string& audit_dir, const std::vector<std::string>& rule_ids,
                       Diagnostics& diagnostics) {
  WaiverFile file;
  const std::string path = (std::filesystem::path(audit_dir) / "waivers.yaml").string();
  std::error_code exists_error;
  if (!std::filesystem::exists(path, exists_error)) return file;
  file.present = true;
  YamlDocument document = ReadYamlFile(path, diagnostics);
  if (document.root == nullptr || document.root->IsNull()) return file;
  const SourceText& source = document.source;
  const YamlNode& root = *document.root;
  if (!root.IsMapping()) {
    ErrorAtNode(source, diagnostics, root, "waivers.yaml must be a mapping with a 'waivers' list");
    return file;
  }
  for (const YamlEntry& entry : root.entries) {
    const std::string& key = entry.key->value;
    const YamlNode& value = *entry.value;
    if (key != "waivers") {
      ErrorAtNode(source, diagnostics, *entry.key,
                  "unknown key '" + key + "' in waivers.yaml" + DidYouMean(key, {"waivers"}));
      continue;
    }
    if (value.IsNull()) continue;
    if (!value.IsSequence()) {
      ErrorAtNode(source, diagnostics, value, "'waivers' must be a list of waivers");
      continue;
    }
    for (const YamlNodePtr& item : value.items) {
      std::optional<Waiver> waiver = ReadWaiver(source, *item, rule_ids, diagnostics);
      if (waiver) file.waivers.push_back(std::move(*waiver));
    }
  }
  return file;
}

WaiverMatcher::WaiverMatcher(std::vector<Waiver>& waivers, const std::string& as_of) {
  // Dates are YYYY-MM-DD, so text order is date order.
  for (Waiver& waiver : waivers) {
    if (waiver.expires >= as_of) live_.push_back(&waiver);
  }
}

std::optional<WaiverApplied> WaiverMatcher::Match(const std::string& rule_id,
                                                  const std::string& record_id,
                                                  const std::string& unit) {
  for (Waiver* waiver : live_) {
    if (waiver->rule_id != rule_id) continue;
    bool covers = true;
    if (!waiver->records.empty()) {
      covers = std::find(waiver->records.begin(), waiver->records.end(), record_id) !=
               waiver->records.end();
    } else if (!waiver->unit.empty()) {
      covers = waiver->unit == unit;
    }
    if (!covers) continue;
    ++waiver->matched;
    return WaiverApplied{waiver->justification, waiver->approved_by, waiver->expires,
                         waiver->defined_at};
  }
  return std::nullopt;
}

namespace {

RuleOutcome WaiverRule(const char* id, const char* title, const char* message, const char* remedy,
                       GapSeverity severity) {
  RuleOutcome rule;
  rule.id = id;
  rule.title = title;
  rule.pack = "uofa";
  rule.subject = "waiver";
  rule.basis = "local";
  rule.severity = severity;
  rule.message = message;
  rule.remedy = remedy;
  return rule;
}

// What a waiver covers, as the finding's record id: "UOF-S6-5A: INC-1, INC-2".
std::string WaiverReference(const Waiver& waiver) {
  std::string text = waiver.rule_id;
  if (!waiver.records.empty()) {
    text += ": ";
    for (std::size_t i = 0; i < waiver.records.size(); ++i)
      text += (i ? ", " : "") + waiver.records[i];
  } else if (!waiver.unit.empty()) {
    text += ": unit " + waiver.unit;
  }
  return text;
}

void AddFinding(RuleOutcome& rule, const Waiver& waiver) {
  Finding finding;
  finding.verdict = Verdict::kFail;
  finding.record_id = WaiverReference(waiver);
  finding.location = waiver.defined_at;
  finding.evidence = {{"expires", waiver.expires},
                      {"approved_by", waiver.approved_by},
                      {"justification", waiver.justification}};
  rule.findings.push_back(std::move(finding));
  ++rule.failed;
}

}  // namespace

std::vector<RuleOutcome> WaiverChecks(const std::vector<Waiver>& waivers,
                                      const std::string& as_of) {
  RuleOutcome expired = WaiverRule(
      kWaiverExpiredRule, "Waivers are in date", "waiver has expired and no longer waives its gap",
      "Renew the waiver with a new approval and expiry date, or close the gap.",
      GapSeverity::kMedium);
  RuleOutcome unused =
      WaiverRule(kWaiverUnusedRule, "Waivers cover a gap", "waiver matches no failing record",
                 "Remove the waiver, or correct its rule, records or unit.", GapSeverity::kLow);
  for (const Waiver& waiver : waivers) {
    if (waiver.expires < as_of) {
      AddFinding(expired, waiver);
      continue;
    }
    ++expired.passed;
    if (waiver.matched == 0)
      AddFinding(unused, waiver);
    else
      ++unused.passed;
  }
  for (RuleOutcome* rule : {&expired, &unused}) {
    if (rule->failed > 0)
      rule->status = RuleStatus::kGap;
    else if (rule->passed > 0)
      rule->status = RuleStatus::kMet;
    else
      rule->status = RuleStatus::kNotApplicable;
  }
  return {expired, unused};
}

}  // namespace uofa
