// Admissions and the patient information given on each (s.4), with their planted gaps.
#ifndef UOFA_SAMPLES_GENERATOR_ADMISSION_GENERATOR_H_
#define UOFA_SAMPLES_GENERATOR_ADMISSION_GENERATOR_H_

#include <vector>

#include "gen_parts.h"
#include "sample_model.h"

namespace uofa::samples {

// One admission per patient, spanning all of the patient's uses of force (or, for patients with
// none, placed between 2022 and 2025), and an earlier admission for about a quarter of them.
// Patients still in hospital on the audit date have no discharge. The information is mostly
// given within 60 hours, in the patient's format (easy read with a learning disability), with
// understanding checked; about one in twenty refuses it. Numbered ADM-nnnn by admission time.
// Then plants the s.4 gaps on admissions after s.4 came into force and returns them, in a fixed
// order: information late, not given, understanding not checked.
std::vector<PlantedGap> GenerateAdmissions(RandomSource& random, SampleTrust& trust);

}  // namespace uofa::samples

#endif  // UOFA_SAMPLES_GENERATOR_ADMISSION_GENERATOR_H_
