// KeyPositions: each key of a table and the row it is first on (0-based, in row order), for
// joining child rows as the table is read. Built by the first pass over the keys and then only
// read, from any thread.
//
// Open addressing over one buffer of key bytes: a national folder has millions of keys, and a
// node-based map spent an allocation on each (memory that fragments the heap for the whole run)
// and two or three cache misses on every lookup. Here a lookup reads one slot, and the key bytes
// only when the stored hash matches; a key of up to 8 bytes (a patient's id) is held in its slot,
// and found without reading them. The keys are also kept in the order they came (FindNear):
// a table's keys are mostly looked up in that order, and the next few keys in memory are found
// without a lookup.
#ifndef UOFA_ENGINE_SOURCES_KEY_POSITIONS_H_
#define UOFA_ENGINE_SOURCES_KEY_POSITIONS_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/huge_page_allocator.h"

namespace uofa {

class KeyPositions {
 public:
  /// What Find gives for a key that is not there.
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

  /// Makes room for `keys` keys of `key_bytes` bytes in all, so that adding that many neither
  /// moves the keys nor doubles the slots (each doubling writes every slot, and new pages, again).
  void Reserve(std::size_t keys, std::size_t key_bytes);
  /// Adds `key` on `row` (below kNone); false, changing nothing, when the key is already there.
  bool Insert(std::string_view key, std::uint32_t row);
  /// The row of `key`, or kNone.
  std::uint32_t Find(std::string_view key) const;
  /// As Find, first comparing `key` with the kNearKeys keys added after the one numbered `*near`
  /// (keys are numbered from 0 in the order they were added; kNone: before the first), and
  /// setting `*near` to the number of the key found (unchanged when there is none). Keys met in
  /// about the order they were added, as a child table's parents are, are then read from memory
  /// in order rather than from a slot anywhere in the index.
  std::uint32_t FindNear(std::string_view key, std::uint32_t* near) const;
  /// Asks for the slot where a lookup of `key` starts to be brought into the cache, for a lookup
  /// made a little later, once other work has hidden the wait for memory.
  void Prefetch(std::string_view key) const;
  std::size_t size() const { return size_; }

 private:
  /// How many keys FindNear compares before it looks in the slots.
  static constexpr std::uint32_t kNearKeys = 16;

  /// The longest key held in its slot rather than only in keys_.
  static constexpr std::size_t kSlotKeyBytes = sizeof(std::uint64_t);

  struct Slot {
    std::uint64_t key_or_offset = 0;  // SlotKey(key) when it fits, else the key's offset in keys_
    std::uint32_t length = 0;
    std::uint32_t hash = 0;           // the key's hash, low 32 bits
    std::uint32_t row = kNone;        // kNone: the slot is empty
    std::uint32_t number = 0;         // of the key, in the order keys were added
  };

  // A key of up to kSlotKeyBytes bytes as one word: its bytes, then zeros.
  static std::uint64_t SlotKey(std::string_view key);
  // The slot holding `key`, or the empty slot where it would go.
  std::size_t Probe(std::string_view key, std::uint32_t hash) const;
  void Grow();
  // Moves every key to `slot_count` slots (a power of two, at least twice the keys).
  void Rehash(std::size_t slot_count);

  // A power of two in size, at most half full; in huge pages once large (read at random).
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  std::string keys_;         // every key, one after another
  std::vector<std::uint64_t> starts_{0};  // where each key starts in keys_, and the end
  std::vector<std::uint32_t> rows_;       // the row of each key, in the order keys were added
  std::size_t size_ = 0;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_KEY_POSITIONS_H_
