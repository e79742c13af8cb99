// The one table of report formats: adding a format is one writer file and one row here.
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/report/writers.h"
#include "uofa/report.h"

namespace uofa {
namespace {

struct WriterEntry {
  std::string_view name;
  std::string_view description;
  report::WriterFunction write;
};

constexpr WriterEntry kWriters[] = {
    {"text", "plain text for a terminal: summary by provision, then every gap",
     report::WriteTextReport},
    {"json", "JSON with a versioned schema (docs/json-report.md): every rule and finding",
     report::WriteJsonReport},
    {"markdown", "Markdown tables: the text report for pull requests, wikis and papers",
     report::WriteMarkdownReport},
    {"html", "HTML for a board: one self-contained page with charts, printable to A4",
     report::WriteHtmlReport},
    {"sarif", "SARIF 2.1.0 for CI and code scanning: one result per failing record",
     report::WriteSarifReport},
    {"junit", "JUnit XML for CI test views: a testcase per rule, a failure per gap",
     report::WriteJunitReport},
    {"github", "GitHub Actions annotations: one ::error/::warning/::notice per failing record",
     report::WriteGithubReport},
    {"csv", "CSV (RFC 4180) for spreadsheets: one row per failing or undecided record",
     report::WriteCsvReport},
};

}  // namespace

std::vector<ReportFormatInfo> ReportFormats() {
  std::vector<ReportFormatInfo> formats;
  formats.reserve(std::size(kWriters));
  for (const WriterEntry& entry : kWriters) {
    formats.push_back({std::string(entry.name), std::string(entry.description)});
  }
  return formats;
}

bool WriteReport(std::string_view format, const AuditResult& result, const ReportOptions& options,
                 std::ostream& out, std::string* error) {
  for (const WriterEntry& entry : kWriters) {
    if (entry.name == format) {
      entry.write(result, options, out);
      return true;
    }
  }
  if (error != nullptr) *error = "unknown report format '" + std::string(format) + "'";
  return false;
}

}  // namespace uofa
