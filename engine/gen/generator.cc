// GenerateAudit (include/uofa/generator.h): the folder, the fixed files, then the tables,
// incidents last, made in chunks by worker threads and written in chunk order.
#include "uofa/generator.h"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/gen/csv_writer.h"
#include "engine/gen/incident_chunk.h"
#include "engine/gen/london_time.h"
#include "engine/gen/organisation_profile.h"
#include "engine/gen/output_file.h"
#include "engine/gen/people.h"
#include "engine/gen/policy_documents.h"
#include "engine/gen/trust_layout.h"

namespace uofa {

namespace {

using gen::OutputFile;

constexpr std::int64_t kMaxIncidents = 100'000'000;
constexpr const char* kAsOf = "2025-12-31";

std::string SettingsYaml() {
  return "# Audit settings of a generated audit of a fictional trust (synthetic data, no real person).\n"
         "# as_of: the date the audit is taken at; packs: the rule packs to run; parameters: overrides\n"
         "# of pack parameters (none: every rule uses its pack's defaults).\n"
         "as_of: " + std::string(kAsOf) + "\n"
         "packs: [uof-act-2018, uof-guidance-2021, mha-cop-2015-ch26, nice-ng10, mha-cop-2015-ch8]\n"
         "parameters: {}\n";
}

// One ward-level restriction per ward, justified, reviewed in the last two months and told to
// the patients.
std::string RestrictionsCsv(const gen::TrustLayout& layout, std::int64_t* rows) {
  struct Restriction {
    const char* what;
    const char* why;
  };
  static const Restriction restrictions[] = {
      {"Garden locked from 21:00 to 07:00", "The garden is unlit and its fence is low at one end; agreed with the patients' forum"},
      {"No lighters or matches on the ward", "Fire risk in a locked ward with sealed windows; staff light cigarettes in the garden on request"},
      {"Kitchen open to patients with staff present only", "Knives and hot surfaces; patients cook with staff at set times every day"},
  };
  std::string text =
      "ward,restriction,scope,patient_id,justification,approved_by,started_on,last_reviewed_on,ended_on,"
      "communicated_to_patients\n";
  for (int ward = 0; ward < layout.wards; ++ward) {
    const Restriction& restriction = restrictions[ward % 3];
    const std::int64_t reviewed = gen::AsOfDay() - 10 - ward % 50;
    text += gen::CsvField(layout.WardName(ward)) + "," + restriction.what + ",ward,," + gen::CsvField(restriction.why) +
            ",Ward Manager and Modern Matron," + gen::FormatDate(gen::DaysFromCivil(2023, 1, 9) + ward % 300) + "," +
            gen::FormatDate(reviewed) + ",,Y\n";
    ++*rows;
  }
  return text;
}

bool FolderHasEntries(const std::string& path) {
  std::error_code error;
  std::filesystem::directory_iterator entries(path, error);
  return !error && entries != std::filesystem::directory_iterator();
}

class Writer {
 public:
  Writer(const GenerateOptions& options, Diagnostics& diagnostics)
      : options_(options), diagnostics_(diagnostics), layout_(gen::MakeLayout(options.incidents, options.seed)) {}

  std::optional<GeneratedAudit> Run() {
    audit_.as_of = kAsOf;
    const std::string& root = options_.out_dir;
    std::string error;
    if (!gen::MakeFolder(root, &error) || !gen::MakeFolder(root + "/incidents", &error) ||
        !gen::MakeFolder(root + "/policy", &error)) {
      return Fail(root, error);
    }
    if (!Whole("uofa.yaml", SettingsYaml()) || !Whole("organisation.yaml", gen::OrganisationYaml(layout_.Units()))) {
      return std::nullopt;
    }
    for (const gen::PolicyDocument& document : gen::PolicyDocuments()) {
      if (!Whole(document.path, document.text)) return std::nullopt;
    }
    std::int64_t restriction_rows = 0;
    const std::string restrictions = RestrictionsCsv(layout_, &restriction_rows);
    if (!Whole("restrictions.csv", restrictions, restriction_rows)) return std::nullopt;
    if (!WritePeople() || !WriteStaff() || !WriteIncidents()) return std::nullopt;
    for (gen::Rule rule : {gen::Rule::kPolicyReview, gen::Rule::kPatientInformationConsulted,
                           gen::Rule::kDelegationToEmployee, gen::Rule::kPolicyComplaints,
                           gen::Rule::kPolicyPostIncident, gen::Rule::kPolicyReviewDate}) {
      gen::Count(tally_, rule);
    }
    for (int rule = 0; rule < static_cast<int>(gen::Rule::kCount); ++rule) {
      audit_.planted.push_back({gen::kRuleIds[static_cast<std::size_t>(rule)], tally_[static_cast<std::size_t>(rule)]});
    }
    audit_.indeterminate.push_back({gen::kRuleIds[static_cast<int>(gen::Rule::kPostIncidentReview)],
                                    undecided_[static_cast<int>(gen::Rule::kPostIncidentReview)]});
    if (!gen::WriteWholeFile(root + "/PLANTED.txt", FormatPlanted(audit_), &error)) return Fail(root + "/PLANTED.txt", error);
    audit_.files.push_back({"PLANTED.txt", 0});
    return audit_;
  }

