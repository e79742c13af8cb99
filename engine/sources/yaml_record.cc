// The yaml-cpp adapter for records written in YAML. The record sources cannot use the pack
// module's YAML tree (the pack module depends on this one), and a data file needs less than a
// rule file does (no scalar styles, no offsets inside values), so yaml-cpp's node tree is walked
// here directly. Every yaml-cpp exception stops in this file and becomes a positioned diagnostic.
#include "engine/sources/yaml_record.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <exception>
#include <new>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "engine/base/source_text.h"

namespace uofa {
namespace {

// Aliases share nodes (and may even point at the node that holds them), so a small file can
// describe an endless tree: the walk is bounded by depth and by the number of nodes visited.
constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxVisitedNodes = 1'000'000;

const char* NodeKindName(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return "scalar";
    case YAML::NodeType::Sequence: return "sequence";
    case YAML::NodeType::Map: return "mapping";
    default: return "null";
  }
}

class YamlRecordBuilder {
 public:
  YamlRecordBuilder(const SourceText& source, const SourceOptions& options,
                    Diagnostics& diagnostics)
      : source_(source), options_(options), diagnostics_(diagnostics) {}

  // The record of `type` in the document's root; false (reported) when it is rejected.
  bool BuildRoot(const YAML::Node& root, const RecordType& type, Record* out) {
    if (!root.IsMap()) {
      Error(root, std::string("expected a mapping of '") + type.name() + "' fields, found " +
                      (root.IsDefined() && !root.IsNull() ? std::string("a ") + NodeKindName(root)
                                                           : std::string("an empty document")));
      return false;
    }
    *out = Build(root, type, "", 0);
    out->origin = {source_.path(), 1, 0};
    if (too_large_) {
      diagnostics_.Error({source_.path(), 0, 0},
                         "document is too large once its aliases are expanded (more than " +
                             std::to_string(kMaxVisitedNodes) + " nodes)");
      return false;
    }
    bool complete = true;
    for (const FieldDef& field : type.fields()) {
      if (!field.required || !out->fields[field.slot].is_null()) continue;
      Error(root, "required field '" + field.name + "' of '" + type.name() + "' is missing");
      complete = false;
    }
    return complete;
  }

  std::size_t problems() const { return problems_; }

 private:
  Record Build(const YAML::Node& mapping, const RecordType& type, const std::string& prefix,
               int depth) {
    Record record;
    record.type = &type;
    record.fields.assign(type.fields().size(), Value());
    record.origin = LocationOf(mapping);
    std::set<std::string> seen;
    for (auto entry = mapping.begin(); entry != mapping.end(); ++entry) {
      if (!Visit()) break;
      // Copies: the iterator's `->` hands out a proxy that lives only to the end of the
      // expression, so a reference to its key or value would dangle.
      const YAML::Node key = entry->first;
      const YAML::Node value = entry->second;
      if (!key.IsScalar()) {
        Warning(key, "a key of '" + type.name() + "' must be a scalar, not a " +
                         NodeKindName(key) + "; the entry is ignored");
        continue;
      }
      const std::string& name = key.Scalar();
      std::string path = prefix + name;
      if (!seen.insert(name).second) {
        Warning(key, "key '" + path + "' appears twice; the first is used");
        continue;
      }
      const FieldDef* field = type.Find(name);
      if (field == nullptr) {
        Warning(key, "key '" + path + "' is not a field of '" + type.name() + "' and is ignored");
        continue;
      }
      record.fields[field->slot] = FieldValue(*field, value, path, depth);
    }
    return record;
  }

