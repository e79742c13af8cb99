#include "engine/report/json_text.h"

#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

namespace uofa::report {

namespace {

// Whether any of the eight bytes of `word` needs more than copying: a control character, '"',
// '\\' or a byte outside ASCII. Exact for "any": the lowest such byte sets its high bit without a
// borrow from below, and a byte of plain printable ASCII sets none of its own.
bool NeedsCare(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHigh = 0x8080808080808080;
  const std::uint64_t quote = word ^ (kOnes * '"');
  const std::uint64_t backslash = word ^ (kOnes * '\\');
  return (((word - kOnes * 0x20) | (quote - kOnes) | (backslash - kOnes) | word) & kHigh) != 0;
}

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::size_t start = out->size();
  out->reserve(start + text.size() + 2);
  *out += '"';
  // Runs of ASCII characters that need no escape are appended whole (found eight bytes at a
  // time); text with any other byte is left to nlohmann (UTF-8 as it is, a byte that is not UTF-8
  // replaced).
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (text.size() - i >= 8) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      if (!NeedsCare(word)) {
        i += 8;
        continue;
      }
    }
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      out->resize(start);
      *out += nlohmann::json(std::string(text))
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
    ++i;
    if (byte >= 0x20 && c != '"' && c != '\\') continue;
    out->append(text, run, i - 1 - run);
    run = i;
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        *out += "\\u00";
        *out += kHex[(c >> 4) & 0xF];
        *out += kHex[c & 0xF];
    }
  }
  out->append(text, run, text.size() - run);
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
