// Duration bands of interventions. DOMAIN.md §10 relies on the national publication's duration
// bands without listing them; until they are checked against that publication these bands are
// our own, chosen so that physical restraint (mostly under 10 minutes), seclusion (hours to a
// day) and segregation (weeks) each spread over several bands.
#include "engine/stats/builder.h"

namespace uofa::stats {
namespace {

struct Band {
  const char* label;
  double below_minutes;  // upper bound, exclusive
};

constexpr Band kBands[] = {
    {"Under 10 minutes", 10},          {"10 to 29 minutes", 30},   {"30 to 59 minutes", 60},
    {"1 to 23 hours", 24 * 60},        {"1 to 6 days", 7 * 24 * 60}, {"7 days or more", 1e300},
};
constexpr const char* kNotRecorded = "Not recorded";

}  // namespace

std::string DurationBand(const InterventionFacts& intervention) {
  if (!intervention.duration_minutes || *intervention.duration_minutes < 0) return kNotRecorded;
  for (const Band& band : kBands) {
    if (*intervention.duration_minutes < band.below_minutes) return band.label;
  }
  return kNotRecorded;
}

const std::vector<std::string>& DurationBands() {
  static const std::vector<std::string> bands = [] {
    std::vector<std::string> labels;
    for (const Band& band : kBands) labels.push_back(band.label);
    labels.push_back(kNotRecorded);
    return labels;
  }();
  return bands;
}

}  // namespace uofa::stats
