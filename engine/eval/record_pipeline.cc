#include "engine/eval/record_pipeline.h"

#include <system_error>
#include <utility>

namespace uofa {

RecordPipeline::RecordPipeline(RecordSource& source, Diagnostics& problems, OnRead on_read)
    : source_(source), problems_(problems), on_read_(std::move(on_read)) {
  try {
    reader_ = std::thread([this] { Read(); });
    threaded_ = true;
  } catch (const std::system_error&) {
    // No thread to be had: Next reads on the caller's thread.
  }
}

RecordPipeline::~RecordPipeline() {
  if (!threaded_) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  space_.notify_all();
  reader_.join();
}

bool RecordPipeline::ReadBatch(RecordBatch* batch) {
  batch->clear();
  std::shared_ptr<const Record> record;
  while (batch->size() < kBatchSize && source_.Next(&record, problems_)) {
    if (on_read_) on_read_(source_, *record);
    batch->push_back(std::move(record));
  }
  return !batch->empty();
}

void RecordPipeline::Read() {
  try {
    for (;;) {
      RecordBatch batch;
      batch.reserve(kBatchSize);
      bool more = ReadBatch(&batch);
      // A short batch is the source's last: its Next has returned false.
      bool last = batch.size() < kBatchSize;
      std::unique_lock<std::mutex> lock(mutex_);
      if (more) {
        space_.wait(lock, [this] { return stopping_ || queue_.size() < kBatchesAhead; });
        if (stopping_) break;
        queue_.push_back(std::move(batch));
      }
      if (last) {
        finished_ = true;
        lock.unlock();
        ready_.notify_one();
        return;
      }
      lock.unlock();
      ready_.notify_one();
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    failure_ = std::current_exception();
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    finished_ = true;
  }
  ready_.notify_one();
}

bool RecordPipeline::Next(RecordBatch* batch) {
  if (!threaded_) return ReadBatch(batch);
  std::unique_lock<std::mutex> lock(mutex_);
  ready_.wait(lock, [this] { return !queue_.empty() || finished_; });
  if (!queue_.empty()) {
    *batch = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    space_.notify_one();
    return true;
  }
  if (failure_) std::rethrow_exception(failure_);
  return false;
}

}  // namespace uofa
