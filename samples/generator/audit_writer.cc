#include "audit_writer.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "csv_writer.h"
#include "policy_documents.h"

namespace uofa::samples {

namespace {

// The value of `column`: the override where a gap or data error is planted, else the record's.
std::string Cell(const Overrides& overrides, const std::string& column, const std::string& value) {
  auto found = overrides.find(column);
  return found == overrides.end() ? value : found->second;
}

std::string Time(const std::optional<Minutes>& instant) {
  return instant ? FormatLondonDateTime(*instant) : "";
}

void WriteText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot write '" + path.string() + "'");
  out << text;
}

std::string SettingsYaml() {
  return "# Audit settings for the sample audit of a fictional trust (synthetic data, no real person).\n"
         "# as_of: the date the audit is taken at; packs: the rule packs to run; parameters: overrides\n"
         "# of pack parameters (none: every rule uses its pack's defaults).\n"
         "as_of: 2025-12-31\n"
         "packs: [uof-act-2018]\n"
         "parameters: {}\n";
}

std::string OrganisationYaml() {
  std::string units;
  for (const std::string& unit : UnitNames()) {
    units += "  - name: " + unit + "\n    wards: [";
    bool first = true;
    for (const Ward& ward : Wards()) {
      if (unit != ward.unit) continue;
      units += (first ? "" : ", ") + std::string(ward.name);
      first = false;
    }
    units += "]\n";
  }
  return "# The trust's profile (fictional): responsible person, units, policy and patient-information\n"
         "# records, training programme, reduction plan and police protocol.\n"
         "name: " + std::string(kTrustName) + "\n"
         "ods_code: RXX\n"
         "kind: nhs_foundation_trust\n"
         "units:\n" + units +
         "responsible_person:\n"
         "  name: Morgan Template\n"
         "  job_title: Chief Nurse\n"
         "  employed_by_organisation: true\n"
         "  board_member: true\n"
         "  appointed_on: 2022-02-01\n"
         "delegations:\n"
         "  - name: Casey Outline\n"
         "    job_title: Head of Nursing, Reducing Restrictive Practice\n"
         "    employee: true\n"
         "    functions: [training, recording]\n"
         "policy:\n"
         "  title: Use of Force Policy\n"
         "  version: \"3.1\"\n"
         "  document: policy/use-of-force-policy.md\n"
         "  published_on: 2024-04-01\n"
         "  published_url: https://example.nhs.uk/policies/use-of-force\n"
         "  last_reviewed_on: 2025-03-30\n"
         "  next_review_on: 2026-03-30\n"
         "  consultations:\n"
         "    - on: 2024-02-10\n"
         "      with: [patients' council, carers' forum, staff side]\n"
         "  revisions:\n"
         "    - version: \"3.0\"\n"
         "      on: 2024-04-01\n"
         "      substantial: true\n"
         "      consulted_on: 2024-02-10\n"
         "    - version: \"3.1\"\n"
         "      on: 2025-03-30\n"
         "      substantial: false\n"
         "patient_information:\n"
         "  title: Your rights about the use of force\n"
         "  document: policy/patient-information.md\n"
         "  published_on: 2024-04-01\n"
         "  last_reviewed_on: 2025-03-30\n"
         "  consultations:\n"
         "    - on: 2024-02-10\n"
         "      with: [patients' council, carers' forum]\n"
         "  formats: [standard, easy_read, translated]\n"
         "training_programme:\n"
         "  provider: Example Restraint Reduction Training Ltd\n"
         "  rrn_certified: true\n"
         "  certificate_expires_on: 2026-09-30\n"
         "  topics: [a, b, c, d, e, f, g, h, i, j, k]\n"
         "reduction_plan:\n"
         "  document: policy/reducing-restrictive-practice-plan.md\n"
         "  last_updated_on: 2025-06-01\n"
         "police_protocol:\n"
         "  agreed_with: " + std::string(kPoliceForce) + "\n"
         "  agreed_on: 2023-05-01\n";
}

void WritePatients(const SampleTrust& trust, const std::filesystem::path& path) {
  CsvWriter csv(path.string(), {"patient_id", "name", "nhs_number", "date_of_birth", "sex", "ethnicity",
                                "religion", "disability", "disability_nature", "marital_status", "pregnant",
                                "sexual_orientation", "learning_disability", "autism", "mental_disorder",
                                "legal_status"});
  for (const Patient& p : trust.patients) {
    csv.Row({p.patient_id, p.name, p.nhs_number, p.date_of_birth, p.sex, p.ethnicity, p.religion, p.disability,
             p.disability_nature, p.marital_status, p.pregnant, p.sexual_orientation, p.learning_disability,
             p.autism, p.mental_disorder, p.legal_status});
  }
}

void WriteIncidents(const SampleTrust& trust, const std::filesystem::path& folder) {
  CsvWriter incidents((folder / "incidents.csv").string(),
                      {"incident_id", "patient_id", "unit", "ward", "location", "started_at", "ended_at",
                       "reason_code", "reason", "description", "efforts_to_avoid", "outcome", "patient_injury",
                       "staff_injury", "death_or_serious_injury", "investigation_ref", "notify_required",
                       "notification_sent", "planned", "negligible", "negligible_reason", "police_involved",
                       "police_camera", "police_camera_exception", "debrief_patient_at", "debrief_declined",
                       "post_incident_review_at", "recorded_at", "recorded_by", "deleted_at"});
  CsvWriter interventions((folder / "interventions.csv").string(),
                          {"incident_id", "seq", "type_code", "started_at", "ended_at", "in_care_plan",
                           "authorised_by", "authoriser_role"});
  CsvWriter people((folder / "staff_involved.csv").string(),
                   {"incident_id", "person_id", "name", "job_title", "is_staff", "organisation",
                    "reason_involved", "role"});
  CsvWriter reviews((folder / "reviews.csv").string(), {"incident_id", "kind", "at", "by"});
  CsvWriter observations((folder / "observations.csv").string(), {"incident_id", "kind", "at", "by"});

  for (const Incident& incident : trust.incidents) {
    const Ward& ward = Wards()[static_cast<std::size_t>(incident.ward)];
    const Overrides& o = incident.overrides;
    std::vector<std::pair<std::string, std::string>> cells = {
        {"incident_id", incident.incident_id},
        {"patient_id", trust.patients[static_cast<std::size_t>(incident.patient)].patient_id},
        {"unit", ward.unit},
        {"ward", ward.name},
        {"location", incident.location},
        {"started_at", FormatLondonDateTime(incident.started_at)},
        {"ended_at", FormatLondonDateTime(incident.ended_at)},
        {"reason_code", incident.reason_code},
        {"reason", incident.reason},
        {"description", incident.description},
        {"efforts_to_avoid", incident.efforts_to_avoid},
        {"outcome", incident.outcome},
        {"patient_injury", incident.patient_injury},
        {"staff_injury", incident.staff_injury},
        {"death_or_serious_injury", incident.death_or_serious_injury},
        {"investigation_ref", incident.investigation_ref},
        {"notify_required", incident.notify_required},
        {"notification_sent", incident.notification_sent},
        {"planned", incident.planned},
        {"negligible", incident.negligible},
        {"negligible_reason", incident.negligible_reason},
        {"police_involved", incident.police_involved ? "Y" : "N"},
        {"police_camera", incident.police_camera},
        {"police_camera_exception", incident.police_camera_exception},
        {"debrief_patient_at", Time(incident.debrief_patient_at)},
        {"debrief_declined", incident.debrief_declined},
        {"post_incident_review_at", Time(incident.post_incident_review_at)},
        {"recorded_at", FormatLondonDateTime(incident.recorded_at)},
        {"recorded_by", incident.recorded_by},
        {"deleted_at", Time(incident.deleted_at)},
    };
    std::vector<std::string> row;
    for (const auto& [column, value] : cells) row.push_back(Cell(o, column, value));
    incidents.Row(row);

    int seq = 0;
    for (const Intervention& i : incident.interventions) {
      const Overrides& io = i.overrides;
      interventions.Row({incident.incident_id, std::to_string(++seq), Cell(io, "type_code", i.type_code),
                         FormatLondonDateTime(i.started_at), FormatLondonDateTime(i.ended_at),
                         Cell(io, "in_care_plan", i.in_care_plan), i.authorised_by, i.authoriser_role});
    }
    for (const Involvement& p : incident.people) {
      const Overrides& po = p.overrides;
      people.Row({incident.incident_id, p.person_id, p.name, Cell(po, "job_title", p.job_title), p.is_staff,
                  p.organisation, Cell(po, "reason_involved", p.reason_involved), p.role});
    }
    for (const TimedEntry& r : incident.reviews) {
      reviews.Row({incident.incident_id, r.kind, FormatLondonDateTime(r.at), r.by});
    }
    for (const TimedEntry& r : incident.observations) {
      observations.Row({incident.incident_id, r.kind, FormatLondonDateTime(r.at), r.by});
    }
  }
}

}  // namespace

void WriteAudit(const SampleTrust& trust, const std::string& directory) {
  const std::filesystem::path root(directory);
  std::filesystem::create_directories(root / "incidents");
  std::filesystem::create_directories(root / "policy");
  WriteText(root / "uofa.yaml", SettingsYaml());
  WriteText(root / "organisation.yaml", OrganisationYaml());
  for (const PolicyDocument& document : PolicyDocuments()) WriteText(root / document.path, document.text);
  WritePatients(trust, root / "patients.csv");
  WriteIncidents(trust, root / "incidents");
}

}  // namespace uofa::samples
