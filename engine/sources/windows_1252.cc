#include "engine/sources/windows_1252.h"

#include <cstdint>

namespace uofa {
namespace {

// Code points of bytes 0x80..0x9F; 0 marks the undefined ones. 0xA0..0xFF are U+00A0..U+00FF.
constexpr std::uint16_t kHighControls[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void AppendUtf8(std::uint32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

}  // namespace

bool IsUndefinedInWindows1252(unsigned char byte) {
  return byte >= 0x80 && byte <= 0x9F && kHighControls[byte - 0x80] == 0;
}

void AppendWindows1252AsUtf8(std::string_view text, std::string* out) {
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      out->push_back(c);
    } else if (byte < 0xA0) {
      std::uint16_t code_point = kHighControls[byte - 0x80];
      AppendUtf8(code_point == 0 ? 0xFFFD : code_point, out);
    } else {
      AppendUtf8(byte, out);
    }
  }
}

void DecodeWindows1252InPlace(std::string* text, std::string* scratch) {
  bool high = false;
  for (char c : *text) high = high || static_cast<unsigned char>(c) >= 0x80;
  if (!high) return;
  scratch->clear();
  AppendWindows1252AsUtf8(*text, scratch);
  text->swap(*scratch);
}

}  // namespace uofa
