// uofa check DIR: audit a folder of evidence and write gap reports.
// uofa check FILE...: check policy documents on their own (for pre-commit hooks and CI).
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/command.h"
#include "cli/common.h"
#include "cli/store_location.h"
#include "uofa/engine.h"
#include "uofa/report.h"
#include "uofa/store.h"

namespace uofa::cli {
namespace {

struct CheckArguments {
  CheckOptions check;
  std::vector<std::string> inputs;  ///< one audit folder, or document files
  std::vector<std::string> formats;
  std::vector<std::string> outputs;
  std::string fail_on = "high";
  std::size_t max_examples = 5;
  std::string db;         ///< --db: the store; default: uofa.db in the audit folder
  bool no_store = false;  ///< --no-store: record nothing
  bool no_suppression = false;  ///< --no-suppression: exact small counts in statistics
};

// Compares the run with the previous run of the same audit folder and records it. Documents
// checked on their own are recorded only in a store named with --db. False (after printing why)
// when the store cannot be opened or written.
bool RecordInStore(const CheckArguments& arguments, const CheckOptions& check, AuditResult& result) {
  if (arguments.no_store) return true;
  if (check.audit_dir.empty() && arguments.db.empty()) return true;
  const std::string path = StorePath(check.audit_dir, arguments.db);
  std::string error;
  std::unique_ptr<AuditStore> store = AuditStore::Open(path, true, &error);
  if (store) {
    result.since_previous = store->CompareWithPrevious(result, &error);
    if (error.empty() && store->RecordRun(result, &error)) return true;
  }
  std::cerr << "error: " << error << " (use --db PATH to keep the history elsewhere, or --no-store)\n";
  return false;
}

bool HasInputErrors(const AuditResult& result) {
  for (const Diagnostic& problem : result.input_problems) {
    if (problem.severity == Severity::kError) return true;
  }
  return false;
}

// Where `uofa check` keeps its result: never freed. The process ends when the command returns, and
// the operating system takes its memory back at once, where freeing the findings of a national
// audit one by one takes about a fifth of a second at a million incidents (214,000 findings, each
// with strings of its own). Reachable from a static, so that leak checkers do not count it.
std::optional<AuditResult>& KeptResult() {
  static auto* result = new std::optional<AuditResult>();
  return *result;
}

int RunCheckCommand(const CheckArguments& arguments) {
  ReportOptions report_options;
  report_options.max_examples = arguments.max_examples;
  std::optional<GapSeverity> fail_on = ParseGapSeverity(arguments.fail_on);
  if (arguments.fail_on != "none" && !fail_on) {
    std::cerr << "error: --fail-on must be high, medium, low or none\n";
    return kExitError;
  }
  report_options.fail_on = fail_on;
  std::vector<std::string> formats = arguments.formats;
  if (formats.empty()) formats.push_back("text");
  if (arguments.outputs.size() > formats.size()) {
    std::cerr << "error: more -o files than --format options\n";
    return kExitError;
  }
  if (formats.size() - arguments.outputs.size() > 1) {
    std::cerr << "error: only one --format may write to standard output; give each other format its own -o\n";
    return kExitError;
  }
  bool known = true;
  for (const std::string& format : formats) {
    bool found = false;
    for (const ReportFormatInfo& info : ReportFormats()) found = found || info.name == format;
    if (!found) {
      std::cerr << "error: unknown report format '" << format << "'\n";
      known = false;
    }
  }
  if (!known) return kExitError;

  CheckOptions check = arguments.check;
  std::error_code error_code;
  if (arguments.inputs.size() == 1 && std::filesystem::is_directory(arguments.inputs[0], error_code)) {
    check.audit_dir = arguments.inputs[0];
  } else if (arguments.inputs.size() == 1 && !std::filesystem::exists(arguments.inputs[0], error_code)) {
    check.audit_dir = arguments.inputs[0];  // reported as a missing audit folder
  } else {
    for (const std::string& input : arguments.inputs) {
      if (std::filesystem::is_directory(input, error_code)) {
        std::cerr << "error: '" << input << "' is a folder; give one audit folder, or document files\n";
        return kExitError;
      }
    }
    check.documents = arguments.inputs;
  }
  // The board formats show the statistics of the use of force beside the findings of an audit
  // folder (documents checked on their own have none).
  for (const std::string& format : formats) {
    check.statistics = check.statistics || (!check.audit_dir.empty() && (format == "html" || format == "markdown"));
  }
  check.suppress_statistics = !arguments.no_suppression;
  check.release_in_background = true;  // while the run is recorded and the reports written
  Diagnostics diagnostics;
  std::optional<AuditResult>& result = KeptResult();
  result = RunCheck(check, diagnostics);
  PrintDiagnostics(diagnostics);
  if (!result) return kExitError;
  if (!RecordInStore(arguments, check, *result)) return kExitError;

  for (std::size_t i = 0; i < formats.size(); ++i) {
    ReportOptions options = report_options;
    std::string error;
    bool written;
    if (i < arguments.outputs.size() && arguments.outputs[i] != "-") {
      std::ofstream file(arguments.outputs[i], std::ios::binary | std::ios::trunc);
      if (!file) {
        std::cerr << "error: cannot write '" << arguments.outputs[i] << "'\n";
        return kExitError;
      }
      written = WriteReport(formats[i], *result, options, file, &error);
      file.close();
      if (!file) {
        std::cerr << "error: cannot write '" << arguments.outputs[i] << "'\n";
        return kExitError;
      }
    } else {
      options.color = formats[i] == "text" && ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
      written = WriteReport(formats[i], *result, options, std::cout, &error);
      std::cout.flush();
    }
    if (!written) {
      std::cerr << "error: " << error << '\n';
      return kExitError;
    }
  }
  if (HasInputErrors(*result)) return kExitError;
  if (fail_on && HasGapsAtOrAbove(*result, *fail_on)) return kExitGaps;
  return kExitOk;
}

}  // namespace

std::function<int()> SetUpCheck(CLI::App& command) {
  auto arguments = std::make_shared<CheckArguments>();
  command.add_option("inputs", arguments->inputs,
                     "An audit folder (see the data contract), or policy documents (.md, .txt) to check on their own")
      ->required();
  AddRulesOption(command, &arguments->check.rules_root);
  command.add_option("--as-of", arguments->check.as_of,
                     "Audit date, YYYY-MM-DD (default: uofa.yaml's as_of, else today)");
  command.add_option("--pack", arguments->check.packs, "Pack to run (repeatable; default: uofa.yaml's packs, else all)");
  std::string format_help = "Report format (repeatable, each with its own -o):";
  for (const ReportFormatInfo& info : ReportFormats()) format_help += " " + info.name;
  command.add_option("--format,-f", arguments->formats, format_help);
  command.add_option("-o,--output", arguments->outputs,
                     "Write the report of the matching --format to this file ('-' for standard output)");
  command.add_option("--fail-on", arguments->fail_on,
                     "Exit 1 when a gap of this severity or higher is found: high, medium, low or none")
      ->capture_default_str();
  command.add_option("--max-examples", arguments->max_examples,
                     "Failing records listed per gap in the text and markdown reports")
      ->capture_default_str();
  command.add_flag("--no-suppression", arguments->no_suppression,
                   "Show exact small counts in the statistics of the html and markdown reports (internal use only)");
  command.add_flag("--show-identifiers", arguments->check.show_identifiers,
                   "Show patient names and NHS numbers in reports (redacted by default)");
  command.add_option("--db", arguments->db,
                     "Audit store to record the run in and compare with (default: uofa.db in the audit folder)");
  command.add_flag("--no-store", arguments->no_store, "Record nothing and compare with no earlier run");
  return [arguments] { return RunCheckCommand(*arguments); };
}

}  // namespace uofa::cli
