#include "engine/base/background_release.h"

#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace uofa {
namespace {

class Releases {
 public:
  ~Releases() { Wait(); }

  void Start(std::shared_ptr<const void> held) {
    Wait();
    std::lock_guard<std::mutex> lock(mutex_);
    threads_.reserve(threads_.size() + 1);
    try {
      threads_.emplace_back([held = std::move(held)]() mutable { held.reset(); });
    } catch (const std::system_error&) {
      // No thread to be had: the lambda, and with it `held`, is let go here.
    }
  }

  void Wait() {
    std::vector<std::thread> threads;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      threads.swap(threads_);
    }
    for (std::thread& thread : threads) thread.join();
  }

 private:
  std::mutex mutex_;
  std::vector<std::thread> threads_;
};

// Constructed on first use, so destroyed (and so waited for) at exit before anything that was
// constructed earlier.
Releases& TheReleases() {
  static Releases releases;
  return releases;
}

}  // namespace

void ReleaseInBackground(std::shared_ptr<const void> held) { TheReleases().Start(std::move(held)); }

void WaitForReleases() { TheReleases().Wait(); }

}  // namespace uofa
