#include "engine/pack/yaml_checks.h"

#include "engine/base/text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>

namespace uofa {
namespace {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

const char* WithArticle(YamlKind kind) {
  switch (kind) {
    case YamlKind::kNull: return "empty";
    case YamlKind::kScalar: return "a scalar";
    case YamlKind::kSequence: return "a sequence";
    case YamlKind::kMapping: return "a mapping";
  }
  return "empty";
}

}  // namespace

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.empty()) return {};
  std::string best;
  std::size_t best_distance = 0;
  for (const std::string& candidate : candidates) {
    std::size_t distance = EditDistance(AsciiLower(word), AsciiLower(candidate));
    if (best.empty() || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  // Close enough to be a slip of the keyboard, not a different word.
  std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, word.size() / 3));
  if (best.empty() || best_distance == 0 || best_distance > limit) return {};
  return best;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best = ClosestMatch(word, candidates);
  return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

void YamlChecker::Error(const YamlNode& node, std::string message) const {
  ErrorAtNode(source_, diagnostics_, node, std::move(message));
}

void YamlChecker::Note(const YamlNode& node, std::string message) const {
  NoteAtNode(source_, diagnostics_, node, std::move(message));
}

bool YamlChecker::ExpectMapping(const YamlNode& node, std::string_view what) const {
  if (node.IsMapping()) return true;
  Error(node, std::string(what) + " must be a mapping, not " + WithArticle(node.kind));
  return false;
}

bool YamlChecker::ExpectSequence(const YamlNode& node, std::string_view what) const {
  if (node.IsSequence()) return true;
  Error(node, std::string(what) + " must be a sequence, not " + WithArticle(node.kind));
  return false;
}

bool YamlChecker::ExpectScalar(const YamlNode& node, std::string_view what) const {
  if (node.IsScalar()) return true;
  Error(node, std::string(what) + " must be a scalar, not " + WithArticle(node.kind));
  return false;
}

void YamlChecker::CheckDuplicateKeys(const YamlNode& mapping, std::string_view what) const {
  CheckKeys(mapping, what, nullptr);
}

void YamlChecker::CheckKeys(const YamlNode& mapping, std::string_view what,
                            const std::vector<std::string>& known) const {
  CheckKeys(mapping, what, &known);
}

void YamlChecker::CheckKeys(const YamlNode& mapping, std::string_view what,
                            const std::vector<std::string>* known) const {
  std::map<std::string, const YamlNode*, std::less<>> seen;
  for (const YamlEntry& entry : mapping.entries) {
    if (!entry.key) continue;
    const YamlNode& key = *entry.key;
    if (!key.IsScalar()) {
      Error(key, "a key in " + std::string(what) + " must be a scalar, not " +
                     WithArticle(key.kind));
      continue;
    }
    auto [it, inserted] = seen.try_emplace(key.value, &key);
    if (!inserted) {
      Error(key, "duplicate key '" + key.value + "' in " + std::string(what));
      Note(*it->second, "'" + key.value + "' first given here");
      continue;
    }
    if (known != nullptr && std::find(known->begin(), known->end(), key.value) == known->end()) {
      Error(key, "unknown key '" + key.value + "' in " + std::string(what) +
                     DidYouMean(key.value, *known));
    }
  }
}

const YamlNode* YamlChecker::ScalarNode(const YamlNode& mapping, std::string_view key) const {
  const YamlNode* node = mapping.Find(key);
  if (node == nullptr || node->IsNull()) return nullptr;
  if (!ExpectScalar(*node, "'" + std::string(key) + "'")) return nullptr;
  return node;
}

std::optional<std::string> YamlChecker::String(const YamlNode& mapping,
                                               std::string_view key) const {
  const YamlNode* node = ScalarNode(mapping, key);
  if (node == nullptr) return std::nullopt;
  return node->value;
}

std::optional<bool> YamlChecker::Bool(const YamlNode& mapping, std::string_view key) const {
  const YamlNode* node = ScalarNode(mapping, key);
  if (node == nullptr) return std::nullopt;
  std::optional<bool> value = ParseYamlBool(node->value);
  if (!value) Error(*node, "'" + std::string(key) + "' must be true or false, not '" + node->value + "'");
  return value;
}

std::optional<std::int64_t> YamlChecker::Int(const YamlNode& mapping, std::string_view key) const {
  const YamlNode* node = ScalarNode(mapping, key);
  if (node == nullptr) return std::nullopt;
  std::optional<std::int64_t> value = ParseYamlInt(node->value);
  if (!value) Error(*node, "'" + std::string(key) + "' must be a whole number, not '" + node->value + "'");
  return value;
}

std::optional<double> YamlChecker::Number(const YamlNode& mapping, std::string_view key) const {
  const YamlNode* node = ScalarNode(mapping, key);
  if (node == nullptr) return std::nullopt;
  std::optional<double> value = ParseYamlNumber(node->value);
  if (!value) Error(*node, "'" + std::string(key) + "' must be a number, not '" + node->value + "'");
  return value;
}

std::vector<const YamlNode*> YamlChecker::ScalarList(const YamlNode& mapping,
                                                     std::string_view key) const {
  std::vector<const YamlNode*> out;
  const YamlNode* node = mapping.Find(key);
  if (node == nullptr || node->IsNull()) return out;
  if (!ExpectSequence(*node, "'" + std::string(key) + "'")) return out;
  for (const YamlNodePtr& item : node->items) {
    if (ExpectScalar(*item, "an entry of '" + std::string(key) + "'")) out.push_back(item.get());
  }
  return out;
}

std::optional<bool> ParseYamlBool(std::string_view text) {
  std::string lower = AsciiLower(text);
  if (lower == "true" || lower == "yes") return true;
  if (lower == "false" || lower == "no") return false;
  return std::nullopt;
}

std::optional<std::int64_t> ParseYamlInt(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> ParseYamlNumber(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace uofa
