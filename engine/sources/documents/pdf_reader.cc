// The PDF reader. poppler-cpp extracts the words of each page with their boxes and font sizes;
// the structure is inferred from the layout, since an ordinary PDF carries no headings or
// paragraphs:
//
// - Words are joined into lines: a word starts a new line when its vertical centre is more than
//   half a word height from the line's, or when it starts left of the previous word's end.
// - The body size is the font size (rounded to half a point) that sets the most characters.
//   A line set larger than the body size by more than half a point is a heading; the distinct
//   heading sizes, largest first, are levels 1, 2, 3 ... (at most 6).
// - Consecutive lines of the same size form one block while the gap between one line's bottom
//   and the next line's top is less than half the line's height; a larger gap, a change of size,
//   or a new page starts a new block (so a paragraph split across two pages is two blocks).
// - A line starting with "- ", "* ", "• " or a number followed by ". " or ") " starts a list item
//   (the marker is dropped, as the Markdown reader drops it), except that a number other than 1
//   right under a paragraph line continues the paragraph, as in CommonMark ("2018. The ...").
//   A line holding "|" is a table row on its own (the form samples/policies/make-formats
//   writes), its cells trimmed and joined by " | " (poppler sometimes drops the spaces around
//   "|").
//
// Every block's span is the page range it sits on. Poppler's own messages on stderr are caught
// (set_debug_error_function) and used only to explain a file that does not load.
#include "engine/sources/documents/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "engine/sources/documents/document_input.h"

namespace uofa {
namespace {

// Poppler reports problems through one process-wide callback; the messages of the current load
// go here (the first few, for the error text).
thread_local std::vector<std::string>* poppler_messages = nullptr;

void CollectPopplerMessage(const std::string& message, void*) {
  if (poppler_messages != nullptr && poppler_messages->size() < 8) {
    poppler_messages->push_back(message);
  }
}

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(CollectPopplerMessage, nullptr); });
}

struct Line {
  std::string text;
  double top = 0;
  double bottom = 0;
  double size = 0;  // rounded to half a point
  int page = 0;
};

double RoundSize(double size) {
  return std::round(size * 2) / 2;
}

