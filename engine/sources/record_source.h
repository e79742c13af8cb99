// RecordSource: a stream of records of one kind read from the trust's evidence. Sources are
// registered in one table (source_registry.cc) by the files they recognise in an audit folder.
#ifndef UOFA_ENGINE_SOURCES_RECORD_SOURCE_H_
#define UOFA_ENGINE_SOURCES_RECORD_SOURCE_H_

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/expr/value.h"
#include "engine/record/record_type.h"
#include "engine/sources/field_parser.h"
#include "uofa/diagnostic.h"

namespace uofa {

/// Counts kept by every source, so every report can account for each row read:
/// rows_read == records produced + rows_rejected.
struct SourceCounts {
  std::size_t rows_read = 0;      ///< data rows (or JSON lines) seen, in all files of the source
  std::size_t rows_rejected = 0;  ///< rows that could not become a record (each has an error)
  std::size_t cell_problems = 0;  ///< cells that could not be read (each has a warning)
};

/// One input file the source read, for the report's list of inputs.
struct SourceInput {
  std::string path;
  std::string kind;  ///< record kind the file feeds, e.g. "incident", "intervention", "patient"
  std::size_t rows = 0;
};

class RecordSource {
 public:
  virtual ~RecordSource() = default;
  /// The record kind produced ("incident").
  virtual const std::string& kind() const = 0;
  /// Produces the next record into `*out`; false at the end. Problems go to `diagnostics`:
  /// a row that cannot become a record is an error (and is counted as rejected), a cell that
  /// cannot be read is a warning (the record is still produced, with that field null or, for
  /// codes and enums, the unrecognised text).
  virtual bool Next(std::shared_ptr<const Record>* out, Diagnostics& diagnostics) = 0;
  virtual const SourceCounts& counts() const = 0;
  virtual std::vector<SourceInput> inputs() const = 0;
  /// The share (0..1) of the main input read so far, for progress; negative when not known.
  virtual double FractionRead() const { return -1; }
  /// After Next has thrown ChildRowsOutOfOrder: the same source opened again, with the order of
  /// every child table checked before it is read, to be read from the start in place of this
  /// one. Problems this source reported when it was opened are not reported again; those of child
  /// tables read whole when opened go to `problems`. Null when it cannot be opened again.
  virtual std::unique_ptr<RecordSource> ReopenChecked(Diagnostics& /*problems*/) { return nullptr; }
};

/// Thrown by Next, with SourceOptions::child_order_checked_while_read, when a child table read
/// beside its parent table turns out not to follow the parents' order: the records produced so far
/// are to be discarded, and the source read again from ReopenChecked.
class ChildRowsOutOfOrder : public std::runtime_error {
 public:
  explicit ChildRowsOutOfOrder(const std::string& path)
      : std::runtime_error("the rows of '" + path + "' are not in the order of their parents") {}
};

struct SourceOptions {
  const SchemaRegistry* schemas = nullptr;
  FieldParseOptions parse;
  /// RE2 patterns (matched without regard to case) that make a document whose title or first
  /// heading matches one of them patient information rather than a policy, when organisation.yaml
  /// does not say which it is (the packs' parameter patient_information_title_patterns).
  std::vector<std::string> patient_information_title_patterns;
  /// Child tables (interventions.csv beside incidents.csv) are read beside their parent table
  /// without a first pass over their keys to check that their rows follow the parents' order;
  /// one that does not makes Next throw ChildRowsOutOfOrder. For a reader that can start a source
  /// over (the audit, through ReopenChecked); one that keeps what it reads leaves it off.
  bool child_order_checked_while_read = false;
};

/// Opens the record sources an audit folder holds (DATA-CONTRACT.md "The audit folder"), one per
/// record kind found. Kinds whose files are absent produce no source (their rules are then
/// not_assessed). Errors that stop a file from being read at all (unreadable, bad header, a
/// required column missing) go to `diagnostics` and that source is left out. The caller checks
/// first that no symbolic link leads out of the folder (CheckAuditFolderLinks, audit_paths.h).
std::vector<std::unique_ptr<RecordSource>> OpenAuditFolder(const std::string& directory,
                                                           const SourceOptions& options,
                                                           Diagnostics& diagnostics);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_RECORD_SOURCE_H_
