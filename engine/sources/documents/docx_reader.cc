// The Word reader. A .docx file is a zip package; the text is in word/document.xml, paragraph
// styles in word/styles.xml and the metadata title in docProps/core.xml.
//
// Locations count paragraphs as Word does: paragraph N is the Nth w:p of the document body in
// document order, counting the paragraphs inside table cells (and text boxes) and empty ones,
// which produce no block. The alternative content of mc:Fallback is skipped, so a text box is
// not counted twice. Elements are matched by local name, whatever their namespace prefix.
//
// - A paragraph is a heading when its style (pStyle, resolved through styles.xml and its basedOn
//   chain) is named "heading N" or "Title" (level 1) or has an outline level, or when the
//   paragraph itself has an outline level. Without styles.xml, style ids "HeadingN" and "Title".
// - A paragraph with numbering (w:numPr with a numId other than 0, directly or from its style)
//   is a list item.
// - A table row is one kTableRow block: the text of each cell's paragraphs joined by spaces, the
//   cells joined by " | "; its span runs from the row's first paragraph to its last.
// - Text comes from w:t; w:tab, w:br and w:cr count as a space, w:noBreakHyphen as "-"; deleted
//   text (w:delText) and field codes (w:instrText) are left out.
//
// A hostile package cannot exhaust memory (docx_package.h): the number of entries is capped, the
// declared unpacked sizes must fit limits.max_uncompressed_bytes, and so must the bytes actually
// inflated (a declared size can lie).
#include "engine/sources/documents/docx_reader.h"

#include <algorithm>
#include <pugixml.hpp>
#include <string_view>
#include <vector>

#include "engine/sources/documents/document_input.h"
#include "engine/sources/documents/docx_package.h"
#include "engine/sources/documents/docx_styles.h"
#include "engine/sources/documents/docx_xml.h"
#include "engine/sources/utf8.h"

namespace uofa {
namespace {

using docx::Child;
using docx::HasNumbering;
using docx::Local;
using docx::OutlineLevel;
using docx::Package;
using docx::StyleInfo;
using docx::Styles;
using docx::Val;

// Deeper nesting than any real document has; the walk is recursive.
constexpr int kMaxDepth = 256;

// The text of paragraph `paragraph`, leaving out paragraphs nested in it (text boxes), which
// are counted on their own.
void AppendParagraphText(pugi::xml_node paragraph, std::string& text) {
  std::vector<pugi::xml_node> stack;
  for (pugi::xml_node child = paragraph.last_child(); child; child = child.previous_sibling()) {
    stack.push_back(child);
  }
  while (!stack.empty()) {
    pugi::xml_node node = stack.back();
    stack.pop_back();
    if (node.type() != pugi::node_element) continue;
    std::string_view name = Local(node.name());
    if (name == "p" || name == "Fallback" || name == "pPr" || name == "rPr") continue;
    if (name == "t") {
      text += node.child_value();
      continue;
    }
    if (name == "tab" || name == "br" || name == "cr") {
      text += ' ';
      continue;
    }
    if (name == "noBreakHyphen") {
      text += '-';
      continue;
    }
    for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling()) {
      stack.push_back(child);
    }
  }
}

struct Row {
  int first = 0;
  int last = 0;
  std::vector<std::string> cells;
  bool in_cell = false;
};

class BodyWalker {
 public:
  BodyWalker(const std::string& path, const Styles& styles, const DocumentLimits& limits,
             Document& document, Diagnostics& diagnostics)
      : path_(path),
        styles_(styles),
        limits_(limits),
        document_(document),
        diagnostics_(diagnostics) {}

  bool Walk(pugi::xml_node node, int depth, Row* row) {
    if (depth > kMaxDepth) {
      diagnostics_.Error({path_, 0, 0}, "'word/document.xml' in '" + path_ +
                                            "' nests elements deeper than " +
                                            std::to_string(kMaxDepth) + " levels");
      return false;
    }
    for (pugi::xml_node child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      std::string_view name = Local(child.name());
      if (name == "Fallback") continue;
      if (name == "p") {
        if (!Paragraph(child, row)) return false;
        if (!Walk(child, depth + 1, row)) return false;  // text boxes inside the paragraph
      } else if (name == "tr" && row == nullptr) {
        Row new_row;
        new_row.first = paragraphs_ + 1;
        if (!Walk(child, depth + 1, &new_row)) return false;
        if (!AddRow(new_row)) return false;
      } else if (name == "tc" && row != nullptr && !row->in_cell) {
        row->cells.emplace_back();
        row->in_cell = true;
        if (!Walk(child, depth + 1, row)) return false;
        row->in_cell = false;
      } else {
        if (!Walk(child, depth + 1, row)) return false;
      }
    }
    return true;
  }

  void FinishSections() {
    for (Section& section : document_.sections) section.span.last = section.span.first;
    for (const Block& block : document_.blocks) {
      if (block.section >= 0) {
        Section& section = document_.sections[block.section];
        section.span.last = std::max(section.span.last, block.span.last);
      }
    }
  }

  const std::string& title() const { return title_; }

 private:
  bool CountText(const std::string& text) {
    text_bytes_ += text.size();
    if (text_bytes_ <= limits_.max_text_bytes) return true;
    diagnostics_.Error({path_, 0, 0}, "the text of '" + path_ + "' is longer than the limit of " +
                                          std::to_string(limits_.max_text_bytes) +
                                          " bytes (max_text_bytes)");
    return false;
  }

