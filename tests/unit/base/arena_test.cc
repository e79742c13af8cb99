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
Arena* Offered(ArenaSupply& supply, std::size_t need) { return supply.Next(need).get(); }

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
  ArenaRef reference = ArenaRef::New(256);
  Arena* arena = reference.get();
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
  ArenaRef reference = ArenaRef::New(8);
  CHECK_FALSE(ArenaAllocator<int>(reference.get()) == ArenaAllocator<int>());
}

TEST_CASE("arena references: counted by copies, passed on by moves, swapped by assignment") {
  const std::size_t live = Arena::live();
  ArenaRef first = ArenaRef::New(64);
  Arena* arena = first.get();
  CHECK(Arena::live() == live + 1);
  CHECK(arena->references() == 1);
  {
    ArenaRef copy = first;
    CHECK(copy.get() == arena);
    CHECK(arena->references() == 2);
  }
  CHECK(arena->references() == 1);
  ArenaRef moved = std::move(first);
  CHECK_FALSE(first);
  CHECK(moved.get() == arena);
  CHECK(arena->references() == 1);

  // Assigning swaps: the reference held before goes to the object assigned from.
  ArenaRef other = ArenaRef::New(64);
  Arena* other_arena = other.get();
  moved = std::move(other);
  CHECK(moved.get() == other_arena);
  CHECK(other.get() == arena);
  CHECK(Arena::live() == live + 2);
  other = ArenaRef();  // the empty one takes it, and releases it at the end of the statement
  CHECK_FALSE(other);
  CHECK(Arena::live() == live + 1);

  Arena* left = moved.Leave();
  CHECK_FALSE(moved);
  CHECK(left->references() == 1);  // held by the caller now
  ArenaRef adopted = ArenaRef::Adopt(left);
  CHECK(left->references() == 1);
  adopted = ArenaRef();
  CHECK(Arena::live() == live);
}

TEST_CASE("arena: freed when the last shared object placed in it goes") {
  const std::size_t live = Arena::live();
  std::shared_ptr<const std::string> kept;
  std::shared_ptr<const std::string> also;
  Arena* arena = nullptr;
  {
    ArenaSupply supply;
    ArenaRef reference = supply.Next(64);
    arena = reference.get();
    REQUIRE(arena != nullptr);
    CHECK(arena->references() == 2);  // the supply's and this
    kept = ShareInArena(&reference, std::string("kept"));
    CHECK_FALSE(reference);  // taken over by the shared string's block
    CHECK(arena->Holds(kept.get()));
    ArenaRef another(arena);
    also = ShareInArena(&another, std::string("also"));
    CHECK(arena->references() == 3);
  }
  CHECK(Arena::live() == live + 1);  // the shared strings hold it
  CHECK(arena->references() == 2);
  CHECK(*kept == "kept");
  std::shared_ptr<const std::string> copy = kept;  // a copy of the pointer counts nothing more
  CHECK(arena->references() == 2);
  kept.reset();
  copy.reset();
  CHECK(arena->references() == 1);
  CHECK(*also == "also");
  also.reset();
  CHECK(Arena::live() == live);

  // With no arena the block is on the heap.
  ArenaRef none;
  std::shared_ptr<const std::string> plain = ShareInArena(&none, std::string("plain"));
  CHECK(*plain == "plain");
}

TEST_CASE("arena supply: a fresh arena when too little is left; the heap for large objects") {
  const std::size_t live = Arena::live();
  ArenaSupply supply;
  Arena* first = Offered(supply, 100);
  REQUIRE(first != nullptr);
  CHECK(Offered(supply, 100) == first);  // nothing taken yet: room for it
  REQUIRE(first->Allocate(ArenaSupply::kBlockBytes - 50, 1) != nullptr);
  Arena* second = Offered(supply, 100);
  REQUIRE(second != nullptr);
  CHECK(second != first);
  CHECK(second->remaining() == ArenaSupply::kBlockBytes);
  CHECK(Offered(supply, ArenaSupply::kBlockBytes / 2) == nullptr);
  CHECK(Offered(supply, ArenaSupply::kBlockBytes / 2 - 1) == second);
  CHECK(Arena::live() == live + 1);  // the first was freed when the supply let it go
}

TEST_CASE("arena: keeps an owner alive until it is freed, and keeps it once") {
  auto owner = std::make_shared<const std::string>("patients");
  std::weak_ptr<const std::string> watched = owner;
  {
    ArenaRef reference = ArenaRef::New(64);
    reference.get()->KeepAlive(owner);
    reference.get()->KeepAlive(owner);
    CHECK(reference.get()->kept() == 1);
    CHECK(owner.use_count() == 2);
    auto other = std::make_shared<const int>(7);
    reference.get()->KeepAlive(other);
    CHECK(reference.get()->kept() == 2);

    // A borrowed pointer counts nothing, and is valid while the arena keeps its owner.
    std::shared_ptr<const std::string> borrowed = Borrowed(owner.get());
    std::shared_ptr<const std::string> copy = borrowed;
    CHECK(borrowed.use_count() == 0);
    CHECK(owner.use_count() == 2);
    owner.reset();
    CHECK_FALSE(watched.expired());
    CHECK(*copy == "patients");
  }
  CHECK(watched.expired());  // with the arena
}

}  // namespace
}  // namespace uofa
