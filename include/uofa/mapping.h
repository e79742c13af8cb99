// uofa's column-mapping suggestion: propose the `mappings:` entry of uofa.yaml for a trust's own
// export (docs/mappings.md), for the compliance officer to check and edit.
//
//   uofa::Diagnostics problems;
//   uofa::MappingSuggestOptions options;
//   options.file = "export.csv";
//   options.rules_root = "rules";
//   std::optional<std::string> yaml = uofa::SuggestMapping(options, problems);
//
// Nothing here throws.
#ifndef UOFA_MAPPING_H_
#define UOFA_MAPPING_H_

#include <optional>
#include <string>

#include "uofa/diagnostic.h"

namespace uofa {

struct MappingSuggestOptions {
  std::string file;        ///< the export to read (its header and up to `sample_rows` rows)
  std::string rules_root;  ///< folder holding the record schemas and code lists
  /// Record kind the export holds ("incident", "patient", ...); "" picks the kind whose fields
  /// best match the header.
  std::string kind;
  int sample_rows = 1000;
};

/// Reads the start of `options.file` and returns a commented YAML mapping: detected encoding,
/// byte-order mark, separator and date formats, column renames by likeness to the canonical
/// field names and descriptions, boolean words, value maps from labels to national codes, and
/// split columns; unsure entries carry a comment, and what matched nothing is listed. nullopt,
/// with the reason in `diagnostics`, when the file or the schemas cannot be read.
std::optional<std::string> SuggestMapping(const MappingSuggestOptions& options,
                                          Diagnostics& diagnostics);

}  // namespace uofa

#endif  // UOFA_MAPPING_H_
