// uofa-sample-generator: writes the synthetic sample audit (samples/example-trust) from a fixed
// seed, and prints on stdout one line per kind of planted gap: `gap <name>: <count>`.
//
//   uofa-sample-generator [--seed N] [--out DIR]
//
// The same seed gives byte-identical files on every platform (see random_source.h).

#include <cstdint>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "admission_generator.h"
#include "audit_writer.h"
#include "gap_planter.h"
#include "incident_generator.h"
#include "organisation_profile.h"
#include "people_generator.h"
#include "policy_documents.h"
#include "gen_parts.h"
#include "restriction_register.h"
#include "sample_model.h"
#include "workforce_generator.h"

namespace {

constexpr std::uint64_t kDefaultSeed = 20251231;
constexpr int kPatients = 120;
constexpr int kIncidents = 300;

int Usage(const std::string& problem) {
  if (!problem.empty()) std::cerr << "uofa-sample-generator: error: " << problem << "\n";
  std::cerr << "usage: uofa-sample-generator [--seed N] [--out DIR]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t seed = kDefaultSeed;
  std::string out = "samples/example-trust";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      Usage("");
      return 0;
    }
    if ((arg == "--seed" || arg == "--out") && i + 1 >= argc) return Usage("'" + arg + "' needs a value");
    if (arg == "--seed") {
      const std::string value = argv[++i];
      char* end = nullptr;
      seed = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0') return Usage("'--seed' takes a whole number, not '" + value + "'");
    } else if (arg == "--out") {
      out = argv[++i];
    } else {
      return Usage("unknown argument '" + arg + "'");
    }
  }

  try {
    using namespace uofa::samples;
    RandomSource random(seed);
    SampleTrust trust;
    trust.staff = GenerateStaff(random);
    trust.patients = GeneratePatients(random, kPatients, kIncidents);
    GenerateIncidents(random, trust);
    // Everything after the recording gaps draws later in the sequence, so adding to it leaves
    // the records before it as they were.
    std::vector<PlantedGap> gaps = PlantGaps(random, trust);
    AddRestraintHealthChecks(random, trust);
    auto append = [&gaps](const std::vector<PlantedGap>& more) { gaps.insert(gaps.end(), more.begin(), more.end()); };
    append(PlantCareGaps(random, trust));
    append(GenerateWorkforce(random, trust));
    append(GenerateAdmissions(random, trust));
    append(GenerateRestrictions(random, trust));
    append(OrganisationGaps());
    append(PolicyDocumentGaps());
    WriteAudit(trust, out);
    for (const PlantedGap& gap : gaps) std::cout << "gap " << gap.name << ": " << gap.count << "\n";
  } catch (const std::exception& error) {
    std::cerr << "uofa-sample-generator: error: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
