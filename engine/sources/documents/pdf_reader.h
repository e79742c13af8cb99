// The PDF reader of policy documents (poppler-cpp). Locations count pages.
#ifndef UOFA_ENGINE_SOURCES_DOCUMENTS_PDF_READER_H_
#define UOFA_ENGINE_SOURCES_DOCUMENTS_PDF_READER_H_

#include <optional>
#include <string>

#include "engine/sources/documents/document.h"
#include "uofa/diagnostic.h"

namespace uofa {

/// Reads the PDF file at `path` into a Document with unit kPage. Encrypted, damaged or truncated
/// files and files over a limit are an error naming the file (and the limit).
std::optional<Document> ReadPdfDocument(const std::string& path, const DocumentLimits& limits,
                                        Diagnostics& diagnostics);

/// The same for PDF bytes already in memory (the fuzz harness); `path` names them in messages.
std::optional<Document> ReadPdfBytes(const std::string& path, const std::string& bytes,
                                     const DocumentLimits& limits, Diagnostics& diagnostics);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_DOCUMENTS_PDF_READER_H_
