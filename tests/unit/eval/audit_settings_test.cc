#include <doctest/doctest.h>

#include <string>

#include "engine/eval/audit_settings.h"

namespace uofa {
namespace {

const std::string kFixtures = std::string(UOFA_SOURCE_DIR) + "/tests/unit/eval/fixtures/";

TEST_CASE("uofa.yaml settings are read with their positions") {
  Diagnostics diagnostics;
  AuditSettings settings = ReadAuditSettings(kFixtures + "settings-good", diagnostics);
  CHECK(diagnostics.Empty());
  CHECK(settings.title == "Test audit");
  REQUIRE(settings.as_of.has_value());
  CHECK(*settings.as_of == "2025-12-31");
  CHECK(settings.packs == std::vector<std::string>{"uof-act-2018"});
  REQUIRE(settings.overrides.size() == 2);
  CHECK(settings.overrides[0].pack.empty());
  CHECK(settings.overrides[0].name == "record_within_hours");
  CHECK(settings.overrides[0].text == "12");
  CHECK(settings.overrides[0].at.line == 5);
  CHECK(settings.overrides[0].at.column == 24);
  CHECK(settings.overrides[1].pack == "uof-act-2018");
  CHECK(settings.overrides[1].name == "retention_years");
}

TEST_CASE("a malformed uofa.yaml reports every problem at its position") {
  Diagnostics diagnostics;
  ReadAuditSettings(kFixtures + "settings-bad", diagnostics);
  const std::string path = kFixtures + "settings-bad/uofa.yaml";
  CHECK(diagnostics.Format() ==
        path + ":1:8: error: 'as_of' must be a date (YYYY-MM-DD)\n"
               "  as_of: 2025-13-01\n"
               "         ^\n" +
        path + ":3:1: error: unknown key 'paramters' in uofa.yaml (did you mean 'parameters'?)\n"
               "  paramters:\n"
               "  ^\n");
}

TEST_CASE("a folder without uofa.yaml has default settings") {
  Diagnostics diagnostics;
  AuditSettings settings = ReadAuditSettings(kFixtures, diagnostics);
  CHECK(diagnostics.Empty());
  CHECK_FALSE(settings.as_of.has_value());
  CHECK(settings.packs.empty());
}

}  // namespace
}  // namespace uofa
