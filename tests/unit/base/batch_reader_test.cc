#include "engine/base/batch_reader.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <new>
#include <thread>
#include <vector>

namespace uofa {
namespace {

// A reader of the numbers 1..count, `size` at a time.
BatchReader<int>::Fill Numbers(int count, std::atomic<int>* made, int fail_at = 0) {
  return [count, made, fail_at](std::vector<int>* batch, std::size_t size) {
    while (batch->size() < size) {
      int next = ++*made;
      if (next == fail_at) throw std::bad_alloc();
      if (next > count) return false;
      batch->push_back(next);
    }
    return true;
  };
}

TEST_CASE("batch reader: every item once, in order, in batches of the size asked") {
  for (int count : {0, 1, 7, 8, 9, 1000}) {
    std::atomic<int> made{0};
    BatchReader<int> reader(Numbers(count, &made), 8, 2);
    std::vector<int> seen;
    std::vector<int> batch;
    while (reader.NextBatch(&batch)) {
      CHECK(batch.size() <= 8);
      CHECK_FALSE(batch.empty());
      seen.insert(seen.end(), batch.begin(), batch.end());
    }
    CHECK_FALSE(reader.NextBatch(&batch));  // stays at the end
    CHECK(batch.empty());
    REQUIRE(seen.size() == static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) CHECK(seen[i] == i + 1);
  }
}

TEST_CASE("batch reader: items one at a time across batch boundaries") {
  std::atomic<int> made{0};
  constexpr int kBatch = 4;
  BatchReader<int> reader(Numbers(21, &made), kBatch, 3);
  int expected = 1;
  const int* previous = nullptr;
  while (const int* item = reader.Next()) {
    const bool first_of_batch = (expected - 1) % kBatch == 0;
    CHECK(*item == expected++);
    if (!first_of_batch) CHECK(item == previous + 1);  // left where it is in its batch
    previous = item;
  }
  CHECK(expected == 22);
  CHECK(reader.Next() == nullptr);
}

TEST_CASE("batch reader: reads no further ahead than it is allowed, and stops when dropped") {
  std::atomic<int> made{0};
  {
    BatchReader<int> reader(Numbers(1000000, &made), 10, 2);
    const int* item = reader.Next();
    REQUIRE(item != nullptr);
    CHECK(*item == 1);
  }  // dropped long before the end: the reading thread stops and is joined
  // The batch taken, two waiting, and at most one being made when the reader stopped.
  CHECK(made.load() <= 4 * 10);
}

// Waits (a bounded while) for the reading thread to have made `count` items.
bool MadeReaches(const std::atomic<int>& made, int count) {
  for (int i = 0; i < 2000 && made.load() < count; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return made.load() == count;
}

TEST_CASE("batch reader: a full queue is refilled once half of it is taken, not batch by batch") {
  std::atomic<int> made{0};
  BatchReader<int> reader(Numbers(1000, &made), 1, 4);
  // Four batches wait and a fifth is made: the reading thread sleeps.
  REQUIRE(MadeReaches(made, 5));
  std::vector<int> batch;
  REQUIRE(reader.NextBatch(&batch));
  CHECK(batch == std::vector<int>{1});
  // Three still wait, more than half: the reading thread is not woken.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(made.load() == 5);
  REQUIRE(reader.NextBatch(&batch));
  CHECK(batch == std::vector<int>{2});
  // Two wait: it queues the batch it holds, makes the next and holds one more.
  CHECK(MadeReaches(made, 7));
  for (int expected = 3; expected <= 20; ++expected) {
    REQUIRE(reader.NextBatch(&batch));
    CHECK(batch == std::vector<int>{expected});
  }
}

TEST_CASE("batch reader: a failure while reading is thrown to the caller after the items before it") {
  std::atomic<int> made{0};
  BatchReader<int> reader(Numbers(100, &made, /*fail_at=*/25), 10, 2);
  std::vector<int> batch;
  int items = 0;
  CHECK_THROWS_AS(
      {
        while (reader.NextBatch(&batch)) items += static_cast<int>(batch.size());
      },
      std::bad_alloc);
  CHECK(items == 20);  // the two full batches before the one that failed
  CHECK_FALSE(reader.NextBatch(&batch));
}

}  // namespace
}  // namespace uofa
