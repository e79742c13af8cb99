// Patients and staff of the sample trust.
#ifndef UOFA_SAMPLES_GENERATOR_PEOPLE_GENERATOR_H_
#define UOFA_SAMPLES_GENERATOR_PEOPLE_GENERATOR_H_

#include <vector>

#include "gen_parts.h"
#include "sample_model.h"

namespace uofa::samples {

// `count` patients with valid NHS numbers and complete characteristics, each with the number of
// uses of force it will have: heavy-tailed, summing to `total_incidents`, with repeat restraint
// concentrated in a few patients, more often women (DOMAIN.md §10).
std::vector<Patient> GeneratePatients(RandomSource& random, int count, int total_incidents);

// The staff of both units: nurses, support workers (some from an agency) and doctors, then bank,
// locum and non-clinical posts (StaffGroup::kOther). Employment details and training come later
// (workforce_generator.h), once the incidents show who was on duty when.
std::vector<StaffMember> GenerateStaff(RandomSource& random);

// A fresh, valid NHS number in the 999 range the NHS keeps for test data, never one in `used`.
std::string GenerateNhsNumber(RandomSource& random, std::vector<std::string>& used);

}  // namespace uofa::samples

#endif  // UOFA_SAMPLES_GENERATOR_PEOPLE_GENERATOR_H_
