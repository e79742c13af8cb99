// The binary layout of a cache entry (yaml_cache.h). All numbers little-endian:
//
//   "uofaYAML"  u32 format  u32 n + n bytes uofa version  64 bytes key  u64 payload size
//   u64 payload checksum (FNV-1a)  payload
//   payload:  u32 node count, then each node:
//     u8 kind  u8 style  u64 offset  u32 line  u32 column  u32 n + n bytes value
//     u32 children  children x u32 index (a mapping: key then value per entry)
//
// A child's index is always smaller than its parent's, so the table is a tree (or, with aliases,
// a graph without cycles) whatever the bytes say; the root is the last node. The checksum changes
// with any one changed byte of the payload, so a flipped bit is a miss, never a different tree.
#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "engine/pack/yaml_cache.h"

namespace uofa {
namespace {

constexpr char kMagic[8] = {'u', 'o', 'f', 'a', 'Y', 'A', 'M', 'L'};
constexpr std::size_t kKeySize = 64;
// u8 kind, u8 style, u64 offset, u32 line, u32 column, u32 value size, u32 children.
constexpr std::size_t kSmallestNode = 1 + 1 + 8 + 4 + 4 + 4 + 4;
// yaml-cpp refuses documents nested about 2,000 deep; no entry it parsed is deeper than this.
constexpr std::uint32_t kMaxDepth = 4096;

// FNV-1a over 64-bit words (the last one padded with zeros and the length): each step maps the
// running hash one-to-one for a given word and differs for different words, so a change to any
// one word (and so any one byte) always changes the result. Eight bytes a step.
std::uint64_t Checksum(std::string_view bytes) {
  constexpr std::uint64_t kPrime = 0x100000001b3ULL;
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  std::size_t at = 0;
  for (; at + 8 <= bytes.size(); at += 8) {
    std::uint64_t word = 0;
    for (int i = 7; i >= 0; --i) word = (word << 8) | static_cast<unsigned char>(bytes[at + i]);
    hash = (hash ^ word) * kPrime;
  }
  std::uint64_t last = 0;
  for (std::size_t i = bytes.size(); i > at; --i) {
    last = (last << 8) | static_cast<unsigned char>(bytes[i - 1]);
  }
  hash = (hash ^ last) * kPrime;
  return (hash ^ bytes.size()) * kPrime;
}

class Writer {
 public:
  void Bytes(std::string_view bytes) { out_.append(bytes); }
  void U8(unsigned value) { out_.push_back(static_cast<char>(value & 0xff)); }
  void U32(std::uint32_t value) {
    for (int i = 0; i < 4; ++i) U8(value >> (8 * i));
  }
  void U64(std::uint64_t value) {
    for (int i = 0; i < 8; ++i) U8(static_cast<unsigned>(value >> (8 * i)));
  }
  std::string& text() { return out_; }

 private:
  std::string out_;
};

// Reads from a byte range; any read past its end sets failed() and returns zeros.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  bool failed() const { return failed_; }
  std::size_t remaining() const { return bytes_.size() - at_; }

  std::string_view Bytes(std::size_t size) {
    if (failed_ || size > remaining()) {
      failed_ = true;
      return {};
    }
    std::string_view out = bytes_.substr(at_, size);
    at_ += size;
    return out;
  }
  std::uint8_t U8() {
    std::string_view b = Bytes(1);
    return b.empty() ? 0 : static_cast<std::uint8_t>(b[0]);
  }
  std::uint32_t U32() { return static_cast<std::uint32_t>(Number(4)); }
  std::uint64_t U64() { return Number(8); }

 private:
  // A little-endian number of `size` bytes (at most 8).
  std::uint64_t Number(std::size_t size) {
    if (failed_ || size > remaining()) {
      failed_ = true;
      return 0;
    }
    const char* at = bytes_.data() + at_;
    at_ += size;
    std::uint64_t value = 0;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(&value, at, size);
    } else {
      for (std::size_t i = size; i > 0; --i) {
        value = (value << 8) | static_cast<unsigned char>(at[i - 1]);
      }
    }
    return value;
  }

