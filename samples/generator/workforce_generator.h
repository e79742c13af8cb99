// The staff register and use-of-force training records (s.5), with their planted gaps.
#ifndef UOFA_SAMPLES_GENERATOR_WORKFORCE_GENERATOR_H_
#define UOFA_SAMPLES_GENERATOR_WORKFORCE_GENERATOR_H_

#include <vector>

#include "gen_parts.h"
#include "sample_model.h"

namespace uofa::samples {

// Gives every member of staff a start date (before the first incident they took part in), marks
// a few leavers, and writes their training history into `trust.training`: an induction within 90
// days of starting (for staff who started since the records begin, 2021-01-01), then a refresher
// every 10 to 12 months, all eleven s.5(2) topics, RRN-certified. The kOther posts follow their
// TrainingPlan. Then plants the training gaps on staff of long standing and returns them, in a
// fixed order: late inductions, expired refreshers, missing topics, uncertified training.
std::vector<PlantedGap> GenerateWorkforce(RandomSource& random, SampleTrust& trust);

}  // namespace uofa::samples

#endif  // UOFA_SAMPLES_GENERATOR_WORKFORCE_GENERATOR_H_