  bool Paragraph(pugi::xml_node paragraph, Row* row) {
    int number = ++paragraphs_;
    std::string raw;
    AppendParagraphText(paragraph, raw);
    std::string text = CollapseWhitespace(raw);
    if (!CountText(text)) return false;
    // pugixml converts UTF-16 parts to UTF-8 but passes ill-formed UTF-8 through unchanged.
    std::size_t invalid = FindInvalidUtf8(text);
    if (invalid != std::string::npos) {
      diagnostics_.Error({path_, 0, 0},
                         "paragraph " + std::to_string(number) + " of '" + path_ + "' has " +
                             InvalidUtf8Message(static_cast<unsigned char>(text[invalid])));
      return false;
    }
    if (row != nullptr) {
      if (row->cells.empty()) row->cells.emplace_back();
      std::string& cell = row->cells.back();
      if (!text.empty()) cell += (cell.empty() ? "" : " ") + text;
      row->last = number;
      return true;
    }
    if (text.empty()) return true;

    pugi::xml_node properties = Child(paragraph, "pPr");
    StyleInfo style;
    if (const char* id = Val(Child(properties, "pStyle"))) style = styles_.Resolve(id);
    if (int outline = OutlineLevel(properties)) style.heading_level = outline;
    if (style.heading_level > 0) {
      Section section;
      section.heading = text;
      section.level = style.heading_level;
      section.span = {number, number};
      if (title_.empty() && (style.title || style.heading_level == 1)) title_ = text;
      document_.sections.push_back(std::move(section));
      return true;
    }
    Block block;
    block.kind =
        HasNumbering(properties) || style.numbered ? BlockKind::kListItem : BlockKind::kParagraph;
    block.text = std::move(text);
    block.span = {number, number};
    block.section = static_cast<int>(document_.sections.size()) - 1;
    document_.blocks.push_back(std::move(block));
    return true;
  }

  bool AddRow(const Row& row) {
    std::string joined;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      if (i > 0) joined += " | ";
      joined += row.cells[i];
    }
    std::string text = CollapseWhitespace(joined);
    if (text.empty() || text.find_first_not_of(" |") == std::string::npos) return true;
    if (!CountText(text)) return false;
    Block block;
    block.kind = BlockKind::kTableRow;
    block.text = std::move(text);
    block.span = {row.first, std::max(row.first, row.last)};
    block.section = static_cast<int>(document_.sections.size()) - 1;
    document_.blocks.push_back(std::move(block));
    return true;
  }

  const std::string& path_;
  const Styles& styles_;
  const DocumentLimits& limits_;
  Document& document_;
  Diagnostics& diagnostics_;
  int paragraphs_ = 0;
  std::uint64_t text_bytes_ = 0;
  std::string title_;
};

std::string CoreTitle(const pugi::xml_document& core) {
  for (pugi::xml_node node : core.document_element().children()) {
    if (node.type() == pugi::node_element && Local(node.name()) == "title") {
      return CollapseWhitespace(node.child_value());
    }
  }
  return {};
}

}  // namespace

std::optional<Document> ReadDocxBytes(const std::string& path, const std::string& bytes,
                                      const DocumentLimits& limits, Diagnostics& diagnostics) {
  if (bytes.size() > limits.max_file_bytes) {
    diagnostics.Error({path, 0, 0}, "'" + path + "' is larger than the limit of " +
                                        std::to_string(limits.max_file_bytes) +
                                        " bytes (max_file_bytes)");
    return std::nullopt;
  }
  Package package(path, limits, diagnostics);
  if (!package.Open(bytes)) return std::nullopt;

  if (!package.Has("word/document.xml")) {
    package.Fail("has no 'word/document.xml'; it is not a Word document");
    return std::nullopt;
  }
  Styles styles;
  if (package.Has("word/styles.xml")) {
    std::optional<std::string> content = package.Read("word/styles.xml");
    if (!content) return std::nullopt;
    pugi::xml_document xml;
    if (!package.Parse("word/styles.xml", *content, xml)) return std::nullopt;
    styles.Load(xml);
  }
  std::optional<std::string> content = package.Read("word/document.xml");
  if (!content) return std::nullopt;
  pugi::xml_document xml;
  if (!package.Parse("word/document.xml", *content, xml)) return std::nullopt;
  content.reset();

  Document document;
  document.path = path;
  document.format = "docx";
  document.unit = LocationUnit::kParagraph;
  pugi::xml_node body = Child(xml.document_element(), "body");
  BodyWalker walker(path, styles, limits, document, diagnostics);
  if (body && !walker.Walk(body, 0, nullptr)) return std::nullopt;
  walker.FinishSections();

  document.title = walker.title();
  if (document.title.empty() && package.Has("docProps/core.xml")) {
    std::optional<std::string> core = package.Read("docProps/core.xml");
    if (!core) return std::nullopt;
    pugi::xml_document core_xml;
    if (!package.Parse("docProps/core.xml", *core, core_xml)) return std::nullopt;
    document.title = CoreTitle(core_xml);
  }
  if (document.title.empty()) document.title = FileStem(path);
  return document;
}

std::optional<Document> ReadDocxDocument(const std::string& path, const DocumentLimits& limits,
                                         Diagnostics& diagnostics) {
  std::optional<std::string> bytes = ReadDocumentBytes(path, limits, diagnostics);
  if (!bytes) return std::nullopt;
  return ReadDocxBytes(path, *bytes, limits, diagnostics);
}

}  // namespace uofa
