// The Word (.docx) reader of policy documents (libzip, pugixml). Locations count paragraphs.
#ifndef UOFA_ENGINE_SOURCES_DOCUMENTS_DOCX_READER_H_
#define UOFA_ENGINE_SOURCES_DOCUMENTS_DOCX_READER_H_

#include <optional>
#include <string>

#include "engine/sources/documents/document.h"
#include "uofa/diagnostic.h"

namespace uofa {

/// Reads the Word file at `path` into a Document with unit kParagraph. A damaged package,
/// malformed XML, encrypted parts and files over a limit are an error naming the file.
std::optional<Document> ReadDocxDocument(const std::string& path, const DocumentLimits& limits,
                                         Diagnostics& diagnostics);

/// The same for .docx bytes already in memory (the fuzz harness); `path` names them in messages.
std::optional<Document> ReadDocxBytes(const std::string& path, const std::string& bytes,
                                      const DocumentLimits& limits, Diagnostics& diagnostics);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_DOCUMENTS_DOCX_READER_H_
