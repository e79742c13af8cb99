#include "engine/report/json_text.h"

#include <nlohmann/json.hpp>

namespace uofa::report {

void AppendJsonString(std::string_view text, std::string* out) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      *out += nlohmann::json(std::string(text))
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out->reserve(out->size() + text.size() + 2);
  *out += '"';
  for (char c : text) {
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          *out += "\\u00";
          *out += kHex[(c >> 4) & 0xF];
          *out += kHex[c & 0xF];
        } else {
          *out += c;
        }
    }
  }
  *out += '"';
}

void AppendJsonStringOrNull(std::string_view text, std::string* out) {
  if (text.empty()) {
    *out += "null";
  } else {
    AppendJsonString(text, out);
  }
}

void AppendPositionOrNull(int position, std::string* out) {
  if (position > 0) {
    *out += std::to_string(position);
  } else {
    *out += "null";
  }
}

}  // namespace uofa::report
