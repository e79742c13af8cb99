// Waivers: an audit folder's waivers.yaml, read with positions, and how a waiver covers a
// failing record. A waiver that is malformed or names an unknown rule does not waive (its
// problems are positioned input problems); one that has expired does not waive and is itself a
// finding, as is one that matches nothing (the built-in checks UOFA-WAIVER-EXPIRED and
// UOFA-WAIVER-UNUSED).
#ifndef UOFA_ENGINE_EVAL_WAIVERS_H_
#define UOFA_ENGINE_EVAL_WAIVERS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "uofa/diagnostic.h"
#include "uofa/finding.h"

namespace uofa {

struct Waiver {
  std::string rule_id;
  std::vector<std::string> records;  ///< empty with `unit` empty: every record of the rule
  std::string unit;                  ///< matches records whose `unit` field is this
  std::string justification;
  std::string approved_by;
  std::string expires;        ///< YYYY-MM-DD
  SourceLocation defined_at;  ///< the waiver's `rule` key
  std::size_t matched = 0;    ///< failing records it covered in this run
};

/// Reads `<audit_dir>/waivers.yaml`; `present` is false when there is none. Every problem is
/// reported at its line and column; a waiver with a problem is left out.
struct WaiverFile {
  bool present = false;
  std::vector<Waiver> waivers;
};
WaiverFile ReadWaivers(const std::string& audit_dir, const std::vector<std::string>& rule_ids,
                       Diagnostics& diagnostics);

/// The waivers in force at `as_of` (YYYY-MM-DD): those that expire on or after it.
class WaiverMatcher {
 public:
  WaiverMatcher(std::vector<Waiver>& waivers, const std::string& as_of);
  /// The waiver covering this failing record, or nothing. Counts the match on the waiver.
  std::optional<WaiverApplied> Match(const std::string& rule_id, const std::string& record_id,
                                     const std::string& unit);

 private:
  std::vector<Waiver*> live_;
};

inline constexpr const char* kWaiverExpiredRule = "UOFA-WAIVER-EXPIRED";
inline constexpr const char* kWaiverUnusedRule = "UOFA-WAIVER-UNUSED";

/// The built-in checks on the waivers themselves, after the audit: an expired waiver (medium)
/// and a live waiver that covered no failing record (low), one finding per waiver.
std::vector<RuleOutcome> WaiverChecks(const std::vector<Waiver>& waivers, const std::string& as_of);

}  // namespace uofa

#endif  // UOFA_ENGINE_EVAL_WAIVERS_H_
