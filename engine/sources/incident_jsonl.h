// incidents/incidents.jsonl: the nested form of the incident table set. One incident per line:
// the incident columns as keys, arrays `interventions`, `staff_involved`, `reviews` and
// `observations` (any list field of the schema), and either `patient_id` (joined with the
// patients table) or an embedded `patient` object. Read line by line.
//
// Scalars are converted with ParseFieldText: strings as they are, numbers and booleans through
// their text, null as missing. Problems:
// - a line that is not valid JSON, or not an object: an error at `path:line:col`; rejected;
// - a missing required field of the incident, a repeated incident_id: an error; rejected;
// - an unknown key, a value that cannot be read, a nested entry that is not an object or lacks
//   a required field (the entry is left out), a patient_id naming no patient: a warning at the
//   line, naming the key's path (`interventions[1].type_code`).
// Nested entries without the incident key get the incident's. Blank lines are skipped.
// rows_read counts non-blank lines: rows_read == incidents produced + rows_rejected.
#ifndef UOFA_ENGINE_SOURCES_INCIDENT_JSONL_H_
#define UOFA_ENGINE_SOURCES_INCIDENT_JSONL_H_

#include <istream>
#include <memory>
#include <string>

#include "engine/sources/record_source.h"
#include "engine/sources/table_reader.h"
#include "uofa/diagnostic.h"

namespace uofa {

/// Opens a JSON Lines file of incidents. `patients` may be null. nullptr, with the reason in
/// `diagnostics`, when the file cannot be opened or there is no 'incident' type.
std::unique_ptr<RecordSource> OpenIncidentJsonl(const std::string& path,
                                                const SourceOptions& options,
                                                std::shared_ptr<const KeyedTable> patients,
                                                Diagnostics& diagnostics);

/// The same over any stream; `path` names it in diagnostics.
std::unique_ptr<RecordSource> IncidentJsonlFromStream(std::string path,
                                                      std::unique_ptr<std::istream> input,
                                                      const SourceOptions& options,
                                                      std::shared_ptr<const KeyedTable> patients,
                                                      Diagnostics& diagnostics);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_INCIDENT_JSONL_H_
