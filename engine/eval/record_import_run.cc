#include "engine/eval/record_import_run.h"

#include <SQLiteCpp/Exception.h>

#include <filesystem>
#include <map>
#include <set>
#include <utility>

#include "engine/eval/opened_audit.h"
#include "engine/eval/progress.h"
#include "engine/sources/record_json.h"
#include "engine/sources/record_source.h"
#include "engine/store/run_writer.h"
#include "engine/base/sha256.h"
#include "engine/store/store_file.h"
#include "uofa/engine.h"

namespace uofa {
namespace {

namespace fs = std::filesystem;

// "incidents/incidents.csv" for "audit/incidents/incidents.csv": the same however the folder
// was named on the command line.
std::string RelativeToAudit(const std::string& audit_dir, const std::string& path) {
  fs::path relative = fs::path(path).lexically_relative(audit_dir);
  std::string text = relative.generic_string();
  if (text.empty() || text == "." || text.rfind("..", 0) == 0) return path;
  return text;
}

// The files the sources read, each once per kind, then uofa.yaml (its mappings decide how the
// files are read). A file that cannot be hashed is an error: it cannot be read either.
std::vector<ImportedFile> InputFiles(const std::string& audit_dir,
                                     const std::vector<std::unique_ptr<RecordSource>>& sources,
                                     Diagnostics& problems) {
  std::vector<ImportedFile> files;
  std::set<std::pair<std::string, std::string>> seen;
  auto add = [&](const std::string& path, const std::string& kind, std::size_t rows) {
    if (!seen.emplace(path, kind).second) return;
    std::optional<std::string> hash = Sha256OfFile(path);
    if (!hash) {
      problems.Error({path, 0, 0}, "cannot read the file to hash it");
      return;
    }
    files.push_back({RelativeToAudit(audit_dir, path), kind, rows, *hash});
  };
  for (const auto& source : sources) {
    for (const SourceInput& input : source->inputs()) add(input.path, input.kind, input.rows);
  }
  const std::string settings = (fs::path(audit_dir) / "uofa.yaml").string();
  std::error_code ignored;
  if (fs::is_regular_file(settings, ignored)) add(settings, "settings", 0);
  return files;
}

// The rows each file gave, once read.
void CountRows(std::vector<ImportedFile>& files, const std::string& audit_dir,
               const std::vector<std::unique_ptr<RecordSource>>& sources) {
  std::map<std::pair<std::string, std::string>, std::size_t> rows;
  for (const auto& source : sources) {
    for (const SourceInput& input : source->inputs())
      rows[{RelativeToAudit(audit_dir, input.path), input.kind}] = input.rows;
  }
  for (ImportedFile& file : files) {
    auto found = rows.find({file.path, file.kind});
    if (found != rows.end()) file.rows = found->second;
  }
}

}  // namespace

std::optional<ImportSummary> ImportIntoStore(SQLite::Database& database, const ImportOptions& options,
                                             Diagnostics& diagnostics, const RecordWrittenHook& hook) {
  std::unique_ptr<OpenedAudit> audit =
      OpenAudit({options.audit_dir, options.rules_root, std::nullopt, options.packs}, diagnostics);
  if (!audit) return std::nullopt;

  ImportSummary summary;
  Diagnostics problems;
  std::vector<std::unique_ptr<RecordSource>> sources =
      OpenAuditFolder(options.audit_dir, audit->sources, problems);
  std::vector<ImportedFile> files = InputFiles(options.audit_dir, sources, problems);
  summary.files = files.size();
  try {
    RecordImportWriter writer(database, AuditKey(options.audit_dir), NowUtc(), Version(), hook);
    if (!problems.HasErrors()) {
      if (std::optional<std::int64_t> latest = writer.SameFilesAsLatest(files)) {
        summary.status = ImportStatus::kUnchanged;
        summary.import_id = *latest;
        return summary;
      }
    }
    ProgressMeter progress;
    std::size_t rows_before = 0;  // rows of the sources already read
    for (auto& source : sources) {
      // The n-th record of a kind with a given id, for ids that repeat (training rows).
      std::map<std::string, int, std::less<>> seen_ids;
      std::shared_ptr<const Record> record;
      std::size_t produced = 0;
      while (source->Next(&record, problems)) {
        ++produced;
        progress.Update(rows_before + source->counts().rows_read, source->FractionRead());
        // After an error nothing will be kept: the rest is read only to report every problem.
        if (problems.HasErrors()) continue;
        ImportedRecord row;
        row.kind = source->kind();
        row.record_id = record->Id();
        row.ordinal = ++seen_ids[row.record_id];
        row.json = CanonicalRecordJson(*record);
        row.origin_file = RelativeToAudit(options.audit_dir, record->origin.file);
        row.origin_line = record->origin.line;
        writer.Add(row);
      }
      rows_before += source->counts().rows_read;
      // rows_read may count the rows of joined children too: records are counted here.
      ImportKindCounts kind{source->kind()};
      kind.read = produced;
      kind.rejected = source->counts().rows_rejected;
      summary.kinds.push_back(std::move(kind));
    }
    progress.Clear();
    summary.input_problems = InPositionOrder(problems);
    for (const Diagnostic& problem : summary.input_problems) {
      if (problem.severity == Severity::kError) ++summary.errors;
      if (problem.severity == Severity::kWarning) ++summary.warnings;
    }
    if (problems.HasErrors()) {
      summary.status = ImportStatus::kRejected;
      return summary;  // the writer's transaction is rolled back
    }
    CountRows(files, options.audit_dir, sources);
    summary.import_id = writer.Commit(files, summary.warnings);
    for (ImportKindCounts& kind : summary.kinds) {
      for (const ImportKindCounts& written : writer.kinds()) {
        if (written.kind != kind.kind) continue;
        kind.added = written.added;
        kind.replaced = written.replaced;
        kind.unchanged = written.unchanged;
      }
    }
    summary.status = ImportStatus::kImported;
    return summary;
  } catch (const SQLite::Exception& exception) {
    diagnostics.Error({}, "'" + options.store_path + "': store error: " + exception.what());
    return std::nullopt;
  }
}

std::optional<ImportSummary> ImportAudit(const ImportOptions& options, Diagnostics& diagnostics) {
  std::error_code ignored;
  if (!fs::is_directory(options.audit_dir, ignored)) {
    diagnostics.Error({options.audit_dir, 0, 0}, "not an audit folder (no such directory)");
    return std::nullopt;
  }
  std::string error;
  std::unique_ptr<SQLite::Database> database = OpenStoreFile(options.store_path, true, &error);
  if (!database) {
    diagnostics.Error({}, error);
    return std::nullopt;
  }
  try {
    return ImportIntoStore(*database, options, diagnostics);
  } catch (const std::exception& exception) {
    diagnostics.Error({}, "'" + options.store_path + "': " + exception.what());
    return std::nullopt;
  }
}

}  // namespace uofa
