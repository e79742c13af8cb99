// The registration table of document readers, by file extension. Adding a format is its reader
// and one row here.
#include <algorithm>
#include <filesystem>

#include "engine/sources/documents/document.h"
#include "engine/sources/documents/docx_reader.h"
#include "engine/sources/documents/markdown_reader.h"
#include "engine/sources/documents/pdf_reader.h"
#include "engine/sources/documents/text_reader.h"

namespace uofa {

const char* LocationUnitName(LocationUnit unit) {
  switch (unit) {
    case LocationUnit::kLine: return "line";
    case LocationUnit::kParagraph: return "paragraph";
    case LocationUnit::kPage: return "page";
  }
  return "line";
}

const std::vector<DocumentFormat>& DocumentFormats() {
  static const std::vector<DocumentFormat> formats = {
      {".md", "markdown", ReadMarkdownDocument},
      {".markdown", "markdown", ReadMarkdownDocument},
      {".txt", "text", ReadTextDocument},
      {".pdf", "pdf", ReadPdfDocument},
      {".docx", "docx", ReadDocxDocument},
  };
  return formats;
}

const DocumentFormat* FindDocumentFormat(std::string_view path) {
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  for (const DocumentFormat& format : DocumentFormats()) {
    if (format.extension == extension) return &format;
  }
  return nullptr;
}

std::optional<Document> ReadDocument(const std::string& path, const DocumentLimits& limits,
                                     Diagnostics& diagnostics) {
  const DocumentFormat* format = FindDocumentFormat(path);
  if (format == nullptr) {
    std::string known;
    for (const DocumentFormat& entry : DocumentFormats()) {
      known += known.empty() ? "" : ", ";
      known += entry.extension;
    }
    diagnostics.Error({path, 0, 0}, "not a document format uofa reads (known: " + known + ")");
    return std::nullopt;
  }
  return format->read(path, limits, diagnostics);
}

}  // namespace uofa
