#include "engine/sources/incident_tables.h"

#include <filesystem>
#include <utility>

#include "engine/base/text.h"
#include "engine/sources/joined_table.h"
#include "engine/sources/sqlite_tables.h"

namespace uofa {
namespace {

constexpr const char* kIncidentsTable = "incidents";

}  // namespace

// The incident table set is the general joined table: incidents.csv keyed by incident_id, each
// list field filled from the child table of its name beside it, and the patient looked up.
std::unique_ptr<RecordSource> OpenIncidentTables(const std::string& directory,
                                                 const SourceOptions& options,
                                                 PendingKeyedTable patients,
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

// The same join over the tables of incidents.sqlite: table `incidents`, and each list field
// filled from the table of its name.
std::unique_ptr<RecordSource> OpenIncidentDatabase(const std::string& path,
                                                   const SourceOptions& options,
                                                   PendingKeyedTable patients,
                                                   Diagnostics& diagnostics) {
  const RecordType* incident_type = options.schemas ? options.schemas->Find("incident") : nullptr;
  if (incident_type == nullptr) {
    diagnostics.Error({path, 0, 0}, "no record type 'incident' is declared");
    return nullptr;
  }
  std::shared_ptr<SqliteDatabase> database = SqliteDatabase::Open(path, diagnostics);
  if (!database) return nullptr;
  if (!database->HasTable(kIncidentsTable)) {
    diagnostics.Error({path, 0, 0}, "no table 'incidents' in the database");
    return nullptr;
  }
  std::string folder = std::filesystem::path(path).parent_path().string();
  JoinedTableSpec spec;
  spec.type = incident_type;
  spec.database = database;
  spec.table = kIncidentsTable;
  spec.path = database->TablePath(spec.table);
  spec.mapping_folder = folder;
  for (JoinedTableSpec::Child child : ChildTablesBeside(*incident_type, folder, options)) {
    child.table = child.field;
    child.path = database->TablePath(child.table);
    spec.children.push_back(std::move(child));
  }
  for (const std::string& table : database->tables()) {
    bool known = EqualsIgnoringCase(table, kIncidentsTable);
    for (const JoinedTableSpec::Child& child : spec.children) {
      known = known || EqualsIgnoringCase(table, child.table);
    }
    if (!known) {
      diagnostics.Warning({path, 0, 0}, "table '" + table + "' is not one of the incident tables; "
                                        "it is not read");
    }
  }
  spec.lookup = std::move(patients);
  return OpenJoinedTable(spec, options, diagnostics);
}

}  // namespace uofa
