// uofa gen: writes a synthetic audit folder of any size, with gaps planted at known rates
// (include/uofa/generator.h), and prints how many records each planted gap makes fail.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common.h"
#include "uofa/generator.h"

namespace uofa::cli {
namespace {

struct GenArguments {
  GenerateOptions options;
  std::string format = "text";
};

int RunGenCommand(const GenArguments& arguments) {
  Diagnostics diagnostics;
  std::optional<GeneratedAudit> audit = GenerateAudit(arguments.options, diagnostics);
  PrintDiagnostics(diagnostics);
  if (!audit) return kExitError;
  std::cout << (arguments.format == "json" ? FormatPlantedJson(*audit) : FormatPlanted(*audit));
  std::cout.flush();
  return kExitOk;
}

}  // namespace

std::function<int()> SetUpGen(CLI::App& command) {
  auto arguments = std::make_shared<GenArguments>();
  command.add_option("--incidents,-n", arguments->options.incidents, "Uses of force to generate")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{100'000'000}));
  command.add_option("--seed", arguments->options.seed, "Random seed: the same seed gives the same files")
      ->capture_default_str();
  command.add_option("--out,-o", arguments->options.out_dir, "Audit folder to write (created when missing)")
      ->required();
  command.add_option("--threads,-j", arguments->options.threads, "Worker threads (0: one per core, at most 8)")
      ->capture_default_str()
      ->check(CLI::Range(0, 64));
  command.add_flag("--force", arguments->options.force, "Write into a folder that is not empty");
  command.add_option("--format,-f", arguments->format, "Output format of the planted counts: text|json")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json"}));
  return [arguments] { return RunGenCommand(*arguments); };
}

}  // namespace uofa::cli
