// The `mappings:` section of uofa.yaml: how each export file of the audit folder becomes a
// canonical table (docs/mappings.md). Read with the settings, then checked against the record
// schemas once the packs are loaded, every problem at its line and column in uofa.yaml.
#ifndef UOFA_ENGINE_EVAL_MAPPING_SETTINGS_H_
#define UOFA_ENGINE_EVAL_MAPPING_SETTINGS_H_

#include "engine/base/source_text.h"
#include "engine/pack/yaml_document.h"
#include "engine/record/record_type.h"
#include "engine/sources/column_mapping.h"
#include "uofa/diagnostic.h"

namespace uofa {

/// Reads the value of `mappings:` into `mappings->files` (in file order). Unknown keys (with a
/// did-you-mean), values of the wrong shape, bad format strings and unknown encodings are errors.
void ReadMappings(const SourceText& source, const YamlNode& node, MappingSet* mappings,
                  Diagnostics& diagnostics);

/// Checks that every mapped file is one the audit reads and that every field a mapping names is
/// a field of that file's record kind (or of the child kind a split fills).
void CheckMappings(const MappingSet& mappings, const SchemaRegistry& schemas,
                   Diagnostics& diagnostics);

}  // namespace uofa

#endif  // UOFA_ENGINE_EVAL_MAPPING_SETTINGS_H_
