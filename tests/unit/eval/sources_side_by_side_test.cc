// RunAudit reads its sources side by side (engine/eval/auditor.cc): the result must be the one
// reading them one after another would give, whichever source finishes first.
#include <doctest/doctest.h>

#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/base/time.h"
#include "engine/eval/auditor.h"
#include "engine/pack/pack_loader.h"
#include "tests/unit/base/time_test_support.h"
#include "tests/unit/pack/pack_test_support.h"

namespace uofa {
namespace {

// Records of one kind that warn at every hundredth row and, when asked, fail while read.
class ListSource : public RecordSource {
 public:
  ListSource(std::string kind, std::string file, std::vector<std::shared_ptr<const Record>> records,
             std::size_t fail_at = std::numeric_limits<std::size_t>::max())
      : kind_(std::move(kind)),
        file_(std::move(file)),
        records_(std::move(records)),
        fail_at_(fail_at) {}
  const std::string& kind() const override { return kind_; }
  bool Next(std::shared_ptr<const Record>* out, Diagnostics& diagnostics) override {
    if (next_ == fail_at_) throw std::runtime_error("cannot read " + file_);
    if (next_ >= records_.size()) return false;
    const int line = static_cast<int>(next_) + 2;
    if (next_ % 100 == 0) diagnostics.Warning({file_, line, 1}, "row " + std::to_string(line));
    *out = records_[next_++];
    ++counts_.rows_read;
    return true;
  }
  const SourceCounts& counts() const override { return counts_; }
  std::vector<SourceInput> inputs() const override { return {{file_, kind_, counts_.rows_read}}; }

 private:
  std::string kind_;
  std::string file_;
  std::vector<std::shared_ptr<const Record>> records_;
  std::size_t fail_at_;
  std::size_t next_ = 0;
  SourceCounts counts_;
};

using testing::At;

// `count` incidents "<prefix>-1".., after section 6 commenced; those of even number give no
// reason code (EARLY-REASON fails them).
std::vector<std::shared_ptr<const Record>> Incidents(const RecordType& type,
                                                     const std::string& prefix, std::size_t count) {
  const Timestamp started = At("2023-06-01T10:00");
  std::vector<std::shared_ptr<const Record>> records;
  for (std::size_t i = 1; i <= count; ++i) {
    auto record = std::make_shared<Record>();
    record->type = &type;
    record->fields.assign(type.fields().size(), Value());
    record->origin.line = static_cast<int>(i) + 1;
    record->fields[type.Find("incident_id")->slot] =
        Value::String(prefix + "-" + std::to_string(i));
    record->fields[type.Find("started_at")->slot] = Value::Time(started);
    if (i % 2 == 1) record->fields[type.Find("reason_code")->slot] = Value::String("10");
    records.push_back(std::move(record));
  }
  return records;
}

std::unique_ptr<PackSet> EarlyPack() {
  LoadOptions load;
  load.rules_root = testing::PackFixtures();
  load.packs = {std::string(UOFA_SOURCE_DIR) + "/tests/unit/eval/fixtures/shared-when/early"};
  Diagnostics problems;
  std::unique_ptr<PackSet> packs = LoadPacks(load, problems);
  REQUIRE_MESSAGE(packs != nullptr, problems.Format());
  return packs;
}

TEST_CASE("sources read side by side give the result of reading them one after another") {
  std::unique_ptr<PackSet> packs = EarlyPack();
  const RecordType& incident = *packs->schemas.Find("incident");
  // The first and last are of one kind, whose rules add to the same outcomes; the one between
  // has no rules and is read in a moment, long before the first is done.
  std::vector<std::unique_ptr<RecordSource>> sources;
  sources.push_back(
      std::make_unique<ListSource>("incident", "a.csv", Incidents(incident, "A", 3000)));
  sources.push_back(std::make_unique<ListSource>("staff", "s.csv", Incidents(incident, "S", 2000)));
  sources.push_back(
      std::make_unique<ListSource>("incident", "b.csv", Incidents(incident, "B", 1000)));
  AuditRunOptions options;
  options.as_of = At("2025-01-01T00:00");
  AuditResult result;
  Diagnostics problems;
  problems.Error({"uofa.yaml", 1, 1}, "before the audit");
  RunAudit(*packs, sources, options, result, problems);

  // Problems: those given before, then each source's in the sources' order.
  std::vector<std::string> expected_problems = {"uofa.yaml:1 before the audit"};
  for (auto [file, rows] : {std::pair{"a.csv", 3000}, {"s.csv", 2000}, {"b.csv", 1000}}) {
    for (int row = 0; row < rows; row += 100) {
      expected_problems.push_back(std::string(file) + ":" + std::to_string(row + 2) + " row " +
                                  std::to_string(row + 2));
    }
  }
  std::vector<std::string> got_problems;
  for (const Diagnostic& problem : problems.Items()) {
    got_problems.push_back(problem.location.file + ":" + std::to_string(problem.location.line) +
                           " " + problem.message);
  }
  CHECK(got_problems == expected_problems);

  // Findings of the incidents: the first source's in its order, then the last's.
  const RuleOutcome* reason = nullptr;
  for (const RuleOutcome& rule : result.rules) {
    if (rule.id == "EARLY-REASON") reason = &rule;
  }
  REQUIRE(reason != nullptr);
  CHECK(reason->passed == 2000);
  CHECK(reason->failed == 2000);
  std::vector<std::string> expected_ids;
  for (int i = 2; i <= 3000; i += 2) expected_ids.push_back("A-" + std::to_string(i));
  for (int i = 2; i <= 1000; i += 2) expected_ids.push_back("B-" + std::to_string(i));
  std::vector<std::string> got_ids;
  for (const Finding& finding : reason->findings) got_ids.push_back(finding.record_id);
  CHECK(got_ids == expected_ids);
  CHECK(reason->status == RuleStatus::kGap);

  // Accounting and inputs, in the sources' order.
  CHECK(result.records_read == 6000);
  CHECK(result.records_evaluated == 6000);
  REQUIRE(result.inputs.size() == 3);
  CHECK(result.inputs[0].path == "a.csv");
  CHECK(result.inputs[1].path == "s.csv");
  CHECK(result.inputs[2].path == "b.csv");
  CHECK(result.inputs[1].rows == 2000);
}

TEST_CASE("a source that fails while read fails the audit, whatever the others do") {
  std::unique_ptr<PackSet> packs = EarlyPack();
  const RecordType& incident = *packs->schemas.Find("incident");
  std::vector<std::unique_ptr<RecordSource>> sources;
  sources.push_back(std::make_unique<ListSource>("staff", "s.csv", Incidents(incident, "S", 2000)));
  sources.push_back(
      std::make_unique<ListSource>("incident", "a.csv", Incidents(incident, "A", 3000), 1500));
  AuditRunOptions options;
  options.as_of = At("2025-01-01T00:00");
  AuditResult result;
  Diagnostics problems;
  CHECK_THROWS_WITH_AS(RunAudit(*packs, sources, options, result, problems), "cannot read a.csv",
                       std::runtime_error);
}

// The records of a ListSource, but a child table is found out of its parents' order at record
// `out_of_order_at`; reopened, it gives the same records (and a problem of a table read whole),
// or, when `reopens` is false, nothing.
class OutOfOrderSource : public RecordSource {
 public:
  OutOfOrderSource(std::vector<std::shared_ptr<const Record>> records, std::size_t out_of_order_at,
                   bool reopens = true)
      : records_(records),
        first_(std::make_unique<ListSource>("incident", "a.csv", std::move(records))),
        out_of_order_at_(out_of_order_at),
        reopens_(reopens) {}
  const std::string& kind() const override { return first_->kind(); }
  bool Next(std::shared_ptr<const Record>* out, Diagnostics& diagnostics) override {
    if (read_ == out_of_order_at_) throw ChildRowsOutOfOrder("interventions.csv");
    ++read_;
    return first_->Next(out, diagnostics);
  }
  const SourceCounts& counts() const override { return first_->counts(); }
  std::vector<SourceInput> inputs() const override { return first_->inputs(); }
  std::unique_ptr<RecordSource> ReopenChecked(Diagnostics& problems) override {
    if (!reopens_) return nullptr;
    problems.Warning({"interventions.csv", 7, 1}, "read whole");
    return std::make_unique<ListSource>("incident", "a.csv", records_);
  }

