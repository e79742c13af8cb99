#include "engine/sources/documents/document_text.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "engine/sources/utf8.h"

namespace uofa {

std::optional<std::string> ReadDocumentText(const std::string& path, const DocumentLimits& limits,
                                            Diagnostics& diagnostics) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    diagnostics.Error({path, 0, 0}, "cannot read the document: no such file");
    return std::nullopt;
  }
  std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error) {
    diagnostics.Error({path, 0, 0}, "cannot read the document: " + error.message());
    return std::nullopt;
  }
  std::uint64_t limit = std::min(limits.max_file_bytes, limits.max_text_bytes);
  if (size > limit) {
    diagnostics.Error({path, 0, 0}, "the document is " + std::to_string(size) +
                                        " bytes, over the limit of " + std::to_string(limit) + " bytes");
    return std::nullopt;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    diagnostics.Error({path, 0, 0}, "cannot read the document");
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << file.rdbuf();
  std::string text = std::move(buffer).str();
  if (text.size() > limit) {  // the file grew while it was read
    diagnostics.Error({path, 0, 0}, "the document is over the limit of " + std::to_string(limit) + " bytes");
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

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string FileStem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

void CloseSections(Document& document) {
  for (Section& section : document.sections) section.span.last = section.span.first;
  for (const Block& block : document.blocks) {
    if (block.section < 0) continue;
    Section& section = document.sections[static_cast<std::size_t>(block.section)];
    section.span.last = std::max(section.span.last, block.span.last);
  }
}

}  // namespace uofa
