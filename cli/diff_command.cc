// uofa diff [RUN_A] [RUN_B]: gaps opened, closed and persisting between two recorded runs.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/store_location.h"
#include "uofa/store.h"

namespace uofa::cli {
namespace {

struct DiffArguments {
  std::vector<std::int64_t> runs;
  std::string audit_dir = ".";
  std::string db;
  std::string format = "text";
};

const StoredRun* FindRun(const std::vector<StoredRun>& runs, std::int64_t id) {
  for (const StoredRun& run : runs) {
    if (run.id == id) return &run;
  }
  return nullptr;
}

// Without run ids: the latest run and the one before it of the same audit folder. With one id:
// that run and the latest.
bool ChooseRuns(const DiffArguments& arguments, const std::vector<StoredRun>& runs,
                const StoredRun*& before, const StoredRun*& after, std::string& error) {
  if (arguments.runs.size() > 2) {
    error = "give at most two run ids";
    return false;
  }
  if (runs.empty()) {
    error = "no runs recorded yet";
    return false;
  }
  if (arguments.runs.size() == 2) {
    before = FindRun(runs, arguments.runs[0]);
    after = FindRun(runs, arguments.runs[1]);
  } else if (arguments.runs.size() == 1) {
    before = FindRun(runs, arguments.runs[0]);
    after = &runs.back();
  } else {
    after = &runs.back();
    before = nullptr;
    for (const StoredRun& run : runs) {
      if (run.id < after->id && run.audit_dir == after->audit_dir) before = &run;
    }
    if (before == nullptr) {
      error = "only one run of '" + after->audit_dir + "' is recorded: nothing to compare it with";
      return false;
    }
  }
  for (std::size_t i = 0; i < arguments.runs.size(); ++i) {
    if ((i == 0 ? before : after) == nullptr) {
      error = "no run " + std::to_string(arguments.runs[i]) + " in the store";
      return false;
    }
  }
  return true;
}

std::string RunLabel(const StoredRun& run) {
  return "run " + std::to_string(run.id) + " (" + run.recorded_at + ", as of " + run.as_of + ")";
}

void WriteText(const StoredRun& before, const StoredRun& after, const RunComparison& comparison) {
  std::size_t counts[3] = {0, 0, 0};
  for (const GapChange& change : comparison.changes) ++counts[static_cast<int>(change.kind)];
  std::cout << RunLabel(before) << " -> " << RunLabel(after) << '\n'
            << counts[0] << " opened, " << counts[1] << " closed, " << counts[2] << " persisting\n";
  for (GapChangeKind kind : {GapChangeKind::kOpened, GapChangeKind::kClosed}) {
    for (const GapChange& change : comparison.changes) {
      if (change.kind != kind) continue;
      std::cout << GapChangeKindName(kind) << "  " << GapSeverityName(change.severity) << "  "
                << change.rule_id << "  "
                << (change.record_id.empty() ? "(rule)" : change.record_id) << "  "
                << change.rule_title << '\n';
    }
  }
}

void WriteJson(const StoredRun& before, const StoredRun& after, const RunComparison& comparison) {
  nlohmann::json changes = nlohmann::json::array();
  for (const GapChange& change : comparison.changes) {
    changes.push_back({{"change", GapChangeKindName(change.kind)},
                       {"rule_id", change.rule_id},
                       {"rule_title", change.rule_title},
                       {"record_id", change.record_id},
                       {"severity", GapSeverityName(change.severity)}});
  }
  auto run = [](const StoredRun& stored) {
    return nlohmann::json{{"id", stored.id},
                          {"recorded_at", stored.recorded_at},
                          {"audit_dir", stored.audit_dir},
                          {"as_of", stored.as_of}};
  };
  nlohmann::json document = {{"schema", "uofa-diff"},
                             {"schema_version", "1.0.0"},
                             {"before", run(before)},
                             {"after", run(after)},
                             {"changes", std::move(changes)}};
  std::cout << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

int RunDiff(const DiffArguments& arguments) {
  if (arguments.format != "text" && arguments.format != "json") {
    std::cerr << "error: --format must be text or json\n";
    return kExitError;
  }
  const std::string path = StorePath(arguments.audit_dir, arguments.db);
  std::string error;
  std::unique_ptr<AuditStore> store = AuditStore::Open(path, false, &error);
  std::optional<std::vector<StoredRun>> runs;
  if (store) runs = store->Runs(&error);
  const StoredRun* before = nullptr;
  const StoredRun* after = nullptr;
  std::optional<RunComparison> comparison;
  if (runs && ChooseRuns(arguments, *runs, before, after, error)) {
    comparison = store->Compare(before->id, after->id, &error);
  }
  if (!comparison) {
    std::cerr << "error: " << error << '\n';
    return kExitError;
  }
  if (arguments.format == "json")
    WriteJson(*before, *after, *comparison);
  else
    WriteText(*before, *after, *comparison);
  return kExitOk;
}

}  // namespace

std::function<int()> SetUpDiff(CLI::App& command) {
  auto arguments = std::make_shared<DiffArguments>();
  command.add_option("runs", arguments->runs,
                     "RUN_A RUN_B: run ids (default: the latest run and the one before it)");
  command.add_option("--audit", arguments->audit_dir,
                     "Audit folder whose uofa.db to read (default: .)");
  command.add_option("--db", arguments->db,
                     "Audit store to read (default: uofa.db in the audit folder)");
  command.add_option("--format,-f", arguments->format, "Output format: text or json")
      ->capture_default_str();
  return [arguments] { return RunDiff(*arguments); };
}

}  // namespace uofa::cli
