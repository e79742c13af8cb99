// Column mappings: how one export file of an audit folder (a Datix extract, say) becomes the
// canonical table the data contract describes (DATA-CONTRACT.md "Column mappings"; written in
// uofa.yaml under `mappings:`, docs/mappings.md). A mapping is read and checked once, then the
// table reader compiles it into per-column lookups for the file it reads.
#ifndef UOFA_ENGINE_SOURCES_COLUMN_MAPPING_H_
#define UOFA_ENGINE_SOURCES_COLUMN_MAPPING_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/base/date_format.h"
#include "uofa/diagnostic.h"

namespace uofa {

class RecordType;
class SchemaRegistry;

/// Where something was written in uofa.yaml, with its line's text, for warnings raised when the
/// file is read (a renamed column the export does not have).
struct MappingPlace {
  SourceLocation at;
  std::string line;
};

/// Labels to values ("Face down" -> "01"). Labels match ignoring case and surrounding spaces.
class LabelMap {
 public:
  /// Adds a label; false when it is already there (ignoring case).
  bool Add(std::string_view label, std::string value);
  /// The value for `text`, or nullptr. `scratch` holds the lowered text (no allocation once warm).
  const std::string* Find(std::string_view text, std::string* scratch) const;
  bool empty() const { return by_label_.empty(); }

 private:
  std::unordered_map<std::string, std::string> by_label_;  // lowered, trimmed label -> value
};

/// Words read as yes, no and unknown in boolean and tri-state fields, beside the contract's own
/// (Y/N, yes/no, true/false, 1/0, U/unknown). Matched ignoring case.
struct TruthWords {
  std::vector<std::string> yes, no, unknown;
  bool empty() const { return yes.empty() && no.empty() && unknown.empty(); }
};

/// One cell listing several child rows ("Restraint - prone; Held on back"): each listed item
/// becomes a row of the list field `into`.
struct SplitMapping {
  std::string column;  ///< the export's column
  MappingPlace column_at;
  std::string into;  ///< list field of the table's record kind ("interventions")
  MappingPlace into_at;
  std::string separator = ";";  ///< between items
  /// Fields of the child row each item gives, in order; with more than one, an item's parts are
  /// separated by `part_separator`.
  std::vector<std::string> fields;
  std::vector<MappingPlace> fields_at;
  std::string part_separator = "|";
  std::unordered_map<std::string, LabelMap> values;  ///< by child field
  std::unordered_map<std::string, MappingPlace> values_at;
};

/// The mapping of one export file.
struct FileMapping {
  std::string file;  ///< relative to the audit folder, '/'-separated: "incidents/incidents.csv"
  MappingPlace at;
  bool windows_1252 = false;
  char separator = ',';
  struct Rename {
    std::string column;  ///< as the export names it
    std::string field;   ///< canonical field
    MappingPlace at;     ///< the entry (its key, the export's column name)
    MappingPlace field_at;
  };
  std::vector<Rename> columns;
  std::optional<DateFormat> date_format;
  std::optional<DateFormat> datetime_format;
  std::unordered_map<std::string, LabelMap> values;  ///< by canonical field
  std::unordered_map<std::string, MappingPlace> values_at;
  TruthWords booleans;
  std::vector<SplitMapping> splits;
};

/// Every mapping of an audit folder.
struct MappingSet {
  std::string root;  ///< the audit folder the files are relative to
  std::vector<FileMapping> files;

  /// The mapping of the file at `path` (a path under `root`), or nullptr.
  const FileMapping* ForPath(const std::string& path) const;
  bool empty() const { return files.empty(); }
};

/// The record kind an audit-folder CSV file feeds ("incidents/interventions.csv" ->
/// intervention), from the source registry and the schemas' child tables; nullptr for a file the
/// audit does not read.
const RecordType* RecordTypeOfAuditFile(std::string_view relative, const SchemaRegistry& schemas);

/// The CSV files an audit folder may hold, for did-you-mean on a mapping's file name.
std::vector<std::string> AuditCsvFiles(const SchemaRegistry& schemas);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_COLUMN_MAPPING_H_
