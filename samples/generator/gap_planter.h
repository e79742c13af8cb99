// Plants the sample audit's known gaps and data errors, each at a fixed, modest count.
#ifndef UOFA_SAMPLES_GENERATOR_GAP_PLANTER_H_
#define UOFA_SAMPLES_GENERATOR_GAP_PLANTER_H_

#include <string>
#include <vector>

#include "random_source.h"
#include "sample_model.h"

namespace uofa::samples {

struct PlantedGap {
  std::string name;  // e.g. "description_missing"
  int count = 0;     // incidents (patients, for the patient_ kinds) that carry it
};

// Turns clean records into known gaps. Each gap lands on its own incident, one that started at
// least three days after s.6 came into force and is not marked negligible (except for the
// negligible kinds), so that every planted gap is one finding. Patient gaps go to patients with
// a single use of force, so that one patient gap is one incident finding too.
// Returns every kind in a fixed order, with the number actually planted.
std::vector<PlantedGap> PlantGaps(RandomSource& random, SampleTrust& trust);

}  // namespace uofa::samples

#endif  // UOFA_SAMPLES_GENERATOR_GAP_PLANTER_H_
