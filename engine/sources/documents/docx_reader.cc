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
// A hostile package cannot exhaust memory: the number of entries is capped, the declared
// unpacked sizes must fit limits.max_uncompressed_bytes, and so must the bytes actually
// inflated (a declared size can lie).
#include "engine/sources/documents/docx_reader.h"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <string_view>
#include <vector>

#include "engine/sources/documents/document_input.h"
#include "engine/sources/utf8.h"

namespace uofa {
namespace {

constexpr zip_int64_t kMaxEntries = 10000;
constexpr int kMaxDepth = 256;
constexpr int kMaxStyleChain = 16;

std::string_view Local(const char* name) {
  std::string_view text(name);
  std::size_t colon = text.find(':');
  return colon == std::string_view::npos ? text : text.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && Local(child.name()) == local) return child;
  }
  return {};
}

// The value of the attribute w:val (any prefix), or nullptr.
const char* Val(pugi::xml_node node) {
  for (pugi::xml_attribute attribute : node.attributes()) {
    if (Local(attribute.name()) == "val") return attribute.value();
  }
  return nullptr;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// 1..9 for "heading 1".."heading 9" (or "heading1" as a style id), 0 otherwise.
int HeadingNumber(std::string_view name) {
  std::string lower = Lower(name);
  std::string_view rest(lower);
  if (rest.substr(0, 7) != "heading") return 0;
  rest.remove_prefix(7);
  if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '0';
  return 0;
}

// The outline level of a w:outlineLvl under `properties` as a heading level (1..9), or 0.
int OutlineLevel(pugi::xml_node properties) {
  const char* value = Val(Child(properties, "outlineLvl"));
  if (value == nullptr || std::strlen(value) != 1 || value[0] < '0' || value[0] > '8') return 0;
  return value[0] - '0' + 1;
}

bool HasNumbering(pugi::xml_node properties) {
  pugi::xml_node numbering = Child(properties, "numPr");
  if (!numbering) return false;
  const char* id = Val(Child(numbering, "numId"));
  return id == nullptr || std::string_view(id) != "0";
}

struct Style {
  std::string name;
  std::string based_on;
  int outline_level = 0;
  bool numbered = false;
};

struct StyleInfo {
  int heading_level = 0;  // 0: not a heading
  bool title = false;
  bool numbered = false;
};

class Styles {
 public:
  void Load(const pugi::xml_document& xml) {
    for (pugi::xml_node node : xml.document_element().children()) {
      if (Local(node.name()) != "style") continue;
      const char* id = nullptr;
      for (pugi::xml_attribute attribute : node.attributes()) {
        if (Local(attribute.name()) == "styleId") id = attribute.value();
      }
      if (id == nullptr) continue;
      Style style;
      if (const char* name = Val(Child(node, "name"))) style.name = name;
      if (const char* based_on = Val(Child(node, "basedOn"))) style.based_on = based_on;
      pugi::xml_node properties = Child(node, "pPr");
      style.outline_level = OutlineLevel(properties);
      style.numbered = HasNumbering(properties);
      styles_[id] = std::move(style);
    }
  }

  StyleInfo Resolve(const std::string& id) const {
    StyleInfo info;
    std::string current = id;
    for (int step = 0; step < kMaxStyleChain && !current.empty(); ++step) {
      auto found = styles_.find(current);
      if (found == styles_.end()) {
        // No styles.xml entry: Word's built-in style ids.
        if (step == 0 && info.heading_level == 0) {
          if (Lower(current) == "title") {
            info.title = true;
            info.heading_level = 1;
          } else {
            info.heading_level = HeadingNumber(current);
          }
        }
        break;
      }
      const Style& style = found->second;
      info.numbered = info.numbered || style.numbered;
      if (info.heading_level == 0) {
        if (Lower(style.name) == "title") {
          info.title = true;
          info.heading_level = 1;
        } else if (int number = HeadingNumber(style.name)) {
          info.heading_level = number;
        } else if (style.outline_level > 0) {
          info.heading_level = style.outline_level;
        }
      }
      current = style.based_on;
    }
    return info;
  }

 private:
  std::map<std::string, Style> styles_;
};

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

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// The open package and the budget of inflated bytes shared by all its parts.
class Package {
 public:
  Package(const std::string& path, const DocumentLimits& limits, Diagnostics& diagnostics)
      : path_(path), limits_(limits), diagnostics_(diagnostics) {}

  bool Open(const std::string& bytes) {
    // libzip opens an empty buffer as an empty archive; a zip has at least its 22-byte end record.
    if (bytes.size() < 22) {
      Fail("is not a Word file (not a zip package)");
      return false;
    }
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
      Fail("cannot be opened: " + ZipMessage(&error));
      zip_error_fini(&error);
      return false;
    }
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (archive == nullptr) {
      zip_source_free(source);
      int code = zip_error_code_zip(&error);
      if (code == ZIP_ER_NOZIP && bytes.compare(0, 4, "PK\x03\x04") == 0) {
        Fail("is truncated or damaged (no zip central directory); a Word file is a zip package");
      } else if (code == ZIP_ER_NOZIP) {
        Fail("is not a Word file (not a zip package)");
      } else {
        Fail("is a damaged zip package: " + ZipMessage(&error));
      }
      zip_error_fini(&error);
      return false;
    }
    zip_error_fini(&error);
    archive_.reset(archive);

    zip_int64_t entries = zip_get_num_entries(archive, 0);
    if (entries > kMaxEntries) {
      Fail("has " + std::to_string(entries) + " zip entries, more than the " +
           std::to_string(kMaxEntries) + " a Word file can plausibly need");
      return false;
    }
    std::uint64_t declared = 0;
    for (zip_int64_t index = 0; index < entries; ++index) {
      zip_stat_t stat;
      zip_stat_init(&stat);
      if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
        Fail("is a damaged zip package: " + ZipMessage(zip_get_error(archive)));
        return false;
      }
      if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
        std::string name = (stat.valid & ZIP_STAT_NAME) && stat.name ? stat.name : "?";
        Fail("has an encrypted part '" + name + "'; uofa reads only unencrypted Word files");
        return false;
      }
      if (stat.valid & ZIP_STAT_SIZE) declared += stat.size;
      if (declared > limits_.max_uncompressed_bytes) {
        Fail("unpacks to more than the limit of " + std::to_string(limits_.max_uncompressed_bytes) +
             " bytes (max_uncompressed_bytes)");
        return false;
      }
    }
    return true;
  }

  bool Has(const char* part) const { return zip_name_locate(archive_.get(), part, 0) >= 0; }

  // The bytes of `part`, counting them against the inflated-bytes budget.
  std::optional<std::string> Read(const char* part) {
    zip_int64_t index = zip_name_locate(archive_.get(), part, 0);
    if (index < 0) return std::nullopt;
    std::unique_ptr<zip_file_t, ZipFileCloser> file(
        zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0));
    if (!file) {
      Fail("cannot unpack '" + std::string(part) +
           "': " + ZipMessage(zip_get_error(archive_.get())));
      return std::nullopt;
    }
    std::string content;
    char chunk[1 << 16];
    for (;;) {
      zip_int64_t got = zip_fread(file.get(), chunk, sizeof chunk);
      if (got < 0) {
        Fail("cannot unpack '" + std::string(part) +
             "': " + ZipMessage(zip_file_get_error(file.get())));
        return std::nullopt;
      }
      if (got == 0) break;
      inflated_ += static_cast<std::uint64_t>(got);
      if (inflated_ > limits_.max_uncompressed_bytes) {
        Fail("unpacks to more than the limit of " + std::to_string(limits_.max_uncompressed_bytes) +
             " bytes (max_uncompressed_bytes)");
        return std::nullopt;
      }
      content.append(chunk, static_cast<std::size_t>(got));
    }
    return content;
  }

  // Parses `content` of `part`; malformed XML is an error at its byte offset in the part.
  bool Parse(const char* part, const std::string& content, pugi::xml_document& xml) {
    pugi::xml_parse_result result = xml.load_buffer(content.data(), content.size(),
                                                    pugi::parse_default | pugi::parse_ws_pcdata);
    if (result) return true;
    std::string description = result.description();
    if (!description.empty()) description[0] = static_cast<char>(std::tolower(description[0]));
    Fail("has malformed XML in '" + std::string(part) + "' at offset " +
         std::to_string(result.offset) + ": " + Lower(description));
    return false;
  }

  void Fail(const std::string& message) {
    diagnostics_.Error({path_, 0, 0}, "'" + path_ + "' " + message);
  }

 private:
  static std::string ZipMessage(zip_error_t* error) {
    std::string text = zip_error_strerror(error);
    return Lower(text);
  }

  const std::string& path_;
  const DocumentLimits& limits_;
  Diagnostics& diagnostics_;
  std::unique_ptr<zip_t, ZipCloser> archive_;
  std::uint64_t inflated_ = 0;
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
