// An audit streams child tables beside incidents.csv without first checking their order, and
// reads the incidents again, checked first, when a child table turns out to be out of order
// (RunCheck, RunAudit, joined_table.cc): the result is the one the tables in order give.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/unit/eval/check_support.h"
#include "tests/unit/hostile/hostile_support.h"
#include "uofa/engine.h"

namespace uofa {
namespace {

using testing::CheckFolder;
using testing::TempFolder;

namespace fs = std::filesystem;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A copy of the sample audit folder in `folder`, with the first data row of
// incidents/interventions.csv moved to the end when `first_row_last`.
void CopySample(const TempFolder& folder, bool first_row_last) {
  const fs::path sample = fs::path(UOFA_SOURCE_DIR) / "samples/example-trust";
  fs::copy(sample, folder.path(), fs::copy_options::recursive);
  fs::remove(folder.path() / "uofa.db");
  if (!first_row_last) return;
  const fs::path interventions = folder.path() / "incidents/interventions.csv";
  std::string text = ReadText(interventions);
  const std::size_t header_end = text.find('\n') + 1;
  const std::size_t first_end = text.find('\n', header_end) + 1;
  const std::string first = text.substr(header_end, first_end - header_end);
  text.erase(header_end, first_end - header_end);
  folder.Write("incidents/interventions.csv", text + first);
}

// Each rule's counts, status and failing records (documents by their path in `folder`), one line
// a rule.
std::vector<std::string> Outcomes(const AuditResult& result, const TempFolder& folder) {
  const std::string prefix = folder.path().string() + "/";
  std::vector<std::string> lines;
  for (const RuleOutcome& rule : result.rules) {
    std::string line = rule.id + " pass " + std::to_string(rule.passed) + " fail " +
                       std::to_string(rule.failed) + " n/a " +
                       std::to_string(rule.not_applicable) + " ind " +
                       std::to_string(rule.indeterminate) + " waived " +
                       std::to_string(rule.waived) + " status " +
                       std::to_string(static_cast<int>(rule.status)) + ":";
    for (const Finding& finding : rule.findings) {
      std::string id = finding.record_id;
      if (id.starts_with(prefix)) id.erase(0, prefix.size());
      line += " " + id;
    }
    lines.push_back(line);
  }
  return lines;
}

// Each input problem's file name and message, sorted (the moved row's line differs).
std::vector<std::string> Problems(const AuditResult& result) {
  std::vector<std::string> lines;
  for (const Diagnostic& problem : result.input_problems) {
    lines.push_back(fs::path(problem.location.file).filename().string() + ": " + problem.message);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

TEST_CASE("an audit whose child table is found out of order at its last row is read again") {
  TempFolder in_order;
  CopySample(in_order, /*first_row_last=*/false);
  TempFolder out_of_order;
  CopySample(out_of_order, /*first_row_last=*/true);
  const AuditResult expected = CheckFolder(in_order);
  const AuditResult result = CheckFolder(out_of_order);
  CHECK(Outcomes(result, out_of_order) == Outcomes(expected, in_order));
  CHECK(Problems(result) == Problems(expected));
  CHECK(result.records_read == expected.records_read);
  CHECK(result.records_rejected == expected.records_rejected);
  CHECK(result.records_evaluated == expected.records_evaluated);
  // The sample's waivers cover failing records: each counted once.
  std::size_t waived = 0;
  for (const RuleOutcome& rule : result.rules) waived += rule.waived;
  CHECK(waived > 0);
}

}  // namespace
}  // namespace uofa
