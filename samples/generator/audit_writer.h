// Writes the sample trust as an audit folder laid out per DATA-CONTRACT.md.
#ifndef UOFA_SAMPLES_GENERATOR_AUDIT_WRITER_H_
#define UOFA_SAMPLES_GENERATOR_AUDIT_WRITER_H_

#include <string>

#include "sample_model.h"

namespace uofa::samples {

// Writes uofa.yaml, organisation.yaml, policy/, patients.csv, incidents/, admissions.csv,
// staff.csv, training.csv and restrictions.csv under `directory`, creating folders as needed. Throws std::runtime_error when a file cannot be written.
void WriteAudit(const SampleTrust& trust, const std::string& directory);

}  // namespace uofa::samples

#endif  // UOFA_SAMPLES_GENERATOR_AUDIT_WRITER_H_
