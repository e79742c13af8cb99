// Arena and ArenaAllocator: memory for many small objects built one after another on one thread
// and freed together, such as the records read from a table (a record's field values, cell
// positions and the record itself): one allocation per block of records instead of several per
// record, and nothing to free record by record, on whichever thread lets the records go.
//
// An arena is one block, filled from the front and never reused: it is freed when the last
// allocator referring to it goes, that is when every container and shared object allocated from
// it has gone. Only the thread building objects may allocate from an arena (it is not locked);
// any thread may free them. A request that does not fit is served by the heap, so containers may
// grow after the block is full.
#ifndef UOFA_ENGINE_BASE_ARENA_H_
#define UOFA_ENGINE_BASE_ARENA_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

namespace uofa {

class Arena {
 public:
  explicit Arena(std::size_t capacity)
      : block_(static_cast<std::byte*>(::operator new(capacity))), capacity_(capacity) {}
  ~Arena() { ::operator delete(block_); }
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  /// `bytes` aligned to `align` (a power of two no larger than the heap's alignment) from the
  /// block, or null when they do not fit in what is left of it.
  void* Allocate(std::size_t bytes, std::size_t align) {
    std::size_t start = (used_ + align - 1) & ~(align - 1);
    if (start > capacity_ || bytes > capacity_ - start) return nullptr;
    used_ = start + bytes;
    return block_ + start;
  }
  /// Whether `pointer` was served from the block.
  bool Holds(const void* pointer) const {
    auto at = reinterpret_cast<std::uintptr_t>(pointer);
    auto begin = reinterpret_cast<std::uintptr_t>(block_);
    return at >= begin && at < begin + capacity_;
  }
  std::size_t remaining() const { return capacity_ - used_; }

 private:
  std::byte* block_;
  std::size_t capacity_;
  std::size_t used_ = 0;
};

/// A standard allocator that serves from an arena, keeping it alive, or from the heap when it has
/// no arena (the default) or the arena is full. A container copied from one that uses an arena
/// allocates on the heap: only the code building objects places them in an arena. Moving or
/// swapping containers takes their allocator with their memory.
template <typename T>
class ArenaAllocator {
 public:
  using value_type = T;
  using propagate_on_container_copy_assignment = std::false_type;
  using propagate_on_container_move_assignment = std::true_type;
  using propagate_on_container_swap = std::true_type;
  using is_always_equal = std::false_type;

  ArenaAllocator() = default;
  explicit ArenaAllocator(std::shared_ptr<Arena> arena) : arena_(std::move(arena)) {}
  template <typename U>
  ArenaAllocator(const ArenaAllocator<U>& other) : arena_(other.arena()) {}  // NOLINT: rebinding

  T* allocate(std::size_t count) {
    if (arena_ != nullptr && count <= SIZE_MAX / sizeof(T)) {
      if (void* memory = arena_->Allocate(count * sizeof(T), alignof(T))) {
        return static_cast<T*>(memory);
      }
    }
    return std::allocator<T>().allocate(count);
  }
  void deallocate(T* pointer, std::size_t count) {
    if (arena_ != nullptr && arena_->Holds(pointer)) return;  // freed with the block
    std::allocator<T>().deallocate(pointer, count);
  }
  ArenaAllocator select_on_container_copy_construction() const { return ArenaAllocator(); }

  const std::shared_ptr<Arena>& arena() const { return arena_; }
  template <typename U>
  bool operator==(const ArenaAllocator<U>& other) const { return arena_ == other.arena(); }

 private:
  std::shared_ptr<Arena> arena_;
};

/// The arena a builder is filling, replaced by a fresh one when little is left of it.
class ArenaSupply {
 public:
  static constexpr std::size_t kBlockBytes = 256 * 1024;
  /// The arena to place the next objects in, one with at least `need` bytes left; the heap for
  /// objects as large as half a block.
  template <typename T = std::byte>
  ArenaAllocator<T> Next(std::size_t need) {
    if (need >= kBlockBytes / 2) return ArenaAllocator<T>();
    if (current_ == nullptr || current_->remaining() < need) {
      current_ = std::make_shared<Arena>(kBlockBytes);
    }
    return ArenaAllocator<T>(current_);
  }

 private:
  std::shared_ptr<Arena> current_;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_BASE_ARENA_H_
