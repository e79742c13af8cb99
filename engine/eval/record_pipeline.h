// RecordPipeline: a source's records read on a thread of their own while the caller evaluates the
// records already read, so that reading (CSV parsing, cell parsing, joins) and evaluating run on
// two cores. Records come out in the order the source gives them, and everything the source
// reports goes to `problems` from the reading thread alone, in the source's order: the output of
// an audit is the same as when one thread does both.
#ifndef UOFA_ENGINE_EVAL_RECORD_PIPELINE_H_
#define UOFA_ENGINE_EVAL_RECORD_PIPELINE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

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
  /// Stops the reading thread (at its next batch) and waits for it.
  ~RecordPipeline();
  RecordPipeline(const RecordPipeline&) = delete;
  RecordPipeline& operator=(const RecordPipeline&) = delete;

  /// The next records, in source order; false when the source is exhausted. An exception thrown
  /// while reading (out of memory) is thrown here.
  bool Next(RecordBatch* batch);

 private:
  static constexpr std::size_t kBatchSize = 512;
  static constexpr std::size_t kBatchesAhead = 8;

  void Read();
  // Reads one batch on the calling thread: the fallback when no thread can be started.
  bool ReadBatch(RecordBatch* batch);

  RecordSource& source_;
  Diagnostics& problems_;
  OnRead on_read_;
  std::mutex mutex_;
  std::condition_variable ready_;  // a batch was queued, or reading ended
  std::condition_variable space_;  // a batch was taken, or the pipeline is stopping
  std::deque<RecordBatch> queue_;
  bool finished_ = false;
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::thread reader_;
  bool threaded_ = false;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_EVAL_RECORD_PIPELINE_H_
