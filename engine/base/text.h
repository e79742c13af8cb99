// Small ASCII text helpers shared by the readers and loaders.
#ifndef UOFA_ENGINE_BASE_TEXT_H_
#define UOFA_ENGINE_BASE_TEXT_H_

#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>

namespace uofa {

/// `text` without leading and trailing white space (space, tab, CR, LF, VT, FF).
inline std::string_view TrimSpace(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

/// `text` with ASCII letters lowered; other bytes (UTF-8 included) unchanged.
inline std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Equality ignoring the case of ASCII letters.
inline bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
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
