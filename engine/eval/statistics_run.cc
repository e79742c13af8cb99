// ComputeStatistics: the `uofa stats` pipeline behind the public API. It opens the audit as
// RunCheck does, for the same record schemas, code lists, column mappings and audit date.
#include "engine/eval/opened_audit.h"
#include "engine/stats/folder_statistics.h"
#include "uofa/statistics.h"

namespace uofa {

std::optional<Statistics> ComputeStatistics(const StatisticsOptions& options, Diagnostics& diagnostics) {
  std::unique_ptr<OpenedAudit> audit = OpenAudit({options.audit_dir, options.rules_root, options.as_of, {}}, diagnostics);
  if (!audit) return std::nullopt;
  stats::BuildOptions build{options.suppress, options.run_length, options.trend_length};
  return stats::FolderStatistics(options.audit_dir, *audit->packs, audit->sources, audit->as_of.time, build,
                                 diagnostics);
}

}  // namespace uofa
