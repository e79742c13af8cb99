// An audit folder's statistics: read the facts once, then build every table and chart from them.
#include "engine/stats/folder_statistics.h"

#include "engine/sources/record_source.h"
#include "engine/stats/record_facts.h"

namespace uofa::stats {

Statistics FolderStatistics(const std::string& audit_dir, const PackSet& packs, const SourceOptions& source_options,
                            Timestamp as_of, const BuildOptions& options, Diagnostics& diagnostics) {
  std::vector<std::unique_ptr<RecordSource>> sources = OpenAuditFolder(audit_dir, source_options, diagnostics);
  Facts facts = ReadFacts(sources, packs.codes, as_of, diagnostics);
  return BuildStatistics(facts, options);
}

}  // namespace uofa::stats
