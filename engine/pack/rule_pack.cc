#include "engine/pack/rule_pack.h"

namespace uofa {

const Rule* PackSet::FindRule(std::string_view id) const {
  for (const auto& pack : packs) {
    for (const Rule& rule : pack->rules) {
      if (rule.id == id) return &rule;
    }
  }
  return nullptr;
}

std::vector<Citation> ResolveCitations(const RulePack& pack, const Rule& rule) {
  std::vector<Citation> out;
  out.reserve(rule.cite.size());
  for (const RuleCitation& cite : rule.cite) {
    Citation citation;
    citation.source = cite.source;
    citation.provision = cite.provision;
    if (auto source = pack.sources.find(cite.source); source != pack.sources.end()) {
      citation.source_title = source->second.title;
      citation.url = source->second.url;
    }
    out.push_back(std::move(citation));
  }
  return out;
}

const RulePack* PackSet::FindPack(std::string_view id) const {
  for (const auto& pack : packs) {
    if (pack->id == id) return pack.get();
  }
  return nullptr;
}

}  // namespace uofa
