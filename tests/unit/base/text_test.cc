// The ASCII text helpers (text.h): white space and case as the C locale has them, whatever the
// process's locale, and every byte above ASCII left as it is.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "engine/base/text.h"

namespace uofa {
namespace {

TEST_CASE("text: white space is the C locale's six bytes, nothing else") {
  std::string spaces;
  for (int c = 0; c < 256; ++c) {
    if (IsAsciiSpace(static_cast<char>(c))) spaces += static_cast<char>(c);
  }
  CHECK(spaces == "\t\n\v\f\r ");  // in byte order
}

TEST_CASE("text: TrimSpace trims white space at both ends only") {
  CHECK(TrimSpace(" \t\v\f\r\n N \r\n") == "N");
  CHECK(TrimSpace("a b") == "a b");
  CHECK(TrimSpace(" \t ") == "");
  CHECK(TrimSpace("") == "");
  // A no-break space (U+00A0, in UTF-8 and as its Windows-1252 byte) is text, not white space.
  CHECK(TrimSpace("\xC2\xA0Y\xC2\xA0") == "\xC2\xA0Y\xC2\xA0");
  CHECK(TrimSpace("\xA0Y ") == "\xA0Y");
  CHECK(TrimSpace(std::string_view("\0Y", 2)) == std::string_view("\0Y", 2));
}

TEST_CASE("text: case is ignored for ASCII letters only") {
  CHECK(AsciiLower("Yes, NO; Ünit-12 @[`{") == "yes, no; Ünit-12 @[`{");
  CHECK(AsciiLowerChar('A') == 'a');
  CHECK(AsciiLowerChar('Z') == 'z');
  CHECK(AsciiLowerChar('@') == '@');  // the bytes either side of A to Z
  CHECK(AsciiLowerChar('[') == '[');
  CHECK(AsciiLowerChar('\xC9') == '\xC9');  // É in Windows-1252 stays
  CHECK(EqualsIgnoringCase("Unknown", "UNKNOWN"));
  CHECK(EqualsIgnoringCase("", ""));
  CHECK_FALSE(EqualsIgnoringCase("yes", "ye"));
  CHECK_FALSE(EqualsIgnoringCase("@", "`"));  // 0x40 and 0x60 differ by the case bit only
  CHECK_FALSE(EqualsIgnoringCase("\xC9", "\xE9"));  // É and é of Windows-1252: not ASCII
}

}  // namespace
}  // namespace uofa