std::string ToUtf8(const poppler::ustring& text) {
  poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// The lines of one page, in poppler's reading order.
void PageLines(const poppler::page& page, int page_number, std::vector<Line>& lines) {
  std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
  bool open = false;
  double centre = 0;
  double height = 0;
  double right = 0;
  bool space_after = false;
  for (const poppler::text_box& box : boxes) {
    std::string word = ToUtf8(box.text());
    poppler::rectf bounds = box.bbox();
    double word_top = bounds.y();
    double word_bottom = bounds.y() + bounds.height();
    double word_centre = (word_top + word_bottom) / 2;
    double word_height = std::max(bounds.height(), 0.1);
    double size = box.has_font_info() ? box.get_font_size() : word_height;
    if (!std::isfinite(size) || size <= 0) size = word_height;
    bool new_line = !open || std::fabs(word_centre - centre) > std::max(height, word_height) / 2 ||
                    bounds.x() < right - 1;
    if (new_line) {
      Line line;
      line.top = word_top;
      line.bottom = word_bottom;
      line.size = RoundSize(size);
      line.page = page_number;
      lines.push_back(line);
      open = true;
      centre = word_centre;
      height = word_height;
    } else {
      Line& line = lines.back();
      if (space_after) line.text += ' ';
      line.top = std::min(line.top, word_top);
      line.bottom = std::max(line.bottom, word_bottom);
      line.size = std::max(line.size, RoundSize(size));
    }
    lines.back().text += word;
    right = bounds.x() + bounds.width();
    space_after = box.has_space_after();
  }
}

enum class LineKind { kHeading, kBody, kListItem, kTableRow };

// The length of a list marker at the start of `text` ("- ", "• ", "12. "), or 0.
std::size_t ListMarker(const std::string& text) {
  for (std::string_view marker : {"- ", "* ", "\xe2\x80\xa2 "}) {
    if (text.compare(0, marker.size(), marker) == 0) return marker.size();
  }
  std::size_t digits = 0;
  while (digits < text.size() && digits < 4 &&
         std::isdigit(static_cast<unsigned char>(text[digits]))) {
    ++digits;
  }
  if (digits > 0 && digits + 1 < text.size() && (text[digits] == '.' || text[digits] == ')') &&
      text[digits + 1] == ' ') {
    return digits + 2;
  }
  return 0;
}

// "a|b | c" and "| a | b | c |" as "a | b | c".
std::string TableRowText(const std::string& text) {
  std::string line = CollapseWhitespace(text);
  if (!line.empty() && line.front() == '|') line.erase(0, 1);
  if (!line.empty() && line.back() == '|') line.pop_back();
  std::string out;
  std::size_t start = 0;
  for (;;) {
    std::size_t bar = line.find('|', start);
    std::string cell = CollapseWhitespace(std::string_view(line).substr(start, bar - start));
    if (start > 0) out += " | ";
    out += cell;
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

class Builder {
 public:
  Builder(Document& document, std::map<double, int> heading_levels)
      : document_(document), heading_levels_(std::move(heading_levels)) {}

  void Add(const Line& line, double body_size) {
    LineKind kind = LineKind::kBody;
    if (line.size > body_size + 0.5) {
      kind = LineKind::kHeading;
    } else if (line.text.find('|') != std::string::npos) {
      kind = LineKind::kTableRow;
    } else if (ListMarker(line.text) > 0) {
      kind = LineKind::kListItem;
    }
    bool close = open_ && line.page == page_ && line.size == size_ &&
                 line.top - bottom_ < (line.bottom - line.top) / 2;
    // As in CommonMark, only "1." interrupts a paragraph: "2018. The" is a wrapped line.
    if (kind == LineKind::kListItem && close && kind_ == LineKind::kBody &&
        std::isdigit(static_cast<unsigned char>(line.text[0])) && line.text.rfind("1.", 0) != 0 &&
        line.text.rfind("1)", 0) != 0) {
      kind = LineKind::kBody;
    }
    bool continues = open_ && line.page == page_ && line.size == size_ &&
                     kind_ != LineKind::kTableRow &&
                     (kind == kind_ || (kind == LineKind::kBody && kind_ == LineKind::kListItem)) &&
                     kind != LineKind::kListItem && kind != LineKind::kTableRow &&
                     line.top - bottom_ < (line.bottom - line.top) / 2;
    if (!continues) {
      Flush();
      open_ = true;
      kind_ = kind;
      size_ = line.size;
      page_ = line.page;
      text_.clear();
      if (kind == LineKind::kListItem) {
        text_ = line.text.substr(ListMarker(line.text));
      } else if (kind == LineKind::kTableRow) {
        text_ = TableRowText(line.text);
      } else {
        text_ = line.text;
      }
    } else {
      text_ += ' ';
      text_ += line.text;
    }
    bottom_ = line.bottom;
  }

  void Flush() {
    if (!open_) return;
    open_ = false;
    std::string text = CollapseWhitespace(text_);
    if (text.empty()) return;
    if (kind_ == LineKind::kHeading) {
      Section section;
      section.heading = text;
      auto level = heading_levels_.find(size_);
      section.level = level == heading_levels_.end() ? 1 : level->second;
      section.span = {page_, page_};
      document_.sections.push_back(section);
      return;
    }
    Block block;
    block.kind = kind_ == LineKind::kListItem   ? BlockKind::kListItem
                 : kind_ == LineKind::kTableRow ? BlockKind::kTableRow
                                                : BlockKind::kParagraph;
    block.text = text;
    block.span = {page_, page_};
    block.section = static_cast<int>(document_.sections.size()) - 1;
    if (block.section >= 0) document_.sections.back().span.last = page_;
    document_.blocks.push_back(std::move(block));
  }

 private:
  Document& document_;
  std::map<double, int> heading_levels_;
  bool open_ = false;
  LineKind kind_ = LineKind::kBody;
  double size_ = 0;
  double bottom_ = 0;
  int page_ = 0;
  std::string text_;
};

std::optional<Document> ReadLoaded(const std::string& path, const poppler::document& pdf,
                                   const DocumentLimits& limits, Diagnostics& diagnostics) {
  int pages = pdf.pages();
  if (pages > limits.max_pages) {
    diagnostics.Error({path, 0, 0}, "'" + path + "' has " + std::to_string(pages) +
                                        " pages, more than the limit of " +
                                        std::to_string(limits.max_pages) + " (max_pages)");
    return std::nullopt;
  }
  std::vector<Line> lines;
  std::uint64_t text_bytes = 0;
  for (int index = 0; index < pages; ++index) {
    std::unique_ptr<poppler::page> page(pdf.create_page(index));
    if (!page) continue;
    std::size_t before = lines.size();
    PageLines(*page, index + 1, lines);
    for (std::size_t i = before; i < lines.size(); ++i) text_bytes += lines[i].text.size() + 1;
    if (text_bytes > limits.max_text_bytes) {
      diagnostics.Error({path, 0, 0}, "the text of '" + path + "' is longer than the limit of " +
                                          std::to_string(limits.max_text_bytes) +
                                          " bytes (max_text_bytes)");
      return std::nullopt;
    }
  }

  std::map<double, std::uint64_t> characters_by_size;
  for (const Line& line : lines) characters_by_size[line.size] += line.text.size();
  double body_size = 0;
  std::uint64_t most = 0;
  for (const auto& [size, count] : characters_by_size) {
    if (count > most) {
      most = count;
      body_size = size;
    }
  }
  std::map<double, int> heading_levels;
  int level = 0;
  for (auto it = characters_by_size.rbegin(); it != characters_by_size.rend(); ++it) {
    if (it->first > body_size + 0.5) heading_levels[it->first] = std::min(++level, 6);
  }

  Document document;
  document.path = path;
  document.format = "pdf";
  document.unit = LocationUnit::kPage;
  Builder builder(document, heading_levels);
  for (const Line& line : lines) builder.Add(line, body_size);
  builder.Flush();

  for (const Section& section : document.sections) {
    if (section.level == 1) {
      document.title = section.heading;
      break;
    }
  }
  if (document.title.empty()) document.title = CollapseWhitespace(ToUtf8(pdf.get_title()));
  if (document.title.empty()) document.title = FileStem(path);
  return document;
}

std::string Lowercase(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  while (!text.empty() && (text.back() == '\n' || text.back() == '.' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

}  // namespace

std::optional<Document> ReadPdfBytes(const std::string& path, const std::string& bytes,
                                     const DocumentLimits& limits, Diagnostics& diagnostics) {
  if (bytes.size() > limits.max_file_bytes) {
    diagnostics.Error({path, 0, 0}, "'" + path + "' is larger than the limit of " +
                                        std::to_string(limits.max_file_bytes) +
                                        " bytes (max_file_bytes)");
    return std::nullopt;
  }
  // PDF readers accept the header anywhere in the first kilobyte.
  if (std::string_view(bytes).substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    diagnostics.Error({path, 0, 0}, "'" + path + "' is not a PDF file (no '%PDF-' header)");
    return std::nullopt;
  }
  std::size_t tail = bytes.size() > 2048 ? bytes.size() - 2048 : 0;
  if (std::string_view(bytes).substr(tail).find("%%EOF") == std::string_view::npos) {
    diagnostics.Error({path, 0, 0},
                      "'" + path + "' is truncated (no '%%EOF' marker at the end of the file)");
    return std::nullopt;
  }
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    diagnostics.Error({path, 0, 0}, "'" + path + "' is too large to read as PDF");
    return std::nullopt;
  }
  SilencePoppler();
  std::vector<std::string> messages;
  poppler_messages = &messages;
  std::optional<Document> document;
  try {
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf) {
      std::string why = messages.empty() ? "" : ": " + Lowercase(messages.front());
      diagnostics.Error({path, 0, 0}, "'" + path + "' cannot be read as PDF" + why);
    } else if (pdf->is_locked() || pdf->is_encrypted()) {
      diagnostics.Error({path, 0, 0},
                        "'" + path + "' is encrypted; uofa reads only unencrypted PDF files");
    } else {
      document = ReadLoaded(path, *pdf, limits, diagnostics);
    }
  } catch (const std::exception& error) {
    diagnostics.Error({path, 0, 0}, "'" + path + "' cannot be read as PDF: " + error.what());
    document.reset();
  }
  poppler_messages = nullptr;
  return document;
}

std::optional<Document> ReadPdfDocument(const std::string& path, const DocumentLimits& limits,
                                        Diagnostics& diagnostics) {
  std::optional<std::string> bytes = ReadDocumentBytes(path, limits, diagnostics);
  if (!bytes) return std::nullopt;
  return ReadPdfBytes(path, *bytes, limits, diagnostics);
}

}  // namespace uofa
