#include "engine/eval/auditor.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "engine/eval/evidence.h"
#include "engine/eval/waivers.h"
#include "engine/eval/progress.h"
#include "engine/pack/verdict.h"

namespace uofa {
namespace {

// A rule ready to run: where its outcome lives and the fields its evidence shows.
struct ScheduledRule {
  const RulePack* pack;
  const Rule* rule;
  RuleOutcome* outcome;
  std::vector<std::string> evidence_paths;
};

std::vector<std::string> EvidencePaths(const Rule& rule) {
  std::vector<std::string> paths;
  std::set<std::string> seen;
  auto add = [&](const expr::Program* program) {
    if (program == nullptr) return;
    for (const std::string& path : program->ReferencedFields()) {
      if (seen.insert(path).second) paths.push_back(path);
    }
  };
  add(rule.require.get());
  add(rule.when.get());
  if (rule.subject == "policy_document") {
    // A document's whole text and its sections say nothing a reader of the finding needs: the
    // finding is that a topic is absent from them.
    std::erase_if(paths, [](const std::string& path) {
      return path == "text" || path == "sections" || path.starts_with("sections.");
    });
  }
  expr::KeepMostSpecificPaths(&paths);
  return paths;
}

}  // namespace

RuleOutcome DescribeRule(const RulePack& pack, const Rule& rule) {
  RuleOutcome outcome;
  outcome.id = rule.id;
  outcome.title = rule.title;
  outcome.pack = pack.id;
  outcome.subject = rule.subject;
  outcome.basis = rule.basis;
  outcome.severity = rule.severity;
  outcome.citations = ResolveCitations(pack, rule);
  outcome.message = rule.message;
  outcome.remedy = rule.remedy;
  outcome.target = rule.target;
  outcome.defined_at = rule.defined_at;
  return outcome;
}

void DecideStatus(RuleOutcome& outcome, bool assessed) {
  if (!assessed) {
    outcome.status = RuleStatus::kNotAssessed;
    return;
  }
  const std::size_t unwaived = outcome.failed - std::min(outcome.waived, outcome.failed);
  const bool gap = unwaived > 0 && (!outcome.target || outcome.PassRate().value_or(0.0) < *outcome.target);
  const double raw_rate = static_cast<double>(outcome.passed) /
                          static_cast<double>(std::max<std::size_t>(outcome.passed + outcome.failed, 1));
  const bool gap_without_waivers =
      outcome.failed > 0 && (!outcome.target || raw_rate < *outcome.target);
  if (gap) {
    outcome.status = RuleStatus::kGap;
  } else if (gap_without_waivers) {
    outcome.status = RuleStatus::kWaived;
  } else if (outcome.indeterminate > 0) {
    outcome.status = RuleStatus::kIndeterminate;
  } else if (outcome.passed + outcome.failed == 0) {
    outcome.status = RuleStatus::kNotApplicable;
  } else {
    outcome.status = RuleStatus::kMet;
  }
}

void RunAudit(const PackSet& packs, std::vector<std::unique_ptr<RecordSource>>& sources,
              const AuditRunOptions& options, AuditResult& result, Diagnostics& input_problems) {
  result.rules.clear();
  std::size_t rule_count = 0;
  for (const auto& pack : packs.packs) rule_count += pack->rules.size();
  result.rules.reserve(rule_count);  // outcomes are referenced by pointer below

  std::map<std::string, std::vector<ScheduledRule>, std::less<>> by_subject;
  for (const auto& pack : packs.packs) {
    for (const Rule& rule : pack->rules) {
      result.rules.push_back(DescribeRule(*pack, rule));
      by_subject[rule.subject].push_back({pack.get(), &rule, &result.rules.back(), EvidencePaths(rule)});
    }
  }

  std::set<std::string, std::less<>> assessed_kinds;
  ProgressMeter progress;
  std::size_t rows_before = 0;  // rows of the sources already read
  for (auto& source : sources) {
    auto scheduled = by_subject.find(source->kind());
    std::shared_ptr<const Record> record;
    std::size_t produced = 0;
    while (source->Next(&record, input_problems)) {
      ++produced;
      progress.Update(rows_before + source->counts().rows_read, source->FractionRead());
      if (options.data_quality != nullptr) {
        CheckRecordQuality(*record, *options.data_quality, options.codes, input_problems);
      }
      if (scheduled == by_subject.end()) continue;
      for (ScheduledRule& item : scheduled->second) {
        expr::EvaluationContext context{options.as_of, &item.pack->commencement};
        std::string detail;
        Verdict verdict = EvaluateRule(*item.rule, *record, context, &detail);
        RuleOutcome& outcome = *item.outcome;
        switch (verdict) {
          case Verdict::kPass: ++outcome.passed; break;
          case Verdict::kNotApplicable: ++outcome.not_applicable; break;
          case Verdict::kFail: ++outcome.failed; break;
          case Verdict::kIndeterminate: ++outcome.indeterminate; break;
        }
        if (verdict == Verdict::kFail || verdict == Verdict::kIndeterminate) {
          Finding finding;
          finding.verdict = verdict;
          finding.record_id = record->Id();
          finding.location = record->origin;
          if (record->origin_unit != nullptr) {
            finding.last = record->origin_last;
            finding.unit = record->origin_unit;
          }
          finding.evidence = CollectEvidence(*record, item.evidence_paths, options.show_identifiers);
          if (verdict == Verdict::kIndeterminate) finding.detail = detail;
          if (verdict == Verdict::kFail && options.waivers != nullptr) {
            const Value& unit = record->Get("unit");
            finding.waiver = options.waivers->Match(
                item.rule->id, finding.record_id, unit.kind() == ValueKind::kString ? unit.as_string() : "");
            if (finding.waiver) ++outcome.waived;
          }
          outcome.findings.push_back(std::move(finding));
        }
      }
    }
    const SourceCounts& counts = source->counts();
    rows_before += counts.rows_read;
    // A source produces a record for every row it read that it did not reject.
    if (produced > 0 || counts.rows_read > 0) assessed_kinds.insert(source->kind());
    result.records_read += counts.rows_read;
    result.records_rejected += counts.rows_rejected;
    result.records_evaluated += counts.rows_read - counts.rows_rejected;
    for (const SourceInput& input : source->inputs()) {
      result.inputs.push_back({input.path, input.kind, input.rows});
    }
  }

  progress.Clear();
  for (RuleOutcome& outcome : result.rules) {
    DecideStatus(outcome, assessed_kinds.count(outcome.subject) > 0);
  }
}

}  // namespace uofa
