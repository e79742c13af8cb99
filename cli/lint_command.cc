// uofa lint [PACK...]: load the packs and report every problem in them.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common.h"
#include "uofa/rule_pack.h"

namespace uofa::cli {
namespace {

int RunLintCommand(const PackOptions& options) {
  std::unique_ptr<RuleBook> book = LoadRuleBook(options);
  if (!book) return kExitError;
  std::vector<PackInfo> packs = book->Packs();
  std::size_t rules = 0;
  for (const PackInfo& pack : packs) rules += pack.rule_count;
  std::cout << packs.size() << (packs.size() == 1 ? " pack, " : " packs, ") << rules
            << " rules: no problems" << (options.strict ? " (strict)" : "") << '\n';
  return kExitOk;
}

}  // namespace

std::function<int()> SetUpLint(CLI::App& command) {
  auto options = std::make_shared<PackOptions>();
  command.add_option("packs", options->packs, "Packs to check (ids or folders; default: all)");
  AddRulesOption(command, &options->rules_root);
  command.add_flag("--strict", options->strict, "Every rule must have a pass and a fail example");
  return [options] { return RunLintCommand(*options); };
}

}  // namespace uofa::cli
