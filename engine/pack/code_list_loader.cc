// Code lists: rules/codes/<id>.yaml -> CodeList, for every list a pack or a schema field names.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "engine/pack/load_context.h"

namespace uofa {
namespace {

bool FileExists(const std::string& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error);
}

struct GroupSite {
  std::string list;
  const SourceText* source;
  const YamlNode* key;
};

std::optional<CodeList> ReadCodeList(const YamlDocument& document, const std::string& id,
                                     Diagnostics& diagnostics,
                                     std::vector<std::pair<std::string, GroupSite>>& groups) {
  YamlChecker check(document.source, diagnostics);
  const YamlNode& root = *document.root;
  if (!check.ExpectMapping(root, "a code list file")) return std::nullopt;
  check.CheckKeys(root, "code list", {"id", "title", "source", "width", "codes", "retired", "groups"});
  CodeList list;
  list.id = id;
  if (const YamlNode* id_node = check.ScalarNode(root, "id")) {
    if (id_node->value != id) {
      check.Error(*id_node, "code list id '" + id_node->value + "' does not match its file name '" +
                                id + ".yaml'");
    }
  } else {
    check.Error(root, "code list '" + id + "' has no 'id'");
  }
  if (auto text = check.String(root, "title")) list.title = *text;
  if (auto text = check.String(root, "source")) list.source = *text;
  if (const YamlNode* width = check.ScalarNode(root, "width")) {
    std::optional<std::int64_t> value = ParseYamlInt(width->value);
    if (!value || *value < 0 || *value > 32) {
      check.Error(*width, "'width' must be a whole number from 0 to 32, not '" + width->value + "'");
    } else {
      list.width = static_cast<int>(*value);
    }
  }

  const YamlNode* codes = root.Find("codes");
  if (codes == nullptr || codes->IsNull()) {
    check.Error(root, "code list '" + id + "' has no 'codes'");
  } else if (check.ExpectMapping(*codes, "'codes'")) {
    std::set<std::string> seen;
    for (const YamlEntry& entry : codes->entries) {
      if (!check.ExpectScalar(*entry.key, "a code")) continue;
      std::string code = list.Normalize(entry.key->value);
      if (!seen.insert(code).second) {
        check.Error(*entry.key, "duplicate code '" + code + "' in code list '" + id + "'");
        continue;
      }
      std::string label;
      if (entry.value->IsScalar()) {
        label = entry.value->value;
      } else if (!entry.value->IsNull()) {
        check.ExpectScalar(*entry.value, "the label of code '" + code + "'");
      }
      list.codes.emplace_back(std::move(code), std::move(label));
    }
  }
  for (const YamlNode* item : check.ScalarList(root, "retired")) {
    list.retired.push_back(list.Normalize(item->value));
  }

  const YamlNode* group_map = root.Find("groups");
  if (group_map != nullptr && !group_map->IsNull() && check.ExpectMapping(*group_map, "'groups'")) {
    check.CheckDuplicateKeys(*group_map, "'groups'");
    std::set<std::string> seen;
    for (const YamlEntry& entry : group_map->entries) {
      if (!entry.key->IsScalar() || !seen.insert(entry.key->value).second) continue;
      const std::string& name = entry.key->value;
      std::vector<std::string> members;
      if (check.ExpectSequence(*entry.value, "group '" + name + "'")) {
        for (const YamlNodePtr& item : entry.value->items) {
          if (!check.ExpectScalar(*item, "a code in group '" + name + "'")) continue;
          std::string code = list.Normalize(item->value);
          bool retired = std::find(list.retired.begin(), list.retired.end(), code) != list.retired.end();
          if (!list.Contains(code) && !retired) {
            check.Error(*item, "group '" + name + "' names unknown code '" + code +
                                   "' of code list '" + id + "'");
            continue;
          }
          members.push_back(std::move(code));
        }
      }
      list.groups[name] = std::move(members);
      groups.emplace_back(name, GroupSite{id, &document.source, entry.key.get()});
    }
  }
  return list;
}

}  // namespace

void LoadCodeLists(LoadContext& context) {
  std::set<std::string, std::less<>> missing;
  std::vector<std::pair<std::string, GroupSite>> groups;
  std::vector<std::string> known = YamlStemsIn(context.options.rules_root + "/codes");
  for (std::size_t i = 0; i < context.code_requests.size(); ++i) {
    NameReference request = context.code_requests[i];
    const std::string& id = request.name;
    if (context.set.codes.Find(id) != nullptr) continue;
    std::string path = context.CodeListPath(id);
    if (missing.count(id) || !FileExists(path)) {
      missing.insert(id);
      context.ErrorAt(request, "unknown code list '" + id + "' (no file '" + path + "')" +
                                   DidYouMean(id, known));
      continue;
    }
    const YamlDocument& document = context.Read(path);
    if (!document.root) {
      missing.insert(id);
      continue;
    }
    std::optional<CodeList> list = ReadCodeList(document, id, context.diagnostics, groups);
    if (!list) {
      missing.insert(id);
      continue;
    }
    context.set.codes.Add(std::move(*list));
  }

  // Lists and groups share the `codes.` name space in expressions.
  std::map<std::string, const GroupSite*> first_site;
  for (const auto& [name, site] : groups) {
    if (context.set.codes.Find(name) != nullptr) {
      ErrorAtNode(*site.source, context.diagnostics, *site.key,
                  "group '" + name + "' has the name of code list '" + name + "'");
      continue;
    }
    auto [it, inserted] = first_site.emplace(name, &site);
    if (!inserted) {
      ErrorAtNode(*site.source, context.diagnostics, *site.key,
                  "group '" + name + "' is also defined in code list '" + it->second->list + "'");
    }
  }
}

}  // namespace uofa
