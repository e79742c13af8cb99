#include "engine/sources/documents/document_metadata.h"

#include <re2/re2.h>

#include "engine/sources/documents/document_text.h"

namespace uofa {
namespace {

struct Labels {
  RE2 version{R"((?i)\bversion(?:\s+(?:number|no\.?))?\s*[:|]?\s*v?(\d+(?:\.\d+){0,3})\b)"};
  RE2 approved{R"((?i)\b(approved(?:\s+on)?|approval\s+date|date\s+(?:of\s+)?approv(?:ed|al)|ratified(?:\s+on)?|date\s+ratified)\b)"};
  RE2 review{R"((?i)\b(next\s+review(?:\s+date)?|review\s+date|review\s+due|due\s+for\s+review|to\s+be\s+reviewed\s+(?:by|on))\b)"};
  RE2 effective{R"((?i)\b(effective\s+(?:from|date)|date\s+of\s+effect|in\s+force\s+from)\b)"};
  RE2 responsible{R"((?i)\bresponsible\s+person\s*[:|]\s*([^|;\n]+))"};
};

const Labels& GetLabels() {
  static const Labels labels;
  return labels;
}

// The first date starting within 40 bytes after the label `re` matches in `text`.
std::optional<DateInText> DateAfter(std::string_view text, const RE2& re) {
  re2::StringPiece match;
  re2::StringPiece input(text.data(), text.size());
  if (!RE2::PartialMatch(input, re, &match)) return std::nullopt;
  std::size_t end = static_cast<std::size_t>(match.data() - text.data()) + match.size();
  for (const DateInText& date : FindDatesInText(text.substr(end))) {
    if (date.offset <= 40) {
      DateInText found = date;
      found.offset += end;
      return found;
    }
    break;
  }
  return std::nullopt;
}

}  // namespace

void FindMetadataInText(std::string_view text, DocumentMetadata& metadata) {
  const Labels& labels = GetLabels();
  re2::StringPiece input(text.data(), text.size());
  if (metadata.version.empty()) {
    std::string version;
    if (RE2::PartialMatch(input, labels.version, &version)) metadata.version = version;
  }
  if (!metadata.approved_on) metadata.approved_on = DateAfter(text, labels.approved);
  if (!metadata.review_on) metadata.review_on = DateAfter(text, labels.review);
  if (!metadata.effective_on) metadata.effective_on = DateAfter(text, labels.effective);
  if (metadata.responsible_person.empty()) {
    std::string name;
    if (RE2::PartialMatch(input, labels.responsible, &name)) {
      name = CollapseWhitespace(name);
      while (!name.empty() && (name.back() == '.' || name.back() == ',')) name.pop_back();
      metadata.responsible_person = name;
    }
  }
}

DocumentMetadata FindDocumentMetadata(const Document& document) {
  DocumentMetadata metadata;
  for (const Block& block : document.blocks) FindMetadataInText(block.text, metadata);
  return metadata;
}

}  // namespace uofa