 private:
  std::vector<std::shared_ptr<const Record>> records_;
  std::unique_ptr<ListSource> first_;
  std::size_t out_of_order_at_;
  bool reopens_;
  std::size_t read_ = 0;
};

TEST_CASE("a source found out of order while read is read again, and counted once") {
  std::unique_ptr<PackSet> packs = EarlyPack();
  const RecordType& incident = *packs->schemas.Find("incident");
  std::vector<std::unique_ptr<RecordSource>> sources;
  sources.push_back(std::make_unique<ListSource>("staff", "s.csv", Incidents(incident, "S", 2000)));
  // Found out of order after several chunks of its records were evaluated.
  sources.push_back(std::make_unique<OutOfOrderSource>(Incidents(incident, "A", 3000), 2500));
  AuditRunOptions options;
  options.as_of = At("2025-01-01T00:00");
  AuditResult result;
  Diagnostics problems;
  RunAudit(*packs, sources, options, result, problems);

  // The problems of the reading let go are not reported; those of the opening again are.
  std::vector<std::string> expected_problems;
  for (int row = 0; row < 2000; row += 100) {
    expected_problems.push_back("s.csv:" + std::to_string(row + 2));
  }
  expected_problems.push_back("interventions.csv:7");
  for (int row = 0; row < 3000; row += 100) {
    expected_problems.push_back("a.csv:" + std::to_string(row + 2));
  }
  std::vector<std::string> got_problems;
  for (const Diagnostic& problem : problems.Items()) {
    got_problems.push_back(problem.location.file + ":" + std::to_string(problem.location.line));
  }
  CHECK(got_problems == expected_problems);

  const RuleOutcome* reason = nullptr;
  for (const RuleOutcome& rule : result.rules) {
    if (rule.id == "EARLY-REASON") reason = &rule;
  }
  REQUIRE(reason != nullptr);
  CHECK(reason->passed == 1500);
  CHECK(reason->failed == 1500);
  REQUIRE(reason->findings.size() == 1500);
  CHECK(reason->findings.front().record_id == "A-2");
  CHECK(reason->findings.back().record_id == "A-3000");
  CHECK(result.records_read == 5000);
  REQUIRE(result.inputs.size() == 2);
  CHECK(result.inputs[1].rows == 3000);
}

TEST_CASE("a source found out of order that cannot be opened again fails the audit") {
  std::unique_ptr<PackSet> packs = EarlyPack();
  const RecordType& incident = *packs->schemas.Find("incident");
  std::vector<std::unique_ptr<RecordSource>> sources;
  sources.push_back(
      std::make_unique<OutOfOrderSource>(Incidents(incident, "A", 3000), 10, /*reopens=*/false));
  AuditRunOptions options;
  options.as_of = At("2025-01-01T00:00");
  AuditResult result;
  Diagnostics problems;
  CHECK_THROWS_WITH_AS(RunAudit(*packs, sources, options, result, problems),
                       "the rows of 'interventions.csv' are not in the order of their parents",
                       ChildRowsOutOfOrder);
}

}  // namespace
}  // namespace uofa
