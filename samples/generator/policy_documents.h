// The sample trust's policy documents, referenced from organisation.yaml.
#ifndef UOFA_SAMPLES_GENERATOR_POLICY_DOCUMENTS_H_
#define UOFA_SAMPLES_GENERATOR_POLICY_DOCUMENTS_H_

#include <string>
#include <vector>

#include "sample_model.h"

namespace uofa::samples {

struct PolicyDocument {
  std::string path;  // relative to the audit folder
  std::string text;  // Markdown
};

// The use-of-force policy (s.3), the patient information (s.4) and the plan for reducing
// restrictive practice (s.3(7)).
const std::vector<PolicyDocument>& PolicyDocuments();

// Topics the policy's text leaves out, which the document rules report: complaints and
// advocacy, support after an incident, and a stated review date.
std::vector<PlantedGap> PolicyDocumentGaps();

}  // namespace uofa::samples

#endif  // UOFA_SAMPLES_GENERATOR_POLICY_DOCUMENTS_H_
