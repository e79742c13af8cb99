// Statistics of an audit folder, given the packs already loaded (for the schemas and code lists).
#ifndef UOFA_ENGINE_STATS_FOLDER_STATISTICS_H_
#define UOFA_ENGINE_STATS_FOLDER_STATISTICS_H_

#include <string>

#include "engine/base/time.h"
#include "engine/pack/rule_pack.h"
#include "engine/sources/record_source.h"
#include "engine/stats/builder.h"
#include "uofa/diagnostic.h"
#include "uofa/statistics.h"

namespace uofa::stats {

/// Opens the folder's record sources (OpenAuditFolder, with the audit's source options, so that
/// its column mappings apply) and builds its statistics. Problems in the data go to
/// `diagnostics`; nothing stops the run.
Statistics FolderStatistics(const std::string& audit_dir, const PackSet& packs, const SourceOptions& sources,
                            Timestamp as_of, const BuildOptions& options, Diagnostics& diagnostics);

}  // namespace uofa::stats

#endif  // UOFA_ENGINE_STATS_FOLDER_STATISTICS_H_
