// A small audit result built by hand, covering every kind of outcome a report shows: a met rule,
// gaps with and without a target, an indeterminate rule, a not-assessed rule, a not-applicable
// rule, an overridden parameter and input problems.
#ifndef UOFA_TESTS_UNIT_REPORT_SAMPLE_AUDIT_H_
#define UOFA_TESTS_UNIT_REPORT_SAMPLE_AUDIT_H_

#include <string>

#include "uofa/finding.h"

namespace uofa::report_testing {

AuditResult SampleAudit();

/// Reads a file whole; empty when it cannot be read.
std::string ReadFileText(const std::string& path);

/// Compares `actual` with the golden file tests/unit/report/golden/<name>, or rewrites the golden
/// file when the environment sets UOFA_UPDATE_GOLDENS=1.
void CheckGolden(const std::string& name, const std::string& actual);

}  // namespace uofa::report_testing

#endif  // UOFA_TESTS_UNIT_REPORT_SAMPLE_AUDIT_H_
