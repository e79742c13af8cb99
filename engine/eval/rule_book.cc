// RuleBook: the public face of a loaded PackSet.
#include <utility>

#include "engine/fixture/example_runner.h"
#include "engine/pack/pack_loader.h"
#include "engine/pack/parameter_value.h"
#include "uofa/rule_pack.h"

namespace uofa {
namespace {

RuleInfo Describe(const RulePack& pack, const Rule& rule) {
  RuleInfo info;
  info.id = rule.id;
  info.title = rule.title;
  info.pack = pack.id;
  info.subject = rule.subject;
  info.basis = rule.basis;
  info.severity = rule.severity;
  info.citations = ResolveCitations(pack, rule);
  info.when = rule.when_source;
  info.require = rule.require_source;
  info.message = rule.message;
  info.remedy = rule.remedy;
  info.target = rule.target;
  for (const RuleExample& example : rule.examples) {
    info.examples.push_back({example.name, VerdictName(example.expect), example.at});
  }
  info.defined_at = rule.defined_at;
  return info;
}

}  // namespace

RuleBook::RuleBook(std::unique_ptr<PackSet> packs) : packs_(std::move(packs)) {}
RuleBook::~RuleBook() = default;

std::unique_ptr<RuleBook> RuleBook::Load(const PackOptions& options, Diagnostics& diagnostics) {
  LoadOptions load;
  load.rules_root = options.rules_root;
  load.packs = options.packs;
  load.strict = options.strict;
  std::unique_ptr<PackSet> packs = LoadPacks(load, diagnostics);
  if (!packs) return nullptr;
  return std::unique_ptr<RuleBook>(new RuleBook(std::move(packs)));
}

std::vector<PackInfo> RuleBook::Packs() const {
  std::vector<PackInfo> out;
  for (const auto& pack : packs_->packs) {
    PackInfo info{pack->id, pack->title, pack->instrument, pack->version, pack->directory,
                  pack->rules.size(), {}};
    for (const Parameter& parameter : pack->parameters) {
      info.parameters.push_back({parameter.name, ParameterTypeName(parameter.type),
                                 FormatParameterValue(parameter.type, parameter.value),
                                 FormatParameterValue(parameter.type, parameter.default_value), parameter.overridden,
                                 parameter.unit, parameter.basis, parameter.description});
    }
    out.push_back(std::move(info));
  }
  return out;
}

std::vector<RuleInfo> RuleBook::Rules() const {
  std::vector<RuleInfo> out;
  for (const auto& pack : packs_->packs) {
    for (const Rule& rule : pack->rules) out.push_back(Describe(*pack, rule));
  }
  return out;
}

std::optional<RuleInfo> RuleBook::FindRule(const std::string& id) const {
  for (const auto& pack : packs_->packs) {
    for (const Rule& rule : pack->rules) {
      if (rule.id == id) return Describe(*pack, rule);
    }
  }
  return std::nullopt;
}

ExampleTestReport RuleBook::RunExamples(const std::vector<std::string>& rule_ids,
                                        const std::string& as_of) const {
  ExampleRunOptions options;
  options.rule_ids = rule_ids;
  std::string error;
  options.default_as_of = ParseDate(as_of, &error);
  ExampleReport report = uofa::RunExamples(*packs_, options);
  ExampleTestReport out;
  for (const ExampleResult& result : report.results) {
    out.outcomes.push_back(
        {result.rule_id, result.example, result.expected, result.actual, result.detail, result.at});
  }
  out.passed = report.passed;
  out.failed = report.failed;
  out.unmatched_rule_ids = report.unmatched_filters;
  return out;
}

}  // namespace uofa
