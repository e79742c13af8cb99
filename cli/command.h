// Subcommands: each is a row in the table in main.cc, set up by one function in its own file.
#ifndef UOFA_CLI_COMMAND_H_
#define UOFA_CLI_COMMAND_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace uofa::cli {

/// Exit codes (DESIGN.md): no gap at or above --fail-on; gaps; usage, rule or input errors.
enum ExitCode { kExitOk = 0, kExitGaps = 1, kExitError = 2 };

/// Adds a subcommand's options to `command` and returns what runs it.
using CommandSetup = std::function<std::function<int()>(CLI::App& command)>;

struct CommandSpec {
  const char* name;
  const char* description;
  CommandSetup setup;
};

std::function<int()> SetUpCheck(CLI::App& command);
std::function<int()> SetUpStats(CLI::App& command);
std::function<int()> SetUpTest(CLI::App& command);
std::function<int()> SetUpLint(CLI::App& command);
std::function<int()> SetUpRules(CLI::App& command);
std::function<int()> SetUpImport(CLI::App& command);
std::function<int()> SetUpHistory(CLI::App& command);
std::function<int()> SetUpDiff(CLI::App& command);
std::function<int()> SetUpMap(CLI::App& command);
std::function<int()> SetUpGen(CLI::App& command);

}  // namespace uofa::cli

#endif  // UOFA_CLI_COMMAND_H_
