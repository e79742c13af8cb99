#include "engine/eval/audit_settings.h"
#include "engine/pack/parameter_value.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "engine/base/time.h"
#include "engine/eval/mapping_settings.h"
#include "engine/pack/yaml_checks.h"
#include "engine/pack/yaml_document.h"

namespace uofa {
namespace {

const std::vector<std::string> kSettingKeys = {"title",    "as_of",       "packs", "parameters",
                                               "mappings", "data_quality"};
const std::vector<std::string> kDataQualityKeys = {"max_duration"};

// data_quality: {max_duration: {physical_restraint: 24h, ...}}: each named bound overridden.
void ReadDataQuality(const SourceText& source, const YamlNode& node, DataQualitySettings* settings,
                     Diagnostics& diagnostics) {
  if (node.IsNull()) return;
  if (!node.IsMapping()) {
    ErrorAtNode(source, diagnostics, node, "'data_quality' must be a mapping of settings");
    return;
  }
  std::vector<std::string> names;
  for (const DurationBound& bound : settings->max_durations) names.push_back(bound.name);
  for (const YamlEntry& entry : node.entries) {
    const std::string& key = entry.key->value;
    if (key != "max_duration") {
      ErrorAtNode(source, diagnostics, *entry.key,
                  "unknown key '" + key + "' in 'data_quality'" + DidYouMean(key, kDataQualityKeys));
      continue;
    }
    const YamlNode& bounds = *entry.value;
    if (!bounds.IsMapping()) {
      ErrorAtNode(source, diagnostics, bounds,
                  "'max_duration' must map kinds of use of force to durations, such as "
                  "'physical_restraint: 24h'");
      continue;
    }
    for (const YamlEntry& item : bounds.entries) {
      const std::string& name = item.key->value;
      auto bound = std::find_if(settings->max_durations.begin(), settings->max_durations.end(),
                                [&name](const DurationBound& known) { return known.name == name; });
      if (bound == settings->max_durations.end()) {
        ErrorAtNode(source, diagnostics, *item.key,
                    "unknown kind '" + name + "' in 'max_duration'" + DidYouMean(name, names));
        continue;
      }
      std::optional<Duration> max;
      if (item.value->IsScalar()) max = ParseDurationBound(item.value->value);
      if (!max) {
        ErrorAtNode(source, diagnostics, *item.value,
                    "the bound of '" + name + "' must be a duration of more than zero, such as "
                    "24h, 90m or 28d");
        continue;
      }
      bound->max = *max;
      bound->max_text = item.value->value;
      bound->defined_at = LocationOf(source, *item.value);
    }
  }
}

void ReadParameters(const SourceText& source, const YamlNode& node, const std::string& pack,
                    AuditSettings& settings, Diagnostics& diagnostics) {
  if (!node.IsMapping()) {
    ErrorAtNode(source, diagnostics, node,
                "'parameters' must be a mapping of parameter names to values");
    return;
  }
  for (const YamlEntry& entry : node.entries) {
    const std::string& name = entry.key->value;
    const YamlNode& value = *entry.value;
    if (value.IsMapping() && pack.empty()) {
      // parameters: {pack-id: {name: value}} scopes the overrides to one pack.
      ReadParameters(source, value, name, settings, diagnostics);
    } else if (value.IsScalar()) {
      settings.overrides.push_back({pack, name, value.value, LocationOf(source, value)});
    } else if (value.IsSequence()) {
      // A list of patterns (a `patterns` parameter): one pattern a line.
      std::vector<std::string> patterns;
      bool scalars = true;
      for (const YamlNodePtr& item : value.items) {
        scalars = scalars && item->IsScalar() && item->value.find('\n') == std::string::npos;
        if (scalars) patterns.push_back(item->value);
      }
      if (!scalars) {
        ErrorAtNode(source, diagnostics, value, "parameter '" + name + "' must be a list of one-line patterns");
        continue;
      }
      settings.overrides.push_back({pack, name, JoinPatternsText(patterns), LocationOf(source, value)});
    } else {
      ErrorAtNode(source, diagnostics, value, "parameter '" + name + "' must have a single value");
    }
  }
}

}  // namespace

AuditSettings ReadAuditSettings(const std::string& directory, Diagnostics& diagnostics) {
  AuditSettings settings;
  settings.mappings.root = directory;
  const std::string path = (std::filesystem::path(directory) / "uofa.yaml").string();
  std::error_code exists_error;
  if (!std::filesystem::exists(path, exists_error)) return settings;
  YamlDocument document = ReadYamlFile(path, diagnostics);
  if (document.root == nullptr || document.root->IsNull()) return settings;
  const SourceText& source = document.source;
  const YamlNode& root = *document.root;
  if (!root.IsMapping()) {
    ErrorAtNode(source, diagnostics, root, "uofa.yaml must be a mapping of settings");
    return settings;
  }
  for (const YamlEntry& entry : root.entries) {
    const std::string& key = entry.key->value;
    const YamlNode& value = *entry.value;
    if (key == "title") {
      settings.title = value.value;
    } else if (key == "as_of") {
      std::string error;
      if (!value.IsScalar() || !ParseDate(value.value, &error)) {
        ErrorAtNode(source, diagnostics, value, "'as_of' must be a date (YYYY-MM-DD)");
      } else {
        settings.as_of = value.value;
        settings.as_of_at = LocationOf(source, value);
      }
    } else if (key == "packs") {
      if (!value.IsSequence()) {
        ErrorAtNode(source, diagnostics, value, "'packs' must be a list of pack ids");
        continue;
      }
      for (const YamlNodePtr& pack : value.items) {
        if (pack->IsScalar()) settings.packs.push_back(pack->value);
        else ErrorAtNode(source, diagnostics, *pack, "a pack must be named by its id");
      }
    } else if (key == "parameters") {
      if (!value.IsNull()) ReadParameters(source, value, "", settings, diagnostics);
    } else if (key == "mappings") {
      ReadMappings(source, value, &settings.mappings, diagnostics);
    } else if (key == "data_quality") {
      ReadDataQuality(source, value, &settings.data_quality, diagnostics);
    } else {
      ErrorAtNode(source, diagnostics, *entry.key,
                  "unknown key '" + key + "' in uofa.yaml" + DidYouMean(key, kSettingKeys));
    }
  }
  return settings;
}

}  // namespace uofa
