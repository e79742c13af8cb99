// Windows-1252 (the code page Excel and older exports write on English-language Windows) decoded
// to UTF-8, for CSV files whose mapping says `encoding: windows-1252`.
#ifndef UOFA_ENGINE_SOURCES_WINDOWS_1252_H_
#define UOFA_ENGINE_SOURCES_WINDOWS_1252_H_

#include <string>
#include <string_view>

namespace uofa {

/// Whether `byte` is one of the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
/// 0x9D).
bool IsUndefinedInWindows1252(unsigned char byte);

/// Appends the UTF-8 form of Windows-1252 `text` to `*out`. Undefined bytes become U+FFFD; the
/// reader reports them before it decodes.
void AppendWindows1252AsUtf8(std::string_view text, std::string* out);

/// Decodes `*text` in place when it holds any byte above 0x7F (ASCII text is left untouched).
void DecodeWindows1252InPlace(std::string* text, std::string* scratch);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_WINDOWS_1252_H_
