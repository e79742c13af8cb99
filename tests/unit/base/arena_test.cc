#include "engine/base/arena.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace uofa {
namespace {

using Numbers = std::vector<std::int64_t, ArenaAllocator<std::int64_t>>;

std::uintptr_t Address(const void* pointer) { return reinterpret_cast<std::uintptr_t>(pointer); }

// The arena the supply offers for `need` bytes (null: the heap).
std::shared_ptr<Arena> Offered(ArenaSupply& supply, std::size_t need) {
  ArenaAllocator<std::byte> allocator = supply.Next(need);
  return allocator.arena();
}

TEST_CASE("arena: serves requests in order, aligned, until the block is full") {
  Arena arena(64);
  void* first = arena.Allocate(3, 1);
  void* second = arena.Allocate(8, 8);
  REQUIRE(first != nullptr);
  REQUIRE(second != nullptr);
  CHECK(Address(second) % 8 == 0);
  CHECK(Address(second) >= Address(first) + 3);
  CHECK(Address(second) - Address(first) < 3 + 8);
  CHECK(arena.Holds(first));
  CHECK(arena.Holds(second));
  const std::size_t left = arena.remaining();
  CHECK(left == 64 - (Address(second) - Address(first) + 8));
  CHECK(arena.Allocate(left + 1, 1) == nullptr);
  CHECK(arena.remaining() == left);  // a refused request takes nothing
  void* rest = arena.Allocate(left, 1);
  REQUIRE(rest != nullptr);
  CHECK(arena.remaining() == 0);
  CHECK(arena.Allocate(1, 1) == nullptr);
  int elsewhere = 0;
  CHECK_FALSE(arena.Holds(&elsewhere));
}

TEST_CASE("arena allocator: containers fill the arena, then grow on the heap") {
  auto arena = std::make_shared<Arena>(256);
  Numbers numbers{ArenaAllocator<std::int64_t>(arena)};
  numbers.reserve(4);
  CHECK(arena->Holds(numbers.data()));
  for (std::int64_t i = 0; i < 1000; ++i) numbers.push_back(i);  // past the block: the heap
  CHECK_FALSE(arena->Holds(numbers.data()));
  CHECK(numbers[999] == 999);
  CHECK(numbers.front() == 0);

  // A copy is on the heap, with no arena; a move keeps the memory and the arena.
  Numbers small{ArenaAllocator<std::int64_t>(arena)};
  small.assign({1, 2, 3});
  REQUIRE(arena->Holds(small.data()));
  auto copy = small;
  CHECK(copy.get_allocator().arena() == nullptr);
  CHECK_FALSE(arena->Holds(copy.data()));
  CHECK(copy == small);
  const std::int64_t* data = small.data();
  auto moved = std::move(small);
  CHECK(moved.data() == data);
  CHECK(moved.get_allocator().arena() == arena);
}

TEST_CASE("arena allocator: the default one uses the heap") {
  std::vector<std::string, ArenaAllocator<std::string>> words;
  words.push_back("a string longer than the small-string buffer");
  CHECK(words.get_allocator().arena() == nullptr);
  CHECK(words.back().size() == 44);
  CHECK(ArenaAllocator<int>() == ArenaAllocator<long>());
  CHECK_FALSE(ArenaAllocator<int>(std::make_shared<Arena>(8)) == ArenaAllocator<int>());
}

TEST_CASE("arena: freed when the last container and shared object allocated from it go") {
  std::weak_ptr<Arena> watch;
  std::shared_ptr<const std::string> kept;
  {
    ArenaSupply supply;
    ArenaAllocator<std::string> allocator = supply.Next<std::string>(64);
    watch = allocator.arena();
    kept = std::allocate_shared<const std::string>(allocator, "kept");
    CHECK(watch.lock()->Holds(kept.get()));
  }
  CHECK_FALSE(watch.expired());  // the shared string holds it
  CHECK(*kept == "kept");
  kept.reset();
  CHECK(watch.expired());
}

TEST_CASE("arena supply: a fresh arena when too little is left; the heap for large objects") {
  ArenaSupply supply;
  std::shared_ptr<Arena> first = Offered(supply, 100);
  REQUIRE(first != nullptr);
  CHECK(Offered(supply, 100) == first);  // nothing taken yet: room for it
  REQUIRE(first->Allocate(ArenaSupply::kBlockBytes - 50, 1) != nullptr);
  std::shared_ptr<Arena> second = Offered(supply, 100);
  REQUIRE(second != nullptr);
  CHECK(second != first);
  CHECK(second->remaining() == ArenaSupply::kBlockBytes);
  CHECK(Offered(supply, ArenaSupply::kBlockBytes / 2) == nullptr);
  CHECK(Offered(supply, ArenaSupply::kBlockBytes / 2 - 1) == second);
}

}  // namespace
}  // namespace uofa
