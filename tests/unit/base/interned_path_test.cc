#include "engine/base/interned_path.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

namespace uofa {
namespace {

TEST_CASE("interned path: one copy of each name, at an address that never moves") {
  InternedPath first("interned-test/incidents.csv");
  const std::string* address = &first.str();
  for (int i = 0; i < 1000; ++i) InternedPath("interned-test/other-" + std::to_string(i) + ".csv");
  InternedPath again(std::string("interned-test/") + "incidents.csv");
  CHECK(&again.str() == address);
  CHECK(again == first);
  CHECK(first.str() == "interned-test/incidents.csv");
  CHECK(first == "interned-test/incidents.csv");
  CHECK_FALSE(first == InternedPath("interned-test/Incidents.csv"));
  CHECK(InternedPath().str().empty());
  CHECK(InternedPath() == InternedPath(""));
}

TEST_CASE("interned path: threads interning the same names get the same copies") {
  constexpr int kThreads = 4;
  constexpr int kNames = 200;
  std::vector<std::vector<const std::string*>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < kNames; ++i) {
        seen[t].push_back(&InternedPath("interned-test/shared-" + std::to_string(i)).str());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 1; t < kThreads; ++t) CHECK(seen[t] == seen[0]);
  CHECK(*seen[0][17] == "interned-test/shared-17");
}

TEST_CASE("record origin: reads as the source location of a finding") {
  RecordOrigin origin{InternedPath("interned-test/t.csv"), 12, 3};
  SourceLocation at = origin;
  CHECK(at.file == "interned-test/t.csv");
  CHECK(at.line == 12);
  CHECK(at.column == 3);
  RecordOrigin from_location = SourceLocation{"interned-test/t.csv", 4, 0};
  CHECK(&from_location.file.str() == &origin.file.str());
  CHECK(from_location.line == 4);
  CHECK(RecordOrigin().file.str().empty());
  CHECK(RecordOrigin().line == 0);
}

}  // namespace
}  // namespace uofa
