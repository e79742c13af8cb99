#include "engine/sources/key_positions.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "engine/base/string_hash.h"

namespace uofa {
namespace {

constexpr std::size_t kFirstSlots = 1024;

std::uint32_t HashOf(std::string_view key) { return static_cast<std::uint32_t>(StringHash()(key)); }

}  // namespace

std::uint64_t KeyPositions::SlotKey(std::string_view key) {
  std::uint64_t word = 0;
  std::memcpy(&word, key.data(), key.size());
  return word;
}

std::size_t KeyPositions::Probe(std::string_view key, std::uint32_t hash) const {
  const bool in_slot = key.size() <= kSlotKeyBytes;
  const std::uint64_t word = in_slot ? SlotKey(key) : 0;
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.row == kNone) return i;
    if (slot.hash != hash || slot.length != key.size()) continue;
    if (in_slot ? slot.key_or_offset == word
                : std::string_view(keys_).substr(slot.key_or_offset, slot.length) == key) {
      return i;
    }
  }
}

bool KeyPositions::Insert(std::string_view key, std::uint32_t row) {
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  std::uint32_t hash = HashOf(key);
  Slot& slot = slots_[Probe(key, hash)];
  if (slot.row != kNone) return false;
  slot = {key.size() <= kSlotKeyBytes ? SlotKey(key) : keys_.size(),
          static_cast<std::uint32_t>(key.size()), hash, row, static_cast<std::uint32_t>(size_)};
  keys_.append(key);
  starts_.push_back(keys_.size());
  rows_.push_back(row);
  ++size_;
  return true;
}

std::uint32_t KeyPositions::Find(std::string_view key) const {
  if (slots_.empty()) return kNone;
  return slots_[Probe(key, HashOf(key))].row;
}

std::uint32_t KeyPositions::FindNear(std::string_view key, std::uint32_t* near) const {
  const std::size_t first = *near == kNone ? 0 : std::size_t{*near} + 1;
  const std::size_t last = std::min<std::size_t>(first + kNearKeys, size_);
  for (std::size_t number = first; number < last; ++number) {
    const std::size_t start = starts_[number];
    if (starts_[number + 1] - start == key.size() &&
        std::string_view(keys_).substr(start, key.size()) == key) {
      *near = static_cast<std::uint32_t>(number);
      return rows_[number];
    }
  }
  if (slots_.empty()) return kNone;
  const Slot& slot = slots_[Probe(key, HashOf(key))];
  if (slot.row != kNone) *near = slot.number;
  return slot.row;
}

void KeyPositions::Prefetch(std::string_view key) const {
  if (slots_.empty()) return;
  __builtin_prefetch(&slots_[HashOf(key) & (slots_.size() - 1)]);
}

void KeyPositions::Reserve(std::size_t keys, std::size_t key_bytes) {
  std::size_t slot_count = std::max(kFirstSlots, slots_.size());
  while (slot_count < keys * 2) slot_count *= 2;
  if (slot_count > slots_.size()) Rehash(slot_count);
  keys_.reserve(key_bytes);
  starts_.reserve(keys + 1);
  rows_.reserve(keys);
}

void KeyPositions::Grow() { Rehash(slots_.empty() ? kFirstSlots : slots_.size() * 2); }

void KeyPositions::Rehash(std::size_t slot_count) {
  std::vector<Slot, HugePageAllocator<Slot>> old = std::move(slots_);
  slots_.assign(slot_count, Slot());
  std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.row == kNone) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].row != kNone) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace uofa
