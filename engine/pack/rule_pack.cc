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

const RulePack* PackSet::FindPack(std::string_view id) const {
  for (const auto& pack : packs) {
    if (pack->id == id) return pack.get();
  }
  return nullptr;
}

}  // namespace uofa
