// RecordPipeline: a source's records read on a thread of their own while the caller evaluates the
// records already read, so that reading (CSV parsing, cell parsing, joins) and evaluating run on
// two cores. Records come out in the order the source gives them, and everything the source
// reports goes to `problems` from the reading thread alone, in the source's order: the output of
// an audit is the same as when one thread does both.
#ifndef UOFA_ENGINE_EVAL_RECORD_PIPELINE_H_
#define UOFA_ENGINE_EVAL_RECORD_PIPELINE_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "engine/base/batch_reader.h"
#include "engine/sources/record_source.h"
#include "uofa/diagnostic.h"

namespace uofa {

using RecordBatch = std::vector<std::shared_ptr<const Record>>;

class RecordPipeline {
 public:
  /// Called on the reading thread after each record is read (progress, checks that report to
  /// the same problems); may be empty.
  using OnRead = std::function<void(const RecordSource&, const Record&)>;

  /// Starts reading. `source`, `problems` and `on_read` must outlive the pipeline, and are not
  /// to be touched by the caller until Next has returned false or the pipeline is destroyed.
  RecordPipeline(RecordSource& source, Diagnostics& problems, OnRead on_read);
  RecordPipeline(const RecordPipeline&) = delete;
  RecordPipeline& operator=(const RecordPipeline&) = delete;

  /// The next records, in source order; false when the source is exhausted. An exception thrown
  /// while reading (out of memory) is thrown here.
  bool Next(RecordBatch* batch) { return reader_.NextBatch(batch); }

 private:
  static constexpr std::size_t kBatchSize = 512;
  static constexpr std::size_t kBatchesAhead = 8;

  // Reads one batch on the reading thread; false once the source is exhausted.
  bool ReadBatch(RecordBatch* batch, std::size_t size);

  RecordSource& source_;
  Diagnostics& problems_;
  OnRead on_read_;
  BatchReader<std::shared_ptr<const Record>> reader_;  // last: starts once the above are set
};

}  // namespace uofa

#endif  // UOFA_ENGINE_EVAL_RECORD_PIPELINE_H_
