#include "engine/sources/documents/text_reader.h"

#include "engine/sources/documents/document_text.h"

namespace uofa {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool Underline(std::string_view line, char c) {
  line = Trim(line);
  if (line.size() < 3) return false;
  for (char x : line) {
    if (x != c) return false;
  }
  return true;
}

bool Upper(char c) { return c >= 'A' && c <= 'Z'; }
bool Lower(char c) { return c >= 'a' && c <= 'z'; }

// "3.1.2 Title" or "3. Title": the number of components, else 0.
int NumberedLevel(std::string_view line, std::string_view* rest) {
  int level = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t start = i;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    if (i == start || i - start > 3) return 0;
    ++level;
    if (i < line.size() && line[i] == '.') ++i;
    if (i < line.size() && (line[i] == ' ' || line[i] == '\t')) break;
    if (i >= line.size() || !(line[i] >= '0' && line[i] <= '9')) return 0;
  }
  *rest = Trim(line.substr(i));
  return level;
}

bool ListMarker(std::string_view line, std::string_view* rest) {
  for (std::string_view marker : {"- ", "* ", "\xE2\x80\xA2 ", "\xE2\x80\x93 "}) {
    if (line.starts_with(marker)) {
      *rest = Trim(line.substr(marker.size()));
      return true;
    }
  }
  // "(a) ", "a) ", "1) ", "(iv) "
  std::size_t i = line.starts_with('(') ? 1 : 0;
  std::size_t start = i;
  while (i < line.size() && i - start < 4 && (Lower(line[i]) || (line[i] >= '0' && line[i] <= '9'))) ++i;
  if (i > start && i + 1 < line.size() && line[i] == ')' && line[i + 1] == ' ') {
    *rest = Trim(line.substr(i + 2));
    return true;
  }
  return false;
}

bool EndsLikeSentence(std::string_view line) {
  return !line.empty() && (line.back() == '.' || line.back() == ',' || line.back() == ';' || line.back() == ':');
}

bool AllCapitals(std::string_view line) {
  int letters = 0;
  for (char c : line) {
    if (Lower(c)) return false;
    if (Upper(c)) ++letters;
  }
  return letters >= 3;
}

}  // namespace

Document ParsePlainText(const std::string& path, std::string_view text) {
  Document document;
  document.path = path;
  document.format = "text";
  document.unit = LocationUnit::kLine;
  std::vector<std::string_view> lines = SplitLines(text);
  auto blank = [&](std::size_t i) { return i >= lines.size() || Trim(lines[i]).empty(); };

  std::string open_text;
  BlockKind open_kind = BlockKind::kParagraph;
  int open_first = 0, open_last = 0;
  auto flush = [&] {
    if (open_first > 0) {
      std::string collapsed = CollapseWhitespace(open_text);
      if (!collapsed.empty()) {
        document.blocks.push_back({open_kind, std::move(collapsed), {open_first, open_last},
                                   static_cast<int>(document.sections.size()) - 1});
      }
    }
    open_first = 0;
    open_text.clear();
  };
  auto heading = [&](std::string_view heading_text, int level, int line) {
    flush();
    document.sections.push_back({CollapseWhitespace(heading_text), level, {line, line}});
  };
  bool seen_text = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = Trim(lines[i]);
    int number = static_cast<int>(i) + 1;
    if (line.empty()) {
      flush();
      continue;
    }
    bool first_line = !seen_text;
    seen_text = true;
    bool alone_above = i == 0 || blank(i - 1) || open_first == 0;
    bool underlined = i + 1 < lines.size() && (Underline(lines[i + 1], '=') || Underline(lines[i + 1], '-'));
    if (alone_above && underlined && line.size() <= 100) {
      heading(line, Trim(lines[i + 1]).front() == '=' ? 1 : 2, number);
      ++i;
      continue;
    }
    bool alone = alone_above && blank(i + 1);
    std::string_view rest;
    int level = NumberedLevel(line, &rest);
    if (alone && line.size() <= 100 && !EndsLikeSentence(line)) {
      if (level > 0 && !rest.empty() && Upper(rest.front())) {
        heading(line, level, number);
        continue;
      }
      if (AllCapitals(line) || first_line) {
        heading(line, 1, number);
        continue;
      }
    }
    if (level > 0 && !rest.empty()) {
      flush();
      open_kind = BlockKind::kListItem;
      open_text = std::string(rest);
      open_first = open_last = number;
      continue;
    }
    if (ListMarker(line, &rest)) {
      flush();
      open_kind = BlockKind::kListItem;
      open_text = std::string(rest);
      open_first = open_last = number;
      continue;
    }
    if (open_first > 0) {
      open_text += ' ';
      open_text += line;
      open_last = number;
    } else {
      open_kind = BlockKind::kParagraph;
      open_text = std::string(line);
      open_first = open_last = number;
    }
  }
  flush();
  CloseSections(document);
  for (const Section& section : document.sections) {
    if (section.level == 1) {
      document.title = section.heading;
      break;
    }
  }
  if (document.title.empty()) document.title = FileStem(path);
  return document;
}

std::optional<Document> ReadTextDocument(const std::string& path, const DocumentLimits& limits,
                                         Diagnostics& diagnostics) {
  std::optional<std::string> text = ReadDocumentText(path, limits, diagnostics);
  if (!text) return std::nullopt;
  return ParsePlainText(path, *text);
}

}  // namespace uofa
