// Fuzzes the rule-pack loader: the input is one rule file of a pack that uses the real schemas
// and code lists (rules/schema, rules/codes) and the manifest of rules/nice-ng10 with its rule
// list replaced by this one file. The pack is written to a private temporary folder.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/pack/pack_loader.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

namespace fs = std::filesystem;

const std::string kPack = "nice-ng10";

// The rules root: schema/ and codes/ link to the real ones; the pack folder holds the manifest.
// Removed at exit.
struct RulesRoot {
  fs::path path;
  ~RulesRoot() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

fs::path MakeRulesRoot() {
  std::string pattern = (fs::temp_directory_path() / "uofa-rule-fuzz-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  fs::path root = pattern;
  fs::path real = uofa::fuzz::RulesRoot();
  fs::create_directory_symlink(real / "schema", root / "schema");
  fs::create_directory_symlink(real / "codes", root / "codes");
  fs::create_directory(root / kPack);
  std::ifstream in(real / kPack / "pack.yaml");
  std::ofstream out(root / kPack / "pack.yaml");
  std::string line;
  while (std::getline(in, line)) {
    if (line == "rules:") break;
    out << line << "\n";
  }
  out << "rules:\n  - fuzz.yaml\n";
  return root;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const RulesRoot rules_root{MakeRulesRoot()};
  const fs::path& root = rules_root.path;
  {
    std::ofstream rule(root / kPack / "fuzz.yaml", std::ios::binary | std::ios::trunc);
    rule.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  uofa::LoadOptions options;
  options.rules_root = root.string();
  options.packs = {kPack};
  // No cache of parsed files: every input would leave an entry in the user's cache folder.
  options.cache_directory = std::string();
  uofa::Diagnostics diagnostics;
  uofa::LoadPacks(options, diagnostics);
  return 0;
}
