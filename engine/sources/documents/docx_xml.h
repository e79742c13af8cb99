// Small helpers for reading WordprocessingML with pugixml, which has no namespace support:
// elements and attributes are matched by local name, whatever their prefix.
#ifndef UOFA_ENGINE_SOURCES_DOCUMENTS_DOCX_XML_H_
#define UOFA_ENGINE_SOURCES_DOCUMENTS_DOCX_XML_H_

#include <algorithm>
#include <cctype>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace uofa::docx {

inline std::string_view Local(const char* name) {
  std::string_view text(name);
  std::size_t colon = text.find(':');
  return colon == std::string_view::npos ? text : text.substr(colon + 1);
}

inline pugi::xml_node Child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element && Local(child.name()) == local) return child;
  }
  return {};
}

// The value of the attribute w:val (any prefix), or nullptr.
inline const char* Val(pugi::xml_node node) {
  for (pugi::xml_attribute attribute : node.attributes()) {
    if (Local(attribute.name()) == "val") return attribute.value();
  }
  return nullptr;
}

inline std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace uofa::docx

#endif  // UOFA_ENGINE_SOURCES_DOCUMENTS_DOCX_XML_H_
