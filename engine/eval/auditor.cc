#include "engine/eval/auditor.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <exception>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "engine/base/parallel.h"
#include "engine/eval/evidence.h"
#include "engine/eval/waivers.h"
#include "engine/eval/progress.h"
#include "engine/eval/record_pipeline.h"
#include "engine/pack/verdict.h"

namespace uofa {
namespace {

constexpr std::size_t kBatchesPerChunk = 4;

// A rule ready to run: where its outcome lives and the fields its evidence shows.
struct ScheduledRule {
  const RulePack* pack;
  const Rule* rule;
  RuleOutcome* outcome;
  std::vector<std::string> evidence_paths;
  // The operands of the rule's `when` (those of its `&&` chain) are decided once per record among
  // the rules of its pack: 27 of the Act's 35 incident rules open with "not negligible, s.6
  // commenced", 7 of chapter 26's with a seclusion among the interventions. The index of each
  // operand among the kind's distinct ones; empty when the rule has no `when`.
  std::vector<int> conjuncts;
};

// The rules of one kind, with the number of distinct operands of their conditions.
struct KindSchedule {
  std::vector<ScheduledRule> rules;
  int conjuncts = 0;
};

// Numbers the distinct (pack, operand) pairs of the `when` of a kind's rules. Operands are keyed
// by pack as well, because its parameters, code lists and commencement table are part of what
// an operand means.
void NumberConjuncts(KindSchedule& kind) {
  std::map<std::pair<const RulePack*, std::string_view>, int> numbers;
  for (ScheduledRule& item : kind.rules) {
    if (item.rule->when == nullptr) continue;
    for (const std::string& key : item.rule->when->ConjunctKeys()) {
      auto [it, added] = numbers.try_emplace({item.pack, key}, kind.conjuncts);
      if (added) ++kind.conjuncts;
      item.conjuncts.push_back(it->second);
    }
  }
}

// Whether each distinct operand holds for a record, decided the first time a rule asks.
class ConditionCache {
 public:
  explicit ConditionCache(int conjuncts) : truths_(conjuncts, kUndecided) {}
  void Reset() { std::fill(truths_.begin(), truths_.end(), kUndecided); }

  // kPass (the rule applies), kNotApplicable or kIndeterminate, with the reason in *detail.
  Verdict Applies(const ScheduledRule& item, const Record& record,
                  const expr::EvaluationContext& context, std::string* detail) {
    const expr::Program* when = item.rule->when.get();
    if (when == nullptr) return Verdict::kPass;
    bool decided = true;
    for (std::size_t i = 0; i < item.conjuncts.size(); ++i) {
      std::uint8_t& truth = truths_[item.conjuncts[i]];
      if (truth == kUndecided) truth = Code(when->TestConjunct(i, record, context));
      if (truth == Code(expr::Truth::kFalse)) return Verdict::kNotApplicable;
      if (truth == Code(expr::Truth::kOther)) decided = false;
    }
    if (decided) return Verdict::kPass;
    // No operand is false and one is neither true nor false: the whole condition's value says why.
    return EvaluateWhen(*item.rule, record, context, detail);
  }

