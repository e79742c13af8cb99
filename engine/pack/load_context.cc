#include "engine/pack/load_context.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace uofa {

const YamlDocument& LoadContext::Read(const std::string& path) {
  auto it = documents_.find(path);
  if (it != documents_.end()) return *it->second;
  auto document = std::make_unique<YamlDocument>(ReadYamlFile(path, diagnostics));
  return *documents_.emplace(path, std::move(document)).first->second;
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
  if (where.source != nullptr && where.node != nullptr) {
    ErrorAtNode(*where.source, diagnostics, *where.node, std::move(message));
  } else {
    diagnostics.Error({where.source ? where.source->path() : std::string(), 0, 0},
                      std::move(message));
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
