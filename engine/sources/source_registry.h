// The registration table of record sources: one row per record kind, naming the files of an
// audit folder it recognises and the function that opens it. Adding a format or a kind is one
// row (and the file that implements it). OpenAuditFolder (record_source.h) walks this table.
#ifndef UOFA_ENGINE_SOURCES_SOURCE_REGISTRY_H_
#define UOFA_ENGINE_SOURCES_SOURCE_REGISTRY_H_

#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sources/documents/document_source.h"
#include "engine/sources/record_source.h"
#include "engine/sources/table_reader.h"
#include "uofa/diagnostic.h"

namespace uofa {

/// What the rows' open functions share while one audit folder is opened.
class AuditFolder {
 public:
  AuditFolder(std::string directory, const SourceOptions& options)
      : directory_(std::move(directory)), options_(options) {}

  const std::string& directory() const { return directory_; }
  const SourceOptions& options() const { return options_; }
  /// The path of a file given relative to the folder ("incidents/incidents.csv").
  std::string PathOf(std::string_view relative) const;
  /// Whether that file exists (as a regular file; as a folder when `relative` ends with '/').
  bool Has(std::string_view relative) const;
  /// patients.csv, read once and indexed by patient_id for the patient source and the joins;
  /// null when absent, unreadable or when the schemas declare no 'patient'. Its problems go to
  /// `diagnostics` of the first call.
  std::shared_ptr<const KeyedTable> Patients(Diagnostics& diagnostics);
  /// The same table for a join, waited for only when the join needs it, so that the join's first
  /// pass over its keys runs beside the reading. Its problems are left to Patients.
  PendingKeyedTable PendingPatients();
  /// Starts reading patients.csv on a thread of its own, for Patients or PendingPatients to take
  /// when first asked.
  void StartReadingPatients();
  /// The documents of policy/, read once for the policy_document and policy_paragraph sources.
  std::shared_ptr<const DocumentSet> Documents(Diagnostics& diagnostics);

 private:
  std::string directory_;
  const SourceOptions& options_;
  struct PatientsRead {
    std::shared_ptr<const KeyedTable> table;
    Diagnostics problems;
  };
  PatientsRead ReadPatients() const;
  // Takes the read of patients.csv the first time: from its thread, or read here.
  void TakePatients();

  bool patients_taken_ = false;
  bool patient_problems_reported_ = false;
  PatientsRead patients_;
  std::shared_ptr<const DocumentSet> documents_;
  std::future<PatientsRead> patients_reading_;  // last: its thread reads the members above
};

struct SourceKind {
  const char* kind;                ///< record kind produced; skipped when no schema declares it
  std::vector<const char*> files;  ///< files recognised, relative to the folder; any one opens it
  /// Opens the source; nullptr (the reason in diagnostics) when it cannot be read.
  std::unique_ptr<RecordSource> (*open)(AuditFolder& folder, Diagnostics& diagnostics);
  /// Opened after the other kinds, as it waits for a file they need later or not at all (its
  /// source and problems keep their place in the table's order).
  bool opened_last = false;
};

/// Every registered source kind, in the order of the sources OpenAuditFolder gives and of their
/// problems.
const std::vector<SourceKind>& SourceKinds();

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_SOURCE_REGISTRY_H_
