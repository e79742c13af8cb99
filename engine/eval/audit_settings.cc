#include "engine/eval/audit_settings.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>

#include "engine/base/source_text.h"
#include "engine/base/time.h"

namespace uofa {
namespace {

SourceLocation At(const SourceText& source, const YAML::Node& node) {
  return {source.path(), node.Mark().line + 1, node.Mark().column + 1};
}

void ErrorAt(const SourceText& source, Diagnostics& diagnostics, const YAML::Node& node,
             std::string message) {
  source.ErrorAt(diagnostics, node.Mark().line + 1, node.Mark().column + 1, std::move(message));
}

void ReadParameters(const SourceText& source, const YAML::Node& node, const std::string& pack,
                    AuditSettings& settings, Diagnostics& diagnostics) {
  if (!node.IsMap()) {
    ErrorAt(source, diagnostics, node, "'parameters' must be a mapping of parameter names to values");
    return;
  }
  for (const auto& entry : node) {
    const std::string name = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (value.IsMap() && pack.empty()) {
      // parameters: {pack-id: {name: value}} scopes the overrides to one pack.
      ReadParameters(source, value, name, settings, diagnostics);
    } else if (value.IsScalar()) {
      settings.overrides.push_back({pack, name, value.Scalar(), At(source, value)});
    } else {
      ErrorAt(source, diagnostics, value, "parameter '" + name + "' must have a single value");
    }
  }
}

}  // namespace

AuditSettings ReadAuditSettings(const std::string& directory, Diagnostics& diagnostics) {
  AuditSettings settings;
  const std::string path = (std::filesystem::path(directory) / "uofa.yaml").string();
  std::error_code exists_error;
  if (!std::filesystem::exists(path, exists_error)) return settings;
  Result<SourceText> read = SourceText::ReadFile(path);
  if (!read) {
    diagnostics.Error({path, 0, 0}, read.error());
    return settings;
  }
  const SourceText& source = *read;
  YAML::Node root;
  try {
    root = YAML::Load(source.text());
  } catch (const YAML::Exception& error) {
    source.ErrorAt(diagnostics, error.mark.line + 1, error.mark.column + 1, error.msg);
    return settings;
  }
  if (root.IsNull()) return settings;
  if (!root.IsMap()) {
    ErrorAt(source, diagnostics, root, "uofa.yaml must be a mapping of settings");
    return settings;
  }
  static const std::set<std::string> kKeys = {"title", "as_of", "packs", "parameters"};
  try {
    for (const auto& entry : root) {
      const std::string key = entry.first.Scalar();
      const YAML::Node& value = entry.second;
      if (!kKeys.count(key)) {
        ErrorAt(source, diagnostics, entry.first,
                "unknown key '" + key + "' in uofa.yaml (known: as_of, packs, parameters, title)");
      } else if (key == "title") {
        settings.title = value.Scalar();
      } else if (key == "as_of") {
        std::string error;
        if (!value.IsScalar() || !ParseDate(value.Scalar(), &error)) {
          ErrorAt(source, diagnostics, value, "'as_of' must be a date (YYYY-MM-DD)");
        } else {
          settings.as_of = value.Scalar();
          settings.as_of_at = At(source, value);
        }
      } else if (key == "packs") {
        if (!value.IsSequence()) {
          ErrorAt(source, diagnostics, value, "'packs' must be a list of pack ids");
          continue;
        }
        for (const auto& pack : value) {
          if (pack.IsScalar()) settings.packs.push_back(pack.Scalar());
          else ErrorAt(source, diagnostics, pack, "a pack must be named by its id");
        }
      } else if (key == "parameters") {
        if (!value.IsNull()) ReadParameters(source, value, "", settings, diagnostics);
      }
    }
  } catch (const YAML::Exception& error) {
    source.ErrorAt(diagnostics, error.mark.line + 1, error.mark.column + 1, error.msg);
  }
  return settings;
}

}  // namespace uofa
