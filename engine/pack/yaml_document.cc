// The yaml-cpp adapter. yaml-cpp's event parser (not its node tree) is used because the tree
// drops duplicate keys and how a scalar was written, which the checks and the expression error
// positions need. Every yaml-cpp exception stops here and becomes a positioned diagnostic.
#include "engine/pack/yaml_document.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <exception>
#include <map>
#include <new>
#include <sstream>
#include <utility>

namespace uofa {
namespace {

// Aliases share nodes, so a small file can describe a tree with billions of nodes; walking one
// would never finish. Refuse documents that expand beyond this many nodes.
constexpr std::size_t kMaxExpandedNodes = 1'000'000;

struct MutableNode {
  std::shared_ptr<YamlNode> node;
  std::size_t expanded = 1;  // nodes in the tree with aliases expanded
};

class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(const SourceText& source) : source_(source) {}

  YamlNodePtr root() const { return root_; }
  bool too_large() const { return too_large_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto node = NewNode(YamlKind::kNull, mark);
    bool written = IsWrittenNull(node->offset);
    Attach({node, 1}, anchor, !written);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      // An alias to a node still being built (a recursive structure): stands for null.
      Attach({NewNode(YamlKind::kNull, mark), 1}, 0, false);
      return;
    }
    Attach(it->second, 0, false);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    auto node = NewNode(YamlKind::kScalar, mark);
    node->value = value;
    node->style = YamlScalarStyle::kPlain;
    if (tag != "?" && node->offset < source_.text().size()) {
      switch (source_.text()[node->offset]) {
        case '\'': node->style = YamlScalarStyle::kSingleQuoted; break;
        case '"': node->style = YamlScalarStyle::kDoubleQuoted; break;
        case '|': node->style = YamlScalarStyle::kLiteral; break;
        case '>': node->style = YamlScalarStyle::kFolded; break;
        default: break;
      }
    }
    Attach({node, 1}, anchor, false);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    stack_.push_back({{NewNode(YamlKind::kSequence, mark), 1}, anchor, nullptr, false});
  }
  void OnSequenceEnd() override { CloseContainer(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    stack_.push_back({{NewNode(YamlKind::kMapping, mark), 1}, anchor, nullptr, false});
  }
  void OnMapEnd() override { CloseContainer(); }

 private:
  struct Frame {
    MutableNode container;
    YAML::anchor_t anchor = 0;
    YamlNodePtr pending_key;  // mappings: the key whose value comes next
    bool has_key = false;
  };

  std::shared_ptr<YamlNode> NewNode(YamlKind kind, const YAML::Mark& mark) {
    auto node = std::make_shared<YamlNode>();
    node->kind = kind;
    std::size_t offset = mark.pos < 0 ? 0 : static_cast<std::size_t>(mark.pos);
    SourceLocation where = source_.LocationOf(offset);
    node->offset = std::min(offset, source_.text().size());
    node->line = where.line;
    node->column = where.column;
    return node;
  }

  // `~` or `null` in the text, as opposed to an empty value.
  bool IsWrittenNull(std::size_t offset) const {
    std::string_view rest(source_.text());
    if (offset >= rest.size()) return false;
    rest.remove_prefix(offset);
    if (rest.front() == '~') return true;
    for (std::string_view word : {"null", "Null", "NULL"}) {
      if (rest.substr(0, word.size()) == word) return true;
    }
    return false;
  }

  void CloseContainer() {
    if (stack_.empty()) return;
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    Attach(frame.container, frame.anchor, false);
  }

  void Attach(MutableNode child, YAML::anchor_t anchor, bool empty_null) {
    if (anchor != 0) anchors_[anchor] = child;
    if (stack_.empty()) {
      root_ = child.node;
      if (child.expanded > kMaxExpandedNodes) too_large_ = true;
      return;
    }
    Frame& parent = stack_.back();
    parent.container.expanded += child.expanded;
    if (parent.container.expanded > kMaxExpandedNodes) {
      too_large_ = true;
      parent.container.expanded = kMaxExpandedNodes + 1;
    }
    YamlNode& container = *parent.container.node;
    if (container.kind == YamlKind::kSequence) {
      container.items.push_back(child.node);
      return;
    }
    if (!parent.has_key) {
      parent.pending_key = child.node;
      parent.has_key = true;
      return;
    }
    std::shared_ptr<const YamlNode> value = child.node;
    if (empty_null && parent.pending_key) {
      // `key:` with no value: yaml-cpp places the null at the next token; point at the key.
      auto moved = std::make_shared<YamlNode>(*child.node);
      moved->offset = parent.pending_key->offset;
      moved->line = parent.pending_key->line;
      moved->column = parent.pending_key->column;
      value = moved;
    }
    container.entries.push_back({parent.pending_key, value});
    parent.pending_key = nullptr;
    parent.has_key = false;
  }

  const SourceText& source_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, MutableNode> anchors_;
  YamlNodePtr root_;
  bool too_large_ = false;
};

// Counts events of any later document without keeping them.
class DocumentCounter : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
  YAML::Mark start;
};

