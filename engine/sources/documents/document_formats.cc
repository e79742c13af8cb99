// The registration table of document readers: one row per file extension.
#include <algorithm>
#include <cctype>
#include <string>

#include "engine/sources/documents/document.h"
#include "engine/sources/documents/docx_reader.h"
#include "engine/sources/documents/pdf_reader.h"

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
      {".pdf", "pdf", ReadPdfDocument},
      {".docx", "docx", ReadDocxDocument},
  };
  return formats;
}

const DocumentFormat* FindDocumentFormat(std::string_view path) {
  std::size_t dot = path.find_last_of('.');
  std::size_t slash = path.find_last_of('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return nullptr;
  }
  std::string extension(path.substr(dot));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
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
    for (const DocumentFormat& row : DocumentFormats()) {
      known += (known.empty() ? "" : ", ") + std::string(row.extension);
    }
    diagnostics.Error(
        {path, 0, 0},
        "'" + path + "' is not a document uofa reads (known extensions: " + known + ")");
    return std::nullopt;
  }
  return format->read(path, limits, diagnostics);
}

}  // namespace uofa
