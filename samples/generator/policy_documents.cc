#include "policy_documents.h"

namespace uofa::samples {

std::vector<PlantedGap> PolicyDocumentGaps() {
  return {
      {"policy_document_no_complaints", 1},
      {"policy_document_no_post_incident_support", 1},
      {"policy_document_no_review_date", 1},
  };
}

}  // namespace uofa::samples
