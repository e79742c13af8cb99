// The index of a table's keys that streamed joins look rows up in (key_positions.h), checked
// against std::unordered_map.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/base/string_hash.h"
#include "engine/sources/key_positions.h"

namespace uofa {
namespace {

TEST_CASE("key positions: an empty index finds nothing") {
  KeyPositions positions;
  CHECK(positions.size() == 0);
  CHECK(positions.Find("INC-1") == KeyPositions::kNone);
  CHECK(positions.Find("") == KeyPositions::kNone);
}

TEST_CASE("key positions: asking for a key's slot ahead of its lookup changes nothing found") {
  KeyPositions positions;
  positions.Prefetch("INC-1");  // no slots yet
  CHECK(positions.Find("INC-1") == KeyPositions::kNone);
  CHECK(positions.Insert("INC-1", 4));
  positions.Prefetch("INC-1");
  positions.Prefetch("INC-2");
  CHECK(positions.size() == 1);
  CHECK(positions.Find("INC-1") == 4);
  CHECK(positions.Find("INC-2") == KeyPositions::kNone);
}

TEST_CASE("key positions: a key keeps its first row, and only the whole key is found") {
  KeyPositions positions;
  CHECK(positions.Insert("INC-1", 0));
  CHECK(positions.Insert("INC-10", 1));
  CHECK_FALSE(positions.Insert("INC-1", 2));
  CHECK(positions.Insert("", 3));
  CHECK(positions.size() == 3);
  CHECK(positions.Find("INC-1") == 0);
  CHECK(positions.Find("INC-10") == 1);
  CHECK(positions.Find("") == 3);
  CHECK(positions.Find("INC-") == KeyPositions::kNone);
  CHECK(positions.Find("INC-100") == KeyPositions::kNone);
  CHECK(positions.Find("inc-1") == KeyPositions::kNone);
}

TEST_CASE("key positions: keys of up to 8 bytes, held in their slots, and longer ones") {
  using namespace std::string_literals;
  // Keys that differ only in trailing zero bytes, or past the eighth byte.
  const std::vector<std::string> keys = {
      ""s,         "\0"s,        "\0\0"s,      "P0000001"s,  "P000000"s,
      "P000000\0"s, "P0000001X"s, "P0000001Y"s, "P00000010"s, std::string(8, '\0'),
      std::string(9, '\0')};
  KeyPositions positions;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    CHECK(positions.Insert(keys[i], static_cast<std::uint32_t>(i * 10)));
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    CAPTURE(i);
    CHECK_FALSE(positions.Insert(keys[i], 99));
    CHECK(positions.Find(keys[i]) == i * 10);
    std::uint32_t near = KeyPositions::kNone;
    CHECK(positions.FindNear(keys[i], &near) == i * 10);
    CHECK(near == i);
  }
  CHECK(positions.Find("P0000002") == KeyPositions::kNone);
  CHECK(positions.Find("P0000001Z") == KeyPositions::kNone);
  CHECK(positions.Find("\0\0\0"s) == KeyPositions::kNone);
}

TEST_CASE("key positions: keys of up to 8 bytes whose hashes agree are told apart") {
  // Two keys of eight bytes with the same low 32 bits of hash (what a slot keeps), found among
  // the first few hundred thousand: they meet in one probe sequence.
  std::unordered_map<std::uint32_t, std::string> first_with_hash;
  std::string a;
  std::string b;
  char text[16];
  for (int n = 0; n < 2000000 && a.empty(); ++n) {
    std::snprintf(text, sizeof(text), "K%07d", n);
    const auto hash = static_cast<std::uint32_t>(StringHash()(text));
    auto [it, added] = first_with_hash.try_emplace(hash, text);
    if (!added) {
      a = it->second;
      b = text;
    }
  }
  REQUIRE_FALSE(a.empty());
  CAPTURE(a);
  CAPTURE(b);
  KeyPositions positions;
  CHECK(positions.Insert(a, 1));
  CHECK(positions.Find(b) == KeyPositions::kNone);
  CHECK(positions.Insert(b, 2));
  CHECK(positions.Find(a) == 1);
  CHECK(positions.Find(b) == 2);
}

TEST_CASE("key positions: 200,000 keys through every growth") {
  KeyPositions positions;
  constexpr std::uint32_t kKeys = 200000;
  std::uint32_t refused = 0;
  for (std::uint32_t row = 0; row < kKeys; ++row) {
    if (!positions.Insert("INC-" + std::to_string(row), row)) ++refused;
  }
  CHECK(refused == 0);
  CHECK(positions.size() == kKeys);
  std::uint32_t wrong = 0;
  for (std::uint32_t row = 0; row < kKeys; ++row) {
    if (positions.Find("INC-" + std::to_string(row)) != row) ++wrong;
    if (positions.Find("INC-" + std::to_string(row + kKeys)) != KeyPositions::kNone) ++wrong;
  }
  CHECK(wrong == 0);
}

TEST_CASE("key positions: room made ahead, before any key, among keys, and too little") {
  // Room for 3,000 keys made after the first 1,000 (the slots moved), then 5,000 added in all
  // (past the room made: the slots double again); room made for fewer changes nothing.
  KeyPositions positions;
  positions.Reserve(0, 0);
  constexpr std::uint32_t kKeys = 5000;
  std::uint32_t refused = 0;
  for (std::uint32_t row = 0; row < kKeys; ++row) {
    if (row == 1000) positions.Reserve(3000, 3000 * 8);
    if (row == 2000) positions.Reserve(10, 10);
    if (!positions.Insert("INC-" + std::to_string(row), row)) ++refused;
    if (positions.Insert("INC-" + std::to_string(row / 2), row)) ++refused;  // a key seen before
  }
  CHECK(refused == 0);
  CHECK(positions.size() == kKeys);
  std::uint32_t wrong = 0;
  std::uint32_t near = KeyPositions::kNone;
  for (std::uint32_t row = 0; row < kKeys; ++row) {
    if (positions.Find("INC-" + std::to_string(row)) != row) ++wrong;
    if (positions.FindNear("INC-" + std::to_string(row), &near) != row || near != row) ++wrong;
    if (positions.Find("INC-" + std::to_string(row + kKeys)) != KeyPositions::kNone) ++wrong;
  }
  CHECK(wrong == 0);
}

TEST_CASE("key positions: random keys, with repeats and any bytes, as an unordered_map has them") {
  std::mt19937 random(20261126);
  std::uniform_int_distribution<int> length(0, 6);
  std::uniform_int_distribution<int> byte(0, 5);  // few distinct bytes: many repeats and near keys
  const char kBytes[] = {'A', '1', ',', '"', '\0', '\xE9'};
  auto random_key = [&] {
    std::string key(static_cast<std::size_t>(length(random)), ' ');
    for (char& c : key) c = kBytes[byte(random)];
    return key;
  };
  KeyPositions positions;
  std::unordered_map<std::string, std::uint32_t> expected;
  std::uint32_t wrong = 0;
  for (std::uint32_t row = 0; row < 30000; ++row) {
    std::string key = random_key();
    bool added = expected.emplace(key, row).second;
    if (positions.Insert(key, row) != added) ++wrong;
  }
  CHECK(wrong == 0);
  CHECK(positions.size() == expected.size());
  for (int i = 0; i < 30000; ++i) {
    std::string key = random_key();
    auto found = expected.find(key);
    std::uint32_t want = found == expected.end() ? KeyPositions::kNone : found->second;
    if (positions.Find(key) != want) ++wrong;
  }
  CHECK(wrong == 0);
}

TEST_CASE("key positions: FindNear finds the keys after the last one found, and any other") {
  KeyPositions positions;
  for (std::uint32_t row = 0; row < 100; ++row) {
    CHECK(positions.Insert("INC-" + std::to_string(row), row * 2));  // rows 0, 2, 4, ...
  }
  std::uint32_t near = KeyPositions::kNone;
  CHECK(positions.FindNear("INC-0", &near) == 0);
  CHECK(near == 0);
  CHECK(positions.FindNear("INC-3", &near) == 6);  // among the next keys
  CHECK(near == 3);
  CHECK(positions.FindNear("INC-3", &near) == 6);  // the same key again: from the index
  CHECK(near == 3);
  CHECK(positions.FindNear("INC-19", &near) == 38);  // the last of the near keys
  CHECK(near == 19);
  CHECK(positions.FindNear("INC-70", &near) == 140);  // far ahead: from the index
  CHECK(near == 70);
  CHECK(positions.FindNear("INC-1", &near) == 2);  // behind
  CHECK(near == 1);
  CHECK(positions.FindNear("INC-100", &near) == KeyPositions::kNone);
  CHECK(near == 1);  // unchanged when nothing is found
  CHECK(positions.FindNear("INC-", &near) == KeyPositions::kNone);  // a prefix of the next key
  near = 99;  // the last key: nothing after it
  CHECK(positions.FindNear("INC-99", &near) == 198);
  CHECK(positions.FindNear("INC-98", &near) == 196);
  CHECK(near == 98);
  KeyPositions empty;
  near = KeyPositions::kNone;
  CHECK(empty.FindNear("INC-0", &near) == KeyPositions::kNone);
  CHECK(near == KeyPositions::kNone);
}

TEST_CASE("key positions: FindNear agrees with Find for keys met in any order") {
  KeyPositions positions;
  std::mt19937 random(7);
  for (std::uint32_t row = 0; row < 5000; ++row) {
    positions.Insert("P" + std::to_string(random() % 7000), row);  // repeats are refused
  }
  std::uniform_int_distribution<int> step(-3, 40);
  std::uint32_t near = KeyPositions::kNone;
  std::uint32_t wrong = 0;
  int at = 0;
  for (int i = 0; i < 20000; ++i) {
    at = std::max(0, at + step(random)) % 7500;
    const std::string key = "P" + std::to_string(at);
    const std::uint32_t before = near;
    const std::uint32_t found = positions.FindNear(key, &near);
    if (found != positions.Find(key)) ++wrong;
    if (found == KeyPositions::kNone && near != before) ++wrong;
  }
  CHECK(wrong == 0);
}

}  // namespace
}  // namespace uofa
