// Progress of a long read, on stderr when stderr is a terminal: rows read, rows per second and,
// when the share of the input read is known, the time left. Nothing is drawn for a read shorter
// than kQuietSeconds, nor ever when the output is not a terminal (a pipe, a CI log, a file).
#ifndef UOFA_ENGINE_EVAL_PROGRESS_H_
#define UOFA_ENGINE_EVAL_PROGRESS_H_

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace uofa {

/// "read 1,234,567 rows (45,678 rows/s), about 2 min 5 s left": the line drawn. `fraction` is
/// the share of the input read (0..1), or negative when it is not known (no time left shown).
std::string FormatProgress(std::size_t rows, double elapsed_seconds, double fraction);

class ProgressMeter {
 public:
  static constexpr double kQuietSeconds = 2.0;
  static constexpr double kRedrawSeconds = 0.25;

  /// Draws on file descriptor `fd` (2: stderr) when it is a terminal; otherwise does nothing.
  explicit ProgressMeter(int fd = 2);
  /// Clears the line when something was drawn.
  ~ProgressMeter();
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;

  /// Cheap enough to call for every row: looks at the clock once every 256 calls. May be called
  /// from several threads at once (sources read side by side).
  void Update(std::size_t rows, double fraction);
  /// Clears the line; later updates draw again.
  void Clear();
  bool active() const { return active_; }

 private:
  int fd_;
  bool active_;
  std::atomic<unsigned> calls_{0};
  std::mutex mutex_;  // guards what follows
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_EVAL_PROGRESS_H_
