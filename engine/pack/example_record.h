// Records written in YAML (a rule example's `record:`), built the way a record source builds
// them: scalars through ParseFieldText, nested lists and records from sequences and mappings.
#ifndef UOFA_ENGINE_PACK_EXAMPLE_RECORD_H_
#define UOFA_ENGINE_PACK_EXAMPLE_RECORD_H_

#include <memory>

#include "engine/expr/value.h"
#include "engine/pack/yaml_checks.h"
#include "engine/pack/yaml_document.h"
#include "engine/record/record_type.h"

namespace uofa {

/// Builds a record of `type` from a YAML mapping. An unknown field is reported at its key
/// (with a suggestion), a value that does not parse at the value, a wrong node kind at the
/// node; the record is still returned, with those fields missing. A null `mapping` gives an
/// empty record.
std::shared_ptr<const Record> BuildRecordFromYaml(const RecordType& type, const YamlNode& mapping,
                                                  const CodeRegistry& codes,
                                                  const YamlChecker& check);

}  // namespace uofa

#endif  // UOFA_ENGINE_PACK_EXAMPLE_RECORD_H_
