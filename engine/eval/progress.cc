#include "engine/eval/progress.h"

#include <unistd.h>

#include <cmath>

namespace uofa {
namespace {

std::string Grouped(std::size_t number) {
  std::string digits = std::to_string(number);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Span(double seconds) {
  auto whole = static_cast<long long>(std::llround(seconds));
  if (whole < 60) return std::to_string(whole) + " s";
  if (whole < 3600) return std::to_string(whole / 60) + " min " + std::to_string(whole % 60) + " s";
  return std::to_string(whole / 3600) + " h " + std::to_string(whole % 3600 / 60) + " min";
}

void Write(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t wrote = ::write(fd, text.data() + done, text.size() - done);
    if (wrote <= 0) return;  // progress is a courtesy: never fail the audit over it
    done += static_cast<std::size_t>(wrote);
  }
}

}  // namespace

std::string FormatProgress(std::size_t rows, double elapsed_seconds, double fraction) {
  std::string text = "read " + Grouped(rows) + (rows == 1 ? " row" : " rows");
  if (elapsed_seconds > 0) {
    text += " (" + Grouped(static_cast<std::size_t>(rows / elapsed_seconds)) + " rows/s)";
  }
  if (fraction > 0 && fraction <= 1 && elapsed_seconds > 0) {
    text += ", about " + Span(elapsed_seconds * (1 - fraction) / fraction) + " left";
  }
  return text;
}

ProgressMeter::ProgressMeter(int fd)
    : fd_(fd),
      active_(::isatty(fd) == 1),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressMeter::~ProgressMeter() {
  Clear();
}

void ProgressMeter::Update(std::size_t rows, double fraction) {
  if (!active_ || (++calls_ & 255u) != 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  double elapsed = std::chrono::duration<double>(now - start_).count();
  if (elapsed < kQuietSeconds) return;
  if (drawn_ && std::chrono::duration<double>(now - last_draw_).count() < kRedrawSeconds) return;
  last_draw_ = now;
  drawn_ = true;
  // Carriage return, the line, then clear to its end: redrawn in place.
  Write(fd_, "\r" + FormatProgress(rows, elapsed, fraction) + "\x1b[K");
}

void ProgressMeter::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!drawn_) return;
  drawn_ = false;
  Write(fd_, "\r\x1b[K");
}

}  // namespace uofa
