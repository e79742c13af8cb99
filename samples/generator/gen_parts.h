// The pieces the sample generator shares with `uofa gen` (engine/gen/), named in the sample's
// namespace: random draws, London time, NHS numbers, CSV output and the phrase lists.
#ifndef UOFA_SAMPLES_GENERATOR_GEN_PARTS_H_
#define UOFA_SAMPLES_GENERATOR_GEN_PARTS_H_

#include "engine/gen/csv_writer.h"
#include "engine/gen/london_time.h"
#include "engine/gen/nhs_number.h"
#include "engine/gen/organisation_profile.h"
#include "engine/gen/phrases.h"
#include "engine/gen/policy_documents.h"
#include "engine/gen/random_source.h"

namespace uofa::samples {

using gen::RandomSource;

using gen::CivilDate;
using gen::CivilFromDays;
using gen::DaysFromCivil;
using gen::FormatDate;
using gen::FormatLondonDate;
using gen::FormatLondonDateTime;
using gen::kMinutesPerDay;
using gen::kMinutesPerHour;
using gen::LondonOffset;
using gen::LondonToInstant;
using gen::Minutes;

using gen::IsValidNhsNumber;
using gen::NhsCheckDigit;

using gen::CsvField;
using gen::CsvWriter;

using gen::kPoliceForce;
using gen::kSecurityContractor;
using gen::kStaffingAgency;
using gen::kTrustName;

using gen::PolicyDocument;
using gen::PolicyDocuments;

namespace phrases = gen::phrases;

}  // namespace uofa::samples

#endif  // UOFA_SAMPLES_GENERATOR_GEN_PARTS_H_
