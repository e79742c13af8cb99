#include "engine/sources/documents/document_text.h"

#include <algorithm>

#include "engine/sources/utf8.h"

namespace uofa {

std::optional<std::string> ReadDocumentText(const std::string& path, const DocumentLimits& limits,
                                            Diagnostics& diagnostics) {
  std::optional<std::string> bytes = ReadDocumentBytes(path, limits, diagnostics);
  if (!bytes) return std::nullopt;
  std::string text = std::move(*bytes);
  if (text.size() > limits.max_text_bytes) {
    diagnostics.Error({path, 0, 0}, "'" + path + "' is larger than the limit of " +
                                        std::to_string(limits.max_text_bytes) + " bytes of text (max_text_bytes)");
    return std::nullopt;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  auto position_of = [&](std::size_t offset) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    return SourceLocation{path, line, static_cast<int>(offset - line_start) + 1};
  };
  std::size_t bad = FindInvalidUtf8(text);
  if (bad != std::string::npos) {
    diagnostics.Error(position_of(bad),
                      InvalidUtf8Message(static_cast<unsigned char>(text[bad])) + "; the document must be UTF-8 text");
    return std::nullopt;
  }
  std::size_t nul = text.find('\0');
  if (nul != std::string::npos) {
    diagnostics.Error(position_of(nul), "a NUL byte: this is not a text document");
    return std::nullopt;
  }
  return text;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

void CloseSections(Document& document) {
  for (Section& section : document.sections) section.span.last = section.span.first;
  for (const Block& block : document.blocks) {
    if (block.section < 0) continue;
    Section& section = document.sections[static_cast<std::size_t>(block.section)];
    section.span.last = std::max(section.span.last, block.span.last);
  }
}

}  // namespace uofa
