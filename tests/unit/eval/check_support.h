// RunCheck on an audit folder written by a test, with the project's rule packs.
#ifndef UOFA_TESTS_UNIT_EVAL_CHECK_SUPPORT_H_
#define UOFA_TESTS_UNIT_EVAL_CHECK_SUPPORT_H_

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "tests/unit/hostile/hostile_support.h"
#include "uofa/engine.h"

namespace uofa::testing {

/// The result of checking `folder` (the audit must run: its problems are shown if it does not).
inline AuditResult CheckFolder(const TempFolder& folder) {
  CheckOptions options;
  options.audit_dir = folder.path().string();
  options.rules_root = std::string(UOFA_SOURCE_DIR) + "/rules";
  Diagnostics diagnostics;
  std::optional<AuditResult> result = RunCheck(options, diagnostics);
  INFO(diagnostics.Format());
  REQUIRE(result.has_value());
  return *result;
}

}  // namespace uofa::testing

#endif  // UOFA_TESTS_UNIT_EVAL_CHECK_SUPPORT_H_
