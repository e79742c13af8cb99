#include "engine/base/interned_path.h"

#include <functional>
#include <mutex>
#include <unordered_set>

#include "engine/base/string_hash.h"

namespace uofa {
namespace {

struct NameTable {
  std::mutex mutex;
  // Nodes: addresses stay put as the set grows.
  std::unordered_set<std::string, StringHash, std::equal_to<>> names;
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
