#include "engine/eval/record_pipeline.h"

#include <doctest/doctest.h>

#include <memory>
#include <new>
#include <string>
#include <vector>

namespace uofa {
namespace {

// Records numbered 1..n (the number in `origin.line`); every 100th is reported as a problem.
class CountingSource : public RecordSource {
 public:
  explicit CountingSource(int rows, int fail_at = 0) : rows_(rows), fail_at_(fail_at) {}
  const std::string& kind() const override { return kind_; }
  bool Next(std::shared_ptr<const Record>* out, Diagnostics& diagnostics) override {
    if (next_ >= rows_) return false;
    ++next_;
    ++counts_.rows_read;
    if (next_ == fail_at_) throw std::bad_alloc();
    if (next_ % 100 == 0) diagnostics.Warning({"t.csv", next_, 1}, "row " + std::to_string(next_));
    auto record = std::make_shared<Record>();
    record->origin = {"t.csv", next_, 0};
    *out = std::move(record);
    return true;
  }
  const SourceCounts& counts() const override { return counts_; }
  std::vector<SourceInput> inputs() const override { return {}; }

 private:
  std::string kind_ = "row";
  int rows_;
  int fail_at_;
  int next_ = 0;
  SourceCounts counts_;
};

TEST_CASE("record pipeline: every record, in the source's order, and its problems in order") {
  for (int rows : {0, 1, 511, 512, 513, 40000}) {
    CountingSource source(rows);
    Diagnostics problems;
    std::size_t reported = 0;
    std::vector<int> lines;
    {
      RecordPipeline pipeline(source, problems, [&](const RecordSource&, const Record&) { ++reported; });
      RecordBatch batch;
      while (pipeline.Next(&batch)) {
        for (const auto& record : batch) lines.push_back(record->origin.line);
      }
      CHECK_FALSE(pipeline.Next(&batch));  // stays at the end
    }
    REQUIRE(lines.size() == static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) CHECK(lines[i] == i + 1);
    CHECK(reported == static_cast<std::size_t>(rows));
    CHECK(source.counts().rows_read == static_cast<std::size_t>(rows));
    REQUIRE(problems.Items().size() == static_cast<std::size_t>(rows / 100));
    for (std::size_t i = 0; i < problems.Items().size(); ++i) {
      CHECK(problems.Items()[i].location.line == static_cast<int>(100 * (i + 1)));
    }
  }
}

TEST_CASE("record pipeline: stopped early, it ends without reading the rest") {
  CountingSource source(1000000);
  Diagnostics problems;
  {
    RecordPipeline pipeline(source, problems, nullptr);
    RecordBatch batch;
    REQUIRE(pipeline.Next(&batch));
    CHECK(batch.size() == 512);
  }
  // The reader stops at its next batch once the queue is full: far fewer rows than the source.
  CHECK(source.counts().rows_read < 100000);
}

TEST_CASE("record pipeline: a failure while reading reaches the caller after the rows before it") {
  CountingSource source(5000, 2000);
  Diagnostics problems;
  RecordPipeline pipeline(source, problems, nullptr);
  RecordBatch batch;
  std::size_t records = 0;
  bool thrown = false;
  try {
    while (pipeline.Next(&batch)) records += batch.size();
  } catch (const std::bad_alloc&) {
    thrown = true;
  }
  CHECK(thrown);
  CHECK(records == 1536);  // the three full batches read before row 2,000
}

}  // namespace
}  // namespace uofa
