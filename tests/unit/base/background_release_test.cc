#include "engine/base/background_release.h"

#include <doctest/doctest.h>

#include <atomic>
#include <memory>
#include <thread>

namespace uofa {
namespace {

// Counts its destruction, and notes the thread it happened on.
class Watched {
 public:
  Watched(std::atomic<int>* destroyed, std::thread::id* on) : destroyed_(destroyed), on_(on) {}
  Watched(const Watched&) = delete;
  Watched& operator=(const Watched&) = delete;
  ~Watched() {
    *on_ = std::this_thread::get_id();
    ++*destroyed_;
  }

 private:
  std::atomic<int>* destroyed_;
  std::thread::id* on_;
};

TEST_CASE("background release: what is held is let go on another thread, and waited for") {
  std::atomic<int> destroyed{0};
  std::thread::id first;
  std::thread::id second;
  ReleaseInBackground(std::make_shared<Watched>(&destroyed, &first));
  ReleaseInBackground(std::make_shared<Watched>(&destroyed, &second));
  WaitForReleases();
  CHECK(destroyed == 2);
  CHECK(first != std::thread::id());
  CHECK(first != std::this_thread::get_id());
  CHECK(second != std::this_thread::get_id());
  WaitForReleases();  // nothing left to wait for
  CHECK(destroyed == 2);
}

TEST_CASE("background release: what another reference still holds is kept") {
  std::atomic<int> destroyed{0};
  std::thread::id on;
  auto held = std::make_shared<Watched>(&destroyed, &on);
  ReleaseInBackground(held);
  WaitForReleases();
  CHECK(destroyed == 0);
  held.reset();
  CHECK(destroyed == 1);
  CHECK(on == std::this_thread::get_id());
}

}  // namespace
}  // namespace uofa
