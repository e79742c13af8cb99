// StringHash: a hash for unordered containers keyed by std::string that can be looked up with a
// std::string_view (or a const char*) without making a string for the lookup. Use it with
// std::equal_to<>: std::unordered_map<std::string, T, StringHash, std::equal_to<>>.
#ifndef UOFA_ENGINE_BASE_STRING_HASH_H_
#define UOFA_ENGINE_BASE_STRING_HASH_H_

#include <cstddef>
#include <functional>
#include <string_view>

namespace uofa {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
};

}  // namespace uofa

#endif  // UOFA_ENGINE_BASE_STRING_HASH_H_
