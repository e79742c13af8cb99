// The sample trust's policy documents, referenced from organisation.yaml.
#ifndef UOFA_SAMPLES_GENERATOR_POLICY_DOCUMENTS_H_
#define UOFA_SAMPLES_GENERATOR_POLICY_DOCUMENTS_H_

#include <string>
#include <vector>

#include "gen_parts.h"
#include "sample_model.h"

namespace uofa::samples {

// The documents themselves are engine/gen/policy_documents.h's (PolicyDocuments()).

// Topics the policy's text leaves out, which the document rules report: complaints and
// advocacy, support after an incident, and a stated review date.
std::vector<PlantedGap> PolicyDocumentGaps();

}  // namespace uofa::samples

#endif  // UOFA_SAMPLES_GENERATOR_POLICY_DOCUMENTS_H_
