// The wards' restrictions register (blanket and individual restrictions), with its planted gaps.
#ifndef UOFA_SAMPLES_GENERATOR_RESTRICTION_REGISTER_H_
#define UOFA_SAMPLES_GENERATOR_RESTRICTION_REGISTER_H_

#include <vector>

#include "gen_parts.h"
#include "sample_model.h"

namespace uofa::samples {

// Fills `trust.restrictions`: ward-wide (blanket) restrictions, justified, approved, told to
// patients and reviewed within three months of the audit date, one that has ended, and a few
// individual restrictions for patients in hospital on the audit date. Call after the admissions.
// Returns the planted gaps in a fixed order: not justified, review overdue, not communicated.
std::vector<PlantedGap> GenerateRestrictions(RandomSource& random, SampleTrust& trust);

}  // namespace uofa::samples

#endif  // UOFA_SAMPLES_GENERATOR_RESTRICTION_REGISTER_H_