  std::string_view bytes_;
  std::size_t at_ = 0;
  bool failed_ = false;
};

// Every distinct node of the tree, children before parents (the root last), found without
// recursion (a document may nest thousands deep). Empty for a tree that contains itself (which
// ParseYaml never makes: an alias to a node still open stands for null).
std::vector<const YamlNode*> NodesInOrder(
    const YamlNode& root, std::unordered_map<const YamlNode*, std::uint32_t>& index) {
  std::vector<const YamlNode*> order;
  std::unordered_set<const YamlNode*> open{&root};
  struct Step {
    const YamlNode* node;
    std::size_t next_child;
  };
  auto child_count = [](const YamlNode& node) {
    return node.kind == YamlKind::kMapping ? node.entries.size() * 2 : node.items.size();
  };
  auto child_at = [](const YamlNode& node, std::size_t i) -> const YamlNode* {
    if (node.kind != YamlKind::kMapping) return node.items[i].get();
    const YamlEntry& entry = node.entries[i / 2];
    return (i % 2 == 0 ? entry.key : entry.value).get();
  };
  std::vector<Step> stack{{&root, 0}};
  while (!stack.empty()) {
    Step& top = stack.back();
    std::size_t kids = top.node->kind == YamlKind::kMapping || top.node->kind == YamlKind::kSequence
                           ? child_count(*top.node)
                           : 0;
    if (top.next_child < kids) {
      const YamlNode* child = child_at(*top.node, top.next_child++);
      if (child == nullptr || index.count(child)) continue;
      if (!open.insert(child).second) return {};  // a cycle
      stack.push_back({child, 0});
      continue;
    }
    const YamlNode* done = top.node;
    stack.pop_back();
    open.erase(done);
    index.emplace(done, static_cast<std::uint32_t>(order.size()));
    order.push_back(done);
  }
  return order;
}

}  // namespace

std::string EncodeYamlCacheEntry(std::string_view key, const YamlNode& root) {
  std::unordered_map<const YamlNode*, std::uint32_t> index;
  std::vector<const YamlNode*> nodes = NodesInOrder(root, index);
  if (nodes.empty()) return {};
  auto at = [&](const YamlNodePtr& node) -> std::optional<std::uint32_t> {
    auto it = index.find(node.get());
    if (it == index.end()) return std::nullopt;
    return it->second;
  };

  Writer payload;
  payload.U32(static_cast<std::uint32_t>(nodes.size()));
  for (const YamlNode* node : nodes) {
    if (node->value.size() > std::numeric_limits<std::uint32_t>::max()) return {};
    payload.U8(static_cast<unsigned>(node->kind));
    payload.U8(static_cast<unsigned>(node->style));
    payload.U64(node->offset);
    payload.U32(static_cast<std::uint32_t>(node->line));
    payload.U32(static_cast<std::uint32_t>(node->column));
    payload.U32(static_cast<std::uint32_t>(node->value.size()));
    payload.Bytes(node->value);
    if (node->kind == YamlKind::kSequence) {
      payload.U32(static_cast<std::uint32_t>(node->items.size()));
      for (const YamlNodePtr& item : node->items) {
        std::optional<std::uint32_t> child = at(item);
        if (!child) return {};  // a tree with a hole: not stored
        payload.U32(*child);
      }
    } else if (node->kind == YamlKind::kMapping) {
      payload.U32(static_cast<std::uint32_t>(node->entries.size()));
      for (const YamlEntry& entry : node->entries) {
        std::optional<std::uint32_t> k = at(entry.key);
        std::optional<std::uint32_t> v = at(entry.value);
        if (!k || !v) return {};
        payload.U32(*k);
        payload.U32(*v);
      }
    } else {
      payload.U32(0);
    }
  }

  Writer entry;
  entry.Bytes(std::string_view(kMagic, sizeof kMagic));
  entry.U32(kYamlCacheFormat);
  std::string_view version = UOFA_VERSION;
  entry.U32(static_cast<std::uint32_t>(version.size()));
  entry.Bytes(version);
  entry.Bytes(key);
  entry.U64(payload.text().size());
  entry.U64(Checksum(payload.text()));
  entry.Bytes(payload.text());
  return std::move(entry.text());
}

