// YamlNode: a YAML document as a tree that keeps where every node was written, for checks that
// point at the exact key or value. The only place that talks to yaml-cpp is yaml_document.cc;
// nothing else in the engine sees a yaml-cpp type.
//
// Unlike yaml-cpp's own node tree, a mapping keeps every entry in file order, duplicates included
// (so the loader can report a duplicate key), and a scalar keeps how it was written (plain,
// quoted, block) so that a byte offset inside its value can be mapped back to the file.
#ifndef UOFA_ENGINE_PACK_YAML_DOCUMENT_H_
#define UOFA_ENGINE_PACK_YAML_DOCUMENT_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/source_text.h"
#include "uofa/diagnostic.h"

namespace uofa {

enum class YamlKind { kNull, kScalar, kSequence, kMapping };
enum class YamlScalarStyle { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral, kFolded };

/// "null", "scalar", "sequence", "mapping": for messages.
const char* YamlKindName(YamlKind kind);

struct YamlNode;
using YamlNodePtr = std::shared_ptr<const YamlNode>;

struct YamlEntry {
  YamlNodePtr key;
  YamlNodePtr value;
};

struct YamlNode {
  YamlKind kind = YamlKind::kNull;
  /// kScalar: the decoded value (escapes resolved, block scalars folded). Empty for kNull.
  std::string value;
  YamlScalarStyle style = YamlScalarStyle::kPlain;
  /// Where the node starts: the byte offset in the file and its 1-based line and column. For a
  /// quoted scalar this is the opening quote; for a block scalar, the `|` or `>` indicator. An
  /// empty value (`key:` with nothing after it) is placed at its key.
  std::size_t offset = 0;
  int line = 1;
  int column = 1;
  std::vector<YamlNodePtr> items;   ///< kSequence
  std::vector<YamlEntry> entries;   ///< kMapping, in file order, duplicates kept

  bool IsScalar() const { return kind == YamlKind::kScalar; }
  bool IsNull() const { return kind == YamlKind::kNull; }
  bool IsSequence() const { return kind == YamlKind::kSequence; }
  bool IsMapping() const { return kind == YamlKind::kMapping; }
  /// The first entry whose key is the scalar `key`, or nullptr.
  const YamlNode* Find(std::string_view key) const;
};

/// A parsed YAML file: its text (for source lines and offsets) and its root node. `root` is
/// nullptr when the file could not be parsed; an empty file has a kNull root.
struct YamlDocument {
  SourceText source;
  YamlNodePtr root;
};

/// Parses the first document of `source`. Syntax errors, more than one document and documents
/// too large to expand (alias bombs) are reported to `diagnostics` at their position, and leave
/// `root` null. Never throws.
YamlDocument ParseYaml(SourceText source, Diagnostics& diagnostics);

/// Reads and parses a file. An unreadable file is an error naming the path (no position).
YamlDocument ReadYamlFile(const std::string& path, Diagnostics& diagnostics);

/// The byte offset in the file of byte `value_offset` of a scalar's decoded value: for plain and
/// quoted scalars, counting the opening quote and escape sequences; for block scalars (and quoted
/// or plain scalars folded over several lines), by matching the value's lines to the file's.
std::size_t ScalarFileOffset(const SourceText& source, const YamlNode& scalar,
                             std::size_t value_offset);

/// Reports an error at a node, with its source line.
void ErrorAtNode(const SourceText& source, Diagnostics& diagnostics, const YamlNode& node,
                 std::string message);
/// Adds a note (severity kNote) at a node, with its source line.
void NoteAtNode(const SourceText& source, Diagnostics& diagnostics, const YamlNode& node,
                std::string message);
/// The location of a node.
SourceLocation LocationOf(const SourceText& source, const YamlNode& node);

}  // namespace uofa

#endif  // UOFA_ENGINE_PACK_YAML_DOCUMENT_H_