  Value FieldValue(const FieldDef& field, const YAML::Node& node, const std::string& path,
                   int depth) {
    if (!node.IsDefined() || node.IsNull()) return Value::Null();
    if (field.kind == FieldKind::kRecord || field.kind == FieldKind::kList) {
      const RecordType* element = ElementOf(field);
      if (element == nullptr) return Value::Null();  // a kind no pack reads
      if (depth + 1 > kMaxDepth) {
        Warning(node, "'" + path + "' is nested too deeply and is ignored");
        return Value::Null();
      }
      if (field.kind == FieldKind::kRecord) {
        if (!node.IsMap()) return WrongKind(node, path, "mapping");
        return NestedRecord(node, *element, path, depth + 1);
      }
      if (!node.IsSequence()) return WrongKind(node, path, "sequence");
      ValueList items;
      for (std::size_t index = 0; index < node.size() && Visit(); ++index) {
        const YAML::Node item = node[index];
        std::string item_path = path + "[" + std::to_string(index) + "]";
        if (!item.IsMap()) {
          WrongKind(item, item_path, "mapping");
          continue;
        }
        items.push_back(NestedRecord(item, *element, item_path, depth + 1));
      }
      return Value::List(std::move(items));
    }
    std::string text;
    if (node.IsScalar()) {
      text = node.Scalar();
    } else if (node.IsSequence() &&
               (field.kind == FieldKind::kString || field.kind == FieldKind::kText)) {
      for (std::size_t index = 0; index < node.size() && Visit(); ++index) {
        const YAML::Node item = node[index];
        if (item.IsNull()) continue;
        if (!item.IsScalar()) {
          return WrongKind(item, path + "[" + std::to_string(index) + "]", "scalar");
        }
        if (!text.empty()) text += ';';
        text += item.Scalar();
      }
    } else {
      return WrongKind(node, path, "scalar");
    }
    std::string error;
    Value value = ParseFieldText(field, text, options_.parse, &error);
    if (!error.empty()) Warning(node, "'" + path + "': " + error);
    return value;
  }

  Value NestedRecord(const YAML::Node& node, const RecordType& type, const std::string& path,
                     int depth) {
    Record nested = Build(node, type, path + ".", depth);
    for (const FieldDef& field : type.fields()) {
      if (field.required && nested.fields[field.slot].is_null()) {
        Warning(node, "'" + path + "' has no '" + field.name + "', a required field of '" +
                          type.name() + "'");
      }
    }
    return Value::OfRecord(std::make_shared<const Record>(std::move(nested)));
  }

  const RecordType* ElementOf(const FieldDef& field) const {
    if (options_.schemas != nullptr && !field.of.empty()) return options_.schemas->Find(field.of);
    return field.element;
  }

  Value WrongKind(const YAML::Node& node, const std::string& path, const char* expected) {
    Warning(node, "'" + path + "' must be a " + expected + ", not a " + NodeKindName(node) +
                      "; it is ignored");
    return Value::Null();
  }

  bool Visit() {
    if (++visited_ > kMaxVisitedNodes) too_large_ = true;
    return !too_large_;
  }

  SourceLocation LocationOf(const YAML::Node& node) const {
    YAML::Mark mark = node.Mark();
    if (mark.pos >= 0) return source_.LocationOf(static_cast<std::size_t>(mark.pos));
    if (mark.line >= 0 && mark.column >= 0) return {source_.path(), mark.line + 1, mark.column + 1};
    return {source_.path(), 1, 0};
  }

  void Error(const YAML::Node& node, std::string message) {
    SourceLocation at = LocationOf(node);
    std::string line(source_.Line(at.line));
    diagnostics_.Error(std::move(at), std::move(message), std::move(line));
  }

  void Warning(const YAML::Node& node, std::string message) {
    if (too_large_) return;
    SourceLocation at = LocationOf(node);
    std::string line(source_.Line(at.line));
    diagnostics_.Warning(std::move(at), std::move(message), std::move(line));
    ++problems_;
  }

  const SourceText& source_;
  const SourceOptions& options_;
  Diagnostics& diagnostics_;
  std::size_t visited_ = 0;
  bool too_large_ = false;
  std::size_t problems_ = 0;
};

class YamlRecordSource : public RecordSource {
 public:
  YamlRecordSource(const RecordType& type, std::string path, std::shared_ptr<const Record> record,
                   SourceCounts counts)
      : type_(&type), path_(std::move(path)), record_(std::move(record)), counts_(counts) {}

  const std::string& kind() const override { return type_->name(); }

  bool Next(std::shared_ptr<const Record>* out, Diagnostics&) override {
    if (record_ == nullptr) return false;
    *out = std::move(record_);
    record_ = nullptr;
    return true;
  }

