// Broken packs and their exact diagnostics, compared with golden files
// (tests/unit/pack/fixtures/broken/<name>.expected; see the README there to regenerate).
#include <doctest/doctest.h>

#include <fstream>

#include "engine/pack/pack_loader.h"
#include "tests/unit/pack/pack_test_support.h"

namespace uofa {
namespace {

struct BrokenCase {
  const char* name;         // folder under broken/, and the golden's name
  const char* rules_root;   // relative to fixtures/
  const char* pack;         // folder relative to fixtures/
  bool strict = false;
  const char* overrides = nullptr;  // uofa.yaml relative to fixtures/
};

const BrokenCase kCases[] = {
    {"unknown-key", "", "broken/unknown-key"},
    {"misspelt-field", "", "broken/misspelt-field"},
    {"duplicate-id", "", "broken/duplicate-id"},
    {"missing-cite", "", "broken/missing-cite"},
    {"unknown-source", "", "broken/unknown-source"},
    {"bad-values", "", "broken/bad-values"},
    {"bad-yaml", "", "broken/bad-yaml"},
    {"block-scalar", "", "broken/block-scalar"},
    {"wrong-kind", "", "broken/wrong-kind"},
    {"unknown-override", "", "broken/unknown-override", false, "broken/unknown-override.uofa.yaml"},
    {"bad-example", "", "broken/bad-example"},
    {"strict", "", "broken/strict", true},
    {"bad-schema", "broken/bad-schema", "broken/bad-schema/pack"},
    {"several-files", "", "broken/several-files"},
};

std::string Run(const BrokenCase& test) {
  const std::string fixtures = testing::PackFixtures();
  LoadOptions options;
  options.rules_root = fixtures + (test.rules_root[0] ? "/" + std::string(test.rules_root) : "");
  options.packs = {fixtures + "/" + test.pack};
  options.strict = test.strict;
  if (test.overrides) options.overrides = testing::ReadOverrides(fixtures + "/" + test.overrides);
  Diagnostics diagnostics;
  std::unique_ptr<PackSet> set = LoadPacks(options, diagnostics);
  CHECK(set == nullptr);
  CHECK(diagnostics.HasErrors());
  return testing::WithoutFixturePrefix(diagnostics.Format());
}

TEST_CASE("broken packs report every problem at its exact position") {
  for (const BrokenCase& test : kCases) {
    SUBCASE(test.name) {
      std::string actual = Run(test);
      std::string golden = testing::PackFixtures() + "/broken/" + test.name + ".expected";
      if (testing::UpdatingGoldens()) {
        std::ofstream(golden, std::ios::binary) << actual;
      }
      std::string expected = testing::ReadWholeFile(golden);
      INFO("golden: " << golden);
      INFO("actual output:\n" << actual);
      CHECK(actual == expected);
    }
  }
}

TEST_CASE("a missing rules root or pack is an error naming the path") {
  Diagnostics diagnostics;
  LoadOptions options;
  options.rules_root = testing::PackFixtures() + "/no-such-folder";
  CHECK(LoadPacks(options, diagnostics) == nullptr);
  REQUIRE(diagnostics.Items().size() == 1);
  CHECK(diagnostics.Items()[0].message == "cannot read rules folder '" + options.rules_root + "'");

  Diagnostics unknown;
  options.rules_root = testing::PackFixtures();
  options.packs = {"no-such-pack"};
  CHECK(LoadPacks(options, unknown) == nullptr);
  REQUIRE(unknown.Items().size() == 1);
  CHECK(unknown.Items()[0].message.find("unknown pack 'no-such-pack'") == 0);
}

TEST_CASE("a rule file listed in pack.yaml that does not exist is an error at its entry") {
  Diagnostics diagnostics;
  LoadOptions options;
  options.rules_root = testing::PackFixtures() + "/broken/bad-schema";
  options.packs = {options.rules_root + "/pack"};
  CHECK(LoadPacks(options, diagnostics) == nullptr);
  bool found = false;
  for (const Diagnostic& item : diagnostics.Items()) {
    if (item.message.find("cannot read rule file") == 0) {
      found = true;
      CHECK(item.location.line == 13);
      CHECK(item.location.column == 9);
    }
  }
  CHECK(found);
}

}  // namespace
}  // namespace uofa
