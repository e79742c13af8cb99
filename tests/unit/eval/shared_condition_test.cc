// Rules of one pack decide each operand of their `when` (each of its `&&` chain, or the whole) once
// per record (engine/eval/auditor.cc): the outcomes must be those of each rule deciding it alone.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/base/time.h"
#include "engine/eval/auditor.h"
#include "engine/pack/pack_loader.h"
#include "engine/pack/verdict.h"
#include "tests/unit/base/time_test_support.h"
#include "tests/unit/pack/pack_test_support.h"

namespace uofa {
namespace {

std::string SharedWhenPack(const char* name) {
  return std::string(UOFA_SOURCE_DIR) + "/tests/unit/eval/fixtures/shared-when/" + name;
}

class IncidentList : public RecordSource {
 public:
  explicit IncidentList(std::vector<std::shared_ptr<const Record>> records)
      : records_(std::move(records)) {}
  const std::string& kind() const override { return kind_; }
  bool Next(std::shared_ptr<const Record>* out, Diagnostics&) override {
    if (next_ >= records_.size()) return false;
    *out = records_[next_++];
    ++counts_.rows_read;
    return true;
  }
  const SourceCounts& counts() const override { return counts_; }
  std::vector<SourceInput> inputs() const override { return {}; }

 private:
  std::string kind_ = "incident";
  std::vector<std::shared_ptr<const Record>> records_;
  std::size_t next_ = 0;
  SourceCounts counts_;
};

using testing::At;

// An incident with the given fields set (by name), the others null.
std::shared_ptr<const Record> Incident(const RecordType& type, int line,
                                       const std::map<std::string, Value>& values) {
  auto record = std::make_shared<Record>();
  record->type = &type;
  record->fields.assign(type.fields().size(), Value());
  record->origin.line = line;
  for (const auto& [name, value] : values) {
    const FieldDef* field = type.Find(name);
    REQUIRE_MESSAGE(field != nullptr, name);
    record->fields[field->slot] = value;
  }
  return record;
}

struct Counts {
  std::size_t passed, failed, not_applicable, indeterminate;
  bool operator==(const Counts&) const = default;
};

TEST_CASE("rules decide each operand of their conditions once per record, each pack with its own") {
  LoadOptions load;
  load.rules_root = testing::PackFixtures();
  load.packs = {SharedWhenPack("early"), SharedWhenPack("late")};
  Diagnostics load_problems;
  std::unique_ptr<PackSet> packs = LoadPacks(load, load_problems);
  REQUIRE_MESSAGE(packs != nullptr, load_problems.Format());
  const RecordType* incident = packs->schemas.Find("incident");
  REQUIRE(incident != nullptr);

  std::vector<std::shared_ptr<const Record>> records = {
      // Section 6 in force for the early pack only; every field given.
      Incident(*incident, 2,
               {{"incident_id", Value::String("I-1")},
                {"started_at", Value::Time(At("2023-06-01T10:00"))},
                {"reason_code", Value::String("10")},
                {"reason", Value::String("3")},
                {"negligible", Value::Bool(false)}}),
      // In force for both; no reason code, no negligible, a reason int() cannot read.
      Incident(*incident, 3,
               {{"incident_id", Value::String("I-2")},
                {"started_at", Value::Time(At("2024-06-01T10:00"))},
                {"reason", Value::String("x")}}),
      // Before section 6 for both.
      Incident(*incident, 4,
               {{"incident_id", Value::String("I-3")},
                {"started_at", Value::Time(At("2021-01-01T10:00"))},
                {"reason_code", Value::String("11")},
                {"reason", Value::String("2")},
                {"negligible", Value::Bool(true)}}),
  };
  std::vector<std::unique_ptr<RecordSource>> sources;
  sources.push_back(std::make_unique<IncidentList>(records));
  AuditRunOptions options;
  options.as_of = At("2025-01-01T00:00");
  AuditResult result;
  Diagnostics problems;
  RunAudit(*packs, sources, options, result, problems);

  std::map<std::string, Counts> counts;
  std::map<std::string, const RuleOutcome*> by_id;
  for (const RuleOutcome& rule : result.rules) {
    counts[rule.id] = {rule.passed, rule.failed, rule.not_applicable, rule.indeterminate};
    by_id[rule.id] = &rule;
  }
  CHECK(counts == std::map<std::string, Counts>{
                      {"EARLY-REASON", {1, 1, 1, 0}},
                      {"EARLY-TEXT", {2, 0, 1, 0}},
                      {"EARLY-NEGLIGIBLE", {1, 1, 1, 0}},
                      {"EARLY-NOT-NEGLIGIBLE", {1, 0, 2, 0}},
                      {"EARLY-COUNT-A", {2, 0, 0, 1}},
                      {"EARLY-COUNT-B", {2, 0, 0, 1}},
                      {"EARLY-PREFIX", {0, 1, 2, 0}},
                      // I-2's reason is not a number, but it has no negligible: not applicable.
                      {"EARLY-ERROR-THEN-FALSE", {2, 0, 1, 0}},
                      {"EARLY-TRUE-THEN-ERROR", {1, 0, 1, 1}},
                      // Shared with the early pack, I-1 would pass here.
                      {"LATE-REASON", {0, 1, 2, 0}},
                      // And I-1 would fail here.
                      {"LATE-PREFIX", {0, 0, 3, 0}},
                  });

  // The condition that could not be decided gives each rule the same reason.
  for (const char* id : {"EARLY-COUNT-A", "EARLY-COUNT-B", "EARLY-TRUE-THEN-ERROR"}) {
    CAPTURE(id);
    REQUIRE(by_id[id]->findings.size() == 1);
    const Finding& finding = by_id[id]->findings[0];
    CHECK(finding.record_id == "I-2");
    CHECK(finding.verdict == Verdict::kIndeterminate);
    // The reason EvaluateRule gives for the rule alone.
    std::string alone;
    const Rule* rule = nullptr;
    for (const auto& pack : packs->packs) {
      for (const Rule& r : pack->rules) {
        if (r.id == id) rule = &r;
      }
    }
    REQUIRE(rule != nullptr);
    expr::EvaluationContext context{options.as_of, &packs->packs[0]->commencement};
    CHECK(EvaluateRule(*rule, *records[1], context, &alone) == Verdict::kIndeterminate);
    CHECK(finding.detail == alone);
    CHECK(finding.detail.starts_with("when: "));
  }
  // The failures of the rules after the undecided one keep their own (empty) detail.
  REQUIRE(by_id["EARLY-NEGLIGIBLE"]->findings.size() == 1);
  CHECK(by_id["EARLY-NEGLIGIBLE"]->findings[0].detail.empty());
}

}  // namespace
}  // namespace uofa
