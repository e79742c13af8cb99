// The rule catalogue behind `uofa rules doc` (WriteRuleCatalogue in uofa/rule_pack.h): every
// loaded rule in Markdown, and the coverage list (rules/coverage.yaml) matched against the rules'
// citations.
//
// The coverage list is a YAML mapping with one key, `sections`: a sequence of
// {title, entries}, each entry {id, description} plus at most one of `rules: [IDS]` (the rules that
// check it, named explicitly) and `not_checkable: "reason"`. An entry with neither is checked by
// every rule that cites it (ProvisionCovers).
#ifndef UOFA_ENGINE_REPORT_CATALOGUE_WRITER_H_
#define UOFA_ENGINE_REPORT_CATALOGUE_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/pack/rule_pack.h"
#include "uofa/diagnostic.h"
#include "uofa/rule_pack.h"

namespace uofa::report {

struct CoverageEntry {
  std::string id;           ///< "s.6(5)(a)", "guidance:rrn-training"
  std::string description;
  std::vector<std::string> rules;  ///< explicit rule ids; empty: found from citations
  bool explicit_rules = false;
  std::string not_checkable;       ///< the reason, when the entry cannot be checked from data
  SourceLocation at;
};

struct CoverageSection {
  std::string title;
  std::vector<CoverageEntry> entries;
};

/// Reads a coverage list. Problems go to `diagnostics`; entries that could be read are returned.
std::vector<CoverageSection> LoadCoverageList(const std::string& path, Diagnostics& diagnostics);

/// Whether a citation of `provision` checks the coverage entry `entry`: the two are equal, or the
/// provision begins with the entry followed by '(' (entry "s.6(5)" is cited by "s.6(5)(a)", entry
/// "s.6" by "s.6(1)", but entry "s.1" is not cited by "s.12").
bool ProvisionCovers(std::string_view entry, std::string_view provision);

/// The catalogue of `packs`, with the coverage table of `sections` (none when `with_coverage` is
/// false). Rule ids an entry names that no loaded pack has are reported to `diagnostics` as
/// warnings at the entry; the entry counts as covered only by the rules that are loaded.
RuleCatalogue RenderCatalogue(const PackSet& packs, const std::vector<CoverageSection>& sections,
                              bool with_coverage, Diagnostics& diagnostics);

}  // namespace uofa::report

#endif  // UOFA_ENGINE_REPORT_CATALOGUE_WRITER_H_
