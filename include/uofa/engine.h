// uofa's entry point for programs: run an audit of a trust's evidence against rule packs.
//
//   uofa::Diagnostics problems;
//   uofa::CheckOptions options;
//   options.audit_dir = "samples/example-trust";
//   options.rules_root = "rules";
//   std::optional<uofa::AuditResult> result = uofa::RunCheck(options, problems);
//
// Nothing here throws. Problems with rule packs or audit settings stop the audit (nullopt, with
// the reasons in `diagnostics`); problems in the trust's data do not: they are in
// AuditResult::input_problems, and rows that could not be read are counted as rejected.
#ifndef UOFA_ENGINE_H_
#define UOFA_ENGINE_H_

#include <optional>
#include <string>
#include <vector>

#include "uofa/diagnostic.h"
#include "uofa/finding.h"
#include "uofa/rule_pack.h"

namespace uofa {

/// The version of the tool, e.g. "0.1.0".
const char* Version();

struct CheckOptions {
  std::string audit_dir;           ///< the audit folder (DATA-CONTRACT.md)
  /// Policy documents to check on their own (.md, .txt, ...) instead of an audit folder: only
  /// rules on policy_document and policy_paragraph records are assessed; every pack is loaded
  /// unless `packs` names some. Used when non-empty; audit_dir is then ignored.
  std::vector<std::string> documents;
  std::string rules_root;          ///< folder holding the packs
  std::vector<std::string> packs;  ///< overrides the audit's uofa.yaml `packs`; empty: as configured
  std::optional<std::string> as_of;  ///< YYYY-MM-DD; overrides uofa.yaml; default: today
  bool show_identifiers = false;   ///< when false, patient names and NHS numbers are redacted
  /// Also compute the statistics of the use of force (AuditResult::statistics), for the reports
  /// that show them (html, markdown).
  bool statistics = false;
  /// With `statistics`: suppress small counts as for publication (statistics.h).
  bool suppress_statistics = true;
  /// Let go of what the audit read (its tables, hundreds of megabytes at national scale) on a
  /// thread of its own once the result is made, rather than before RunCheck returns: for a caller
  /// with more to do meanwhile, such as the command line writing its reports. It is let go by the
  /// time the program exits.
  bool release_in_background = false;
};

/// Reads the audit folder's settings (uofa.yaml), loads the packs with its parameter overrides,
/// reads every record source and evaluates every rule on every record of its subject kind.
std::optional<AuditResult> RunCheck(const CheckOptions& options, Diagnostics& diagnostics);

/// Whether a result has a gap at or above `fail_on` (exit code 1).
bool HasGapsAtOrAbove(const AuditResult& result, GapSeverity fail_on);

}  // namespace uofa

#endif  // UOFA_ENGINE_H_
