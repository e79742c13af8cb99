// What the text-based readers (Markdown, plain text) share: reading the file within the limits,
// checking it is UTF-8, splitting it into lines, and tidying a block's text.
#ifndef UOFA_ENGINE_SOURCES_DOCUMENTS_DOCUMENT_TEXT_H_
#define UOFA_ENGINE_SOURCES_DOCUMENTS_DOCUMENT_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sources/documents/document.h"
#include "engine/sources/documents/document_input.h"

namespace uofa {

/// The file's bytes, read whole (ReadDocumentBytes). Errors (unreadable, larger than
/// limits.max_file_bytes or max_text_bytes, invalid UTF-8 with the line and column of the bad byte, a NUL byte) go to
/// `diagnostics`; then nullopt. A leading UTF-8 byte order mark is dropped.
std::optional<std::string> ReadDocumentText(const std::string& path, const DocumentLimits& limits,
                                            Diagnostics& diagnostics);

/// The text split at "\n" (a "\r" before it dropped); line i of the file is element i - 1.
std::vector<std::string_view> SplitLines(std::string_view text);

/// Fills each section's span.last from the blocks that follow its heading.
void CloseSections(Document& document);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_DOCUMENTS_DOCUMENT_TEXT_H_
