// HugePageAllocator: tables of a huge page or more aligned to one, smaller ones from the heap.
#include "engine/base/huge_page_allocator.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

namespace uofa {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

bool AlignedToHugePage(const void* pointer) {
  return reinterpret_cast<std::uintptr_t>(pointer) % kHugePage == 0;
}

TEST_CASE("huge page allocator: a table of a huge page or more starts on one") {
  std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> table(kHugePage / 8 * 3 + 1, 7);
  CHECK(AlignedToHugePage(table.data()));
  CHECK(table.front() == 7);
  CHECK(table.back() == 7);
  table.back() = 9;  // the last element, past the second huge page, is writable
  CHECK(table.back() == 9);

  // Grown and shrunk through both kinds of allocation, the values stay.
  std::vector<int, HugePageAllocator<int>> growing;
  for (int i = 0; i < 1 << 20; ++i) growing.push_back(i);
  CHECK(AlignedToHugePage(growing.data()));
  growing.resize(10);
  growing.shrink_to_fit();
  CHECK(growing.capacity() == 10);
  CHECK(growing[9] == 9);
}

TEST_CASE("huge page allocator: a request too large to count is refused, a small one served") {
  HugePageAllocator<std::uint64_t> allocator;
  CHECK_THROWS_AS(allocator.allocate(std::size_t(-1) / 4), std::bad_array_new_length);
  std::uint64_t* small = allocator.allocate(3);
  small[2] = 1;
  CHECK(small[2] == 1);
  allocator.deallocate(small, 3);
  CHECK(HugePageAllocator<int>() == HugePageAllocator<char>());
}

}  // namespace
}  // namespace uofa
