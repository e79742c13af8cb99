#include "engine/pack/load_context.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "engine/base/parallel.h"
#include "engine/pack/yaml_cache.h"

namespace uofa {

LoadContext::LoadContext(const LoadOptions& load_options, Diagnostics& sink, PackSet& packs)
    : options(load_options),
      diagnostics(sink),
      set(packs),
      cache_directory_(load_options.cache_directory ? *load_options.cache_directory
                                                    : YamlCacheDirectoryFromEnvironment()) {}

const YamlDocument& LoadContext::Read(const std::string& path) { return Read(path, diagnostics); }

const YamlDocument& LoadContext::Read(const std::string& path, Diagnostics& sink) {
  auto it = documents_.find(path);
  if (it != documents_.end()) return *it->second;
  std::unique_ptr<YamlDocument> document;
  if (auto parsed = prefetched_.find(path); parsed != prefetched_.end()) {
    sink.Merge(parsed->second.problems);
    document = std::move(parsed->second.document);
    prefetched_.erase(parsed);
  } else {
    document = std::make_unique<YamlDocument>(ReadYamlFileCached(path, cache_directory_, sink));
  }
  return *documents_.emplace(path, std::move(document)).first->second;
}

void LoadContext::Prefetch(const std::vector<std::string>& paths) {
  std::vector<std::string> wanted;
  for (const std::string& path : paths) {
    if (documents_.count(path) || prefetched_.count(path)) continue;
    if (std::find(wanted.begin(), wanted.end(), path) == wanted.end()) wanted.push_back(path);
  }
  if (wanted.empty()) return;
  // yaml-cpp parses at about 10 MB/s, and the packs' rule files (most of it examples) are what a
  // short command such as `uofa check policy.md` spends most of its time on: one file per task.
  // With the cache warm, hashing the files and decoding entries is still worth spreading.
  std::vector<Parsed> results(wanted.size());
  ParallelFor(wanted.size(), [&](std::size_t i) {
    results[i].document = std::make_unique<YamlDocument>(
        ReadYamlFileCached(wanted[i], cache_directory_, results[i].problems));
  });
  for (std::size_t i = 0; i < wanted.size(); ++i) prefetched_.emplace(wanted[i], std::move(results[i]));
}

const SourceText* LoadContext::Text(const std::string& path) {
  auto it = texts_.find(path);
  if (it != texts_.end()) return it->second.get();
  Result<SourceText> text = SourceText::ReadFile(path);
  std::unique_ptr<SourceText> owned =
      text ? std::make_unique<SourceText>(std::move(text).value()) : nullptr;
  return texts_.emplace(path, std::move(owned)).first->second.get();
}

void LoadContext::ErrorAt(const NameReference& where, std::string message) {
  ErrorAt(where, std::move(message), diagnostics);
}

void LoadContext::ErrorAt(const NameReference& where, std::string message,
                          Diagnostics& sink) const {
  if (where.source != nullptr && where.node != nullptr) {
    ErrorAtNode(*where.source, sink, *where.node, std::move(message));
  } else {
    sink.Error({where.source ? where.source->path() : std::string(), 0, 0}, std::move(message));
  }
}

std::string LoadContext::SchemaPath(const std::string& kind) const {
  return options.rules_root + "/schema/" + kind + ".yaml";
}

std::string LoadContext::CodeListPath(const std::string& id) const {
  return options.rules_root + "/codes/" + id + ".yaml";
}

std::vector<std::string> YamlStemsIn(const std::string& directory) {
  std::vector<std::string> out;
  std::error_code error;
  for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    const std::filesystem::path& path = it->path();
    if (path.extension() == ".yaml") out.push_back(path.stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace uofa