 private:
  static constexpr std::uint8_t Code(expr::Truth truth) {
    return static_cast<std::uint8_t>(truth);
  }
  static constexpr std::uint8_t kUndecided = 0xff;
  std::vector<std::uint8_t> truths_;  // an expr::Truth, or kUndecided
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

void PrefetchBytes(const void* data, std::size_t size) {
  const char* bytes = static_cast<const char*>(data);
  for (std::size_t offset = 0; offset < size; offset += 64) __builtin_prefetch(bytes + offset);
}

// Asks for a record's field values and those of the records it holds (child rows, the patient)
// to be brought into the cache, level by level so that the requests overlap: the records were
// built on another core, and the rules' first reads of them were mostly waits on memory.
void WarmRecord(const Record& record) {
  PrefetchBytes(record.fields.data(), record.fields.size() * sizeof(Value));
  constexpr std::size_t kMostNested = 64;
  std::array<const Record*, kMostNested> nested;
  std::size_t count = 0;
  auto add = [&](const Value& value) {
    if (value.kind() != ValueKind::kRecord || count == kMostNested) return;
    nested[count] = value.record_ptr().get();
    __builtin_prefetch(nested[count]);
    ++count;
  };
  for (const Value& value : record.fields) {
    if (value.kind() == ValueKind::kList) {
      for (const Value& item : value.as_list()) add(item);
    } else {
      add(value);
    }
  }
  for (std::size_t i = 0; i < count; ++i) {
    PrefetchBytes(nested[i]->fields.data(), nested[i]->fields.size() * sizeof(Value));
  }
}

// What the rules concluded about a batch of records, rule by rule (in the order scheduled): batches
// are evaluated on every core and their tallies added to the outcomes in record order.
struct RuleTally {
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::size_t not_applicable = 0;
  std::size_t indeterminate = 0;
  std::vector<Finding> findings;
  std::vector<std::string> finding_units;  // the unit of each finding's record, for waivers
};

// Runs every rule scheduled for the batch's kind on each of its records, letting each go once its
// rules are done (so that they are freed on every core, not by the thread that adds the tallies).
// Touches nothing shared: compiled rules are immutable, and waivers (which remember what they
// waived) are matched when the tallies are added.
void EvaluateBatch(RecordBatch& batch, const KindSchedule& kind, const AuditRunOptions& options,
                   std::vector<RuleTally>* tallies) {
  const std::vector<ScheduledRule>& scheduled = kind.rules;
  tallies->resize(scheduled.size());
  ConditionCache conditions(kind.conjuncts);
  std::string detail;
  for (std::size_t at = 0; at < batch.size(); ++at) {
    const std::shared_ptr<const Record>& record = batch[at];
    if (at + 1 < batch.size()) WarmRecord(*batch[at + 1]);
    conditions.Reset();
    for (std::size_t i = 0; i < scheduled.size(); ++i) {
      const ScheduledRule& item = scheduled[i];
      RuleTally& tally = (*tallies)[i];
      expr::EvaluationContext context{options.as_of, &item.pack->commencement};
      Verdict verdict = conditions.Applies(item, *record, context, &detail);
      if (verdict == Verdict::kPass) {
        verdict = EvaluateRequire(*item.rule, *record, context, &detail);
      }
      switch (verdict) {
        case Verdict::kPass: ++tally.passed; break;
        case Verdict::kNotApplicable: ++tally.not_applicable; break;
        case Verdict::kFail: ++tally.failed; break;
        case Verdict::kIndeterminate: ++tally.indeterminate; break;
      }
      if (verdict != Verdict::kFail && verdict != Verdict::kIndeterminate) continue;
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
      tally.findings.push_back(std::move(finding));
      if (options.waivers != nullptr) {
        const Value& unit = record->Get("unit");
        tally.finding_units.emplace_back(unit.kind() == ValueKind::kString ? unit.as_string() : "");
      }
    }
    // Let go while the record and its child rows are still in this core's cache: at the end of
    // the batch (hundreds of records later) each of their values was read from memory again.
    batch[at].reset();
  }
  batch.clear();
}

// Moves the items of `from` to the end of `*to`, leaving `from` empty; the whole vector when `*to`
// is empty, so that a large audit's findings are not held twice while they are moved.
template <typename T>
void MoveAppend(std::vector<T>& from, std::vector<T>* to) {
  if (to->empty()) {
    to->swap(from);
  } else {
    to->insert(to->end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  }
  from.clear();
}

// Adds the tallies of a batch to those of the batches before it.
void MergeTallies(std::vector<RuleTally>& batch, std::vector<RuleTally>* into) {
  into->resize(batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i) {
    RuleTally& from = batch[i];
    RuleTally& to = (*into)[i];
    to.passed += from.passed;
    to.failed += from.failed;
    to.not_applicable += from.not_applicable;
    to.indeterminate += from.indeterminate;
    MoveAppend(from.findings, &to.findings);
    MoveAppend(from.finding_units, &to.finding_units);
  }
}

// Adds a source's tallies to the rules' outcomes, matching each failure against the waivers.
void AddTallies(std::vector<RuleTally>& tallies, const std::vector<ScheduledRule>& scheduled,
                const AuditRunOptions& options) {
  for (std::size_t i = 0; i < tallies.size(); ++i) {
    RuleTally& tally = tallies[i];
    RuleOutcome& outcome = *scheduled[i].outcome;
    outcome.passed += tally.passed;
    outcome.failed += tally.failed;
    outcome.not_applicable += tally.not_applicable;
    outcome.indeterminate += tally.indeterminate;
    for (std::size_t f = 0; f < tally.findings.size(); ++f) {
      Finding& finding = tally.findings[f];
      if (finding.verdict == Verdict::kFail && options.waivers != nullptr) {
        finding.waiver = options.waivers->Match(scheduled[i].rule->id, finding.record_id,
                                                tally.finding_units[f]);
        if (finding.waiver) ++outcome.waived;
      }
    }
    MoveAppend(tally.findings, &outcome.findings);
  }
}

// What one source gave, kept apart from the other sources' until every source is done, so that
// the result is the same whichever source finished first.
struct SourceRun {
  Diagnostics problems;   // the source's own, and its records' data-quality findings
  std::size_t produced = 0;
  std::size_t rows_counted = 0;  // of the source's rows, those added to SharedRun::rows_read
  std::exception_ptr failure;  // thrown while reading (out of memory), thrown again after
};

// The state shared by the sources read at the same time: the progress line (rows read by all
// of them; the time left only while one source is read, whose share read is then the input's)
// and the waivers, which count what they waive.
struct SharedRun {
  ProgressMeter progress;
  std::atomic<std::size_t> rows_read{0};
  std::atomic<int> sources_reading{0};
  // Held while a chunk's tallies are added and matched against the waivers.
  std::mutex adding_tallies;
};

// Reads `source` and evaluates `kind`'s rules (none: null) on its records, a chunk of batches at
// a time, the batches of a chunk on every core, while the pipeline reads the next chunk. What the
// rules concluded is added to their outcomes once the source is read to its end, so that nothing
// is added when it throws (ChildRowsOutOfOrder: the source is then read again).
void AuditSource(RecordSource& source, const KindSchedule* kind, const AuditRunOptions& options,
                 SharedRun& shared, SourceRun& run) {
  // Counted among the sources being read until this one is done or has thrown.
  struct Reading {
    explicit Reading(std::atomic<int>& count) : count(count) { ++count; }
    ~Reading() { --count; }
    std::atomic<int>& count;
  } reading(shared.sources_reading);
  // Data-quality checks run as each record is read, on the reading thread, the one that
  // reports the source's problems.
  std::optional<RecordQualityChecker> quality;
  if (options.data_quality != nullptr) quality.emplace(*options.data_quality, options.codes);
  auto on_read = [&](const RecordSource& read, const Record& record) {
    if (shared.progress.active()) {
      const std::size_t rows = read.counts().rows_read;
      const std::size_t all = shared.rows_read += rows - run.rows_counted;
      run.rows_counted = rows;
      shared.progress.Update(all, shared.sources_reading == 1 ? read.FractionRead() : -1.0);
    }
    if (quality) quality->Check(record, run.problems);
  };
  RecordPipeline pipeline(source, run.problems, on_read);
  std::vector<RecordBatch> chunk;
  std::vector<RuleTally> source_tallies;
  for (;;) {
    chunk.clear();
    RecordBatch batch;
    while (chunk.size() < kBatchesPerChunk && pipeline.Next(&batch)) {
      chunk.push_back(std::move(batch));
    }
    if (chunk.empty()) break;
    for (const RecordBatch& read : chunk) run.produced += read.size();
    if (kind == nullptr) continue;
    std::vector<std::vector<RuleTally>> tallies(chunk.size());
    ParallelFor(chunk.size(), [&](std::size_t i) {
      EvaluateBatch(chunk[i], *kind, options, &tallies[i]);
    });
    for (std::vector<RuleTally>& batch_tallies : tallies) {
      MergeTallies(batch_tallies, &source_tallies);
    }
  }
  if (kind == nullptr) return;
  std::lock_guard<std::mutex> lock(shared.adding_tallies);
  source_tallies.resize(kind->rules.size());
  AddTallies(source_tallies, kind->rules, options);
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

  std::map<std::string, KindSchedule, std::less<>> by_subject;
  for (const auto& pack : packs.packs) {
    for (const Rule& rule : pack->rules) {
      result.rules.push_back(DescribeRule(*pack, rule));
      by_subject[rule.subject].rules.push_back(
          {pack.get(), &rule, &result.rules.back(), EvidencePaths(rule), {}});
    }
  }
  for (auto& [subject, kind] : by_subject) NumberConjuncts(kind);

  // The sources are read side by side, on every core (the small tables beside the incidents,
  // while the incidents are read), except that sources of one kind, whose rules add to the same
  // outcomes, are read one after another in the order given.
  std::vector<std::vector<std::size_t>> lanes;
  std::map<std::string_view, std::size_t> lane_of_kind;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    auto [lane, added] = lane_of_kind.try_emplace(sources[i]->kind(), lanes.size());
    if (added) lanes.emplace_back();
    lanes[lane->second].push_back(i);
  }
  std::vector<SourceRun> runs(sources.size());
  SharedRun shared;
  ParallelFor(lanes.size(), [&](std::size_t lane) {
    for (std::size_t i : lanes[lane]) {
      auto scheduled = by_subject.find(sources[i]->kind());
      const KindSchedule* kind = scheduled == by_subject.end() ? nullptr : &scheduled->second;
      for (bool reopened = false;; reopened = true) {
        try {
          AuditSource(*sources[i], kind, options, shared, runs[i]);
          break;
        } catch (const ChildRowsOutOfOrder&) {
          // A child table was found out of its parents' order while read: what was read is let
          // go, and the source read again, with the order of its child tables checked first.
          shared.rows_read -= runs[i].rows_counted;
          runs[i] = SourceRun();
          std::unique_ptr<RecordSource> checked;
          if (!reopened) checked = sources[i]->ReopenChecked(runs[i].problems);
          if (!checked) {
            runs[i].failure = std::current_exception();
            return;
          }
          sources[i] = std::move(checked);
        } catch (...) {
          runs[i].failure = std::current_exception();
          return;
        }
      }
    }
  });
  shared.progress.Clear();

  std::set<std::string, std::less<>> assessed_kinds;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (runs[i].failure) std::rethrow_exception(runs[i].failure);
    input_problems.Merge(runs[i].problems);
    const RecordSource& source = *sources[i];
    const SourceCounts& counts = source.counts();
    // A source produces a record for every row it read that it did not reject.
    if (runs[i].produced > 0 || counts.rows_read > 0) assessed_kinds.insert(source.kind());
    result.records_read += counts.rows_read;
    result.records_rejected += counts.rows_rejected;
    result.records_evaluated += counts.rows_read - counts.rows_rejected;
    for (const SourceInput& input : source.inputs()) {
      result.inputs.push_back({input.path, input.kind, input.rows});
    }
  }
  for (RuleOutcome& outcome : result.rules) {
    DecideStatus(outcome, assessed_kinds.count(outcome.subject) > 0);
  }
}

}  // namespace uofa