  const SourceCounts& counts() const override { return counts_; }
  std::vector<SourceInput> inputs() const override { return {{path_, kind(), counts_.rows_read}}; }

 private:
  const RecordType* type_;
  std::string path_;
  std::shared_ptr<const Record> record_;
  SourceCounts counts_;
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

// Events of a YAML stream, ignored: only where the documents start matters.
class DocumentStarts : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { last_start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

  YAML::Mark last_start = YAML::Mark::null_mark();
};

struct DocumentCount {
  int documents = 0;  ///< 0, 1, or 2 for "more than one"
  YAML::Mark second_at = YAML::Mark::null_mark();
};

// How many documents the text holds, counting no further than two. yaml-cpp 0.7's LoadAll loops
// for ever on a stream that starts with a stray ',' (found by fuzzing the organisation reader),
// so the stream is walked here with at most two calls, and the first document loaded alone.
DocumentCount CountDocuments(const std::string& text) {
  std::istringstream input(text);
  YAML::Parser parser(input);
  DocumentStarts starts;
  DocumentCount count;
  if (!parser.HandleNextDocument(starts)) return count;
  count.documents = 1;
  if (parser.HandleNextDocument(starts)) {
    count.documents = 2;
    count.second_at = starts.last_start;
  }
  return count;
}

// Reads the record; null when the file is rejected (reported).
std::shared_ptr<const Record> ReadRecord(const SourceText& source, const RecordType& type,
                                         const SourceOptions& options, Diagnostics& diagnostics,
                                         std::size_t* problems) {
  try {
    const DocumentCount count = CountDocuments(source.text());
    if (count.documents == 0) {
      diagnostics.Error({source.path(), 1, 0}, "expected a mapping of '" + type.name() +
                                                   "' fields, found an empty document");
      return nullptr;
    }
    if (count.documents > 1) {
      SourceLocation at = {source.path(), 0, 0};
      const YAML::Mark& mark = count.second_at;
      if (mark.pos >= 0) at = source.LocationOf(static_cast<std::size_t>(mark.pos));
      std::string line(source.Line(at.line));
      diagnostics.Warning(std::move(at), "the file holds more than one YAML document; only the "
                                         "first is read", std::move(line));
      ++*problems;
    }
    YamlRecordBuilder builder(source, options, diagnostics);
    Record record;
    bool accepted = builder.BuildRoot(YAML::Load(source.text()), type, &record);
    *problems += builder.problems();
    if (!accepted) return nullptr;
    return std::make_shared<const Record>(std::move(record));
  } catch (const YAML::Exception& error) {
    ErrorAtMark(source, diagnostics, error.mark, "invalid YAML: " + error.msg);
  } catch (const std::bad_alloc&) {
    diagnostics.Error({source.path(), 0, 0}, "out of memory while reading YAML");
  } catch (const std::exception& error) {
    diagnostics.Error({source.path(), 0, 0}, std::string("invalid YAML: ") + error.what());
  }
  return nullptr;
}

}  // namespace

std::unique_ptr<RecordSource> YamlRecordFromText(std::string path, std::string text,
                                                 const RecordType& type,
                                                 const SourceOptions& options,
                                                 Diagnostics& diagnostics) {
  SourceText source(path, std::move(text));
  SourceCounts counts;
  counts.rows_read = 1;
  std::shared_ptr<const Record> record =
      ReadRecord(source, type, options, diagnostics, &counts.cell_problems);
  if (record == nullptr) counts.rows_rejected = 1;
  return std::make_unique<YamlRecordSource>(type, std::move(path), std::move(record), counts);
}

std::unique_ptr<RecordSource> OpenYamlRecord(const std::string& path, const RecordType& type,
                                             const SourceOptions& options,
                                             Diagnostics& diagnostics) {
  Result<SourceText> source = SourceText::ReadFile(path);
  if (!source) {
    diagnostics.Error({path, 0, 0}, source.error());
    return nullptr;
  }
  std::string text = source.value().text();
  return YamlRecordFromText(path, std::move(text), type, options, diagnostics);
}

}  // namespace uofa
