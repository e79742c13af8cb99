// LoadPacks: finds the packs, reads their manifests, loads the schemas and code lists they
// declare, applies parameter overrides, then reads and compiles every rule file. Every stage
// goes on after a problem, so one run reports all of them.
#include "engine/pack/pack_loader.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <map>
#include <system_error>
#include <thread>

#include "engine/base/time.h"
#include "engine/pack/load_context.h"

namespace uofa {
namespace {

bool IsFile(const std::string& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error);
}

bool IsDirectory(const std::string& path) {
  std::error_code error;
  return std::filesystem::is_directory(path, error);
}

// Every folder directly under the rules root that holds a pack.yaml, sorted.
std::vector<std::string> PackFolders(const std::string& root) {
  std::vector<std::string> out;
  std::error_code error;
  for (std::filesystem::directory_iterator it(root, error), end; !error && it != end;
       it.increment(error)) {
    std::string folder = it->path().string();
    if (IsFile(folder + "/pack.yaml")) out.push_back(folder);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The id a pack.yaml declares, read quietly (its problems are reported if it is loaded).
std::string DeclaredId(const std::string& folder) {
  Diagnostics quiet;
  YamlDocument document = ReadYamlFile(folder + "/pack.yaml", quiet);
  if (!document.root || !document.root->IsMapping()) return {};
  const YamlNode* id = document.root->Find("id");
  return id != nullptr && id->IsScalar() ? id->value : std::string();
}

std::vector<std::string> ResolvePackFolders(LoadContext& context) {
  const LoadOptions& options = context.options;
  std::vector<std::string> folders;
  if (options.packs.empty()) {
    if (!IsDirectory(options.rules_root)) {
      context.diagnostics.Error({options.rules_root, 0, 0},
                                "cannot read rules folder '" + options.rules_root + "'");
      return folders;
    }
    folders = PackFolders(options.rules_root);
    if (folders.empty()) {
      context.diagnostics.Error({options.rules_root, 0, 0},
                                "no pack (a folder with a pack.yaml) in '" + options.rules_root + "'");
    }
    return folders;
  }
  for (const std::string& wanted : options.packs) {
    std::string folder;
    if (IsFile(wanted + "/pack.yaml")) {
      folder = wanted;
    } else if (IsFile(options.rules_root + "/" + wanted + "/pack.yaml")) {
      folder = options.rules_root + "/" + wanted;
    } else {
      for (const std::string& candidate : PackFolders(options.rules_root)) {
        if (DeclaredId(candidate) == wanted) folder = candidate;
      }
    }
    if (folder.empty()) {
      context.diagnostics.Error({}, "unknown pack '" + wanted + "' (no '" + wanted +
                                        "/pack.yaml' and no pack with that id under '" +
                                        options.rules_root + "')");
      continue;
    }
    while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
    if (std::find(folders.begin(), folders.end(), folder) == folders.end()) folders.push_back(folder);
  }
  return folders;
}

void CheckDuplicateRuleIds(LoadContext& context, const std::vector<RuleSite>& sites) {
  std::map<std::string, const RuleSite*, std::less<>> first;
  for (const RuleSite& site : sites) {
    auto [it, inserted] = first.emplace(site.id, &site);
    if (inserted) continue;
    ErrorAtNode(*site.source, context.diagnostics, *site.id_node,
                "duplicate rule id '" + site.id + "'");
    NoteAtNode(*it->second->source, context.diagnostics, *it->second->id_node,
               "'" + site.id + "' first defined here");
  }
}

void CheckDuplicatePackIds(LoadContext& context, const std::vector<PackManifest>& manifests) {
  std::map<std::string, const PackManifest*, std::less<>> first;
  for (const PackManifest& manifest : manifests) {
    if (manifest.id_node == nullptr) continue;
    auto [it, inserted] = first.emplace(manifest.pack->id, &manifest);
    if (inserted) continue;
    ErrorAtNode(manifest.document->source, context.diagnostics, *manifest.id_node,
                "duplicate pack id '" + manifest.pack->id + "'");
    NoteAtNode(it->second->document->source, context.diagnostics, *it->second->id_node,
               "'" + manifest.pack->id + "' first defined here");
  }
}

// Starts loading the time-zone database on another thread, which the packs' dates (and the
// audit's) wait for otherwise: the calling thread reads the packs' files meanwhile. Joined when
// the result is destroyed; none when no thread can be had.
std::jthread PrepareTimeZoneAside() {
  try {
    return std::jthread(PrepareTimeZone);
  } catch (const std::system_error&) {
    return {};
  }
}

std::unique_ptr<PackSet> Load(const LoadOptions& options, Diagnostics& diagnostics) {
  std::jthread time_zone = PrepareTimeZoneAside();
  std::size_t errors_before = diagnostics.ErrorCount();
  auto set = std::make_unique<PackSet>();
  LoadContext context(options, diagnostics, *set);

  std::vector<std::unique_ptr<RulePack>> packs;
  std::vector<PackManifest> manifests;
  for (const std::string& folder : ResolvePackFolders(context)) {
    PackManifest manifest;
    std::unique_ptr<RulePack> pack = ReadPackManifest(context, folder, manifest);
    if (!pack) continue;
    manifests.push_back(std::move(manifest));
    packs.push_back(std::move(pack));
  }
  CheckDuplicatePackIds(context, manifests);

  std::vector<std::string> files;
  for (const PackManifest& manifest : manifests) {
    for (const NameReference& kind : manifest.schemas) files.push_back(context.SchemaPath(kind.name));
    for (const NameReference& file : manifest.rule_files) files.push_back(file.name);
  }
  context.Prefetch(files);

  std::vector<NameReference> kinds;
  for (const PackManifest& manifest : manifests) {
    kinds.insert(kinds.end(), manifest.schemas.begin(), manifest.schemas.end());
    context.code_requests.insert(context.code_requests.end(), manifest.codes.begin(),
                                 manifest.codes.end());
  }
  LoadSchemas(context, kinds);
  LoadCodeLists(context);
  ApplyOverrides(context, packs);

  std::vector<RuleSite> sites;
  LoadRuleFiles(context, manifests, sites);
  CheckDuplicateRuleIds(context, sites);

  set->packs = std::move(packs);
  if (diagnostics.ErrorCount() > errors_before) return nullptr;
  return set;
}

}  // namespace

std::unique_ptr<PackSet> LoadPacks(const LoadOptions& options, Diagnostics& diagnostics) {
  // The loader reports problems as diagnostics; anything thrown from below (out of memory, a
  // library bug) must not escape either.
  try {
    return Load(options, diagnostics);
  } catch (const std::exception& error) {
    diagnostics.Error({options.rules_root, 0, 0},
                      std::string("internal error while loading rule packs: ") + error.what());
  } catch (...) {
    diagnostics.Error({options.rules_root, 0, 0}, "internal error while loading rule packs");
  }
  return nullptr;
}

}  // namespace uofa
