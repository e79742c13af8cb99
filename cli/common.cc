#include "cli/common.h"

#include <cstdlib>
#include <iostream>

namespace uofa::cli {

void AddRulesOption(CLI::App& command, std::string* rules_root) {
  const char* from_environment = std::getenv("UOFA_RULES");
  *rules_root = from_environment != nullptr && *from_environment ? from_environment : UOFA_RULES_DIR;
  command.add_option("--rules", *rules_root, "Folder holding the rule packs (default: $UOFA_RULES or the bundled rules)")
      ->capture_default_str();
}

void PrintDiagnostics(const Diagnostics& diagnostics) {
  std::cerr << diagnostics.Format();
}

std::unique_ptr<RuleBook> LoadRuleBook(const PackOptions& options) {
  Diagnostics diagnostics;
  std::unique_ptr<RuleBook> book = RuleBook::Load(options, diagnostics);
  PrintDiagnostics(diagnostics);
  if (book == nullptr && !diagnostics.HasErrors()) {
    std::cerr << "error: the rule packs could not be loaded\n";
  }
  return book;
}

}  // namespace uofa::cli
