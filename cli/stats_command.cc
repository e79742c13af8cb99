// uofa stats DIR: statistics of the use of force in an audit folder (include/uofa/statistics.h).
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common.h"
#include "uofa/statistics.h"

namespace uofa::cli {
namespace {

struct StatsArguments {
  StatisticsOptions options;
  std::string format = "text";
  std::string output;
  bool no_suppression = false;
};

int RunStatsCommand(const StatsArguments& arguments) {
  bool known = false;
  for (const std::string& format : StatisticsFormats()) known = known || format == arguments.format;
  if (!known) {
    std::cerr << "error: unknown statistics format '" << arguments.format << "'\n";
    return kExitError;
  }
  StatisticsOptions options = arguments.options;
  options.suppress = !arguments.no_suppression;
  Diagnostics diagnostics;
  std::optional<Statistics> statistics = ComputeStatistics(options, diagnostics);
  PrintDiagnostics(diagnostics);
  if (!statistics) return kExitError;
  std::string error;
  if (!arguments.output.empty() && arguments.output != "-") {
    std::ofstream file(arguments.output, std::ios::binary | std::ios::trunc);
    if (file) WriteStatistics(arguments.format, *statistics, file, &error);
    file.close();
    if (!file) {
      std::cerr << "error: cannot write '" << arguments.output << "'\n";
      return kExitError;
    }
  } else {
    WriteStatistics(arguments.format, *statistics, std::cout, &error);
    std::cout.flush();
  }
  return kExitOk;
}

}  // namespace

std::function<int()> SetUpStats(CLI::App& command) {
  auto arguments = std::make_shared<StatsArguments>();
  command.add_option("audit", arguments->options.audit_dir, "Audit folder (see the data contract)")->required();
  AddRulesOption(command, &arguments->options.rules_root);
  command.add_option("--as-of", arguments->options.as_of,
                     "Audit date, YYYY-MM-DD (default: uofa.yaml's as_of, else today)");
  std::string formats;
  for (const std::string& format : StatisticsFormats()) formats += (formats.empty() ? "" : "|") + format;
  command.add_option("--format,-f", arguments->format, "Output format: " + formats)->capture_default_str();
  command.add_option("-o,--output", arguments->output, "Write to this file ('-' for standard output)");
  command.add_option("--run-length", arguments->options.run_length,
                     "SPC: months on one side of the mean that make a shift")
      ->capture_default_str()
      ->check(CLI::Range(2, 100));
  command.add_option("--trend-length", arguments->options.trend_length,
                     "SPC: months rising or falling that make a trend")
      ->capture_default_str()
      ->check(CLI::Range(2, 100));
  command.add_flag("--no-suppression", arguments->no_suppression,
                   "Show exact small counts (internal use only: not for publication)");
  return [arguments] { return RunStatsCommand(*arguments); };
}

}  // namespace uofa::cli
