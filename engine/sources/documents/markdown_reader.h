// The Markdown reader: headings, paragraphs, list items and pipe tables, with line ranges.
#ifndef UOFA_ENGINE_SOURCES_DOCUMENTS_MARKDOWN_READER_H_
#define UOFA_ENGINE_SOURCES_DOCUMENTS_MARKDOWN_READER_H_

#include <optional>
#include <string>
#include <string_view>

#include "engine/sources/documents/document.h"

namespace uofa {

/// Reads a Markdown file (DocumentReader). Locations are lines.
std::optional<Document> ReadMarkdownDocument(const std::string& path, const DocumentLimits& limits,
                                             Diagnostics& diagnostics);

/// Parses Markdown text already read; `path` only names the document.
Document ParseMarkdown(const std::string& path, std::string_view text);

/// Inline markup removed: emphasis, code spans, links and images (their text kept), autolinks,
/// HTML tags, backslash escapes; whitespace collapsed.
std::string StripInlineMarkdown(std::string_view text);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_DOCUMENTS_MARKDOWN_READER_H_