 private:
  std::optional<GeneratedAudit> Fail(const std::string& path, const std::string& message) {
    diagnostics_.Error({path, 0, 0}, message);
    return std::nullopt;
  }

  std::string PathOf(const std::string& relative) const { return options_.out_dir + "/" + relative; }

  bool Whole(const std::string& relative, const std::string& text, std::int64_t rows = 0) {
    std::string error;
    if (!gen::WriteWholeFile(PathOf(relative), text, &error)) {
      Fail(PathOf(relative), error);
      return false;
    }
    audit_.files.push_back({relative, rows});
    return true;
  }

  bool OpenTable(OutputFile& file, const std::string& relative, const char* header) {
    std::string error;
    if (!file.Open(PathOf(relative), &error)) {
      Fail(PathOf(relative), error);
      return false;
    }
    file.Append(header);
    return true;
  }

  bool CloseTable(OutputFile& file, const std::string& relative, std::int64_t rows) {
    std::string error;
    if (!file.Close(&error)) {
      Fail(PathOf(relative), error);
      return false;
    }
    audit_.files.push_back({relative, rows});
    return true;
  }

  bool WritePeople() {
    OutputFile patients;
    OutputFile admissions;
    if (!OpenTable(patients, "patients.csv", gen::kPatientsHeader) ||
        !OpenTable(admissions, "admissions.csv", gen::kAdmissionsHeader)) {
      return false;
    }
    std::string patient_rows;
    std::string admission_rows;
    for (std::int64_t index = 0; index < layout_.patients; ++index) {
      gen::AppendPatientRow(layout_, index, patient_rows);
      gen::AppendAdmissionRow(layout_, index, admission_rows);
      if (patient_rows.size() > (1 << 16)) {
        patients.Append(patient_rows);
        admissions.Append(admission_rows);
        patient_rows.clear();
        admission_rows.clear();
      }
    }
    patients.Append(patient_rows);
    admissions.Append(admission_rows);
    return CloseTable(patients, "patients.csv", layout_.patients) &&
           CloseTable(admissions, "admissions.csv", layout_.patients);
  }

  bool WriteStaff() {
    OutputFile staff;
    OutputFile training;
    if (!OpenTable(staff, "staff.csv", gen::kStaffHeader) || !OpenTable(training, "training.csv", gen::kTrainingHeader)) {
      return false;
    }
    std::int64_t training_rows = 0;
    std::string staff_text;
    std::string training_text;
    for (int ward = 0; ward < layout_.wards; ++ward) {
      for (int slot = 0; slot < gen::kStaffPerWard; ++slot) {
        training_rows += gen::AppendStaffRows(layout_, ward, slot, staff_text, training_text);
      }
      staff.Append(staff_text);
      training.Append(training_text);
      staff_text.clear();
      training_text.clear();
    }
    return CloseTable(staff, "staff.csv", layout_.StaffCount()) && CloseTable(training, "training.csv", training_rows);
  }

