// The plain-text reader: paragraphs separated by blank lines, list items, and headings found by
// a heuristic (see ParsePlainText).
#ifndef UOFA_ENGINE_SOURCES_DOCUMENTS_TEXT_READER_H_
#define UOFA_ENGINE_SOURCES_DOCUMENTS_TEXT_READER_H_

#include <optional>
#include <string>
#include <string_view>

#include "engine/sources/documents/document.h"

namespace uofa {

/// Reads a plain UTF-8 text file (DocumentReader). Locations are lines.
std::optional<Document> ReadTextDocument(const std::string& path, const DocumentLimits& limits,
                                         Diagnostics& diagnostics);

/// Parses text already read. A line is a heading when it stands alone (blank lines, or the start
/// or end of the file, around it, or an underline below it), is at most 100 characters long,
/// does not end with '.', ',', ';' or ':' and is one of:
///   - numbered: "3. Training", "3.1 Refresher training", "10.2.1 Records" (level = how many
///     numbers: 1, 2, 3), followed by a capital letter;
///   - underlined: a line of '=' under it (level 1) or of '-' (level 2);
///   - in capitals: "USE OF FORCE POLICY" (at least three letters, none lower case; level 1);
///   - the first line of the file (level 1), which names most documents.
/// Other lines starting "- ", "* ", "• ", "(a) ", "a) " or "1) " (and numbered lines that fail
/// the heading test) are list items, one per line with any indented lines under them; the rest
/// are paragraphs.
Document ParsePlainText(const std::string& path, std::string_view text);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_DOCUMENTS_TEXT_READER_H_
