// The fictional trust's policy documents, referenced from organisation.yaml.
#ifndef UOFA_ENGINE_GEN_POLICY_DOCUMENTS_H_
#define UOFA_ENGINE_GEN_POLICY_DOCUMENTS_H_

#include <string>
#include <vector>

namespace uofa::gen {

struct PolicyDocument {
  std::string path;  // relative to the audit folder
  std::string text;  // Markdown
};

// The use-of-force policy (s.3), the patient information (s.4) and the plan for reducing
// restrictive practice (s.3(7)). The policy's text leaves out complaints and advocacy, support
// after an incident, and a stated review date, which the document rules report.
const std::vector<PolicyDocument>& PolicyDocuments();

}  // namespace uofa::gen

#endif  // UOFA_ENGINE_GEN_POLICY_DOCUMENTS_H_
