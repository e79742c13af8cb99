// Loading rule packs: YAML -> PackSet, with every problem reported at its file:line:col.
#ifndef UOFA_ENGINE_PACK_PACK_LOADER_H_
#define UOFA_ENGINE_PACK_PACK_LOADER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/pack/rule_pack.h"
#include "uofa/diagnostic.h"

namespace uofa {

/// A parameter value set by an audit's uofa.yaml, as written there.
struct ParameterOverride {
  std::string pack;  ///< empty: every loaded pack that declares the parameter
  std::string name;
  std::string text;  ///< scalar text, parsed with the parameter's type
  SourceLocation at;
};

struct LoadOptions {
  /// The rules root holding schema/, codes/ and the pack folders.
  std::string rules_root;
  /// Pack ids or folder paths to load; empty: every folder under rules_root with a pack.yaml.
  std::vector<std::string> packs;
  std::vector<ParameterOverride> overrides;
  /// Strict (lint --strict, CI): a rule without at least one pass and one fail example is an error.
  bool strict = false;
  /// Whether rules' examples are read, checked and built into records. An audit does not run
  /// them (`uofa test` and `uofa lint` do), so it skips the work; `strict` reads them anyway.
  bool read_examples = true;
  /// The folder of the cache of parsed rule files (yaml_cache.h); "" for none. Unset: the one
  /// the environment names (UOFA_CACHE_DIR, XDG_CACHE_HOME, HOME).
  std::optional<std::string> cache_directory;
};

/// Loads and compiles packs. Reports every problem found (not just the first) to `diagnostics`;
/// returns nullptr when any error was found.
std::unique_ptr<PackSet> LoadPacks(const LoadOptions& options, Diagnostics& diagnostics);

}  // namespace uofa

#endif  // UOFA_ENGINE_PACK_PACK_LOADER_H_
