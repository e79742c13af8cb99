// Hostile YAML: an alias bomb (billion laughs) and nesting 10,000 deep, in a rule file and in
// organisation.yaml. Each is one positioned error, read in bounded time and memory.
#include <doctest/doctest.h>

#include <string>

#include "engine/pack/yaml_document.h"
#include "engine/sources/yaml_record.h"
#include "tests/unit/hostile/hostile_support.h"
#include "tests/fuzz/fuzz_support.h"

namespace uofa {
namespace {

// Nine levels of ten aliases each: 10^9 scalars once expanded, 300 bytes written.
std::string BillionLaughs(const std::string& key) {
  std::string text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level <= 8; ++level) {
    std::string previous = "*l" + std::to_string(level - 1);
    text += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", " : "") + previous;
    text += "]\n";
  }
  text += key + ": [*l8, *l8, *l8, *l8, *l8, *l8, *l8, *l8, *l8, *l8]\n";
  return text;
}

std::string Nested(int depth) { return "units: " + std::string(depth, '[') + std::string(depth, ']') + "\n"; }

TEST_CASE("hostile: alias bomb in a rule file") {
  Diagnostics diagnostics;
  YamlDocument document = ParseYaml(SourceText("rule.yaml", BillionLaughs("rules")), diagnostics);
  CHECK(document.root == nullptr);
  REQUIRE(diagnostics.Items().size() == 1);
  CHECK(diagnostics.Format() ==
        "rule.yaml: error: document is too large once its aliases are expanded (more than "
        "1000000 nodes)\n");
}

// Aliases under keys the record does not read are never walked (each key is one warning); under
// fields it reads they are counted as expanded, and the record is rejected past a million nodes.
TEST_CASE("hostile: alias bomb in organisation.yaml") {
  SourceOptions options = fuzz::RealSourceOptions();
  const RecordType& organisation = *options.schemas->Find("organisation");
  Diagnostics unread;
  auto ignored = YamlRecordFromText("organisation.yaml", "ods_code: RXX\n" + BillionLaughs("lol"),
                                    organisation, options, unread);
  REQUIRE(ignored);
  std::shared_ptr<const Record> record;
  CHECK(ignored->Next(&record, unread));
  CHECK(unread.ErrorCount() == 0);
  CHECK(unread.Items().size() == 10);  // l0..l8 and lol: unknown keys

  std::string wards = "w: &w [";
  for (int i = 0; i < 1001; ++i) wards += (i ? ", W" : "W") + std::to_string(i);
  std::string units = "units: [";
  for (int i = 0; i < 1001; ++i) units += (i ? ", *u" : "*u");
  Diagnostics diagnostics;
  auto source = YamlRecordFromText(
      "organisation.yaml",
      "ods_code: RXX\n" + wards + "]\nu: &u {name: Oak, wards: *w}\n" + units + "]\n",
      organisation, options, diagnostics);
  REQUIRE(source);
  CHECK_FALSE(source->Next(&record, diagnostics));
  CHECK(source->counts().rows_rejected == 1);
  REQUIRE(diagnostics.ErrorCount() == 1);
  CHECK(diagnostics.Format().find(
            "organisation.yaml: error: document is too large once its aliases are expanded (more "
            "than 1000000 nodes)\n") != std::string::npos);
}

TEST_CASE("hostile: YAML nested 10,000 deep in a rule file") {
  Diagnostics diagnostics;
  YamlDocument document = ParseYaml(SourceText("rule.yaml", Nested(10000)), diagnostics);
  CHECK(document.root == nullptr);
  REQUIRE(diagnostics.ErrorCount() == 1);
  const Diagnostic& error = diagnostics.Items().front();
  CHECK(error.location.file == "rule.yaml");
  CHECK(error.location.line == 1);
  CHECK(error.message == "invalid YAML: bad file");
  CHECK(error.location.column == 20008);  // where yaml-cpp gives up: the end of the line
}

TEST_CASE("hostile: YAML nested 10,000 deep in organisation.yaml") {
  SourceOptions options = fuzz::RealSourceOptions();
  Diagnostics diagnostics;
  auto source = YamlRecordFromText("organisation.yaml", "ods_code: RXX\n" + Nested(10000),
                                   *options.schemas->Find("organisation"), options, diagnostics);
  REQUIRE(source);
  std::shared_ptr<const Record> record;
  CHECK_FALSE(source->Next(&record, diagnostics));
  CHECK(source->counts().rows_rejected == 1);
  REQUIRE(diagnostics.ErrorCount() == 1);
  const Diagnostic& error = diagnostics.Items().front();
  CHECK(error.location.file == "organisation.yaml");
  CHECK(error.location.line == 2);
  CHECK(error.location.column == 20008);  // where yaml-cpp gives up: the end of the line
  CHECK(error.message == "invalid YAML: bad file");
}

}  // namespace
}  // namespace uofa
