// Helpers shared by the subcommands: where the rule packs are, printing diagnostics.
#ifndef UOFA_CLI_COMMON_H_
#define UOFA_CLI_COMMON_H_

#include <CLI/CLI.hpp>

#include <string>

#include "uofa/diagnostic.h"
#include "uofa/rule_pack.h"

namespace uofa::cli {

/// Adds `--rules DIR` to a command. The default is $UOFA_RULES, else the rules folder of the
/// source tree uofa was built from.
void AddRulesOption(CLI::App& command, std::string* rules_root);

/// Prints diagnostics to stderr in the `path:line:col: error: message` form.
void PrintDiagnostics(const Diagnostics& diagnostics);

/// Loads packs, printing every problem; nullptr when there was an error.
std::unique_ptr<RuleBook> LoadRuleBook(const PackOptions& options);

}  // namespace uofa::cli

#endif  // UOFA_CLI_COMMON_H_
