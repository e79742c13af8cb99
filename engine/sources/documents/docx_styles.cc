#include "engine/sources/documents/docx_styles.h"

#include <cstring>

#include "engine/sources/documents/docx_xml.h"

namespace uofa::docx {
namespace {

// Guards against a basedOn cycle.
constexpr int kMaxStyleChain = 16;

}  // namespace

int HeadingNumber(std::string_view name) {
  std::string lower = Lower(name);
  std::string_view rest(lower);
  if (rest.substr(0, 7) != "heading") return 0;
  rest.remove_prefix(7);
  if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '0';
  return 0;
}

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

void Styles::Load(const pugi::xml_document& xml) {
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

StyleInfo Styles::Resolve(const std::string& id) const {
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

}  // namespace uofa::docx
