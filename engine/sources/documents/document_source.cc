#include "engine/sources/documents/document_source.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "engine/base/time.h"
#include "engine/sources/documents/document_metadata.h"

namespace uofa {
namespace {

namespace fs = std::filesystem;

void Set(Record& record, std::string_view field, Value value) {
  if (const FieldDef* def = record.type->Find(field)) record.fields[def->slot] = std::move(value);
}

Value DateValue(const std::optional<DateInText>& date) {
  if (!date) return Value::Null();
  std::string error;
  std::optional<Timestamp> time = ParseDate(date->Iso(), &error);
  return time ? Value::Time(*time) : Value::Null();
}

Record NewRecord(const RecordType& type) {
  Record record;
  record.type = &type;
  record.fields.resize(static_cast<std::size_t>(type.FieldCount()));
  return record;
}

const char* BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kListItem: return "list_item";
    case BlockKind::kTableRow: return "table_row";
  }
  return "paragraph";
}

std::string DecideRole(const Document& document, const std::string& path,
                       const std::vector<std::pair<std::string, std::string>>& roles,
                       const SourceOptions& options) {
  for (const auto& [named, role] : roles) {
    if (named == path) return role;
  }
  std::vector<std::string> candidates = {document.title};
  if (!document.sections.empty()) candidates.push_back(document.sections.front().heading);
  RE2::Options re_options;
  re_options.set_case_sensitive(false);
  re_options.set_log_errors(false);
  for (const std::string& pattern : options.patient_information_title_patterns) {
    RE2 re(pattern, re_options);
    if (!re.ok()) continue;  // checked when the pack loaded
    for (const std::string& text : candidates) {
      if (RE2::PartialMatch(text, re)) return "patient_information";
    }
  }
  return "policy";
}

class DocumentSource : public RecordSource {
 public:
  DocumentSource(std::shared_ptr<const DocumentSet> documents, const RecordType& type)
      : documents_(std::move(documents)), type_(type), kind_(type.name()),
        paragraphs_(type.name() == "policy_paragraph") {}

  const std::string& kind() const override { return kind_; }
  const SourceCounts& counts() const override { return counts_; }

  std::vector<SourceInput> inputs() const override {
    std::vector<SourceInput> inputs;
    for (const ReadDocumentEntry& entry : *documents_) {
      std::size_t rows = !entry.document ? 0 : paragraphs_ ? entry.document->blocks.size() : 1;
      inputs.push_back({entry.path, kind_, rows});
    }
    return inputs;
  }

  bool Next(std::shared_ptr<const Record>* out, Diagnostics&) override {
    while (document_ < documents_->size()) {
      const ReadDocumentEntry& entry = (*documents_)[document_];
      if (!entry.document) {
        // Counted once, as a rejected document; it has no paragraphs to lose.
        if (!paragraphs_) {
          ++counts_.rows_read;
          ++counts_.rows_rejected;
        }
        ++document_;
        continue;
      }
      if (!paragraphs_) {
        ++counts_.rows_read;
        ++document_;
        *out = BuildDocumentRecord(*entry.document, entry.role, type_);
        return true;
      }
      if (block_ >= entry.document->blocks.size()) {
        block_ = 0;
        ++document_;
        continue;
      }
      ++counts_.rows_read;
      *out = Paragraph(*entry.document, entry.role, entry.document->blocks[block_++]);
      return true;
    }
    return false;
  }

 private:
  std::shared_ptr<const Record> Paragraph(const Document& document, const std::string& role, const Block& block) {
    Record record = NewRecord(type_);
    const char* unit = LocationUnitName(document.unit);
    Set(record, "ref", Value::String(document.path + ":" + std::to_string(block.span.first)));
    Set(record, "path", Value::String(document.path));
    Set(record, "role", Value::String(role));
    Set(record, "section", Value::String(block.section >= 0 ? document.sections[block.section].heading : ""));
    Set(record, "kind", Value::String(BlockKindName(block.kind)));
    Set(record, "text", Value::String(block.text));
    Set(record, "first", Value::Int(block.span.first));
    Set(record, "last", Value::Int(block.span.last));
    Set(record, "unit", Value::String(unit));
    record.origin = {document.path, block.span.first, 0};
    record.origin_last = block.span.last;
    record.origin_unit = unit;
    return std::make_shared<const Record>(std::move(record));
  }

  std::shared_ptr<const DocumentSet> documents_;
  const RecordType& type_;
  std::string kind_;
  bool paragraphs_;
  std::size_t document_ = 0;
  std::size_t block_ = 0;
  SourceCounts counts_;
};

