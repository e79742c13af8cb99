#include "audit_writer.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "gen_parts.h"
#include "organisation_profile.h"
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
         "packs: [uof-act-2018, uof-guidance-2021, mha-cop-2015-ch26, nice-ng10, mha-cop-2015-ch8]\n"
         "parameters: {}\n";
}

std::string WaiversYaml() {
  return "# Waivers of known gaps in the sample audit (docs/waivers.md): one in force on the audit date\n"
         "# (2025-12-31), and one that has expired, so it no longer waives and is itself reported.\n"
         "waivers:\n"
         "  - rule: UOF-S6-5F\n"
         "    records: [INC-2025-0003]\n"
         "    justification: description recorded on the paper form during the system outage; being transcribed\n"
         "    approved_by: Morgan Template, responsible person\n"
         "    expires: 2026-03-31\n"
         "  - rule: UOF-S6-5A\n"
         "    records: [INC-2024-0041]\n"
         "    justification: reason code under review with the national data team\n"
         "    approved_by: Morgan Template, responsible person\n"
         "    expires: 2025-09-30\n";
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

std::string Date(const std::optional<std::int64_t>& day) { return day ? FormatDate(*day) : ""; }

void WriteStaff(const SampleTrust& trust, const std::filesystem::path& path) {
  CsvWriter csv(path.string(), {"staff_id", "name", "job_title", "unit", "employment", "started_on", "left_on",
                                "may_use_force", "training_exemption"});
  const std::vector<std::string> units = UnitNames();
  for (const StaffMember& s : trust.staff) {
    csv.Row({s.staff_id, s.name, s.job_title, units[static_cast<std::size_t>(s.unit)], s.employment,
             FormatDate(s.started_on), Date(s.left_on), s.may_use_force ? "Y" : "N", s.training_exemption});
  }
}

void WriteTraining(const SampleTrust& trust, const std::filesystem::path& path) {
  CsvWriter csv(path.string(), {"staff_id", "course", "kind", "completed_on", "provider", "rrn_certified", "topics"});
  for (const TrainingRecord& t : trust.training) {
    csv.Row({t.staff_id, t.course, t.kind, FormatDate(t.completed_on), t.provider, t.rrn_certified, t.topics});
  }
}

void WriteAdmissions(const SampleTrust& trust, const std::filesystem::path& path) {
  CsvWriter csv(path.string(), {"admission_id", "patient_id", "unit", "ward", "admitted_at", "discharged_at",
                                "info_given_at", "info_refused", "info_format", "understanding_checked",
                                "info_given_to_others"});
  for (const Admission& a : trust.admissions) {
    const Ward& ward = Wards()[static_cast<std::size_t>(a.ward)];
    csv.Row({a.admission_id, trust.patients[static_cast<std::size_t>(a.patient)].patient_id, ward.unit, ward.name,
             FormatLondonDateTime(a.admitted_at), Time(a.discharged_at), Time(a.info_given_at), a.info_refused,
             a.info_format, a.understanding_checked, a.info_given_to_others});
  }
}

void WriteRestrictions(const SampleTrust& trust, const std::filesystem::path& path) {
  CsvWriter csv(path.string(), {"ward", "restriction", "scope", "patient_id", "justification", "approved_by",
                                "started_on", "last_reviewed_on", "ended_on", "communicated_to_patients"});
  for (const Restriction& r : trust.restrictions) {
    csv.Row({r.ward, r.restriction, r.scope, r.patient_id, r.justification, r.approved_by, r.started_on,
             r.last_reviewed_on, r.ended_on, r.communicated_to_patients});
  }
}

}  // namespace

void WriteAudit(const SampleTrust& trust, const std::string& directory) {
  const std::filesystem::path root(directory);
  std::filesystem::create_directories(root / "incidents");
  std::filesystem::create_directories(root / "policy");
  WriteText(root / "uofa.yaml", SettingsYaml());
  WriteText(root / "waivers.yaml", WaiversYaml());
  WriteText(root / "organisation.yaml", OrganisationYaml());
  for (const PolicyDocument& document : PolicyDocuments()) WriteText(root / document.path, document.text);
  WritePatients(trust, root / "patients.csv");
  WriteIncidents(trust, root / "incidents");
  WriteAdmissions(trust, root / "admissions.csv");
  WriteStaff(trust, root / "staff.csv");
  WriteTraining(trust, root / "training.csv");
  WriteRestrictions(trust, root / "restrictions.csv");
}

}  // namespace uofa::samples
