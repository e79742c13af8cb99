// The index of a table's keys that streamed joins look rows up in (key_positions.h), checked
// against std::unordered_map.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/sources/key_positions.h"

namespace uofa {
namespace {

TEST_CASE("key positions: an empty index finds nothing") {
  KeyPositions positions;
  CHECK(positions.size() == 0);
  CHECK(positions.Find("INC-1") == KeyPositions::kNone);
  CHECK(positions.Find("") == KeyPositions::kNone);
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

}  // namespace
}  // namespace uofa
