// HugePageAllocator: an allocator for large tables read at random places, such as the slots of an
// index of millions of keys. An allocation of a huge page (2 MiB) or more is aligned to one and
// asked of the kernel in huge pages (transparent huge pages, where the system allows them for
// memory that asks): read at random in pages of 4 KiB, a table of 48 MiB cost a miss in the
// address translation cache on nearly every lookup, as well as the miss in the data cache. A
// smaller allocation comes from the heap as usual.
#ifndef UOFA_ENGINE_BASE_HUGE_PAGE_ALLOCATOR_H_
#define UOFA_ENGINE_BASE_HUGE_PAGE_ALLOCATOR_H_

#include <cstddef>
#include <cstdlib>
#include <limits>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace uofa {

namespace huge_page_internal {

inline constexpr std::size_t kHugePage = std::size_t{2} << 20;

// `bytes` rounded up to whole huge pages, or 0 for an allocation served by the heap.
inline std::size_t HugeBytes(std::size_t bytes) {
  return bytes < kHugePage ? 0 : (bytes + kHugePage - 1) & ~(kHugePage - 1);
}

}  // namespace huge_page_internal

template <typename T>
class HugePageAllocator {
 public:
  using value_type = T;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: converting, as allocators are

  T* allocate(std::size_t n) {
    if (n > std::numeric_limits<std::size_t>::max() / sizeof(T)) throw std::bad_array_new_length();
    const std::size_t bytes = n * sizeof(T);
    const std::size_t huge = huge_page_internal::HugeBytes(bytes);
    if (huge == 0) return static_cast<T*>(::operator new(bytes));
    void* memory = std::aligned_alloc(huge_page_internal::kHugePage, huge);
    if (memory == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    // Before the pages are first touched: a hint, which the system may decline.
    ::madvise(memory, huge, MADV_HUGEPAGE);
#endif
    return static_cast<T*>(memory);
  }

  void deallocate(T* pointer, std::size_t n) {
    if (huge_page_internal::HugeBytes(n * sizeof(T)) == 0) {
      ::operator delete(pointer);
    } else {
      std::free(pointer);
    }
  }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

}  // namespace uofa

#endif  // UOFA_ENGINE_BASE_HUGE_PAGE_ALLOCATOR_H_
