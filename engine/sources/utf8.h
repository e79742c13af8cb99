// UTF-8 well-formedness (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing past
// U+10FFFF), for inputs that must be text.
#ifndef UOFA_ENGINE_SOURCES_UTF8_H_
#define UOFA_ENGINE_SOURCES_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace uofa {

/// The offset of the first byte that starts an ill-formed sequence, or npos when `text` is
/// well-formed UTF-8.
std::size_t FindInvalidUtf8(std::string_view text);

/// "invalid UTF-8 (byte 0xe9)": the message for an ill-formed sequence starting with `byte`.
std::string InvalidUtf8Message(unsigned char byte);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_UTF8_H_
