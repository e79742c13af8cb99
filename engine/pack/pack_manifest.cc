// pack.yaml -> RulePack: identity, sources, commencement, parameters, and the schemas, code lists
// and rule files the pack asks for.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "engine/base/time.h"
#include "engine/pack/load_context.h"
#include "engine/pack/parameter_value.h"

namespace uofa {
namespace {

std::string ListOf(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

std::string JoinQuoted(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "'" : ", '") + name + "'";
  return out;
}

void ReadSources(const YamlChecker& check, const YamlNode& root, RulePack& pack) {
  const YamlNode* sources = root.Find("sources");
  if (sources == nullptr || sources->IsNull()) return;
  if (!check.ExpectMapping(*sources, "'sources'")) return;
  check.CheckDuplicateKeys(*sources, "'sources'");
  for (const YamlEntry& entry : sources->entries) {
    if (!entry.key->IsScalar() || pack.sources.count(entry.key->value)) continue;
    const std::string& id = entry.key->value;
    const std::string what = "source '" + id + "'";
    PackSource source;
    source.id = id;
    if (check.ExpectMapping(*entry.value, what)) {
      check.CheckKeys(*entry.value, what, {"title", "url", "date"});
      if (auto text = check.String(*entry.value, "title")) {
        source.title = *text;
      } else {
        check.Error(*entry.value, what + " has no 'title'");
      }
      if (auto text = check.String(*entry.value, "url")) source.url = *text;
      if (const YamlNode* date = check.ScalarNode(*entry.value, "date")) {
        std::string error;
        if (!ParseDate(date->value, &error)) check.Error(*date, error);
        source.date = date->value;
      }
    }
    pack.sources.emplace(id, std::move(source));
  }
}

void ReadCommencement(const YamlChecker& check, const YamlNode& root, RulePack& pack) {
  const YamlNode* table = root.Find("commencement");
  if (table == nullptr || table->IsNull()) return;
  if (!check.ExpectMapping(*table, "'commencement'")) return;
  check.CheckDuplicateKeys(*table, "'commencement'");
  for (const YamlEntry& entry : table->entries) {
    if (!entry.key->IsScalar() || pack.commencement.count(entry.key->value)) continue;
    const YamlNode& value = *entry.value;
    if (value.IsNull()) {
      pack.commencement.emplace(entry.key->value, std::nullopt);
      continue;
    }
    if (!check.ExpectScalar(value, "the commencement of '" + entry.key->value + "'")) continue;
    std::string error;
    std::optional<Timestamp> date = ParseDate(value.value, &error);
    if (!date) {
      check.Error(value, error.empty() ? "'" + value.value + "' is not a valid date" : error);
      continue;
    }
    pack.commencement.emplace(entry.key->value, date);
  }
}

void ReadParameters(const YamlChecker& check, const YamlNode& root, RulePack& pack) {
  const YamlNode* parameters = root.Find("parameters");
  if (parameters == nullptr || parameters->IsNull()) return;
  if (!check.ExpectMapping(*parameters, "'parameters'")) return;
  check.CheckDuplicateKeys(*parameters, "'parameters'");
  for (const YamlEntry& entry : parameters->entries) {
    if (!entry.key->IsScalar()) continue;
    const std::string& name = entry.key->value;
    if (std::any_of(pack.parameters.begin(), pack.parameters.end(),
                    [&](const Parameter& p) { return p.name == name; })) {
      continue;  // a duplicate key, reported above
    }
    const std::string what = "parameter '" + name + "'";
    if (!check.ExpectMapping(*entry.value, what)) continue;
    const YamlNode& body = *entry.value;
    check.CheckKeys(body, what, {"type", "default", "unit", "basis", "description", "cite"});
    Parameter parameter;
    parameter.name = name;
    parameter.defined_at = LocationOf(check.source(), *entry.key);
    const YamlNode* type = check.ScalarNode(body, "type");
    std::optional<ParameterType> parsed_type;
    if (type == nullptr) {
      check.Error(body, what + " has no 'type'");
    } else if (!(parsed_type = ParseParameterType(type->value))) {
      check.Error(*type, "unknown parameter type '" + type->value +
                             "' (expected int, number, bool, string, duration, date or patterns)");
    }
    const YamlNode* written_default = body.Find("default");
    // A patterns default is a sequence of strings, read as one pattern a line.
    YamlNode patterns_default;
    const YamlNode* default_node = nullptr;
    if (parsed_type == ParameterType::kPatterns && written_default != nullptr && written_default->IsSequence()) {
      std::vector<std::string> patterns;
      for (const YamlNodePtr& item : written_default->items) {
        if (!item->IsScalar() || item->value.find('\n') != std::string::npos) {
          check.Error(*item, "each pattern of " + what + " must be one line of text");
          continue;
        }
        patterns.push_back(item->value);
      }
      patterns_default = *written_default;
      patterns_default.value = JoinPatternsText(patterns);
      default_node = &patterns_default;
    } else {
      default_node = check.ScalarNode(body, "default");
    }
    if (written_default == nullptr || written_default->IsNull()) {
      check.Error(body, what + " has no 'default'");
    }
    if (auto text = check.String(body, "unit")) parameter.unit = *text;
    if (auto text = check.String(body, "description")) parameter.description = *text;
    if (const YamlNode* basis = check.ScalarNode(body, "basis")) {
      if (CheckBasis(check, *basis)) parameter.basis = basis->value;
    }
    if (const YamlNode* cite = body.Find("cite")) {
      parameter.cite = ReadCitations(check, *cite, pack, what);
    }
    if (!parsed_type || default_node == nullptr) continue;
    parameter.type = *parsed_type;
    std::string error;
    std::optional<Value> value = ParseParameterValue(parameter.type, default_node->value, &error);
    if (!value) {
      check.Error(*default_node, error + " (default of parameter '" + name + "')");
      continue;
    }
    parameter.default_value = *value;
    parameter.value = *value;
    pack.parameters.push_back(std::move(parameter));
  }
}

bool IsPackFileName(const std::filesystem::path& path) {
  return path.filename() == "pack.yaml";
}

}  // namespace

const std::vector<std::string>& BasisValues() {
  static const std::vector<std::string> values = {"statute", "guidance", "code-of-practice",
                                                  "nice",    "local",    "unverified"};
  return values;
}

bool CheckBasis(const YamlChecker& check, const YamlNode& node) {
  if (std::find(BasisValues().begin(), BasisValues().end(), node.value) != BasisValues().end()) {
    return true;
  }
  check.Error(node, "unknown basis '" + node.value + "' (expected " + ListOf(BasisValues()) + ")");
  return false;
}

std::vector<RuleCitation> ReadCitations(const YamlChecker& check, const YamlNode& cite,
                                        const RulePack& pack, const std::string& what) {
  std::vector<RuleCitation> out;
  if (cite.IsNull()) {
    check.Error(cite, "'cite' of " + what + " has no entries");
    return out;
  }
  if (!check.ExpectSequence(cite, "'cite'")) return out;
  if (cite.items.empty()) {
    check.Error(cite, "'cite' of " + what + " has no entries");
    return out;
  }
  std::vector<std::string> known;
  for (const auto& [id, source] : pack.sources) known.push_back(id);
  for (const YamlNodePtr& item : cite.items) {
    if (!check.ExpectMapping(*item, "a 'cite' entry")) continue;
    check.CheckKeys(*item, "cite entry", {"source", "provision"});
    RuleCitation citation;
    citation.at = LocationOf(check.source(), *item);
    const YamlNode* source = check.ScalarNode(*item, "source");
    if (source == nullptr) {
      check.Error(*item, "cite entry has no 'source'");
    } else if (!pack.sources.count(source->value)) {
      std::string hint = DidYouMean(source->value, known);
      if (hint.empty()) {
        hint = known.empty() ? " (pack '" + pack.id + "' declares no sources)"
                             : " (pack '" + pack.id + "' declares " + JoinQuoted(known) + ")";
      }
      check.Error(*source, "unknown source '" + source->value + "' in cite" + hint);
    } else {
      citation.source = source->value;
    }
    if (auto provision = check.String(*item, "provision")) {
      citation.provision = *provision;
    } else if (item->Find("provision") == nullptr) {
      check.Error(*item, "cite entry has no 'provision'");
    }
    out.push_back(std::move(citation));
  }
  return out;
}

std::unique_ptr<RulePack> ReadPackManifest(LoadContext& context, const std::string& directory,
                                           PackManifest& manifest) {
  std::string path = directory + "/pack.yaml";
  const YamlDocument& document = context.Read(path);
  if (!document.root) return nullptr;
  YamlChecker check(document.source, context.diagnostics);
  const YamlNode& root = *document.root;
  if (!check.ExpectMapping(root, "pack.yaml")) return nullptr;
  check.CheckKeys(root, "pack.yaml",
                  {"id", "title", "instrument", "version", "description", "sources",
                   "commencement", "schemas", "codes", "parameters", "rules"});
  auto pack = std::make_unique<RulePack>();
  pack->directory = directory;
  manifest.pack = pack.get();
  manifest.document = &document;
  manifest.id_node = check.ScalarNode(root, "id");
  if (manifest.id_node != nullptr) {
    pack->id = manifest.id_node->value;
  } else {
    check.Error(root, "pack has no 'id'");
    pack->id = std::filesystem::path(directory).filename().string();
  }
  if (auto text = check.String(root, "title")) {
    pack->title = *text;
  } else {
    check.Error(root, "pack '" + pack->id + "' has no 'title'");
  }
  if (auto text = check.String(root, "instrument")) pack->instrument = *text;
  if (auto text = check.String(root, "version")) pack->version = *text;
  if (auto text = check.String(root, "description")) pack->description = *text;
  ReadSources(check, root, *pack);
  ReadCommencement(check, root, *pack);
  for (const YamlNode* item : check.ScalarList(root, "schemas")) {
    manifest.schemas.push_back({item->value, &document.source, item});
  }
  for (const YamlNode* item : check.ScalarList(root, "codes")) {
    manifest.codes.push_back({item->value, &document.source, item});
  }
  ReadParameters(check, root, *pack);

  const YamlNode* rules = root.Find("rules");
  if (rules != nullptr && !rules->IsNull()) {
    for (const YamlNode* item : check.ScalarList(root, "rules")) {
      manifest.rule_files.push_back({directory + "/" + item->value, &document.source, item});
    }
  } else {
    std::vector<std::string> files;
    std::error_code error;
    for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
         it.increment(error)) {
      const std::filesystem::path& file = it->path();
      if (file.extension() == ".yaml" && !IsPackFileName(file)) {
        files.push_back(file.filename().string());
      }
    }
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
      manifest.rule_files.push_back({directory + "/" + file, nullptr, nullptr});
    }
  }
  return pack;
}

