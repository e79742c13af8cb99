// Document: the text of a policy document or patient leaflet as one of the document readers
// (Markdown, plain text, PDF, Word) found it, before it becomes policy_document and
// policy_paragraph records. Every piece of text keeps where it came from, in the format's own
// terms: lines for Markdown and text, paragraphs for Word, pages for PDF.
//
// Readers are registered in one table (document_formats.cc) by file extension.
#ifndef UOFA_ENGINE_SOURCES_DOCUMENTS_DOCUMENT_H_
#define UOFA_ENGINE_SOURCES_DOCUMENTS_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "uofa/diagnostic.h"

namespace uofa {

/// The unit a document's locations count in.
enum class LocationUnit { kLine, kParagraph, kPage };

/// "line", "paragraph" or "page".
const char* LocationUnitName(LocationUnit unit);

/// An inclusive, 1-based range of lines, paragraphs or pages.
struct Span {
  int first = 0;
  int last = 0;
};

enum class BlockKind { kParagraph, kListItem, kTableRow };

/// One block of body text: a paragraph, a list item, or a table row (cells joined by " | ").
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;  ///< UTF-8, inline markup removed, whitespace runs collapsed to one space
  Span span;
  int section = -1;  ///< index into Document::sections; -1 before the first heading
};

/// A heading and the body text under it, up to the next heading of any level.
struct Section {
  std::string heading;
  int level = 1;  ///< 1 for a top-level heading ("#", Heading 1)
  Span span;      ///< from the heading to the last block before the next heading
};

struct Document {
  std::string path;
  std::string format;  ///< "markdown", "text", "pdf", "docx"
  LocationUnit unit = LocationUnit::kLine;
  std::string title;   ///< the first level-1 heading, else document metadata, else the file stem
  std::vector<Section> sections;
  std::vector<Block> blocks;
};

/// Limits that keep a hostile file from exhausting memory or time. Hitting one is an error
/// naming the file and the limit, never a crash.
struct DocumentLimits {
  std::uint64_t max_file_bytes = 64ull << 20;           ///< size of the file on disk
  std::uint64_t max_uncompressed_bytes = 256ull << 20;  ///< all parts of a zip (.docx) unpacked
  std::uint64_t max_text_bytes = 64ull << 20;           ///< text extracted from the document
  int max_pages = 5000;                                 ///< PDF pages
};

/// Reads the document at `path`. On a problem that stops the read (unreadable, corrupt,
/// encrypted, over a limit) appends a positioned error to `diagnostics` and returns nullopt.
using DocumentReader = std::optional<Document> (*)(const std::string& path,
                                                   const DocumentLimits& limits,
                                                   Diagnostics& diagnostics);

struct DocumentFormat {
  std::string_view extension;  ///< lower case, with the dot: ".md"
  std::string_view format;     ///< Document::format
  DocumentReader read;
};

/// The registration table: one entry per file extension read.
const std::vector<DocumentFormat>& DocumentFormats();

/// The format for `path` by its extension (any case), or nullptr.
const DocumentFormat* FindDocumentFormat(std::string_view path);

/// Reads `path` with the reader its extension names; an unknown extension is an error.
std::optional<Document> ReadDocument(const std::string& path, const DocumentLimits& limits,
                                     Diagnostics& diagnostics);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_DOCUMENTS_DOCUMENT_H_
