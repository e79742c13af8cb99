// uofa history [DIR]: the audit runs recorded in the store, oldest first; with --imports, the
// imports of records (uofa import).
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/store_location.h"
#include "uofa/store.h"

namespace uofa::cli {
namespace {

struct HistoryArguments {
  std::string audit_dir = ".";
  std::string db;
  std::string format = "text";
  bool imports = false;
};

std::string PackList(const StoredRun& run) {
  std::string text;
  for (const PackSummary& pack : run.packs)
    text += (text.empty() ? "" : ", ") + pack.id + " " + pack.version;
  return text.empty() ? "-" : text;
}

std::string PadLeft(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

void WriteText(const std::vector<StoredRun>& runs, const std::string& path) {
  if (runs.empty()) {
    std::cout << "no runs recorded in '" << path << "'\n";
    return;
  }
  std::cout << "  run  recorded              as of       high  medium  low  waived  packs\n";
  std::string audit_dir;
  for (const StoredRun& run : runs) {
    if (run.audit_dir != audit_dir) {
      audit_dir = run.audit_dir;
      std::cout << audit_dir << '\n';
    }
    std::cout << PadLeft(std::to_string(run.id), 5) << "  " << run.recorded_at << "  " << run.as_of
              << PadLeft(std::to_string(run.gaps_high), 6)
              << PadLeft(std::to_string(run.gaps_medium), 8)
              << PadLeft(std::to_string(run.gaps_low), 5) << PadLeft(std::to_string(run.waived), 8)
              << "  " << PackList(run) << '\n';
  }
}

void WriteJson(const std::vector<StoredRun>& runs) {
  nlohmann::json items = nlohmann::json::array();
  for (const StoredRun& run : runs) {
    nlohmann::json packs = nlohmann::json::array();
    for (const PackSummary& pack : run.packs) {
      packs.push_back({{"id", pack.id}, {"title", pack.title}, {"version", pack.version}});
    }
    items.push_back(
        {{"id", run.id},
         {"recorded_at", run.recorded_at},
         {"audit_dir", run.audit_dir},
         {"as_of", run.as_of},
         {"tool_version", run.tool_version},
         {"packs", std::move(packs)},
         {"gaps", {{"high", run.gaps_high}, {"medium", run.gaps_medium}, {"low", run.gaps_low}}},
         {"waived", run.waived}});
  }
  nlohmann::json document = {
      {"schema", "uofa-history"}, {"schema_version", "1.0.0"}, {"runs", std::move(items)}};
  std::cout << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void WriteImportsText(const std::vector<StoredImport>& imports, const std::string& path) {
  if (imports.empty()) {
    std::cout << "no imports recorded in '" << path << "'\n";
    return;
  }
  std::cout << "  import  imported              files    read     new  replaced  unchanged  warnings\n";
  std::string audit_dir;
  for (const StoredImport& item : imports) {
    if (item.audit_dir != audit_dir) {
      audit_dir = item.audit_dir;
      std::cout << audit_dir << '\n';
    }
    std::cout << PadLeft(std::to_string(item.id), 8) << "  " << item.imported_at
              << PadLeft(std::to_string(item.files), 7) << PadLeft(std::to_string(item.read), 8)
              << PadLeft(std::to_string(item.added), 8) << PadLeft(std::to_string(item.replaced), 10)
              << PadLeft(std::to_string(item.unchanged), 11) << PadLeft(std::to_string(item.warnings), 10)
              << '\n';
  }
}

void WriteImportsJson(const std::vector<StoredImport>& imports) {
  nlohmann::json items = nlohmann::json::array();
  for (const StoredImport& item : imports) {
    items.push_back({{"id", item.id},
                     {"imported_at", item.imported_at},
                     {"audit_dir", item.audit_dir},
                     {"tool_version", item.tool_version},
                     {"files", item.files},
                     {"records", {{"read", item.read},
                                  {"new", item.added},
                                  {"replaced", item.replaced},
                                  {"unchanged", item.unchanged}}},
                     {"warnings", item.warnings}});
  }
  nlohmann::json document = {
      {"schema", "uofa-import-history"}, {"schema_version", "1.0.0"}, {"imports", std::move(items)}};
  std::cout << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

int RunHistory(const HistoryArguments& arguments) {
  if (arguments.format != "text" && arguments.format != "json") {
    std::cerr << "error: --format must be text or json\n";
    return kExitError;
  }
  const std::string path = StorePath(arguments.audit_dir, arguments.db);
  std::string error;
  std::unique_ptr<AuditStore> store = AuditStore::Open(path, false, &error);
  if (arguments.imports) {
    std::optional<std::vector<StoredImport>> imports;
    if (store) imports = store->Imports(&error);
    if (!imports) {
      std::cerr << "error: " << error << '\n';
      return kExitError;
    }
    if (arguments.format == "json")
      WriteImportsJson(*imports);
    else
      WriteImportsText(*imports, path);
    return kExitOk;
  }
  std::optional<std::vector<StoredRun>> runs;
  if (store) runs = store->Runs(&error);
  if (!runs) {
    std::cerr << "error: " << error << '\n';
    return kExitError;
  }
  if (arguments.format == "json")
    WriteJson(*runs);
  else
    WriteText(*runs, path);
  return kExitOk;
}

}  // namespace

std::function<int()> SetUpHistory(CLI::App& command) {
  auto arguments = std::make_shared<HistoryArguments>();
  command.add_option("audit", arguments->audit_dir,
                     "Audit folder whose uofa.db to read (default: .)");
  command.add_option("--db", arguments->db,
                     "Audit store to read (default: uofa.db in the audit folder)");
  command.add_option("--format,-f", arguments->format, "Output format: text or json")
      ->capture_default_str();
  command.add_flag("--imports", arguments->imports, "List the imports of records (uofa import) instead of the runs");
  return [arguments] { return RunHistory(*arguments); };
}

}  // namespace uofa::cli
