// Patient names and NHS numbers never reach a report unless identifiers are asked for, in every
// registered format (so a format added later is covered without touching this test), and the
// files the command writes are readable by their owner only.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <sstream>
#include <string>
#include <vector>

#include "tests/unit/hostile/hostile_support.h"
#include "uofa/engine.h"
#include "uofa/report.h"

namespace uofa {
namespace {

// Planted in tests/unit/privacy/fixtures/audit on records that fail rules.
const std::vector<std::string> kIdentifiers = {
    "Zebedee", "Quixotic", "Philomena", "Strudwick", "9434765919", "943 476 5919", "9434765918",
};

std::string FixtureAudit() { return std::string(UOFA_SOURCE_DIR) + "/tests/unit/privacy/fixtures/audit"; }

AuditResult Audit(bool show_identifiers) {
  CheckOptions options;
  options.audit_dir = FixtureAudit();
  options.rules_root = std::string(UOFA_SOURCE_DIR) + "/rules";
  options.show_identifiers = show_identifiers;
  options.statistics = true;  // the html and markdown reports show them
  Diagnostics diagnostics;
  std::optional<AuditResult> result = RunCheck(options, diagnostics);
  INFO(diagnostics.Format());
  REQUIRE(result.has_value());
  return *result;
}

std::string Report(const std::string& format, const AuditResult& result) {
  std::ostringstream out;
  std::string error;
  ReportOptions options;
  options.max_examples = 100;
  REQUIRE_MESSAGE(WriteReport(format, result, options, out, &error), error);
  return out.str();
}

bool HasGap(const AuditResult& result) {
  for (const RuleOutcome& rule : result.rules) {
    if (rule.status == RuleStatus::kGap) return true;
  }
  return false;
}

TEST_CASE("privacy: no report format shows a patient's name or NHS number by default") {
  AuditResult result = Audit(/*show_identifiers=*/false);
  REQUIRE(HasGap(result));
  REQUIRE_FALSE(ReportFormats().empty());
  for (const ReportFormatInfo& format : ReportFormats()) {
    std::string report = Report(format.name, result);
    CHECK_MESSAGE(!report.empty(), format.name);
    for (const std::string& identifier : kIdentifiers) {
      CHECK_MESSAGE(report.find(identifier) == std::string::npos,
                    "format '" << format.name << "' shows '" << identifier << "'");
    }
  }
}

TEST_CASE("privacy: --show-identifiers shows them") {
  AuditResult result = Audit(/*show_identifiers=*/true);
  for (const ReportFormatInfo& format : ReportFormats()) {
    if (format.name == "text") continue;  // the text report lists record ids, not evidence
    std::string report = Report(format.name, result);
    bool any = false;
    for (const std::string& identifier : kIdentifiers) {
      any = any || report.find(identifier) != std::string::npos;
    }
    CHECK_MESSAGE(any, "format '" << format.name << "' shows no identifier even when asked");
  }
}

TEST_CASE("privacy: report files written with -o are readable by their owner only") {
  testing::TempFolder scratch;
  std::string arguments =
      "check '" + FixtureAudit() + "' --fail-on none --db '" + (scratch / "uofa.db") + "'";
  std::vector<std::string> files = {scratch / "uofa.db"};
  for (const ReportFormatInfo& format : ReportFormats()) {
    files.push_back(scratch / ("report-" + format.name));
    arguments += " -f " + format.name + " -o '" + files.back() + "'";
  }
  testing::CommandRun run = testing::RunUofa(arguments, scratch);
  INFO(run.output);
  CHECK(run.exit_code == 0);
  for (const std::string& file : files) {
    struct stat info {};
    REQUIRE_MESSAGE(::stat(file.c_str(), &info) == 0, file);
    CHECK_MESSAGE((info.st_mode & 0777) == 0600, file);
    std::string report = testing::ReadText(file);  // the store too: evidence is kept redacted
    for (const std::string& identifier : kIdentifiers) {
      CHECK_MESSAGE(report.find(identifier) == std::string::npos, file << " shows " << identifier);
    }
  }
}

}  // namespace
}  // namespace uofa
