// Metadata stated in a document's own text: "Version: 3.1", "Approved: 12 May 2025",
// "Review date: 31/05/2026", "Effective from 2025-06-01", "Responsible person: Dr A Smith".
#ifndef UOFA_ENGINE_SOURCES_DOCUMENTS_DOCUMENT_METADATA_H_
#define UOFA_ENGINE_SOURCES_DOCUMENTS_DOCUMENT_METADATA_H_

#include <optional>
#include <string>
#include <string_view>

#include "engine/base/dates_in_text.h"
#include "engine/sources/documents/document.h"

namespace uofa {

struct DocumentMetadata {
  std::string version;                    ///< "3.1"; empty when not stated
  std::optional<DateInText> approved_on;  ///< "approved", "approval date", "ratified"
  std::optional<DateInText> review_on;    ///< "review date", "next review", "review due"
  std::optional<DateInText> effective_on; ///< "effective from", "effective date", "in force from"
  std::string responsible_person;         ///< "Responsible person: NAME"; empty when not stated
};

/// The first statement of each item in the document's blocks, in order (a table row "Version |
/// 3.1" counts, as does front matter). A date belongs to its label when it comes within 40
/// bytes after it.
DocumentMetadata FindDocumentMetadata(const Document& document);

/// The same, for one piece of text.
void FindMetadataInText(std::string_view text, DocumentMetadata& metadata);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_DOCUMENTS_DOCUMENT_METADATA_H_
