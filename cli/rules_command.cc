// uofa rules list | show ID | doc: what the loaded packs check.
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/common.h"
#include "uofa/rule_pack.h"

namespace uofa::cli {
namespace {

struct RulesArguments {
  PackOptions packs;
  std::string rule_id;
  std::string output;          // doc: "" writes to stdout
  std::string coverage;        // doc: the coverage list; "" uses <rules>/coverage.yaml if any
  bool no_coverage = false;    // doc: leave the coverage table out
  bool check_coverage = false; // doc: exit 1 when an entry is not covered
};

std::string Provisions(const RuleInfo& rule) {
  std::string out;
  for (const Citation& citation : rule.citations) {
    if (!out.empty()) out += ", ";
    out += citation.provision;
  }
  return out;
}

int ListRules(const RulesArguments& arguments) {
  std::unique_ptr<RuleBook> book = LoadRuleBook(arguments.packs);
  if (!book) return kExitError;
  for (const RuleInfo& rule : book->Rules()) {
    std::cout << std::left << std::setw(20) << rule.id << ' ' << std::setw(7)
              << GapSeverityName(rule.severity) << ' ' << std::setw(18) << Provisions(rule) << ' '
              << rule.title << '\n';
  }
  return kExitOk;
}

int ShowRule(const RulesArguments& arguments) {
  std::unique_ptr<RuleBook> book = LoadRuleBook(arguments.packs);
  if (!book) return kExitError;
  std::optional<RuleInfo> found = book->FindRule(arguments.rule_id);
  if (!found) {
    std::cerr << "error: no rule '" << arguments.rule_id << "' in the loaded packs\n";
    return kExitError;
  }
  const RuleInfo& rule = *found;
  std::cout << rule.id << ": " << rule.title << '\n'
            << "  pack:     " << rule.pack << '\n'
            << "  defined:  " << rule.defined_at.file << ':' << rule.defined_at.line << '\n'
            << "  subject:  " << rule.subject << '\n'
            << "  basis:    " << rule.basis << '\n'
            << "  severity: " << GapSeverityName(rule.severity) << '\n';
  for (const Citation& citation : rule.citations) {
    std::cout << "  cites:    " << citation.provision << ", " << citation.source_title;
    if (!citation.url.empty()) std::cout << " <" << citation.url << '>';
    std::cout << '\n';
  }
  if (!rule.when.empty()) std::cout << "  when:     " << rule.when << '\n';
  std::cout << "  require:  " << rule.require << '\n'
            << "  message:  " << rule.message << '\n';
  if (!rule.remedy.empty()) std::cout << "  remedy:   " << rule.remedy << '\n';
  if (rule.target) std::cout << "  target:   " << *rule.target * 100 << "% of records pass\n";
  std::cout << "  examples:\n";
  for (const ExampleInfo& example : rule.examples) {
    std::cout << "    " << std::left << std::setw(15) << example.expect << example.name << '\n';
  }
  return kExitOk;
}

int WriteCatalogue(const RulesArguments& arguments) {
  std::unique_ptr<RuleBook> book = LoadRuleBook(arguments.packs);
  if (!book) return kExitError;
  CatalogueOptions options;
  if (!arguments.no_coverage) {
    options.coverage_path = arguments.coverage;
    if (options.coverage_path.empty()) {
      std::filesystem::path beside = std::filesystem::path(arguments.packs.rules_root) / "coverage.yaml";
      std::error_code ignored;
      if (std::filesystem::is_regular_file(beside, ignored)) options.coverage_path = beside.string();
    }
  }
  if (arguments.check_coverage && options.coverage_path.empty()) {
    std::cerr << "error: --check-coverage needs a coverage list (--coverage FILE or "
                 "coverage.yaml in the rules folder)\n";
    return kExitError;
  }
  Diagnostics diagnostics;
  RuleCatalogue catalogue = WriteRuleCatalogue(*book, options, diagnostics);
  PrintDiagnostics(diagnostics);
  if (diagnostics.HasErrors()) return kExitError;
  if (arguments.output.empty() || arguments.output == "-") {
    std::cout << catalogue.markdown;
  } else {
    std::ofstream out(arguments.output, std::ios::binary | std::ios::trunc);
    out << catalogue.markdown;
    out.close();
    if (!out) {
      std::cerr << "error: cannot write '" << arguments.output << "'\n";
      return kExitError;
    }
  }
  if (arguments.check_coverage && !catalogue.not_covered.empty()) {
    Diagnostics gaps;
    for (const CoverageGap& gap : catalogue.not_covered) {
      gaps.Error(gap.at, "coverage entry '" + gap.id + "' (" + gap.description +
                             ") is checked by no loaded rule");
    }
    PrintDiagnostics(gaps);
    std::cerr << catalogue.not_covered.size() << " of " << catalogue.coverage_entries
              << " coverage entries are not covered\n";
    return kExitGaps;
  }
  return kExitOk;
}

}  // namespace

std::function<int()> SetUpRules(CLI::App& command) {
  auto arguments = std::make_shared<RulesArguments>();
  command.require_subcommand(1);
  std::shared_ptr<std::function<int()>> chosen = std::make_shared<std::function<int()>>();

  CLI::App* list = command.add_subcommand("list", "List every rule: id, severity, provision, title");
  list->add_option("packs", arguments->packs.packs, "Packs to list (default: all)");
  AddRulesOption(*list, &arguments->packs.rules_root);
  list->callback([chosen, arguments] { *chosen = [arguments] { return ListRules(*arguments); }; });

  CLI::App* show = command.add_subcommand("show", "Show one rule in full: citations, condition, examples");
  show->add_option("id", arguments->rule_id, "Rule id, e.g. UOF-S6-5A")->required();
  AddRulesOption(*show, &arguments->packs.rules_root);
  show->callback([chosen, arguments] { *chosen = [arguments] { return ShowRule(*arguments); }; });

  CLI::App* doc = command.add_subcommand(
      "doc", "Write a Markdown catalogue of every rule and the coverage table of the provisions");
  doc->add_option("packs", arguments->packs.packs, "Packs to describe (default: all)");
  doc->add_option("-o,--output", arguments->output, "File to write (default: standard output)");
  doc->add_option("--coverage", arguments->coverage,
                  "Coverage list (default: coverage.yaml in the rules folder, when there is one)");
  doc->add_flag("--no-coverage", arguments->no_coverage, "Leave the coverage table out");
  doc->add_flag("--check-coverage", arguments->check_coverage,
                "Exit with status 1 when a coverage entry is checked by no loaded rule");
  AddRulesOption(*doc, &arguments->packs.rules_root);
  doc->callback([chosen, arguments] { *chosen = [arguments] { return WriteCatalogue(*arguments); }; });

  return [chosen] { return *chosen ? (*chosen)() : kExitError; };
}

}  // namespace uofa::cli
