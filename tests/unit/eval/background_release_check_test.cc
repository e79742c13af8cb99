// RunCheck letting go of the tables it read on a thread of its own (as the command line asks).
#include <doctest/doctest.h>

#include <optional>
#include <sstream>
#include <string>

#include "engine/base/arena.h"
#include "engine/base/background_release.h"
#include "uofa/engine.h"
#include "uofa/report.h"

namespace uofa {
namespace {

std::string CheckSampleAsJson(bool release_in_background) {
  CheckOptions options;
  options.audit_dir = std::string(UOFA_SOURCE_DIR) + "/samples/example-trust";
  options.rules_root = std::string(UOFA_SOURCE_DIR) + "/rules";
  options.release_in_background = release_in_background;
  Diagnostics diagnostics;
  std::optional<AuditResult> result = RunCheck(options, diagnostics);
  INFO(diagnostics.Format());
  REQUIRE(result.has_value());
  std::ostringstream out;
  std::string error;
  REQUIRE(WriteReport("json", *result, {}, out, &error));
  return out.str();
}

TEST_CASE("check: the tables read let go in the background, with the same report") {
  const std::string in_place = CheckSampleAsJson(false);
  const std::size_t live = Arena::live();
  const std::string in_background = CheckSampleAsJson(true);
  WaitForReleases();
  CHECK(in_background == in_place);
  CHECK(Arena::live() == live);  // every arena of the records read is let go
}

}  // namespace
}  // namespace uofa
