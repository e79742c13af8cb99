// SourceText: the text of an input file with a line index, to turn byte offsets into line:column
// and to fetch a line's text for a diagnostic's caret display.
#ifndef UOFA_ENGINE_BASE_SOURCE_TEXT_H_
#define UOFA_ENGINE_BASE_SOURCE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/result.h"
#include "uofa/diagnostic.h"

namespace uofa {

class SourceText {
 public:
  SourceText() = default;
  SourceText(std::string path, std::string text);

  /// Reads a whole file. Fails with a message naming the path when it cannot be read.
  static Result<SourceText> ReadFile(const std::string& path);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  /// 1-based line and column of a byte offset (clamped to the text).
  SourceLocation LocationOf(std::size_t offset) const;
  /// Text of a 1-based line, without its line ending ("" when out of range).
  std::string_view Line(int line) const;
  int LineCount() const { return static_cast<int>(line_starts_.size()); }

  /// An error at a byte offset, with the line's text for the caret.
  void Error(Diagnostics& diagnostics, std::size_t offset, std::string message) const;
  /// An error at a 1-based line and column, with the line's text for the caret.
  void ErrorAt(Diagnostics& diagnostics, int line, int column, std::string message) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_BASE_SOURCE_TEXT_H_
