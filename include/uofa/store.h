// The audit store: a SQLite file (by default `uofa.db` in the audit folder) that keeps every
// `uofa check` run with its findings, so that runs can be listed and compared, and the records
// `uofa import` loads (uofa/import.h), every version of each.
//
//   std::string error;
//   std::unique_ptr<uofa::AuditStore> store = uofa::AuditStore::Open("audit/uofa.db", true,
//   &error); if (!store) { /* error says why */ } result.since_previous =
//   store->CompareWithPrevious(result, &error); std::optional<std::int64_t> run =
//   store->RecordRun(result, &error);
//
// Nothing here throws. A store is used from one thread at a time; several processes may open
// the same file (SQLite locks it while a run is written).
#ifndef UOFA_STORE_H_
#define UOFA_STORE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "uofa/finding.h"

namespace uofa {

/// One recorded run, as `uofa history` lists it.
struct StoredRun {
  std::int64_t id = 0;
  std::string recorded_at;  ///< when the run was recorded, ISO 8601 UTC
  std::string audit_dir;    ///< the audit folder, as an absolute path
  std::string as_of;        ///< YYYY-MM-DD
  std::string tool_version;
  std::vector<PackSummary> packs;
  std::size_t gaps_high = 0;  ///< gaps (StoredGap) of each severity
  std::size_t gaps_medium = 0;
  std::size_t gaps_low = 0;
  std::size_t waived = 0;  ///< waived failures
};

/// The records of one kind in an import (`uofa import`): read from the folder, and how each
/// compared with the record of the same kind and id the store held.
struct ImportKindCounts {
  std::string kind;
  std::size_t read = 0;       ///< records read (rows that became records)
  std::size_t added = 0;      ///< records the store did not hold
  std::size_t replaced = 0;   ///< records whose content changed: a new version, the old one kept
  std::size_t unchanged = 0;  ///< records identical to the version the store held
  std::size_t rejected = 0;   ///< rows that could not become a record (each has an error)
};

/// One import, as `uofa history --imports` lists it.
struct StoredImport {
  std::int64_t id = 0;
  std::string imported_at;  ///< ISO 8601 UTC
  std::string audit_dir;    ///< the audit folder, as an absolute path
  std::string tool_version;
  std::size_t files = 0;    ///< input files read (their paths and SHA-256 are kept)
  std::size_t read = 0;
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t unchanged = 0;
  std::size_t warnings = 0;  ///< cells that could not be read (the records were kept)
};

/// A gap of a run, keyed by (rule id, record id). A rule-level gap (a pass rate below the rule's
/// target) has an empty record id.
struct StoredGap {
  std::string rule_id;
  std::string rule_title;
  std::string record_id;
  GapSeverity severity = GapSeverity::kMedium;
};

/// The gaps of an audit result, in rule order then record order: every unwaived failing record
/// of a rule with the status gap, or one rule-level gap for a rule with a target.
std::vector<StoredGap> GapsOf(const AuditResult& result);

/// Gaps opened (in `after` only), closed (in `before` only) and persisting (in both), keyed by
/// (rule id, record id); sorted by rule id, then record id.
std::vector<GapChange> CompareGaps(const std::vector<StoredGap>& before,
                                   const std::vector<StoredGap>& after);

class AuditStore {
 public:
  /// The schema version this build writes and reads (the number of its migration steps).
  static int SchemaVersion();

  /// Opens the store at `path`, creating it (readable by its owner only) when `create` is true
  /// and it does not exist, and brings an older schema up to date, one migration step per
  /// transaction. nullptr with `*error` when the file cannot be opened, is not a store, or was
  /// written by a newer uofa.
  static std::unique_ptr<AuditStore> Open(const std::string& path, bool create, std::string* error);

  ~AuditStore();
  AuditStore(const AuditStore&) = delete;
  AuditStore& operator=(const AuditStore&) = delete;

  /// Records a run in one transaction: packs, parameters, inputs with the SHA-256 of their
  /// contents, every rule outcome and finding (evidence as redacted in the result) with its
  /// waiver state. On failure nothing of the run is kept. Returns the new run's id.
  std::optional<std::int64_t> RecordRun(const AuditResult& result, std::string* error);

  /// Every run, oldest first.
  std::optional<std::vector<StoredRun>> Runs(std::string* error) const;

  /// The gaps of a run (see GapsOf); nullopt with `*error` when there is no such run.
  std::optional<std::vector<StoredGap>> Gaps(std::int64_t run_id, std::string* error) const;

  /// Every import of records (`uofa import`), oldest first.
  std::optional<std::vector<StoredImport>> Imports(std::string* error) const;

  /// Compares run `before` with run `after`.
  std::optional<RunComparison> Compare(std::int64_t before, std::int64_t after,
                                       std::string* error) const;

  /// Compares `result` with the latest recorded run of the same audit folder. nullopt without
  /// an error when there is none.
  std::optional<RunComparison> CompareWithPrevious(const AuditResult& result,
                                                   std::string* error) const;

 private:
  struct Impl;
  explicit AuditStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace uofa

#endif  // UOFA_STORE_H_
