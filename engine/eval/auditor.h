// The auditor: streams each record source once and evaluates every rule whose subject is that
// record kind, keeping per-rule counters and a finding only for failing or undecided records.
#ifndef UOFA_ENGINE_EVAL_AUDITOR_H_
#define UOFA_ENGINE_EVAL_AUDITOR_H_

#include <memory>
#include <vector>

#include "engine/base/time.h"
#include "engine/eval/data_quality_checks.h"
#include "engine/pack/rule_pack.h"
#include "engine/sources/record_source.h"
#include "uofa/diagnostic.h"
#include "uofa/finding.h"

namespace uofa {

class WaiverMatcher;

struct AuditRunOptions {
  Timestamp as_of;
  bool show_identifiers = false;
  WaiverMatcher* waivers = nullptr;  ///< live waivers; failing records they cover are waived
  /// When set, every record is checked for data quality (data_quality_checks.h) as it is
  /// evaluated; `codes` resolves the code groups of the duration bounds.
  const DataQualitySettings* data_quality = nullptr;
  const CodeRegistry* codes = nullptr;
};

/// Evaluates `packs` on every record of `sources`. Fills the rule outcomes, the accounting
/// (records read, evaluated, rejected) and the inputs of `result`; problems the sources report,
/// and the findings of the data-quality checks, are appended to `input_problems`. Sources of
/// different kinds are read side by side on the cores, so they must share nothing they change;
/// the result is the same as reading them one after another, in the order given. A source that
/// throws ChildRowsOutOfOrder is replaced by its ReopenChecked() and read again from the start.
void RunAudit(const PackSet& packs, std::vector<std::unique_ptr<RecordSource>>& sources,
              const AuditRunOptions& options, AuditResult& result, Diagnostics& input_problems);

/// The outcome skeleton of a rule (metadata and citations, no counts).
RuleOutcome DescribeRule(const RulePack& pack, const Rule& rule);

/// Sets `outcome.status` from its counts and target; `assessed` is false when there was no
/// input of the rule's subject kind. Waived failures do not count: a rule that would be a gap
/// without them is kWaived.
void DecideStatus(RuleOutcome& outcome, bool assessed);

}  // namespace uofa

#endif  // UOFA_ENGINE_EVAL_AUDITOR_H_
