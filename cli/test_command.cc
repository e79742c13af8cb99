// uofa test [PACK...]: run every rule's examples; any unexpected verdict fails.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common.h"
#include "uofa/diagnostic.h"
#include "uofa/rule_pack.h"

namespace uofa::cli {
namespace {

struct TestArguments {
  PackOptions packs;
  std::vector<std::string> rule_ids;
  std::string as_of = "2025-12-31";
  bool verbose = false;
};

std::string Where(const SourceLocation& at) {
  return at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

int RunTestCommand(const TestArguments& arguments) {
  std::unique_ptr<RuleBook> book = LoadRuleBook(arguments.packs);
  if (!book) return kExitError;
  ExampleTestReport report = book->RunExamples(arguments.rule_ids, arguments.as_of);
  for (const ExampleOutcome& outcome : report.outcomes) {
    if (outcome.ok() && !arguments.verbose) continue;
    std::cout << Where(outcome.at) << ": " << (outcome.ok() ? "ok" : "FAIL") << ": " << outcome.rule_id
              << " '" << outcome.example << "': expected " << VerdictName(outcome.expected)
              << ", got " << VerdictName(outcome.actual);
    if (!outcome.detail.empty()) std::cout << " (" << outcome.detail << ")";
    std::cout << '\n';
  }
  for (const std::string& id : report.unmatched_rule_ids) {
    std::cerr << "error: no rule '" << id << "' in the loaded packs\n";
  }
  std::cout << "rule examples: " << report.passed << " passed, " << report.failed << " failed\n";
  if (!report.unmatched_rule_ids.empty()) return kExitError;
  return report.failed == 0 ? kExitOk : kExitGaps;
}

}  // namespace

std::function<int()> SetUpTest(CLI::App& command) {
  auto arguments = std::make_shared<TestArguments>();
  command.add_option("packs", arguments->packs.packs, "Packs to test (ids or folders; default: all)");
  AddRulesOption(command, &arguments->packs.rules_root);
  command.add_option("--rule", arguments->rule_ids, "Only this rule (repeatable)");
  command.add_option("--as-of", arguments->as_of, "Date for examples that do not set their own")
      ->capture_default_str();
  command.add_flag("--strict", arguments->packs.strict, "Also require a pass and a fail example per rule");
  command.add_flag("-v,--verbose", arguments->verbose, "List every example, not only failures");
  return [arguments] { return RunTestCommand(*arguments); };
}

}  // namespace uofa::cli
