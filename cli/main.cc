// uofa: compliance checks for the Mental Health Units (Use of Force) Act 2018.
#include <sys/stat.h>

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <vector>

#include "cli/command.h"
#include "uofa/engine.h"

namespace uofa::cli {
namespace {

// The subcommands, in the order --help lists them.
const std::vector<CommandSpec>& Commands() {
  static const std::vector<CommandSpec> commands = {
      {"check", "Audit a trust's evidence against the rule packs and report the gaps", SetUpCheck},
      {"stats", "Statistics of the use of force: counts, rates, SPC charts, funnel plot, disparity", SetUpStats},
      {"test", "Run every rule's own pass and fail examples", SetUpTest},
      {"lint", "Load the rule packs and report every problem in them", SetUpLint},
      {"rules", "List the rules, show one, or write the rule catalogue", SetUpRules},
      {"import", "Load an audit folder's records into the store, all or nothing", SetUpImport},
      {"history", "List the audit runs (or the imports) recorded in the store", SetUpHistory},
      {"diff", "Show the gaps opened and closed between two recorded runs", SetUpDiff},
      {"map", "Propose the column mapping of a trust's own export", SetUpMap},
      {"gen", "Write a synthetic audit folder of any size, with gaps planted at known rates", SetUpGen},
  };
  return commands;
}

int Main(int argc, char** argv) {
  // Reports and stores hold health data: whatever uofa creates is readable by its owner only.
  ::umask(077);

  CLI::App app{"uofa: Mental Health Units (Use of Force) Act 2018 compliance checks", "uofa"};
  app.set_version_flag("--version", std::string("uofa ") + Version());
  app.require_subcommand(1);
  std::function<int()> run;
  for (const CommandSpec& spec : Commands()) {
    CLI::App* command = app.add_subcommand(spec.name, spec.description);
    auto runner = spec.setup(*command);
    command->callback([&run, runner] { run = runner; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? kExitOk : kExitError;
  }
  return run ? run() : kExitError;
}

}  // namespace
}  // namespace uofa::cli

int main(int argc, char** argv) {
  try {
    return uofa::cli::Main(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "uofa: internal error: " << error.what() << '\n';
    return uofa::cli::kExitError;
  }
}
