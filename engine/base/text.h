// Small ASCII text helpers shared by the readers and loaders.
#ifndef UOFA_ENGINE_BASE_TEXT_H_
#define UOFA_ENGINE_BASE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace uofa {

/// Whether `c` is white space as the C locale has it: space, tab, LF, VT, FF or CR.
constexpr bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/// `c` lowered when it is an ASCII capital; any other byte unchanged.
constexpr char AsciiLowerChar(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// `text` without leading and trailing white space (space, tab, CR, LF, VT, FF).
inline std::string_view TrimSpace(std::string_view text) {
  // Most text has none to trim: then two tests say so (every space is below '!').
  if (text.empty() || (static_cast<unsigned char>(text.front()) > ' ' &&
                       static_cast<unsigned char>(text.back()) > ' ')) {
    return text;
  }
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

/// `text` with ASCII letters lowered; other bytes (UTF-8 included) unchanged.
inline std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = AsciiLowerChar(c);
  return out;
}

/// Equality ignoring the case of ASCII letters.
inline bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLowerChar(a[i]) != AsciiLowerChar(b[i])) return false;
  }
  return true;
}

/// Replaces every occurrence of `from` in `text` with `to`; nothing when `from` is empty.
inline void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace uofa

#endif  // UOFA_ENGINE_BASE_TEXT_H_
