// Fuzzes the decoder of the cache of parsed rule files (engine/pack/yaml_cache.h). The input is
// an entry's payload, the node table: a whole entry around random bytes would almost never pass
// its checksum, so the header is skipped. What decodes must encode into an entry that decodes
// and encodes again to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "engine/pack/yaml_cache.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::size_t kTextSize = 1 << 20;
  std::string_view payload(reinterpret_cast<const char*>(data), size);
  uofa::YamlNodePtr root = uofa::DecodeYamlCachePayload(payload, kTextSize);
  if (!root) return 0;
  const std::string key = uofa::YamlCacheKey(payload);
  std::string entry = uofa::EncodeYamlCacheEntry(key, *root);
  uofa::YamlNodePtr again = uofa::DecodeYamlCacheEntry(entry, key, kTextSize);
  if (!again || uofa::EncodeYamlCacheEntry(key, *again) != entry) std::abort();
  return 0;
}
