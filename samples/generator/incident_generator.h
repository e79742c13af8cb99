// Uses of force for the sample trust: when, what type, who, and the record made of each.
#ifndef UOFA_SAMPLES_GENERATOR_INCIDENT_GENERATOR_H_
#define UOFA_SAMPLES_GENERATOR_INCIDENT_GENERATOR_H_

#include "gen_parts.h"
#include "sample_model.h"

namespace uofa::samples {

// Fills `trust.incidents` with clean, complete records, one per use of force each patient's
// incident_count asks for, sorted by start and numbered INC-<year>-<nnnn>. Three are placed on
// purpose: a seclusion across the autumn clock change (2024-10-27), one across the spring change
// (2025-03-30), and a long-term segregation. May move patients to a ward with a seclusion suite
// (and detain them) to place those.
void GenerateIncidents(RandomSource& random, SampleTrust& trust);

// NICE QS154: physical health is monitored during and after manual restraint. Adds a vital-signs
// check 5 to 25 minutes after the last physical hold of every incident that is not negligible and
// has no vital-signs check yet (rapid tranquillisation brings its own, hourly; when the patient
// was injured, this adds the checks that make them every 15 minutes for four hours).
void AddRestraintHealthChecks(RandomSource& random, SampleTrust& trust);

}  // namespace uofa::samples

#endif  // UOFA_SAMPLES_GENERATOR_INCIDENT_GENERATOR_H_
