// uofa map suggest FILE: propose the mapping of a trust's own export for uofa.yaml.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common.h"
#include "uofa/mapping.h"

namespace uofa::cli {
namespace {

int RunSuggest(const MappingSuggestOptions& options) {
  Diagnostics diagnostics;
  std::optional<std::string> yaml = SuggestMapping(options, diagnostics);
  PrintDiagnostics(diagnostics);
  if (!yaml) return kExitError;
  std::cout << *yaml;
  return kExitOk;
}

}  // namespace

std::function<int()> SetUpMap(CLI::App& command) {
  command.require_subcommand(1);
  auto options = std::make_shared<MappingSuggestOptions>();
  CLI::App* suggest = command.add_subcommand(
      "suggest",
      "Propose a mapping for an export from its header and values, to edit into uofa.yaml");
  suggest->add_option("file", options->file, "The export (CSV)")->required();
  suggest->add_option(
      "--kind", options->kind,
      "Record kind it holds: incident, intervention, patient, ... (default: guessed)");
  AddRulesOption(*suggest, &options->rules_root);
  return [options] { return RunSuggest(*options); };
}

}  // namespace uofa::cli
