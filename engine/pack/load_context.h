// State shared by the stages of LoadPacks (pack_loader.cc): the options, the diagnostics, the
// PackSet being built and every YAML file read so far (kept so later checks can quote lines).
#ifndef UOFA_ENGINE_PACK_LOAD_CONTEXT_H_
#define UOFA_ENGINE_PACK_LOAD_CONTEXT_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/pack/pack_loader.h"
#include "engine/pack/rule_pack.h"
#include "engine/pack/yaml_checks.h"
#include "engine/pack/yaml_document.h"

namespace uofa {

/// A name written somewhere in a YAML file (a schema kind in pack.yaml, a code list in a field),
/// kept with its node so a problem with the name can be reported where it was written.
struct NameReference {
  std::string name;
  const SourceText* source = nullptr;
  const YamlNode* node = nullptr;
};

struct LoadContext {
  LoadContext(const LoadOptions& load_options, Diagnostics& sink, PackSet& packs);

  const LoadOptions& options;
  Diagnostics& diagnostics;
  PackSet& set;

  /// Reads and parses a YAML file once; later calls return the same document. The root is null
  /// when the file could not be read or parsed (already reported). Parsed trees come from the
  /// cache of parsed files when it has them (yaml_cache.h).
  const YamlDocument& Read(const std::string& path);
  /// The same, with the file's problems (when this call is the first for it) added to `sink`.
  const YamlDocument& Read(const std::string& path, Diagnostics& sink);
  /// Parses files that Read will be asked for, on every core, ahead of time. Each file's
  /// problems are kept with it and reported when Read first returns it, so the diagnostics come
  /// out in the same order as without the prefetch. Files already read are skipped.
  void Prefetch(const std::vector<std::string>& paths);
  /// The text of any file (for a parameter override's position in uofa.yaml); nullptr when it
  /// cannot be read.
  const SourceText* Text(const std::string& path);

  void ErrorAt(const NameReference& where, std::string message);
  void ErrorAt(const NameReference& where, std::string message, Diagnostics& sink) const;

  std::string SchemaPath(const std::string& kind) const;
  std::string CodeListPath(const std::string& id) const;

  /// Code lists asked for by packs and by schema fields, in the order asked.
  std::vector<NameReference> code_requests;

 private:
  struct Parsed {
    std::unique_ptr<YamlDocument> document;
    Diagnostics problems;  // not yet reported: Read reports them
  };
  std::map<std::string, std::unique_ptr<YamlDocument>> documents_;
  std::map<std::string, Parsed> prefetched_;
  std::map<std::string, std::unique_ptr<SourceText>> texts_;
  std::string cache_directory_;  // "": no cache
};

/// Loads rules/schema/<kind>.yaml for every reference (and every kind their fields name with
/// `of:`), resolving element types. Code lists the fields name are added to code_requests.
void LoadSchemas(LoadContext& context, const std::vector<NameReference>& kinds);

/// Loads rules/codes/<id>.yaml for every entry of context.code_requests.
void LoadCodeLists(LoadContext& context);

/// What pack.yaml asks for besides the RulePack itself, with where it asks.
struct PackManifest {
  RulePack* pack = nullptr;
  const YamlDocument* document = nullptr;
  const YamlNode* id_node = nullptr;
  std::vector<NameReference> schemas;
  std::vector<NameReference> codes;
  /// Rule files to read: path, and the `rules:` entry naming it (node null: found by default).
  std::vector<NameReference> rule_files;
};

/// Reads `<directory>/pack.yaml`. Returns nullptr when it cannot be read or is not a mapping.
std::unique_ptr<RulePack> ReadPackManifest(LoadContext& context, const std::string& directory,
                                           PackManifest& manifest);

/// Reads a `cite:` sequence against the pack's sources ("what" names the owner in messages).
/// Reports an empty list, entries that are not mappings, unknown keys, a missing source or
/// provision, and a source the pack does not declare.
std::vector<RuleCitation> ReadCitations(const YamlChecker& check, const YamlNode& cite,
                                        const RulePack& pack, const std::string& what);

/// The allowed `basis:` values, and a check of one.
const std::vector<std::string>& BasisValues();
bool CheckBasis(const YamlChecker& check, const YamlNode& node);

/// Applies LoadOptions::overrides to the loaded packs' parameters.
void ApplyOverrides(LoadContext& context, std::vector<std::unique_ptr<RulePack>>& packs);

/// Where a rule's id was written, for the duplicate-id check across packs.
struct RuleSite {
  std::string id;
  const SourceText* source = nullptr;
  const YamlNode* id_node = nullptr;
};

/// Reads the manifests' rule files into their packs, compiling expressions and building example
/// records, one file per task on every core (the schemas, code lists and parameters must be
/// loaded). Rules, their sites and the files' problems come out in the order of the files, as if
/// they were read one after another.
void LoadRuleFiles(LoadContext& context, const std::vector<PackManifest>& manifests,
                   std::vector<RuleSite>& sites);

/// Names of the files `<directory>/*.yaml` without the extension, sorted ("" directory: none).
std::vector<std::string> YamlStemsIn(const std::string& directory);

}  // namespace uofa

#endif  // UOFA_ENGINE_PACK_LOAD_CONTEXT_H_
