// Helpers shared by the pack and fixture tests: fixture paths, loading a fixture pack, and
// golden files for diagnostics.
#ifndef UOFA_TESTS_UNIT_PACK_PACK_TEST_SUPPORT_H_
#define UOFA_TESTS_UNIT_PACK_PACK_TEST_SUPPORT_H_

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/pack/pack_loader.h"
#include "engine/pack/yaml_document.h"

namespace uofa::testing {

inline std::string PackFixtures() { return std::string(UOFA_SOURCE_DIR) + "/tests/unit/pack/fixtures"; }

/// Diagnostics text with the fixture folder's absolute prefix removed, so goldens do not depend
/// on where the checkout is.
inline std::string WithoutFixturePrefix(std::string text) {
  const std::string prefix = PackFixtures() + "/";
  for (std::size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) {
    text.erase(at, prefix.size());
  }
  return text;
}

inline std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// True when UOFA_UPDATE_GOLDENS=1: golden files are rewritten from the actual output.
inline bool UpdatingGoldens() {
  const char* flag = std::getenv("UOFA_UPDATE_GOLDENS");
  return flag != nullptr && std::string(flag) == "1";
}

/// Parameter overrides as an audit's uofa.yaml writes them (`parameters: {name: value}`), each
/// placed at its key.
inline std::vector<ParameterOverride> ReadOverrides(const std::string& path) {
  std::vector<ParameterOverride> out;
  Diagnostics ignored;
  YamlDocument document = ReadYamlFile(path, ignored);
  if (!document.root || !document.root->IsMapping()) return out;
  const YamlNode* parameters = document.root->Find("parameters");
  if (parameters == nullptr) return out;
  for (const YamlEntry& entry : parameters->entries) {
    out.push_back({"", entry.key->value, entry.value->value,
                   {path, entry.key->line, entry.key->column}});
  }
  return out;
}

}  // namespace uofa::testing

#endif  // UOFA_TESTS_UNIT_PACK_PACK_TEST_SUPPORT_H_
