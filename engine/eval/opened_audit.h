// An audit folder opened for reading: checked for links out of it, its uofa.yaml read, the audit
// date decided and the packs loaded, with the source options every reader of the folder uses.
// RunCheck and ComputeStatistics both start here, so they read a folder the same way.
#ifndef UOFA_ENGINE_EVAL_OPENED_AUDIT_H_
#define UOFA_ENGINE_EVAL_OPENED_AUDIT_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/time.h"
#include "engine/eval/audit_settings.h"
#include "engine/pack/pack_loader.h"
#include "engine/sources/record_source.h"
#include "uofa/diagnostic.h"

namespace uofa {

/// The audit date as given, and as an instant (local midnight, Europe/London).
struct AuditDate {
  std::string text;  ///< YYYY-MM-DD
  Timestamp time;
};

/// `given` (--as-of), else `from_settings` (uofa.yaml), else today in Europe/London. An invalid
/// date is an error in `diagnostics` and gives nullopt.
std::optional<AuditDate> DecideAuditDate(const std::optional<std::string>& given,
                                         const std::optional<std::string>& from_settings,
                                         Diagnostics& diagnostics);

/// The title patterns of patient information: the packs' `patient_information_title_patterns`
/// (the first pack that declares it).
std::vector<std::string> PatientInformationTitlePatterns(const PackSet& packs);

struct AuditRequest {
  std::string audit_dir;
  std::string rules_root;
  std::optional<std::string> as_of;  ///< overrides uofa.yaml's
  std::vector<std::string> packs;    ///< overrides uofa.yaml's; empty: uofa.yaml's, else all
};

/// Not copyable or movable: `sources` points into `packs` and `settings`.
struct OpenedAudit {
  AuditSettings settings;
  AuditDate as_of;
  std::unique_ptr<PackSet> packs;
  SourceOptions sources;

  OpenedAudit() = default;
  OpenedAudit(const OpenedAudit&) = delete;
  OpenedAudit& operator=(const OpenedAudit&) = delete;
};

/// Opens `request.audit_dir`; nullptr (with the reasons in `diagnostics`) when the folder, its
/// settings, the audit date, the packs or the column mappings have errors.
std::unique_ptr<OpenedAudit> OpenAudit(const AuditRequest& request, Diagnostics& diagnostics);

/// The problems found in an audit folder's inputs in the order reports show them: by file, then
/// line and column (problems of a whole file first), each file's in the order found. Sources read
/// their files in different orders (a child table whole before its parent, or beside it), so
/// this is what makes the order of a report independent of how its inputs were read.
std::vector<Diagnostic> InPositionOrder(const Diagnostics& problems);

}  // namespace uofa

#endif  // UOFA_ENGINE_EVAL_OPENED_AUDIT_H_
