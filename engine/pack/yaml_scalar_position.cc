// Maps a byte offset inside a scalar's decoded value back to the file, so that an expression
// error points at the exact column inside the YAML, however the expression was quoted.
#include <algorithm>
#include <cstdint>

#include "engine/pack/yaml_document.h"

namespace uofa {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsBreak(char c) { return c == '\n' || c == '\r'; }

int HexDigits(char escape) {
  switch (escape) {
    case 'x': return 2;
    case 'u': return 4;
    case 'U': return 8;
    default: return 0;
  }
}

// Bytes of UTF-8 that a \x, \u or \U escape decodes to.
std::size_t Utf8Length(std::string_view hex) {
  std::uint32_t code = 0;
  for (char c : hex) {
    code <<= 4;
    if (c >= '0' && c <= '9') code |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f') code |= static_cast<std::uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') code |= static_cast<std::uint32_t>(c - 'A' + 10);
  }
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}

// Plain and quoted scalars: walk the raw text and the value together.
std::size_t FlowOffset(std::string_view text, const YamlNode& node, std::size_t target) {
  bool single = node.style == YamlScalarStyle::kSingleQuoted;
  bool dbl = node.style == YamlScalarStyle::kDoubleQuoted;
  std::size_t p = node.offset + ((single || dbl) ? 1 : 0);
  std::size_t i = 0;  // offset in the value
  while (p < text.size() && i < target) {
    char c = text[p];
    if (IsBlank(c) || IsBreak(c)) {
      // A run of white space holding a line break folds to one space (or to n-1 line feeds).
      std::size_t q = p;
      int breaks = 0;
      while (q < text.size() && (IsBlank(text[q]) || IsBreak(text[q]))) {
        if (text[q] == '\n') ++breaks;
        ++q;
      }
      if (breaks > 0) {
        std::size_t folded = breaks == 1 ? 1 : static_cast<std::size_t>(breaks - 1);
        if (i + folded > target) return p;
        i += folded;
        p = q;
        continue;
      }
    }
    if (dbl && c == '\\' && p + 1 < text.size()) {
      char escape = text[p + 1];
      if (IsBreak(escape)) {  // escaped line break: nothing in the value
        p += 2;
        while (p < text.size() && (IsBlank(text[p]) || IsBreak(text[p]))) ++p;
        continue;
      }
      int hex = HexDigits(escape);
      std::size_t raw = 2 + static_cast<std::size_t>(hex);
      std::size_t decoded =
          hex > 0 ? Utf8Length(text.substr(p + 2, static_cast<std::size_t>(hex))) : 1;
      if (i + decoded > target) return p;
      i += decoded;
      p += raw;
      continue;
    }
    if (single && c == '\'' && p + 1 < text.size() && text[p + 1] == '\'') {
      ++i;
      p += 2;
      continue;
    }
    ++i;
    ++p;
  }
  return std::min(p, text.size());
}

// Block scalars: find each content line of the block in the value, in order.
std::size_t BlockOffset(const SourceText& source, const YamlNode& node, std::size_t target) {
  const std::string& value = node.value;
  std::size_t indent = 0;
  bool indent_known = false;
  std::size_t cursor = 0;
  std::size_t last_line_start = node.offset;
  for (int line = node.line + 1; line <= source.LineCount(); ++line) {
    std::string_view raw = source.Line(line);
    std::size_t line_start = static_cast<std::size_t>(raw.data() - source.text().data());
    std::size_t leading = 0;
    while (leading < raw.size() && raw[leading] == ' ') ++leading;
    if (leading == raw.size()) continue;  // a blank line: only line feeds in the value
    if (!indent_known) {
      indent = leading;
      indent_known = true;
    }
    if (leading < indent) break;
    std::string_view content = raw.substr(indent);
    std::size_t found = value.find(content, cursor);
    if (found == std::string::npos) break;
    if (target < found) return line_start + indent;
    if (target <= found + content.size()) return line_start + indent + (target - found);
    cursor = found + content.size();
    last_line_start = line_start + indent;
  }
  return last_line_start;
}

}  // namespace

std::size_t ScalarFileOffset(const SourceText& source, const YamlNode& node,
                             std::size_t value_offset) {
  if (node.kind != YamlKind::kScalar) return node.offset;
  value_offset = std::min(value_offset, node.value.size());
  if (node.style == YamlScalarStyle::kLiteral || node.style == YamlScalarStyle::kFolded) {
    return BlockOffset(source, node, value_offset);
  }
  return FlowOffset(source.text(), node, value_offset);
}

}  // namespace uofa
