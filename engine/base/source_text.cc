#include "engine/base/source_text.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace uofa {

SourceText::SourceText(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

Result<SourceText> SourceText::ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Failure{"cannot read '" + path + "'"};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Failure{"cannot read '" + path + "'"};
  return SourceText(path, buffer.str());
}

SourceLocation SourceText::LocationOf(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  return {path_, static_cast<int>(line_index + 1),
          static_cast<int>(offset - line_starts_[line_index] + 1)};
}

std::string_view SourceText::Line(int line) const {
  if (line < 1 || line > LineCount()) return {};
  std::size_t begin = line_starts_[line - 1];
  std::size_t end = line < LineCount() ? line_starts_[line] - 1 : text_.size();
  std::string_view view(text_.data() + begin, end - begin);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

void SourceText::Error(Diagnostics& diagnostics, std::size_t offset, std::string message) const {
  SourceLocation where = LocationOf(offset);
  std::string line(Line(where.line));
  diagnostics.Error(std::move(where), std::move(message), std::move(line));
}

void SourceText::ErrorAt(Diagnostics& diagnostics, int line, int column, std::string message) const {
  diagnostics.Error({path_, line, column}, std::move(message), std::string(Line(line)));
}

}  // namespace uofa
