// Document records: policy documents and patient leaflets become one policy_document record each
// and one policy_paragraph record per block of their text. The documents are read once and
// shared by the two sources (one per record kind).
#ifndef UOFA_ENGINE_SOURCES_DOCUMENTS_DOCUMENT_SOURCE_H_
#define UOFA_ENGINE_SOURCES_DOCUMENTS_DOCUMENT_SOURCE_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/sources/documents/document.h"
#include "engine/sources/record_source.h"

namespace uofa {

/// A document read, and what it is.
struct ReadDocumentEntry {
  std::string path;
  std::optional<Document> document;  ///< nullopt when it could not be read (the error reported)
  std::string role;  ///< "policy", "patient_information" or "reduction_plan" (organisation.yaml only)
};

using DocumentSet = std::vector<ReadDocumentEntry>;

/// Reads each file; decides its role from `roles` (path -> role, from organisation.yaml) and
/// else from its title (SourceOptions::patient_information_title_patterns), else "policy".
/// A file that cannot be read is an entry without a document, its error in `diagnostics`.
std::shared_ptr<const DocumentSet> ReadDocuments(const std::vector<std::string>& paths,
                                                 const std::vector<std::pair<std::string, std::string>>& roles,
                                                 const SourceOptions& options,
                                                 const DocumentLimits& limits, Diagnostics& diagnostics);

/// The documents of an audit folder's policy/ folder (files of a format read, in name order;
/// others are skipped with a warning), with roles from organisation.yaml where its `policy` or
/// `patient_information` (or `reduction_plan`) names the file in `document`. A `document` path that leads outside
/// the folder is an error at its position in organisation.yaml.
std::shared_ptr<const DocumentSet> ReadPolicyFolder(const std::string& directory, const SourceOptions& options,
                                                    Diagnostics& diagnostics);

/// A source of records of `type` (policy_document or policy_paragraph) over the documents.
std::unique_ptr<RecordSource> MakeDocumentSource(std::shared_ptr<const DocumentSet> documents,
                                                 const RecordType& type);

/// The record of kind policy_document for one document (exposed for tests).
std::shared_ptr<const Record> BuildDocumentRecord(const Document& document, const std::string& role,
                                                  const RecordType& type);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_DOCUMENTS_DOCUMENT_SOURCE_H_
