// The incident table set (DATA-CONTRACT.md): incidents/incidents.csv, streamed row by row, joined
// with its child tables (incidents/<list field>.csv: interventions, staff_involved, reviews,
// observations), which are read whole and indexed by incident_id, and with the patients table.
//
// Problems: a child row whose incident_id matches no incident read is an error, reported when
// the incidents are exhausted; a repeated incident_id is an error for the later row; an
// incident_id naming no patient is a warning at its cell (the patient field stays null).
// A child table that is absent leaves the list field null (not known); a present table gives
// every incident a list, empty when it has no rows.
//
// The same tables may come as one SQLite database, incidents/incidents.sqlite, holding tables of
// the same names and columns (incidents, interventions, ...; sqlite_tables.h for positions and
// cells): read exactly as the CSV files are, each through the column mapping of the CSV file it
// stands for. A table of another name is a warning, and is not read.
//
// Counts cover every file: rows_read == incidents produced + child rows attached to them +
// rows_rejected.
#ifndef UOFA_ENGINE_SOURCES_INCIDENT_TABLES_H_
#define UOFA_ENGINE_SOURCES_INCIDENT_TABLES_H_

#include <memory>
#include <string>

#include "engine/sources/record_source.h"
#include "engine/sources/table_reader.h"
#include "uofa/diagnostic.h"

namespace uofa {

/// Opens `directory`/incidents.csv and the child tables beside it. `patients` may be null (no
/// patients table), or still being read: it is waited for after the first pass over the keys of
/// the tables. Returns nullptr, with the reason in `diagnostics`, when incidents.csv cannot
/// be read or `options.schemas` has no 'incident' type.
std::unique_ptr<RecordSource> OpenIncidentTables(const std::string& directory,
                                                 const SourceOptions& options,
                                                 PendingKeyedTable patients,
                                                 Diagnostics& diagnostics);

/// Opens the database `path` (DIR/incidents/incidents.sqlite) and its table `incidents`, with
/// the child tables it holds. nullptr, with the reason in `diagnostics`, when the file is not a
/// readable database, has no table 'incidents', or `options.schemas` has no 'incident' type.
std::unique_ptr<RecordSource> OpenIncidentDatabase(const std::string& path,
                                                   const SourceOptions& options,
                                                   PendingKeyedTable patients,
                                                   Diagnostics& diagnostics);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_INCIDENT_TABLES_H_