void ApplyOverrides(LoadContext& context, std::vector<std::unique_ptr<RulePack>>& packs) {
  for (const ParameterOverride& override : context.options.overrides) {
    const SourceText* text = override.at.file.empty() ? nullptr : context.Text(override.at.file);
    auto error = [&](std::string message) {
      std::string line = text ? std::string(text->Line(override.at.line)) : std::string();
      context.diagnostics.Error(override.at, std::move(message), std::move(line));
    };
    std::vector<Parameter*> targets;
    std::vector<std::string> known;
    bool pack_found = override.pack.empty();
    for (auto& pack : packs) {
      if (!override.pack.empty() && pack->id != override.pack) continue;
      pack_found = true;
      for (Parameter& parameter : pack->parameters) {
        known.push_back(parameter.name);
        if (parameter.name == override.name) targets.push_back(&parameter);
      }
    }
    if (!pack_found) {
      error("parameter override names pack '" + override.pack + "', which is not loaded");
      continue;
    }
    if (targets.empty()) {
      error("unknown parameter '" + override.name + "'" + DidYouMean(override.name, known));
      continue;
    }
    for (Parameter* parameter : targets) {
      std::string message;
      std::optional<Value> value = ParseParameterValue(parameter->type, override.text, &message);
      if (!value) {
        error(message + " (parameter '" + override.name + "')");
        break;
      }
      parameter->value = *value;
      parameter->overridden = true;
    }
  }
}

}  // namespace uofa