  // Chunks are made by `threads` workers, at most `window` ahead of the one being written, and
  // written strictly in order: the bytes do not depend on the number of threads.
  bool WriteIncidents() {
    std::array<OutputFile, gen::kIncidentTableCount> files;
    for (int table = 0; table < gen::kIncidentTableCount; ++table) {
      if (!OpenTable(files[static_cast<std::size_t>(table)], gen::kIncidentTablePaths[static_cast<std::size_t>(table)],
                     gen::kIncidentTableHeaders[static_cast<std::size_t>(table)])) {
        return false;
      }
    }
    const std::int64_t chunks = gen::ChunkCount(layout_);
    int threads = options_.threads > 0 ? options_.threads : static_cast<int>(std::thread::hardware_concurrency());
    threads = static_cast<int>(std::clamp<std::int64_t>(threads, 1, std::min<std::int64_t>(8, chunks)));
    const std::int64_t window = 2 * threads;
    std::array<std::int64_t, gen::kIncidentTableCount> rows{};

    std::mutex mutex;
    std::condition_variable changed;
    std::map<std::int64_t, gen::IncidentChunk> ready;
    std::int64_t next_to_make = 0;
    std::int64_t next_to_write = 0;
    auto work = [&] {
      for (;;) {
        std::int64_t chunk = 0;
        {
          std::unique_lock lock(mutex);
          changed.wait(lock, [&] { return next_to_make >= chunks || next_to_make < next_to_write + window; });
          if (next_to_make >= chunks) return;
          chunk = next_to_make++;
        }
        gen::IncidentChunk made;
        gen::MakeIncidentChunk(layout_, chunk, made);
        {
          std::lock_guard lock(mutex);
          ready.emplace(chunk, std::move(made));
        }
        changed.notify_all();
      }
    };
    std::vector<std::thread> workers;
    for (int i = 0; i < threads; ++i) workers.emplace_back(work);
    for (std::int64_t chunk = 0; chunk < chunks; ++chunk) {
      gen::IncidentChunk made;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return ready.count(chunk) > 0; });
        made = std::move(ready.at(chunk));
        ready.erase(chunk);
        next_to_write = chunk + 1;
      }
      changed.notify_all();
      for (std::size_t table = 0; table < files.size(); ++table) {
        files[table].Append(made.text[table]);
        rows[table] += made.rows[table];
      }
      for (std::size_t rule = 0; rule < tally_.size(); ++rule) {
        tally_[rule] += made.tally[rule];
        undecided_[rule] += made.undecided[rule];
      }
    }
    for (std::thread& worker : workers) worker.join();
    bool ok = true;
    for (std::size_t table = 0; table < files.size(); ++table) {
      ok = CloseTable(files[table], gen::kIncidentTablePaths[table], rows[table]) && ok;
    }
    return ok;
  }

  const GenerateOptions& options_;
  Diagnostics& diagnostics_;
  gen::TrustLayout layout_;
  GeneratedAudit audit_;
  gen::RuleTally tally_{};
  gen::RuleTally undecided_{};
};

}  // namespace

std::optional<GeneratedAudit> GenerateAudit(const GenerateOptions& options, Diagnostics& diagnostics) {
  if (options.incidents < 1 || options.incidents > kMaxIncidents) {
    diagnostics.Error({}, "the number of incidents must be between 1 and " + std::to_string(kMaxIncidents) +
                              ", not " + std::to_string(options.incidents));
    return std::nullopt;
  }
  if (options.out_dir.empty()) {
    diagnostics.Error({}, "no output folder given");
    return std::nullopt;
  }
  if (!options.force && FolderHasEntries(options.out_dir)) {
    diagnostics.Error({options.out_dir, 0, 0}, "the output folder is not empty (use '--force' to write into it)");
    return std::nullopt;
  }
  try {
    return Writer(options, diagnostics).Run();
  } catch (const std::exception& error) {  // out of memory, or threads that cannot start
    diagnostics.Error({options.out_dir, 0, 0}, std::string("cannot generate the audit: ") + error.what());
    return std::nullopt;
  }
}

std::string FormatPlanted(const GeneratedAudit& audit) {
  std::string text;
  for (const PlantedRule& rule : audit.planted) text += "planted " + rule.rule_id + ": " + std::to_string(rule.count) + "\n";
  for (const PlantedRule& rule : audit.indeterminate) {
    text += "indeterminate " + rule.rule_id + ": " + std::to_string(rule.count) + "\n";
  }
  for (const GeneratedFile& file : audit.files) {
    if (file.path.size() > 4 && file.path.compare(file.path.size() - 4, 4, ".csv") == 0) {
      text += "rows " + file.path + ": " + std::to_string(file.rows) + "\n";
    }
  }
  return text;
}

std::string FormatPlantedJson(const GeneratedAudit& audit) {
  // Rule ids and paths are the generator's own: letters, digits, '-', '_', '.' and '/'.
  std::string text = "{\n  \"as_of\": \"" + audit.as_of + "\",\n  \"planted\": {";
  for (std::size_t i = 0; i < audit.planted.size(); ++i) {
    text += (i == 0 ? "\n    \"" : ",\n    \"") + audit.planted[i].rule_id + "\": " + std::to_string(audit.planted[i].count);
  }
  text += "\n  },\n  \"indeterminate\": {";
  for (std::size_t i = 0; i < audit.indeterminate.size(); ++i) {
    text += (i == 0 ? "\n    \"" : ",\n    \"") + audit.indeterminate[i].rule_id + "\": " +
            std::to_string(audit.indeterminate[i].count);
  }
  text += "\n  },\n  \"rows\": {";
  bool first = true;
  for (const GeneratedFile& file : audit.files) {
    if (file.path.size() <= 4 || file.path.compare(file.path.size() - 4, 4, ".csv") != 0) continue;
    text += (first ? "\n    \"" : ",\n    \"") + file.path + "\": " + std::to_string(file.rows);
    first = false;
  }
  text += "\n  }\n}\n";
  return text;
}

}  // namespace uofa
