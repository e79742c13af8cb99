// ComputeStatistics: the `uofa stats` pipeline behind the public API. It reads the audit's
// settings and packs as RunCheck does, for the same record schemas, code lists and audit date.
#include <chrono>
#include <filesystem>

#include "engine/base/time.h"
#include "engine/eval/audit_settings.h"
#include "engine/eval/mapping_settings.h"
#include "engine/pack/pack_loader.h"
#include "engine/sources/audit_paths.h"
#include "engine/stats/folder_statistics.h"
#include "uofa/statistics.h"

namespace uofa {

std::optional<Statistics> ComputeStatistics(const StatisticsOptions& options, Diagnostics& diagnostics) {
  std::error_code error;
  if (!std::filesystem::is_directory(options.audit_dir, error)) {
    diagnostics.Error({options.audit_dir, 0, 0}, "not an audit folder (no such directory)");
    return std::nullopt;
  }
  if (!CheckAuditFolderLinks(options.audit_dir, diagnostics)) return std::nullopt;
  AuditSettings settings = ReadAuditSettings(options.audit_dir, diagnostics);
  if (diagnostics.HasErrors()) return std::nullopt;
  std::string as_of = options.as_of.value_or(settings.as_of.value_or(""));
  if (as_of.empty()) {
    const auto now = std::chrono::system_clock::now();
    as_of = FormatLocalDate(
        Timestamp{std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count(), 0});
  }
  std::string date_error;
  std::optional<Timestamp> as_of_time = ParseDate(as_of, &date_error);
  if (!as_of_time) {
    diagnostics.Error({}, "invalid --as-of date: " + date_error);
    return std::nullopt;
  }
  LoadOptions load;
  load.rules_root = options.rules_root;
  load.packs = settings.packs;
  load.overrides = settings.overrides;
  std::unique_ptr<PackSet> packs = LoadPacks(load, diagnostics);
  if (!packs) return std::nullopt;
  CheckMappings(settings.mappings, packs->schemas, diagnostics);
  if (diagnostics.HasErrors()) return std::nullopt;
  SourceOptions sources;
  sources.schemas = &packs->schemas;
  sources.parse.codes = &packs->codes;
  sources.parse.schemas = &packs->schemas;
  sources.parse.mappings = &settings.mappings;
  stats::BuildOptions build{options.suppress, options.run_length, options.trend_length};
  return stats::FolderStatistics(options.audit_dir, *packs, sources, *as_of_time, build, diagnostics);
}

}  // namespace uofa
