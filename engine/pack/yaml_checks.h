// Checked reading of YamlNodes: wrong node kinds, unknown and duplicate keys (with a suggestion
// for a near miss), and typed scalars. Each problem is reported at the node, and reading goes on.
#ifndef UOFA_ENGINE_PACK_YAML_CHECKS_H_
#define UOFA_ENGINE_PACK_YAML_CHECKS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/source_text.h"
#include "engine/pack/yaml_document.h"
#include "uofa/diagnostic.h"

namespace uofa {

/// The candidate closest to `word` by edit distance, when it is close enough to be a likely
/// misspelling; "" otherwise.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);
/// " (did you mean 'x'?)" for the closest candidate, or "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

/// Reads one file's nodes, reporting problems against its source text.
class YamlChecker {
 public:
  YamlChecker(const SourceText& source, Diagnostics& diagnostics)
      : source_(source), diagnostics_(diagnostics) {}

  const SourceText& source() const { return source_; }
  Diagnostics& diagnostics() const { return diagnostics_; }

  void Error(const YamlNode& node, std::string message) const;
  void Note(const YamlNode& node, std::string message) const;

  /// Reports "<what> must be a mapping, not a sequence" (and so on) unless `node` has the kind.
  bool ExpectMapping(const YamlNode& node, std::string_view what) const;
  bool ExpectSequence(const YamlNode& node, std::string_view what) const;
  bool ExpectScalar(const YamlNode& node, std::string_view what) const;

  /// Reports keys that are not scalars, duplicate keys (at the second, with a note at the
  /// first) and keys not in `known` ("unknown key 'sevrity' in rule (did you mean 'severity'?)").
  void CheckKeys(const YamlNode& mapping, std::string_view what,
                 const std::vector<std::string>& known) const;

  /// Reports keys that are not scalars and duplicate keys only (for mappings whose keys are
  /// names chosen by the author: sources, parameters, fields, groups).
  void CheckDuplicateKeys(const YamlNode& mapping, std::string_view what) const;

  /// The value of `key` in `mapping` as text; nullopt when absent or null, or (reported) when
  /// it is not a scalar.
  std::optional<std::string> String(const YamlNode& mapping, std::string_view key) const;
  /// The scalar node of `key`, or nullptr when absent or null; a non-scalar is reported.
  const YamlNode* ScalarNode(const YamlNode& mapping, std::string_view key) const;
  /// true/false (also yes/no), reported otherwise.
  std::optional<bool> Bool(const YamlNode& mapping, std::string_view key) const;
  std::optional<std::int64_t> Int(const YamlNode& mapping, std::string_view key) const;
  std::optional<double> Number(const YamlNode& mapping, std::string_view key) const;
  /// A sequence of scalars (a flow list such as `[a, b]`); reports other kinds.
  std::vector<const YamlNode*> ScalarList(const YamlNode& mapping, std::string_view key) const;

 private:
  void CheckKeys(const YamlNode& mapping, std::string_view what,
                 const std::vector<std::string>* known) const;

  const SourceText& source_;
  Diagnostics& diagnostics_;
};

/// Parses text as written in YAML for the typed readers; nullopt when it is not one.
std::optional<bool> ParseYamlBool(std::string_view text);
std::optional<std::int64_t> ParseYamlInt(std::string_view text);
std::optional<double> ParseYamlNumber(std::string_view text);

}  // namespace uofa

#endif  // UOFA_ENGINE_PACK_YAML_CHECKS_H_
