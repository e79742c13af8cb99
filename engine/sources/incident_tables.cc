#include "engine/sources/incident_tables.h"

#include <filesystem>
#include <utility>

#include "engine/sources/joined_table.h"

namespace uofa {

// The incident table set is the general joined table: incidents.csv keyed by incident_id, each
// list field filled from the child table of its name beside it, and the patient looked up.
std::unique_ptr<RecordSource> OpenIncidentTables(const std::string& directory,
                                                 const SourceOptions& options,
                                                 std::shared_ptr<const KeyedTable> patients,
                                                 Diagnostics& diagnostics) {
  const RecordType* incident_type = options.schemas ? options.schemas->Find("incident") : nullptr;
  if (incident_type == nullptr) {
    diagnostics.Error({directory, 0, 0}, "no record type 'incident' is declared");
    return nullptr;
  }
  JoinedTableSpec spec;
  spec.path = (std::filesystem::path(directory) / "incidents.csv").string();
  spec.type = incident_type;
  spec.children = ChildTablesBeside(*incident_type, directory, options);
  spec.lookup = std::move(patients);
  return OpenJoinedTable(spec, options, diagnostics);
}

}  // namespace uofa
