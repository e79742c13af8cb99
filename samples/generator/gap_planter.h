// Plants the sample audit's known gaps and data errors, each at a fixed, modest count.
#ifndef UOFA_SAMPLES_GENERATOR_GAP_PLANTER_H_
#define UOFA_SAMPLES_GENERATOR_GAP_PLANTER_H_

#include <string>
#include <vector>

#include "gen_parts.h"
#include "sample_model.h"

namespace uofa::samples {

// Turns clean records into known gaps. Each gap lands on its own incident, one that started at
// least three days after s.6 came into force and is not marked negligible (except for the
// negligible kinds), so that every planted gap is one finding. Patient gaps go to patients with
// a single use of force, so that one patient gap is one incident finding too.
// Returns every kind in a fixed order, with the number actually planted.
std::vector<PlantedGap> PlantGaps(RandomSource& random, SampleTrust& trust);

// The gaps in care after force (MHA Code of Practice ch. 26, NICE NG10, the statutory guidance):
// seclusion reviews and observations, vital signs after rapid tranquillisation and restraint,
// planned prone restraint, debriefs and post-incident reviews. Same rules for choosing incidents
// as PlantGaps; call it after PlantGaps and AddRestraintHealthChecks.
std::vector<PlantedGap> PlantCareGaps(RandomSource& random, SampleTrust& trust);

}  // namespace uofa::samples

#endif  // UOFA_SAMPLES_GENERATOR_GAP_PLANTER_H_
