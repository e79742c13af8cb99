#include "engine/base/parallel.h"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>
#include <vector>

namespace uofa {

void ParallelFor(std::size_t count, const std::function<void(std::size_t)>& work) {
  if (count == 0) return;
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t i = next++; i < count; i = next++) work(i);
  };
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::size_t helpers = std::min<std::size_t>(cores, count) - 1;
  std::vector<std::thread> threads;
  try {
    for (std::size_t i = 0; i < helpers; ++i) threads.emplace_back(run);
  } catch (const std::system_error&) {
    // No more threads to be had: those started and the calling thread share the rest.
  }
  run();
  for (std::thread& thread : threads) thread.join();
}

}  // namespace uofa