void ErrorAtMark(const SourceText& source, Diagnostics& diagnostics, const YAML::Mark& mark,
                 std::string message) {
  if (mark.pos >= 0) {
    source.Error(diagnostics, static_cast<std::size_t>(mark.pos), std::move(message));
  } else if (mark.line >= 0 && mark.column >= 0) {
    source.ErrorAt(diagnostics, mark.line + 1, mark.column + 1, std::move(message));
  } else {
    diagnostics.Error({source.path(), 0, 0}, std::move(message));
  }
}

}  // namespace

const char* YamlKindName(YamlKind kind) {
  switch (kind) {
    case YamlKind::kNull: return "null";
    case YamlKind::kScalar: return "scalar";
    case YamlKind::kSequence: return "sequence";
    case YamlKind::kMapping: return "mapping";
  }
  return "null";
}

const YamlNode* YamlNode::Find(std::string_view key) const {
  for (const YamlEntry& entry : entries) {
    if (entry.key && entry.key->kind == YamlKind::kScalar && entry.key->value == key) {
      return entry.value.get();
    }
  }
  return nullptr;
}

YamlDocument ParseYaml(SourceText source, Diagnostics& diagnostics) {
  YamlDocument document{std::move(source), nullptr};
  const SourceText& text = document.source;
  try {
    std::istringstream in(text.text());
    YAML::Parser parser(in);
    TreeBuilder builder(text);
    if (!parser.HandleNextDocument(builder) || !builder.root()) {
      auto empty = std::make_shared<YamlNode>();
      document.root = empty;
      return document;
    }
    if (builder.too_large()) {
      diagnostics.Error({text.path(), 0, 0},
                        "document is too large once its aliases are expanded (more than " +
                            std::to_string(kMaxExpandedNodes) + " nodes)");
      return document;
    }
    DocumentCounter counter;
    if (parser.HandleNextDocument(counter)) {
      ErrorAtMark(text, diagnostics, counter.start,
                  "expected one YAML document, found more than one");
      return document;
    }
    document.root = builder.root();
  } catch (const YAML::Exception& error) {
    ErrorAtMark(text, diagnostics, error.mark, "invalid YAML: " + error.msg);
    document.root = nullptr;
  } catch (const std::bad_alloc&) {
    diagnostics.Error({text.path(), 0, 0}, "out of memory while reading YAML");
    document.root = nullptr;
  } catch (const std::exception& error) {
    diagnostics.Error({text.path(), 0, 0}, std::string("invalid YAML: ") + error.what());
    document.root = nullptr;
  }
  return document;
}

YamlDocument ReadYamlFile(const std::string& path, Diagnostics& diagnostics) {
  Result<SourceText> source = SourceText::ReadFile(path);
  if (!source) {
    diagnostics.Error({path, 0, 0}, source.error());
    return {SourceText(path, ""), nullptr};
  }
  return ParseYaml(std::move(source).value(), diagnostics);
}

SourceLocation LocationOf(const SourceText& source, const YamlNode& node) {
  return {source.path(), node.line, node.column};
}

void ErrorAtNode(const SourceText& source, Diagnostics& diagnostics, const YamlNode& node,
                 std::string message) {
  source.ErrorAt(diagnostics, node.line, node.column, std::move(message));
}

void NoteAtNode(const SourceText& source, Diagnostics& diagnostics, const YamlNode& node,
                std::string message) {
  diagnostics.Add({Severity::kNote, LocationOf(source, node), std::move(message),
                   std::string(source.Line(node.line)), {}, {}});
}

}  // namespace uofa