YamlNodePtr DecodeYamlCacheEntry(std::string_view bytes, std::string_view key,
                                 std::size_t text_size) {
  if (key.size() != kKeySize) return nullptr;
  Reader header(bytes);
  if (header.Bytes(sizeof kMagic) != std::string_view(kMagic, sizeof kMagic)) return nullptr;
  if (header.U32() != kYamlCacheFormat) return nullptr;
  std::string_view version = UOFA_VERSION;
  if (header.U32() != version.size() || header.Bytes(version.size()) != version) return nullptr;
  if (header.Bytes(kKeySize) != key) return nullptr;
  std::uint64_t payload_size = header.U64();
  std::uint64_t checksum = header.U64();
  if (header.failed() || payload_size != header.remaining()) return nullptr;
  std::string_view payload_bytes = header.Bytes(header.remaining());
  if (Checksum(payload_bytes) != checksum) return nullptr;
  return DecodeYamlCachePayload(payload_bytes, text_size);
}

YamlNodePtr DecodeYamlCachePayload(std::string_view payload_bytes, std::size_t text_size) {
  Reader in(payload_bytes);
  std::uint32_t count = in.U32();
  if (in.failed() || count == 0 || count > in.remaining() / kSmallestNode) return nullptr;
  std::vector<std::shared_ptr<YamlNode>> nodes;
  nodes.reserve(count);
  // How deep each node's subtree is: freeing a tree recurses once per level, so a table nested
  // deeper than any YAML the parser accepts is refused rather than risk the stack.
  std::vector<std::uint32_t> depth;
  depth.reserve(count);
  constexpr std::uint32_t kMaxPosition = std::numeric_limits<int>::max();
  for (std::uint32_t i = 0; i < count; ++i) {
    auto node = std::make_shared<YamlNode>();
    std::uint32_t deepest_child = 0;
    std::uint8_t kind = in.U8();
    std::uint8_t style = in.U8();
    if (kind > static_cast<std::uint8_t>(YamlKind::kMapping) ||
        style > static_cast<std::uint8_t>(YamlScalarStyle::kFolded)) {
      return nullptr;
    }
    node->kind = static_cast<YamlKind>(kind);
    node->style = static_cast<YamlScalarStyle>(style);
    std::uint64_t offset = in.U64();
    std::uint32_t line = in.U32();
    std::uint32_t column = in.U32();
    if (offset > text_size || line < 1 || column < 1 || line > kMaxPosition ||
        column > kMaxPosition) {
      return nullptr;
    }
    node->offset = static_cast<std::size_t>(offset);
    node->line = static_cast<int>(line);
    node->column = static_cast<int>(column);
    std::uint32_t value_size = in.U32();
    node->value = std::string(in.Bytes(value_size));
    std::uint32_t children = in.U32();
    if (in.failed()) return nullptr;
    if (node->kind == YamlKind::kSequence) {
      if (children > in.remaining() / 4) return nullptr;
      node->items.reserve(children);
      for (std::uint32_t c = 0; c < children; ++c) {
        std::uint32_t item = in.U32();
        if (item >= i) return nullptr;
        deepest_child = std::max(deepest_child, depth[item]);
        node->items.push_back(nodes[item]);
      }
    } else if (node->kind == YamlKind::kMapping) {
      if (children > in.remaining() / 8) return nullptr;
      node->entries.reserve(children);
      for (std::uint32_t c = 0; c < children; ++c) {
        std::uint32_t k = in.U32();
        std::uint32_t v = in.U32();
        if (k >= i || v >= i) return nullptr;
        deepest_child = std::max({deepest_child, depth[k], depth[v]});
        node->entries.push_back({nodes[k], nodes[v]});
      }
    } else if (children != 0) {
      return nullptr;
    }
    if (deepest_child >= kMaxDepth) return nullptr;
    depth.push_back(deepest_child + 1);
    nodes.push_back(std::move(node));
  }
  if (in.failed() || in.remaining() != 0) return nullptr;
  return nodes.back();
}

}  // namespace uofa
