#include "engine/base/interned_path.h"

#include <functional>
#include <mutex>
#include <unordered_set>

namespace uofa {
namespace {

// Looks names up by string_view, without a string made for the lookup.
struct NameHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>()(name); }
};

struct NameTable {
  std::mutex mutex;
  // Nodes: addresses stay put as the set grows.
  std::unordered_set<std::string, NameHash, std::equal_to<>> names;
  const std::string* empty = &*names.emplace().first;
};

NameTable& Table() {
  static NameTable* table = new NameTable();  // never destroyed: names outlive every record
  return *table;
}

}  // namespace

InternedPath::InternedPath() : name_(Table().empty) {}

InternedPath::InternedPath(std::string_view name) {
  NameTable& table = Table();
  std::lock_guard<std::mutex> lock(table.mutex);
  auto found = table.names.find(name);
  name_ = found != table.names.end() ? &*found : &*table.names.emplace(name).first;
}

}  // namespace uofa
