// Arena and its allocators: memory for many small objects built one after another on one thread
// and freed together, such as the records read from a table (a record's field values, cell
// positions and the record itself): one allocation per block of records instead of several per
// record, and nothing to free record by record, on whichever thread lets the records go.
//
// An arena is one block, filled from the front and never reused, freed when its last reference
// (ArenaRef) goes. References are counted per shared object, not per container: a record being
// built holds one (Record::arena), which the shared record's block takes over (ShareInArena), and
// the containers inside it (ArenaAllocator) hold none: counted by its containers' allocators,
// every copy of one was an atomic operation, a dozen per record, shared by the threads reading
// records and those letting them go.
//
// An arena may also keep other shared objects alive (KeepAlive), so that the objects placed in it
// can point into them without counting a reference each (Borrowed): the records read from a table
// and the lookup table whose rows they hold.
//
// Only the thread building objects may allocate from an arena (it is not locked); any thread may
// free them. A request that does not fit is served by the heap, so containers may grow after the
// block is full.
#ifndef UOFA_ENGINE_BASE_ARENA_H_
#define UOFA_ENGINE_BASE_ARENA_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace uofa {

class Arena {
 public:
  /// An arena of `capacity` bytes with no reference yet (ArenaRef::New makes the first).
  explicit Arena(std::size_t capacity)
      : block_(static_cast<std::byte*>(::operator new(capacity))), capacity_(capacity) {
    live_.fetch_add(1, std::memory_order_relaxed);
  }
  ~Arena() {
    ::operator delete(block_);
    live_.fetch_sub(1, std::memory_order_relaxed);
  }
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

  /// Keeps `owner` alive as long as the arena, so that objects placed in it may point into what
  /// `owner` owns without counting references of their own (see Borrowed). Kept once however
  /// often it is asked. Only the thread building objects in the arena may call it.
  template <typename T>
  void KeepAlive(const std::shared_ptr<T>& owner) {
    for (const std::shared_ptr<const void>& kept : kept_) {
      if (kept.get() == owner.get()) return;
    }
    kept_.push_back(owner);
  }
  /// The number of owners kept alive (for tests).
  std::size_t kept() const { return kept_.size(); }

  /// Counting references (ArenaRef does it): the arena deletes itself when the last is released.
  void Retain() { references_.fetch_add(1, std::memory_order_relaxed); }
  void Release() {
    if (references_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
  }
  /// The number of references held.
  std::size_t references() const { return references_.load(std::memory_order_relaxed); }
  /// The number of arenas not yet freed, in the whole process (for tests).
  static std::size_t live() { return live_.load(std::memory_order_relaxed); }

 private:
  std::byte* block_;
  std::size_t capacity_;
  std::size_t used_ = 0;
  std::atomic<std::size_t> references_{0};
  std::vector<std::shared_ptr<const void>> kept_;
  static inline std::atomic<std::size_t> live_{0};
};

/// A counted reference to an arena, or none. Assigning swaps: the reference this held passes to
/// the object assigned from, rather than being released at once, so that in a class's memberwise
/// move the arena outlives the members after its reference, whose memory may be in it. Not
/// copy-assignable for the same reason.
class ArenaRef {
 public:
  ArenaRef() = default;
  /// Takes a reference to `arena`.
  explicit ArenaRef(Arena* arena) : arena_(arena) {
    if (arena_ != nullptr) arena_->Retain();
  }
  ArenaRef(const ArenaRef& other) : ArenaRef(other.arena_) {}
  ArenaRef(ArenaRef&& other) noexcept : arena_(std::exchange(other.arena_, nullptr)) {}
  ArenaRef& operator=(ArenaRef&& other) noexcept {
    std::swap(arena_, other.arena_);
    return *this;
  }
  ArenaRef& operator=(const ArenaRef&) = delete;
  ~ArenaRef() {
    if (arena_ != nullptr) arena_->Release();
  }

  /// A reference to a new arena of `capacity` bytes.
  static ArenaRef New(std::size_t capacity) { return ArenaRef(new Arena(capacity)); }
  /// Takes over a reference to `arena` that the caller holds (from Leave), without counting one.
  static ArenaRef Adopt(Arena* arena) {
    ArenaRef reference;
    reference.arena_ = arena;
    return reference;
  }

