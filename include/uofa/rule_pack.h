// Rule packs as the public API sees them: a loaded, compiled set of packs (RuleBook) and
// read-only descriptions of its rules, for `uofa rules`, `uofa lint` and `uofa test`.
#ifndef UOFA_RULE_PACK_H_
#define UOFA_RULE_PACK_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "uofa/diagnostic.h"
#include "uofa/finding.h"

namespace uofa {

struct PackSet;

/// Which packs to load.
struct PackOptions {
  std::string rules_root;          ///< folder holding schema/, codes/ and the packs
  std::vector<std::string> packs;  ///< pack ids or folders; empty: every pack under rules_root
  bool strict = false;             ///< each rule needs a pass and a fail example
};

struct ParameterInfo {
  std::string name;
  std::string type;
  std::string value;
  std::string default_value;
  bool overridden = false;
  std::string unit;
  std::string basis;
  std::string description;
};

struct PackInfo {
  std::string id;
  std::string title;
  std::string instrument;
  std::string version;
  std::string directory;
  std::size_t rule_count = 0;
  std::vector<ParameterInfo> parameters;
};

struct ExampleInfo {
  std::string name;
  std::string expect;
  SourceLocation at;
};

/// One rule, as written in its pack.
struct RuleInfo {
  std::string id;
  std::string title;
  std::string pack;
  std::string subject;
  std::string basis;
  GapSeverity severity = GapSeverity::kMedium;
  std::vector<Citation> citations;
  std::string when;     ///< "" when the rule always applies
  std::string require;
  std::string message;
  std::string remedy;
  std::optional<double> target;
  std::vector<ExampleInfo> examples;
  SourceLocation defined_at;
};

/// The outcome of one rule example under `uofa test`.
struct ExampleOutcome {
  std::string rule_id;
  std::string example;
  Verdict expected = Verdict::kPass;
  Verdict actual = Verdict::kPass;
  std::string detail;  ///< the evaluation error, when there was one
  SourceLocation at;
  bool ok() const { return expected == actual; }
};

struct ExampleTestReport {
  std::vector<ExampleOutcome> outcomes;
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::vector<std::string> unmatched_rule_ids;  ///< asked for, but no loaded rule has that id
};

/// Loaded and compiled packs. Immutable; safe to share between threads.
class RuleBook {
 public:
  /// Loads, checks and compiles. Every problem goes to `diagnostics`; nullptr on any error.
  static std::unique_ptr<RuleBook> Load(const PackOptions& options, Diagnostics& diagnostics);
  ~RuleBook();

  std::vector<PackInfo> Packs() const;
  std::vector<RuleInfo> Rules() const;
  std::optional<RuleInfo> FindRule(const std::string& id) const;

  /// Runs every rule's examples (or those of `rule_ids` when not empty). `as_of` (YYYY-MM-DD)
  /// is the date examples without their own are evaluated at.
  ExampleTestReport RunExamples(const std::vector<std::string>& rule_ids, const std::string& as_of) const;

  const PackSet& packs() const { return *packs_; }

 private:
  explicit RuleBook(std::unique_ptr<PackSet> packs);
  std::unique_ptr<PackSet> packs_;
};

/// What `uofa rules doc` writes: a Markdown catalogue of the loaded rules.
struct CatalogueOptions {
  /// The coverage list (rules/coverage.yaml): every provision the packs should check. "" for
  /// none: the catalogue then has no coverage table.
  std::string coverage_path;
};

/// An entry of the coverage list that no loaded rule checks and that is not marked
/// `not_checkable`.
struct CoverageGap {
  std::string id;  ///< "s.3(7)"
  std::string description;
  SourceLocation at;  ///< the entry in the coverage list
};

struct RuleCatalogue {
  std::string markdown;                  ///< the catalogue; deterministic for the same inputs
  std::size_t coverage_entries = 0;      ///< entries in the coverage list
  std::size_t not_checkable = 0;         ///< of which marked not_checkable
  std::vector<CoverageGap> not_covered;  ///< of which checked by no loaded rule, in file order
};

/// Describes every rule of `book` in Markdown: per pack its title, instrument, version, sources
/// and parameters; per rule its citations, subject, conditions, parameters used, message and
/// remedy; then, when `options.coverage_path` is set, the coverage table. Problems in the
/// coverage list (a bad key, a duplicate id, a rule id no loaded pack has) go to `diagnostics`
/// at their file:line:col; the catalogue is still written from the entries that could be read.
/// Never throws.
RuleCatalogue WriteRuleCatalogue(const RuleBook& book, const CatalogueOptions& options,
                                 Diagnostics& diagnostics);

}  // namespace uofa

#endif  // UOFA_RULE_PACK_H_
