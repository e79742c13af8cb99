// Importing an audit folder's records into the store (`uofa import DIR`):
//
//   uofa::ImportOptions options;
//   options.audit_dir = "audit";
//   options.rules_root = "rules";
//   options.store_path = "audit/uofa.db";
//   uofa::Diagnostics problems;
//   std::optional<uofa::ImportSummary> summary = uofa::ImportAudit(options, problems);
//
// The folder is read as `uofa check` reads it (uofa.yaml, its column mappings, the packs'
// schemas) and every record is kept as canonical JSON, every version of it: see
// docs/import.md. An import is one transaction: all of it is kept, or none of it. Nothing here
// throws.
#ifndef UOFA_IMPORT_H_
#define UOFA_IMPORT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "uofa/diagnostic.h"
#include "uofa/store.h"

namespace uofa {

struct ImportOptions {
  std::string audit_dir;           ///< the audit folder (DATA-CONTRACT.md)
  std::string rules_root;          ///< folder holding the packs, whose schemas type the records
  std::vector<std::string> packs;  ///< overrides uofa.yaml's `packs`; empty: as configured
  std::string store_path;          ///< the store, created (mode 0600) when it does not exist
};

enum class ImportStatus {
  kImported,   ///< the records were written as a new import
  kUnchanged,  ///< every file matched the latest import of the folder: nothing was written
  kRejected,   ///< an input had errors (a row rejected, a file unreadable): nothing was written
};

struct ImportSummary {
  ImportStatus status = ImportStatus::kImported;
  /// kImported: the new import; kUnchanged: the latest import, whose files matched; else 0.
  std::int64_t import_id = 0;
  /// One per record kind read, in the order the folder is read. With kUnchanged, empty (nothing
  /// is read); with kRejected, only `read` and `rejected` are counted.
  std::vector<ImportKindCounts> kinds;
  std::size_t files = 0;  ///< input files (and uofa.yaml), with their SHA-256
  /// Every problem in the inputs, in the order found: errors (rejected rows, unreadable files)
  /// and warnings (cells that could not be read; their records are imported).
  std::vector<Diagnostic> input_problems;
  std::size_t errors = 0;
  std::size_t warnings = 0;
};

/// Imports the folder's records into the store. nullopt, with the reasons in `diagnostics`, when
/// the folder, its settings, the packs or the store cannot be opened, or the store cannot be
/// written; problems in the records themselves are in the summary.
std::optional<ImportSummary> ImportAudit(const ImportOptions& options, Diagnostics& diagnostics);

}  // namespace uofa

#endif  // UOFA_IMPORT_H_
