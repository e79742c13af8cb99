// uofa import DIR: load an audit folder's records into the store, all of them or none.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/store_location.h"
#include "uofa/import.h"

namespace uofa::cli {
namespace {

struct ImportArguments {
  ImportOptions import;
  std::string db;
  std::string format = "text";
};

std::string PadLeft(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

std::string PadRight(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

std::string Counted(std::size_t count, const std::string& one, const std::string& many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

const char* StatusName(ImportStatus status) {
  switch (status) {
    case ImportStatus::kImported: return "imported";
    case ImportStatus::kUnchanged: return "unchanged";
    case ImportStatus::kRejected: return "rejected";
  }
  return "rejected";
}

// The counts of each kind, then their total. Without identifiers: counts only.
void WriteTable(const ImportSummary& summary) {
  std::size_t width = 5;
  for (const ImportKindCounts& kind : summary.kinds) width = std::max(width, kind.kind.size());
  const bool rejected = summary.status == ImportStatus::kRejected;
  std::cout << "  " << PadRight("kind", width)
            << (rejected ? "   read  rejected\n" : "   read    new  replaced  unchanged\n");
  ImportKindCounts total{"total"};
  auto row = [&](const ImportKindCounts& kind) {
    std::cout << "  " << PadRight(kind.kind, width) << PadLeft(std::to_string(kind.read), 7);
    if (rejected) {
      std::cout << PadLeft(std::to_string(kind.rejected), 10) << '\n';
    } else {
      std::cout << PadLeft(std::to_string(kind.added), 7) << PadLeft(std::to_string(kind.replaced), 10)
                << PadLeft(std::to_string(kind.unchanged), 11) << '\n';
    }
  };
  for (const ImportKindCounts& kind : summary.kinds) {
    row(kind);
    total.read += kind.read;
    total.added += kind.added;
    total.replaced += kind.replaced;
    total.unchanged += kind.unchanged;
    total.rejected += kind.rejected;
  }
  row(total);
}

void WriteText(const ImportSummary& summary, const std::string& store) {
  switch (summary.status) {
    case ImportStatus::kUnchanged:
      std::cout << "nothing to import: the " << Counted(summary.files, "file matches", "files match")
                << " import " << summary.import_id << " in '" << store << "'\n";
      return;
    case ImportStatus::kRejected:
      std::cout << "nothing imported into '" << store << "': "
                << Counted(summary.errors, "error", "errors") << " in the inputs (listed above)\n";
      WriteTable(summary);
      return;
    case ImportStatus::kImported:
      std::cout << "import " << summary.import_id << " in '" << store << "': "
                << Counted(summary.files, "file", "files") << '\n';
      WriteTable(summary);
      if (summary.warnings > 0) {
        std::cout << Counted(summary.warnings, "warning", "warnings")
                  << " (cells that could not be read; their records were imported)\n";
      }
      return;
  }
}

void WriteJson(const ImportSummary& summary, const std::string& store) {
  nlohmann::json kinds = nlohmann::json::array();
  for (const ImportKindCounts& kind : summary.kinds) {
    kinds.push_back({{"kind", kind.kind},
                     {"read", kind.read},
                     {"new", kind.added},
                     {"replaced", kind.replaced},
                     {"unchanged", kind.unchanged},
                     {"rejected", kind.rejected}});
  }
  // Positions and messages only: the source lines may hold identifying data.
  nlohmann::json problems = nlohmann::json::array();
  for (const Diagnostic& problem : summary.input_problems) {
    problems.push_back({{"file", problem.location.file},
                        {"line", problem.location.line},
                        {"column", problem.location.column},
                        {"severity", SeverityName(problem.severity)},
                        {"message", problem.message}});
  }
  nlohmann::json document = {{"schema", "uofa-import"},
                             {"schema_version", "1.0.0"},
                             {"status", StatusName(summary.status)},
                             {"store", store},
                             {"import_id", summary.import_id},
                             {"files", summary.files},
                             {"kinds", std::move(kinds)},
                             {"errors", summary.errors},
                             {"warnings", summary.warnings},
                             {"problems", std::move(problems)}};
  std::cout << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

int RunImportCommand(const ImportArguments& arguments) {
  if (arguments.format != "text" && arguments.format != "json") {
    std::cerr << "error: --format must be text or json\n";
    return kExitError;
  }
  ImportOptions options = arguments.import;
  options.store_path = StorePath(options.audit_dir, arguments.db);
  Diagnostics diagnostics;
  std::optional<ImportSummary> summary = ImportAudit(options, diagnostics);
  PrintDiagnostics(diagnostics);
  if (!summary) return kExitError;
  // Each problem by its position and message, without the source line: it may hold a patient's
  // name or NHS number.
  Diagnostics problems;
  for (Diagnostic problem : summary->input_problems) {
    problem.source_line.clear();
    problems.Add(std::move(problem));
  }
  PrintDiagnostics(problems);
  if (arguments.format == "json")
    WriteJson(*summary, options.store_path);
  else
    WriteText(*summary, options.store_path);
  return summary->status == ImportStatus::kRejected ? kExitError : kExitOk;
}

}  // namespace

std::function<int()> SetUpImport(CLI::App& command) {
  auto arguments = std::make_shared<ImportArguments>();
  command.add_option("audit", arguments->import.audit_dir, "The audit folder to import (see the data contract)")
      ->required();
  AddRulesOption(command, &arguments->import.rules_root);
  command.add_option("--pack", arguments->import.packs,
                     "Pack whose schemas type the records (repeatable; default: uofa.yaml's packs, else all)");
  command.add_option("--db", arguments->db, "Audit store to import into (default: uofa.db in the audit folder)");
  command.add_option("--format,-f", arguments->format, "Output format: text or json")->capture_default_str();
  return [arguments] { return RunImportCommand(*arguments); };
}

}  // namespace uofa::cli