// organisation.yaml's policy.document and patient_information.document, as paths relative to
// the folder; a path that leads outside it is an error.
std::vector<std::pair<std::string, std::string>> RolesFromOrganisation(const std::string& directory,
                                                                       Diagnostics& diagnostics) {
  std::vector<std::pair<std::string, std::string>> roles;
  const std::string path = (fs::path(directory) / "organisation.yaml").string();
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return roles;
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception&) {
    return roles;  // the organisation source reports the file's problems
  }
  if (!root.IsMap()) return roles;
  for (const char* key : {"policy", "patient_information", "reduction_plan"}) {
    try {
      YAML::Node record = root[key];
      if (!record || !record.IsMap()) continue;
      YAML::Node document = record["document"];
      if (!document || !document.IsScalar()) continue;
      std::string named = document.as<std::string>();
      fs::path relative = fs::path(named).lexically_normal();
      if (relative.is_absolute() || relative.empty() || *relative.begin() == "..") {
        diagnostics.Error({path, document.Mark().line + 1, document.Mark().column + 1},
                          std::string("'") + key + ".document' names '" + named +
                              "', which is outside the audit folder");
        continue;
      }
      roles.emplace_back((fs::path(directory) / relative).string(), key);
    } catch (const YAML::Exception&) {
      continue;
    }
  }
  return roles;
}

}  // namespace

std::shared_ptr<const Record> BuildDocumentRecord(const Document& document, const std::string& role,
                                                  const RecordType& type) {
  Record record = NewRecord(type);
  DocumentMetadata metadata = FindDocumentMetadata(document);
  Set(record, "path", Value::String(document.path));
  Set(record, "format", Value::String(document.format));
  Set(record, "role", Value::String(role));
  Set(record, "title", Value::String(document.title));
  if (!metadata.version.empty()) Set(record, "version", Value::String(metadata.version));
  Set(record, "approved_on", DateValue(metadata.approved_on));
  Set(record, "review_on", DateValue(metadata.review_on));
  Set(record, "effective_on", DateValue(metadata.effective_on));
  if (!metadata.responsible_person.empty()) {
    Set(record, "responsible_person", Value::String(metadata.responsible_person));
  }
  const char* unit = LocationUnitName(document.unit);
  std::vector<std::string> section_texts(document.sections.size());
  std::string text;
  std::size_t next_section = 0;
  for (const Block& block : document.blocks) {
    // Headings take their place in the whole text, before the first block under them.
    while (next_section < document.sections.size() && static_cast<int>(next_section) <= block.section) {
      text += document.sections[next_section++].heading;
      text += '\n';
    }
    text += block.text;
    text += '\n';
    if (block.section >= 0) {
      std::string& section_text = section_texts[static_cast<std::size_t>(block.section)];
      if (!section_text.empty()) section_text += '\n';
      section_text += block.text;
    }
  }
  for (; next_section < document.sections.size(); ++next_section) {
    text += document.sections[next_section].heading;
    text += '\n';
  }
  Set(record, "text", Value::String(std::move(text)));
  const FieldDef* sections = type.Find("sections");
  if (sections != nullptr && sections->element != nullptr) {
    ValueList items;
    for (std::size_t i = 0; i < document.sections.size(); ++i) {
      const Section& section = document.sections[i];
      Record item = NewRecord(*sections->element);
      Set(item, "heading", Value::String(section.heading));
      Set(item, "level", Value::Int(section.level));
      Set(item, "text", Value::String(section_texts[i]));
      Set(item, "first", Value::Int(section.span.first));
      Set(item, "last", Value::Int(section.span.last));
      Set(item, "unit", Value::String(unit));
      item.origin = {document.path, section.span.first, 0};
      item.origin_last = section.span.last;
      item.origin_unit = unit;
      items.push_back(Value::OfRecord(std::make_shared<const Record>(std::move(item))));
    }
    record.fields[sections->slot] = Value::List(std::move(items));
  }
  record.origin = {document.path, 0, 0};
  return std::make_shared<const Record>(std::move(record));
}

std::shared_ptr<const DocumentSet> ReadDocuments(const std::vector<std::string>& paths,
                                                 const std::vector<std::pair<std::string, std::string>>& roles,
                                                 const SourceOptions& options,
                                                 const DocumentLimits& limits, Diagnostics& diagnostics) {
  auto set = std::make_shared<DocumentSet>();
  for (const std::string& path : paths) {
    ReadDocumentEntry entry;
    entry.path = path;
    entry.document = ReadDocument(path, limits, diagnostics);
    if (entry.document) entry.role = DecideRole(*entry.document, path, roles, options);
    set->push_back(std::move(entry));
  }
  return set;
}

std::shared_ptr<const DocumentSet> ReadPolicyFolder(const std::string& directory, const SourceOptions& options,
                                                    Diagnostics& diagnostics) {
  std::vector<std::pair<std::string, std::string>> roles = RolesFromOrganisation(directory, diagnostics);
  std::vector<std::string> paths;
  const fs::path folder = fs::path(directory) / "policy";
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (!it->is_regular_file(error)) continue;
    std::string path = (fs::path(directory) / "policy" / it->path().filename()).string();
    if (FindDocumentFormat(path) == nullptr) {
      diagnostics.Warning({path, 0, 0}, "not a document format uofa reads; skipped");
      continue;
    }
    paths.push_back(std::move(path));
  }
  std::sort(paths.begin(), paths.end());
  return ReadDocuments(paths, roles, options, DocumentLimits{}, diagnostics);
}

std::unique_ptr<RecordSource> MakeDocumentSource(std::shared_ptr<const DocumentSet> documents,
                                                 const RecordType& type) {
  return std::make_unique<DocumentSource>(std::move(documents), type);
}

}  // namespace uofa
