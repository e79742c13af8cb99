#include <doctest/doctest.h>

#include "engine/base/source_text.h"
#include "uofa/diagnostic.h"

namespace uofa {
namespace {

TEST_CASE("a diagnostic names its place and shows the line with a caret") {
  SourceText source("rules/x.yaml", "- id: A\n  sevrity: high\r\n");
  Diagnostics diagnostics;
  source.ErrorAt(diagnostics, 2, 3, "unknown key 'sevrity' in rule (did you mean 'severity'?)");
  CHECK(diagnostics.Format() ==
        "rules/x.yaml:2:3: error: unknown key 'sevrity' in rule (did you mean 'severity'?)\n"
        "    sevrity: high\n"
        "    ^\n");
  CHECK(diagnostics.HasErrors());
  CHECK(diagnostics.ErrorCount() == 1);
}

TEST_CASE("byte offsets map to lines and columns") {
  SourceText source("a.csv", "id,name\n1,x\n\n2,y");
  CHECK(source.LineCount() == 4);
  SourceLocation where = source.LocationOf(10);
  CHECK(where.line == 2);
  CHECK(where.column == 3);
  CHECK(source.Line(4) == "2,y");
  CHECK(source.Line(3).empty());
  CHECK(source.Line(9).empty());
}

TEST_CASE("diagnostics without a line or file print what they have") {
  CHECK(FormatDiagnostic({Severity::kWarning, {"a.csv", 0, 0}, "empty file", "", {}, {}}) == "a.csv: warning: empty file\n");
  CHECK(FormatDiagnostic({Severity::kError, {}, "no packs found", "", {}, {}}) == "error: no packs found\n");
  CHECK(FormatDiagnostic({Severity::kError, {"a.csv", 3, 0}, "bad row", "x,y", {}, {}}) ==
        "a.csv:3: error: bad row\n  x,y\n");
}

}  // namespace
}  // namespace uofa
