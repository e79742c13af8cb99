// The loaded form of rule packs (rules/<pack>/pack.yaml and its rule files), with the shared
// record schemas (rules/schema/) and code lists (rules/codes/). Built by LoadPacks
// (pack_loader.h); immutable afterwards and shared by every evaluation.
#ifndef UOFA_ENGINE_PACK_RULE_PACK_H_
#define UOFA_ENGINE_PACK_RULE_PACK_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/expr/program.h"
#include "engine/expr/value.h"
#include "engine/record/record_type.h"
#include "uofa/diagnostic.h"
#include "uofa/finding.h"

namespace uofa {

/// A document a pack cites (pack.yaml `sources:`).
struct PackSource {
  std::string id;  ///< key, e.g. "act"
  std::string title;
  std::string url;
  std::string date;
};

struct RuleCitation {
  std::string source;     ///< key into RulePack::sources
  std::string provision;  ///< "s.6(5)(a)"
  SourceLocation at;
};

/// kPatterns: a list of RE2 patterns (topic wording for mentions()), written as a YAML sequence
/// of strings; held as text with one pattern a line.
enum class ParameterType { kInt, kNumber, kBool, kString, kDuration, kDate, kPatterns };

struct Parameter {
  std::string name;
  ParameterType type = ParameterType::kInt;
  Value default_value;
  Value value;             ///< effective: the default, or the audit's override
  bool overridden = false;
  std::string basis;       ///< statute | guidance | code-of-practice | nice | local | unverified
  std::string unit;        ///< "hours", "months", ...
  std::string description;
  std::vector<RuleCitation> cite;
  SourceLocation defined_at;
};

struct RuleExample {
  std::string name;
  Verdict expect = Verdict::kPass;
  std::shared_ptr<const Record> record;  ///< built from the YAML mapping with the subject schema
  std::optional<Timestamp> as_of;        ///< overrides the default example date when given
  SourceLocation at;
};

struct Rule {
  std::string id;
  std::string title;
  std::string subject;                  ///< record kind, e.g. "incident"
  const RecordType* subject_type = nullptr;
  std::string basis;
  GapSeverity severity = GapSeverity::kMedium;
  std::vector<RuleCitation> cite;
  std::string when_source;              ///< empty: always applies
  std::string require_source;
  std::unique_ptr<const expr::Program> when;     ///< nullptr: always applies
  std::unique_ptr<const expr::Program> require;
  std::string message;
  std::string remedy;
  std::optional<double> target;         ///< 0..1
  std::vector<RuleExample> examples;
  SourceLocation defined_at;            ///< the rule's `id:` in its file
};

struct RulePack {
  std::string id;
  std::string title;
  std::string instrument;
  std::string version;
  std::string directory;
  std::string description;
  std::map<std::string, PackSource, std::less<>> sources;
  std::vector<Parameter> parameters;
  expr::CommencementTable commencement;
  std::vector<Rule> rules;
};

/// The rule's citations with their sources' titles and addresses filled in from the pack.
std::vector<Citation> ResolveCitations(const RulePack& pack, const Rule& rule);

/// Packs loaded together, with the schemas and code lists they share.
struct PackSet {
  SchemaRegistry schemas;
  CodeRegistry codes;
  std::vector<std::unique_ptr<RulePack>> packs;

  const Rule* FindRule(std::string_view id) const;
  const RulePack* FindPack(std::string_view id) const;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_PACK_RULE_PACK_H_
