// A small Markdown block parser of our own: Debian has no C++ Markdown library worth the
// dependency (cmark is C, builds an HTML-oriented tree and keeps no line ranges for list items
// or tables), and policies use a plain subset: ATX and setext headings, paragraphs, bullet and
// numbered lists, pipe tables, block quotes, fenced code and YAML front matter. Nested
// structure is flattened: every list item and table row is a block of its own, which is what
// document rules need to point at a line.
#include "engine/sources/documents/markdown_reader.h"

#include <algorithm>
#include <cctype>

#include "engine/sources/documents/document_text.h"

namespace uofa {
namespace {

std::string_view TrimView(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

int Indent(std::string_view line) {
  int indent = 0;
  for (char c : line) {
    if (c == ' ') ++indent;
    else if (c == '\t') indent += 4;
    else break;
  }
  return indent;
}

bool IsBlank(std::string_view line) { return TrimView(line).empty(); }

// "# Heading" (up to three spaces before): the level and the heading text.
bool AtxHeading(std::string_view line, int* level, std::string_view* text) {
  if (Indent(line) > 3) return false;
  line = TrimView(line);
  int hashes = 0;
  while (hashes < static_cast<int>(line.size()) && line[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return false;
  if (hashes < static_cast<int>(line.size()) && line[hashes] != ' ' && line[hashes] != '\t') return false;
  std::string_view rest = TrimView(line.substr(hashes));
  // A closing run of '#' preceded by a space is not part of the heading.
  std::size_t end = rest.size();
  while (end > 0 && rest[end - 1] == '#') --end;
  if (end == 0) rest = {};
  else if (end < rest.size() && (rest[end - 1] == ' ' || rest[end - 1] == '\t')) rest = TrimView(rest.substr(0, end));
  *level = hashes;
  *text = rest;
  return true;
}

// A line of one repeated character c (at least `minimum`), spaces allowed between when `spaced`.
bool RuleOf(std::string_view line, char c, int minimum, bool spaced) {
  if (Indent(line) > 3) return false;
  line = TrimView(line);
  int count = 0;
  for (char x : line) {
    if (x == c) ++count;
    else if (!(spaced && (x == ' ' || x == '\t'))) return false;
  }
  return count >= minimum;
}

bool ThematicBreak(std::string_view line) {
  return RuleOf(line, '-', 3, true) || RuleOf(line, '*', 3, true) || RuleOf(line, '_', 3, true);
}

// "- item", "* item", "+ item", "1. item", "1) item": the text after the marker.
bool ListItem(std::string_view line, std::string_view* text) {
  if (Indent(line) > 12) return false;
  std::string_view rest = TrimView(line);
  if (rest.size() >= 2 && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+') &&
      (rest[1] == ' ' || rest[1] == '\t')) {
    *text = TrimView(rest.substr(2));
    return true;
  }
  if (rest.size() == 1 && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+')) {
    *text = {};
    return true;
  }
  std::size_t digits = 0;
  while (digits < rest.size() && digits < 9 && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits == 0 || digits >= rest.size()) return false;
  if (rest[digits] != '.' && rest[digits] != ')') return false;
  if (digits + 1 < rest.size() && rest[digits + 1] != ' ' && rest[digits + 1] != '\t') return false;
  *text = TrimView(rest.substr(digits + 1));
  return true;
}

bool Fence(std::string_view line, std::string_view* marker) {
  if (Indent(line) > 3) return false;
  std::string_view rest = TrimView(line);
  if (rest.starts_with("```")) *marker = "```";
  else if (rest.starts_with("~~~")) *marker = "~~~";
  else return false;
  return true;
}

// Cells of a pipe-table row, split at unescaped '|' outside code spans, outer pipes dropped.
std::vector<std::string> TableCells(std::string_view line) {
  std::string_view row = TrimView(line);
  if (row.starts_with('|')) row.remove_prefix(1);
  if (row.ends_with('|') && !row.ends_with("\\|")) row.remove_suffix(1);
  std::vector<std::string> cells;
  std::string cell;
  bool code = false;
  for (std::size_t i = 0; i < row.size(); ++i) {
    char c = row[i];
    if (c == '\\' && i + 1 < row.size() && row[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (c == '`') {
      code = !code;
      cell += c;
    } else if (c == '|' && !code) {
      cells.push_back(cell);
      cell.clear();
    } else {
      cell += c;
    }
  }
  cells.push_back(cell);
  return cells;
}

bool DelimiterRow(std::string_view line) {
  if (line.find('-') == std::string_view::npos) return false;
  std::vector<std::string> cells = TableCells(line);
  for (const std::string& cell : cells) {
    std::string_view text = TrimView(cell);
    if (text.empty()) return false;
    for (char c : text) {
      if (c != '-' && c != ':') return false;
    }
  }
  return true;
}

bool MaybeTableRow(std::string_view line) { return line.find('|') != std::string_view::npos; }

std::string JoinCells(const std::vector<std::string>& cells) {
  std::string out;
  for (const std::string& cell : cells) {
    std::string text = StripInlineMarkdown(cell);
    if (!out.empty()) out += " | ";
    out += text;
  }
  return out;
}

class MarkdownParser {
 public:
  MarkdownParser(const std::string& path, std::string_view text) : lines_(SplitLines(text)) {
    document_.path = path;
    document_.format = "markdown";
    document_.unit = LocationUnit::kLine;
  }

  Document Parse() {
    std::size_t i = FrontMatter();
    while (i < lines_.size()) i = ParseBlock(i);
    Flush();
    CloseSections(document_);
    for (const Section& section : document_.sections) {
      if (section.level == 1 && !section.heading.empty()) {
        document_.title = section.heading;
        break;
      }
    }
    if (document_.title.empty()) document_.title = front_matter_title_;
    if (document_.title.empty()) document_.title = FileStem(document_.path);
    return std::move(document_);
  }

 private:
  int LineNumber(std::size_t index) const { return static_cast<int>(index) + 1; }

  // "---" on the first line opens YAML front matter; each "key: value" line in it becomes a
  // paragraph (so that "version: 3.1" is found as metadata), and "title:" names the document.
  std::size_t FrontMatter() {
    if (lines_.empty() || TrimView(lines_[0]) != "---") return 0;
    for (std::size_t i = 1; i < lines_.size(); ++i) {
      std::string_view line = TrimView(lines_[i]);
      if (line == "---" || line == "...") {
        for (std::size_t j = 1; j < i; ++j) {
          std::string text = CollapseWhitespace(lines_[j]);
          if (text.empty()) continue;
          std::string lower;
          for (char c : text.substr(0, 6)) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
          if (lower == "title:") {
            front_matter_title_ = CollapseWhitespace(std::string_view(text).substr(6));
            if (front_matter_title_.size() >= 2 &&
                (front_matter_title_.front() == '"' || front_matter_title_.front() == '\'') &&
                front_matter_title_.back() == front_matter_title_.front()) {
              front_matter_title_ = front_matter_title_.substr(1, front_matter_title_.size() - 2);
            }
          }
          AddBlock(BlockKind::kParagraph, text, LineNumber(j), LineNumber(j));
        }
        return i + 1;
      }
    }
    return 0;  // no closing line: not front matter
  }

  void AddBlock(BlockKind kind, std::string text, int first, int last) {
    if (text.empty()) return;
    Block block;
    block.kind = kind;
    block.text = std::move(text);
    block.span = {first, last};
    block.section = static_cast<int>(document_.sections.size()) - 1;
    document_.blocks.push_back(std::move(block));
  }

  void AddHeading(std::string_view text, int level, int line) {
    Flush();
    Section section;
    section.heading = StripInlineMarkdown(text);
    section.level = level;
    section.span = {line, line};
    document_.sections.push_back(std::move(section));
  }

  // Ends the open paragraph or list item.
  void Flush() {
    if (open_first_ > 0) {
      AddBlock(open_kind_, StripInlineMarkdown(open_text_), open_first_, open_last_);
    }
    open_first_ = 0;
    open_text_.clear();
  }

  void Open(BlockKind kind, std::string_view text, int line) {
    Flush();
    open_kind_ = kind;
    open_text_ = std::string(text);
    open_first_ = open_last_ = line;
  }

  void Continue(std::string_view text, int line) {
    open_text_ += '\n';
    open_text_ += TrimView(text);
    open_last_ = line;
  }

  std::size_t ParseBlock(std::size_t i) {
    std::string_view line = lines_[i];
    int number = LineNumber(i);
    if (IsBlank(line)) {
      Flush();
      return i + 1;
    }
    std::string_view fence;
    if (Fence(line, &fence)) return FencedCode(i, fence);
    if (TrimView(line).starts_with("<!--")) return HtmlComment(i);
    int level = 0;
    std::string_view text;
    if (AtxHeading(line, &level, &text)) {
      AddHeading(text, level, number);
      return i + 1;
    }
    // Setext: a paragraph's line underlined with '=' (level 1) or '-' (level 2).
    if (open_first_ > 0 && open_kind_ == BlockKind::kParagraph && open_first_ == open_last_ &&
        (RuleOf(line, '=', 1, false) || RuleOf(line, '-', 1, false))) {
      std::string heading = open_text_;
      int heading_line = open_first_;
      open_first_ = 0;
      open_text_.clear();
      AddHeading(heading, TrimView(line).front() == '=' ? 1 : 2, heading_line);
      return i + 1;
    }
    if (ThematicBreak(line)) {
      Flush();
      return i + 1;
    }
    if (MaybeTableRow(line) && i + 1 < lines_.size() && DelimiterRow(lines_[i + 1]) &&
        !(open_first_ > 0 && open_kind_ == BlockKind::kListItem)) {
      return Table(i);
    }
    if (ListItem(line, &text)) {
      Open(BlockKind::kListItem, text, number);
      return i + 1;
    }
    std::string_view content = TrimView(line);
    if (content.starts_with('>')) {
      content.remove_prefix(1);
      content = TrimView(content);
      if (content.empty()) {
        Flush();
        return i + 1;
      }
    }
    if (open_first_ > 0) {
      Continue(content, number);
    } else {
      Open(BlockKind::kParagraph, content, number);
    }
    return i + 1;
  }

  std::size_t Table(std::size_t i) {
    Flush();
    AddBlock(BlockKind::kTableRow, JoinCells(TableCells(lines_[i])), LineNumber(i), LineNumber(i));
    std::size_t j = i + 2;
    for (; j < lines_.size() && !IsBlank(lines_[j]) && MaybeTableRow(lines_[j]); ++j) {
      AddBlock(BlockKind::kTableRow, JoinCells(TableCells(lines_[j])), LineNumber(j), LineNumber(j));
    }
    return j;
  }

  std::size_t FencedCode(std::size_t i, std::string_view fence) {
    Flush();
    std::string text;
    std::size_t j = i + 1;
    for (; j < lines_.size(); ++j) {
      if (TrimView(lines_[j]).starts_with(fence)) break;
      text += lines_[j];
      text += '\n';
    }
    int last = LineNumber(j < lines_.size() ? j : lines_.size() - 1);
    AddBlock(BlockKind::kParagraph, CollapseWhitespace(text), LineNumber(i), last);
    return j + 1;
  }

  std::size_t HtmlComment(std::size_t i) {
    Flush();
    for (std::size_t j = i; j < lines_.size(); ++j) {
      if (lines_[j].find("-->") != std::string_view::npos) return j + 1;
    }
    return lines_.size();
  }

  std::vector<std::string_view> lines_;
  Document document_;
  std::string front_matter_title_;
  BlockKind open_kind_ = BlockKind::kParagraph;
  std::string open_text_;
  int open_first_ = 0;
  int open_last_ = 0;
};

// The closing character of an inline construct is looked for only this far ahead, so that a
// hostile line of unclosed '[' or '<' costs linear time, not quadratic.
constexpr std::size_t kInlineReach = 1000;

std::size_t FindNear(std::string_view text, char c, std::size_t from) {
  std::size_t end = std::min(text.size(), from + kInlineReach);
  for (std::size_t i = from; i < end; ++i) {
    if (text[i] == c) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::string StripInlineMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' && i + 1 < text.size() && std::string_view("\\`*_{}[]()#+-.!|<>~").find(text[i + 1]) != std::string_view::npos) {
      out += text[++i];
      continue;
    }
    if (c == '`') {
      std::size_t end = FindNear(text, '`', i + 1);
      if (end != std::string_view::npos) {
        out += text.substr(i + 1, end - i - 1);
        i = end;
        continue;
      }
    }
    if (c == '*' || c == '~') continue;
    if (c == '_') {
      // Emphasis underscores sit at a word's edge; snake_case ones stay.
      bool before_word = i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) != 0);
      bool after_word = i + 1 < text.size() && (std::isalnum(static_cast<unsigned char>(text[i + 1])) != 0);
      if (before_word && after_word) out += c;
      continue;
    }
    if (c == '!' && i + 1 < text.size() && text[i + 1] == '[') continue;
    if (c == '[') {
      std::size_t close = FindNear(text, ']', i + 1);
      if (close != std::string_view::npos) {
        std::string_view label = text.substr(i + 1, close - i - 1);
        std::size_t after = close + 1;
        if (after < text.size() && text[after] == '(') {
          std::size_t end = FindNear(text, ')', after);
          if (end != std::string_view::npos) {
            out += StripInlineMarkdown(label);
            i = end;
            continue;
          }
        }
        if (after < text.size() && text[after] == '[') {
          std::size_t end = FindNear(text, ']', after + 1);
          if (end != std::string_view::npos) {
            out += StripInlineMarkdown(label);
            i = end;
            continue;
          }
        }
      }
    }
    if (c == '<') {
      std::size_t end = FindNear(text, '>', i + 1);
      if (end != std::string_view::npos) {
        std::string_view inside = text.substr(i + 1, end - i - 1);
        if (inside.starts_with("http://") || inside.starts_with("https://") || inside.starts_with("mailto:")) {
          out += inside;
          i = end;
          continue;
        }
        bool tag = !inside.empty() && (std::isalpha(static_cast<unsigned char>(inside[0])) != 0 || inside[0] == '/');
        if (tag && inside.find(' ') == std::string_view::npos) {
          out += ' ';
          i = end;
          continue;
        }
        if (tag && inside.find('=') != std::string_view::npos) {
          out += ' ';
          i = end;
          continue;
        }
      }
    }
    out += c;
  }
  return CollapseWhitespace(out);
}

Document ParseMarkdown(const std::string& path, std::string_view text) {
  return MarkdownParser(path, text).Parse();
}

std::optional<Document> ReadMarkdownDocument(const std::string& path, const DocumentLimits& limits,
                                             Diagnostics& diagnostics) {
  std::optional<std::string> text = ReadDocumentText(path, limits, diagnostics);
  if (!text) return std::nullopt;
  return ParseMarkdown(path, *text);
}

}  // namespace uofa
