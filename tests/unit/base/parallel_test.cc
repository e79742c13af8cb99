#include "engine/base/parallel.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <numeric>
#include <set>
#include <thread>
#include <vector>

namespace uofa {
namespace {

TEST_CASE("parallel for: every index is worked on exactly once") {
  for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{1000}}) {
    std::vector<int> calls(count, 0);
    ParallelFor(count, [&](std::size_t i) { ++calls[i]; });
    CHECK(std::accumulate(calls.begin(), calls.end(), 0) == static_cast<int>(count));
    CHECK(std::count(calls.begin(), calls.end(), 1) == static_cast<long>(count));
  }
}

TEST_CASE("parallel for: the work is shared with other threads where there are cores") {
  std::mutex mutex;
  std::set<std::thread::id> threads;
  std::atomic<int> waiting{0};
  const int count = 2;
  ParallelFor(count, [&](std::size_t) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      threads.insert(std::this_thread::get_id());
    }
    // Each call waits (briefly) for the other, so one thread cannot take both.
    ++waiting;
    for (int spin = 0; spin < 2000 && waiting.load() < count; ++spin) {
      std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
  });
  if (std::thread::hardware_concurrency() >= 2) {
    CHECK(threads.size() == 2);
    CHECK(threads.count(std::this_thread::get_id()) == 1);  // the caller works too
  } else {
    CHECK(threads.size() == 1);
  }
}

}  // namespace
}  // namespace uofa
