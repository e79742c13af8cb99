// Helpers every document reader shares: reading the file under the size limit, collapsing
// whitespace the same way in every format, and the file stem used as a last-resort title.
#ifndef UOFA_ENGINE_SOURCES_DOCUMENTS_DOCUMENT_INPUT_H_
#define UOFA_ENGINE_SOURCES_DOCUMENTS_DOCUMENT_INPUT_H_

#include <optional>
#include <string>
#include <string_view>

#include "engine/sources/documents/document.h"
#include "uofa/diagnostic.h"

namespace uofa {

/// The bytes of `path`; nullopt with an error when it cannot be read or is larger than
/// limits.max_file_bytes (checked before reading and while reading).
std::optional<std::string> ReadDocumentBytes(const std::string& path, const DocumentLimits& limits,
                                             Diagnostics& diagnostics);

/// `text` with every run of ASCII whitespace (and U+00A0) turned into one space, trimmed.
std::string CollapseWhitespace(std::string_view text);

/// "policy" for "/a/b/policy.docx".
std::string FileStem(const std::string& path);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_DOCUMENTS_DOCUMENT_INPUT_H_
