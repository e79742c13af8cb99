// Audit results built by hand for the store tests.
#ifndef UOFA_TESTS_UNIT_STORE_STORE_TESTING_H_
#define UOFA_TESTS_UNIT_STORE_STORE_TESTING_H_

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "uofa/finding.h"

namespace uofa::store_testing {

/// A private temporary folder, removed at the end of the test.
class TempFolder {
 public:
  TempFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "uofa-store-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempFolder() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  std::string operator/(const std::string& relative) const { return (path_ / relative).string(); }

  /// Writes `text` to `relative`, creating its folders; returns the file's path.
  std::string Write(const std::string& relative, const std::string& text) const {
    std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

/// A rule with a failing finding for each of `failing` (status gap when there is one).
inline RuleOutcome RuleWithFailures(const std::string& id, GapSeverity severity,
                                    const std::vector<std::string>& failing) {
  RuleOutcome rule;
  rule.id = id;
  rule.title = "title of " + id;
  rule.pack = "uof-act-2018";
  rule.subject = "incident";
  rule.severity = severity;
  rule.message = "message of " + id;
  rule.passed = 10;
  rule.failed = failing.size();
  rule.status = failing.empty() ? RuleStatus::kMet : RuleStatus::kGap;
  for (const std::string& record : failing) {
    Finding finding;
    finding.verdict = Verdict::kFail;
    finding.record_id = record;
    finding.location = {"incidents/incidents.csv", 3, 1};
    finding.evidence = {{"reason_code", "(missing)"}, {"patient.nhs_number", "[redacted]"}};
    rule.findings.push_back(finding);
  }
  return rule;
}

/// An audit of `audit_dir` with the given rules.
inline AuditResult AuditWith(const std::string& audit_dir, std::vector<RuleOutcome> rules) {
  AuditResult result;
  result.tool_version = "0.1.0";
  result.audit_dir = audit_dir;
  result.as_of = "2025-12-31";
  result.packs = {{"uof-act-2018", "Mental Health Units (Use of Force) Act 2018", "2018"}};
  result.parameters = {{"uof-act-2018", "record_within_hours", "12", "24", true, "unverified"}};
  result.inputs = {{"incidents/incidents.csv", "incident", 3}};
  result.rules = std::move(rules);
  return result;
}

}  // namespace uofa::store_testing

#endif  // UOFA_TESTS_UNIT_STORE_STORE_TESTING_H_
