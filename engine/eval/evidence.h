// Evidence: the values a rule read from a record, as display text for a finding, with patient
// identifiers redacted unless the audit shows them.
#ifndef UOFA_ENGINE_EVAL_EVIDENCE_H_
#define UOFA_ENGINE_EVAL_EVIDENCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/expr/value.h"
#include "uofa/finding.h"

namespace uofa {

inline constexpr std::string_view kRedacted = "[redacted]";
inline constexpr std::string_view kMissing = "(missing)";

/// The value at a dotted field path ("patient.nhs_number"; through a list, the values of every
/// element: "interventions.type_code" -> "[01, 09]"), as display text.
std::string EvidenceText(const Record& record, std::string_view path, bool show_identifiers);

/// Evidence for each path, in order.
std::vector<Evidence> CollectEvidence(const Record& record, const std::vector<std::string>& paths,
                                      bool show_identifiers);

}  // namespace uofa

#endif  // UOFA_ENGINE_EVAL_EVIDENCE_H_
