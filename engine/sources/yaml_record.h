// A YAML file that holds one record (organisation.yaml: the trust's profile), read by the record
// kind's schema. Nested mappings become record fields, sequences of mappings list fields, and
// scalars are read with ParseFieldText, as CSV cells are. A sequence of scalars given for a string
// or text field is read as its items joined with ';' (the form CSV cells use for such lists, e.g.
// training topics `a;b;c`), so `wards: [Oak, Ash]` and `wards: Oak;Ash` mean the same.
//
// Problems, each at the file:line:col of the node:
// - the file is not valid YAML, holds no mapping, or expands beyond a million nodes through
//   aliases: an error; the record is rejected;
// - a required field of the record is missing: an error; the record is rejected;
// - an unknown key, a repeated key (the first is used), a value that cannot be read, a node of the
//   wrong kind (a sequence where a scalar belongs), a nested record lacking a required field:
//   a warning; the record is still produced, with that value missing;
// - a second YAML document in the file: a warning; only the first is read.
// The record's origin is line 1 of the file; its id is the schema's id_field. The source counts
// one row: rows_read == 1 == records produced + rows_rejected. Never throws.
#ifndef UOFA_ENGINE_SOURCES_YAML_RECORD_H_
#define UOFA_ENGINE_SOURCES_YAML_RECORD_H_

#include <memory>
#include <string>

#include "engine/record/record_type.h"
#include "engine/sources/record_source.h"
#include "uofa/diagnostic.h"

namespace uofa {

/// Opens `path` as one record of `type`. nullptr, with the reason in `diagnostics`, only when the
/// file cannot be read at all.
std::unique_ptr<RecordSource> OpenYamlRecord(const std::string& path, const RecordType& type,
                                             const SourceOptions& options,
                                             Diagnostics& diagnostics);

/// The same over text already read; `path` names it in diagnostics.
std::unique_ptr<RecordSource> YamlRecordFromText(std::string path, std::string text,
                                                 const RecordType& type,
                                                 const SourceOptions& options,
                                                 Diagnostics& diagnostics);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_YAML_RECORD_H_
