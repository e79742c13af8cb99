// Paragraph styles of a Word file (word/styles.xml): which styles make a paragraph a heading
// (and of which level) or a list item, following each style's basedOn chain.
#ifndef UOFA_ENGINE_SOURCES_DOCUMENTS_DOCX_STYLES_H_
#define UOFA_ENGINE_SOURCES_DOCUMENTS_DOCX_STYLES_H_

#include <map>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace uofa::docx {

/// 1..9 for "heading 1".."heading 9" (or "Heading1" as a style id), 0 otherwise.
int HeadingNumber(std::string_view name);

/// The w:outlineLvl under paragraph properties as a heading level (1..9), or 0.
int OutlineLevel(pugi::xml_node properties);

/// Whether paragraph properties carry list numbering (w:numPr with a numId other than 0).
bool HasNumbering(pugi::xml_node properties);

struct StyleInfo {
  int heading_level = 0;  // 0: not a heading
  bool title = false;
  bool numbered = false;
};

/// The paragraph styles of word/styles.xml. Without the part, Word's built-in style ids
/// ("Title", "Heading1" ...) still resolve.
class Styles {
 public:
  /// Reads the w:style elements of a parsed word/styles.xml.
  void Load(const pugi::xml_document& xml);

  /// What the style with id `id` makes of a paragraph.
  StyleInfo Resolve(const std::string& id) const;

 private:
  struct Style {
    std::string name;
    std::string based_on;
    int outline_level = 0;
    bool numbered = false;
  };

  std::map<std::string, Style> styles_;
};

}  // namespace uofa::docx

#endif  // UOFA_ENGINE_SOURCES_DOCUMENTS_DOCX_STYLES_H_
