// Audit settings: an audit folder's uofa.yaml (packs, as-of date, parameter overrides, column
// mappings, bounds of the data-quality checks).
#ifndef UOFA_ENGINE_EVAL_AUDIT_SETTINGS_H_
#define UOFA_ENGINE_EVAL_AUDIT_SETTINGS_H_

#include <optional>
#include <string>
#include <vector>

#include "engine/eval/data_quality_checks.h"
#include "engine/pack/pack_loader.h"
#include "engine/sources/column_mapping.h"
#include "uofa/diagnostic.h"

namespace uofa {

struct AuditSettings {
  std::string title;
  std::optional<std::string> as_of;  ///< YYYY-MM-DD as written; validated
  SourceLocation as_of_at;
  std::vector<std::string> packs;
  std::vector<ParameterOverride> overrides;
  MappingSet mappings;  ///< `mappings:`, with `root` the audit folder
  DataQualitySettings data_quality;  ///< `data_quality:`, the defaults overridden
};

/// Reads `<directory>/uofa.yaml`. A missing file gives default settings; a malformed one gives
/// positioned errors in `diagnostics`.
AuditSettings ReadAuditSettings(const std::string& directory, Diagnostics& diagnostics);

}  // namespace uofa

#endif  // UOFA_ENGINE_EVAL_AUDIT_SETTINGS_H_
