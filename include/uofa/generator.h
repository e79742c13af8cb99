// Synthetic audit folders at any scale, with gaps planted at known rates (`uofa gen`).
//
// GenerateAudit writes a complete canonical audit folder (DATA-CONTRACT.md: incidents and their
// interventions, people, reviews and observations; patients, staff, training, admissions,
// restrictions, organisation.yaml, policy documents and uofa.yaml) for a fictional trust whose
// units, wards, patients and staff scale with the number of incidents. The data has the shape of
// DOMAIN.md §10: heavy-tailed repeat restraint per patient, women about 60% of events with a
// similar head-count, a Black:White rate ratio around 5, the national type and reason mix, short
// holds and longer seclusion, and messy values (reason 99, ethnicity Z and 99, free text).
//
// Each planted gap makes exactly one incident fail a named rule (or, for a patient's missing
// detail, every non-negligible incident of that patient), and every other incident passes the
// rules listed, so `uofa check` must report exactly the counts returned here for each of them.
// The organisation profile and policy documents carry the sample audit's six organisation-level
// gaps (one record each); staff, training, admissions and restrictions are generated clean.
// The audit date is 2025-12-31; every incident falls after the commencement of the sections the
// rules check.
//
// Output is deterministic for a seed, whatever the number of threads: incidents are generated
// in fixed-size chunks, each from its own random stream, and written in order. Memory does not
// grow with the number of incidents.
#ifndef UOFA_GENERATOR_H_
#define UOFA_GENERATOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "uofa/diagnostic.h"

namespace uofa {

struct GenerateOptions {
  std::int64_t incidents = 10000;  ///< uses of force to write (at least 1)
  std::uint64_t seed = 1;
  std::string out_dir;             ///< created when missing (mode 0700); files are mode 0600
  int threads = 0;                 ///< worker threads; 0: the hardware's, at most 8
  bool force = false;              ///< write into a folder that is not empty
};

/// How many records a planted gap makes fail one rule.
struct PlantedRule {
  std::string rule_id;
  std::int64_t count = 0;
};

struct GeneratedFile {
  std::string path;  ///< relative to the audit folder, '/'-separated
  std::int64_t rows = 0;  ///< data rows of a CSV file (header excluded); 0 for other files
};

struct GeneratedAudit {
  std::string as_of;                  ///< the audit date written to uofa.yaml
  std::vector<PlantedRule> planted;   ///< every rule the generator plants for, in a fixed order
  /// Records a planted messy value leaves a rule unable to decide (`uofa check` counts them as
  /// indeterminate): an incident without an end time and NG10-PIR's 72 hours.
  std::vector<PlantedRule> indeterminate;
  std::vector<GeneratedFile> files;   ///< every file written, in writing order
};

/// Writes the audit folder. On failure (an unwritable or non-empty folder, a bad option) adds an
/// error to `diagnostics` and returns nothing; files already written are left in place.
std::optional<GeneratedAudit> GenerateAudit(const GenerateOptions& options, Diagnostics& diagnostics);

/// The lines of PLANTED.txt: `planted <RULE-ID>: <count>` for each planted rule, then
/// `indeterminate <RULE-ID>: <count>`, then `rows <path>: <count>` for each CSV file; each line
/// ends with a newline.
std::string FormatPlanted(const GeneratedAudit& audit);

/// The same as a JSON object: {"as_of", "planted": {rule: count}, "indeterminate": {rule:
/// count}, "rows": {path: count}}.
std::string FormatPlantedJson(const GeneratedAudit& audit);

}  // namespace uofa

#endif  // UOFA_GENERATOR_H_
