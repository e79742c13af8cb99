// BatchReader: items made on a thread of their own, a batch at a time, and handed out in the order
// they were made, so that reading a file (parsing CSV, building records) runs on another core
// than the code that uses what was read. At most `batches_ahead` batches wait to be taken, which
// bounds the memory the reading thread can fill; once that many wait, the reading thread sleeps
// until half of them are taken, and then makes batches again until the queue is full.
#ifndef UOFA_ENGINE_BASE_BATCH_READER_H_
#define UOFA_ENGINE_BASE_BATCH_READER_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace uofa {

template <typename T>
class BatchReader {
 public:
  /// Fills `*batch` (given empty) with the next items, at most `batch_size` of them; returns false
  /// once there are none left (a batch returned with `true` may be short only if it is the last).
  using Fill = std::function<bool(std::vector<T>* batch, std::size_t batch_size)>;

  /// Starts the reading thread. Where no thread can be started, NextBatch calls `fill` itself.
  BatchReader(Fill fill, std::size_t batch_size, std::size_t batches_ahead)
      : fill_(std::move(fill)),
        batch_size_(batch_size),
        batches_ahead_(batches_ahead),
        resume_at_(batches_ahead / 2) {
    try {
      thread_ = std::thread([this] { Run(); });
      threaded_ = true;
    } catch (const std::system_error&) {
      // No thread to be had: NextBatch reads on the caller's thread.
    }
  }

  /// Stops the reading thread (once its current batch is made) and waits for it.
  ~BatchReader() {
    if (!threaded_) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    space_.notify_all();
    thread_.join();
  }

  BatchReader(const BatchReader&) = delete;
  BatchReader& operator=(const BatchReader&) = delete;

  /// The next batch, in order; false at the end (and on every call after it). An exception
  /// thrown by `fill` (out of memory) is thrown here.
  bool NextBatch(std::vector<T>* batch) {
    batch->clear();
    if (!threaded_) {
      if (done_) return false;
      done_ = !fill_(batch, batch_size_);
      return !batch->empty();
    }
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !queue_.empty() || finished_; });
    if (!queue_.empty()) {
      *batch = std::move(queue_.front());
      queue_.pop_front();
      const bool wake = reader_waiting_ && queue_.size() <= resume_at_;
      lock.unlock();
      if (wake) space_.notify_one();
      return true;
    }
    if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
    return false;
  }

  /// The next item, in order, left where it is in its batch (not moved or copied out): valid
  /// until the next call, which may let its batch go; null at the end.
  T* Next() {
    if (taken_ == current_.size()) {
      taken_ = 0;
      if (!NextBatch(&current_)) return nullptr;
    }
    return &current_[taken_++];
  }

 private:
  void Run() {
    try {
      for (;;) {
        std::vector<T> batch;
        batch.reserve(batch_size_);
        bool more = fill_(&batch, batch_size_);
        std::unique_lock<std::mutex> lock(mutex_);
        if (!batch.empty()) {
          if (queue_.size() >= batches_ahead_) {
            // Full: sleep until half the queue is taken, then make batches without a pause,
            // rather than waking (and switching cores' work) for every batch taken.
            reader_waiting_ = true;
            space_.wait(lock, [this] { return stopping_ || queue_.size() <= resume_at_; });
            reader_waiting_ = false;
          }
          if (stopping_) break;
          queue_.push_back(std::move(batch));
        }
        if (!more) break;
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

  Fill fill_;
  const std::size_t batch_size_;
  const std::size_t batches_ahead_;
  const std::size_t resume_at_;  // a full queue is refilled once no more batches than this wait
  std::mutex mutex_;
  std::condition_variable ready_;  // a batch was queued, or reading ended
  std::condition_variable space_;  // a batch was taken, or the reader is stopping
  std::deque<std::vector<T>> queue_;
  bool finished_ = false;
  bool stopping_ = false;
  bool reader_waiting_ = false;  // the reading thread sleeps on space_ until resume_at_
  std::exception_ptr failure_;
  std::thread thread_;
  bool threaded_ = false;
  bool done_ = false;  // unthreaded: fill has said there is no more
  std::vector<T> current_;  // for Next: the batch being handed out, and how much of it is taken
  std::size_t taken_ = 0;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_BASE_BATCH_READER_H_