  Arena* get() const { return arena_; }
  explicit operator bool() const { return arena_ != nullptr; }
  /// Gives up the reference without releasing it: the caller now holds it.
  Arena* Leave() { return std::exchange(arena_, nullptr); }

 private:
  Arena* arena_ = nullptr;
};

/// A standard allocator that serves from an arena, or from the heap when it has no arena (the
/// default) or the arena is full. It holds no reference: whatever owns the container keeps the
/// arena alive until the container has gone (a record's own reference, or its shared block's).
/// A container copied from one that uses an arena allocates on the heap: only the code building
/// objects places them in an arena. Moving or swapping containers takes their allocator with
/// their memory.
template <typename T>
class ArenaAllocator {
 public:
  using value_type = T;
  using propagate_on_container_copy_assignment = std::false_type;
  using propagate_on_container_move_assignment = std::true_type;
  using propagate_on_container_swap = std::true_type;
  using is_always_equal = std::false_type;

  ArenaAllocator() = default;
  explicit ArenaAllocator(Arena* arena) : arena_(arena) {}
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

  Arena* arena() const { return arena_; }
  template <typename U>
  bool operator==(const ArenaAllocator<U>& other) const { return arena_ == other.arena(); }

 private:
  Arena* arena_ = nullptr;
};

namespace arena_internal {

// The allocator std::allocate_shared is given by ShareInArena: it places the shared block in the
// arena (or on the heap), and holds the reference the block took over, released when the block
// is freed (deallocate is called once, by the last of the shared object's owners). Copies, which
// allocate_shared makes, hold nothing of their own.
template <typename T>
class BlockAllocator {
 public:
  using value_type = T;

  explicit BlockAllocator(Arena* adopted) : arena_(adopted) {}
  template <typename U>
  BlockAllocator(const BlockAllocator<U>& other) : arena_(other.arena()) {}  // NOLINT: rebinding

  T* allocate(std::size_t count) { return ArenaAllocator<T>(arena_).allocate(count); }
  void deallocate(T* pointer, std::size_t count) {
    ArenaAllocator<T>(arena_).deallocate(pointer, count);
    if (arena_ != nullptr) arena_->Release();
  }

  Arena* arena() const { return arena_; }
  template <typename U>
  bool operator==(const BlockAllocator<U>& other) const { return arena_ == other.arena(); }

 private:
  Arena* arena_;
};

}  // namespace arena_internal

/// `value` moved into a shared, immutable object in the arena `*reference` refers to (the heap
/// when there is none, or it is full); the object's block takes over the reference, and keeps the
/// arena alive as long as the object lives. Should the block not be allocated (std::bad_alloc),
/// `*reference` and `value` are as they were. `value` must be nothrow-movable.
template <typename T>
std::shared_ptr<const T> ShareInArena(ArenaRef* reference, T&& value) {
  static_assert(!std::is_lvalue_reference_v<T>, "ShareInArena moves its value: pass an rvalue");
  static_assert(std::is_nothrow_move_constructible_v<T>);
  Arena* adopted = reference->Leave();
  try {
    return std::allocate_shared<const T>(arena_internal::BlockAllocator<T>(adopted),
                                         std::move(value));
  } catch (...) {
    *reference = ArenaRef::Adopt(adopted);  // back to the caller, whose objects may be in it
    throw;
  }
}

/// A pointer to `object` that counts no reference (copying it touches no shared count), valid
/// only while something else keeps the object alive: an arena that keeps its owner alive
/// (Arena::KeepAlive), for the objects placed in the arena.
template <typename T>
std::shared_ptr<T> Borrowed(T* object) {
  return std::shared_ptr<T>(std::shared_ptr<T>(), object);
}

/// The arena a builder is filling, replaced by a fresh one when little is left of it.
class ArenaSupply {
 public:
  static constexpr std::size_t kBlockBytes = 256 * 1024;
  /// A reference to the arena to place the next objects in, one with at least `need` bytes left;
  /// none (the heap) for objects as large as half a block.
  ArenaRef Next(std::size_t need) {
    if (need >= kBlockBytes / 2) return ArenaRef();
    if (!current_ || current_.get()->remaining() < need) current_ = ArenaRef::New(kBlockBytes);
    return current_;
  }

 private:
  ArenaRef current_;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_BASE_ARENA_H_
