#include "engine/sources/source_registry.h"

#include <filesystem>
#include <system_error>

#include "engine/sources/incident_jsonl.h"
#include "engine/sources/incident_tables.h"
#include "engine/sources/joined_table.h"
#include "engine/sources/table_source.h"
#include "engine/sources/yaml_record.h"

namespace uofa {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPatientsFile = "patients.csv";
constexpr const char* kIncidentsCsv = "incidents/incidents.csv";
constexpr const char* kIncidentsJsonl = "incidents/incidents.jsonl";
constexpr const char* kIncidentsSqlite = "incidents/incidents.sqlite";

std::unique_ptr<RecordSource> OpenPatients(AuditFolder& folder, Diagnostics& diagnostics) {
  std::shared_ptr<const KeyedTable> patients = folder.Patients(diagnostics);
  if (!patients) return nullptr;
  return MakeKeyedTableSource(std::move(patients));
}

// The incidents come in one of three forms; more than one present is an error naming them.
std::unique_ptr<RecordSource> OpenIncidents(AuditFolder& folder, Diagnostics& diagnostics) {
  std::vector<std::string> present;
  for (const char* form : {kIncidentsCsv, kIncidentsJsonl, kIncidentsSqlite}) {
    if (folder.Has(form)) present.push_back(fs::path(form).filename().string());
  }
  if (present.size() > 1) {
    std::string names;
    for (std::size_t i = 0; i < present.size(); ++i) {
      if (i > 0) names += i + 1 == present.size() ? " and " : ", ";
      names += "'" + present[i] + "'";
    }
    diagnostics.Error({folder.PathOf("incidents"), 0, 0},
                      (present.size() == 2 ? "both " : "all of ") + names +
                          " are present; keep one of them");
    return nullptr;
  }
  PendingKeyedTable patients = folder.PendingPatients();
  if (folder.Has(kIncidentsCsv)) {
    return OpenIncidentTables(folder.PathOf("incidents"), folder.options(), std::move(patients),
                              diagnostics);
  }
  if (folder.Has(kIncidentsSqlite)) {
    return OpenIncidentDatabase(folder.PathOf(kIncidentsSqlite), folder.options(),
                                std::move(patients), diagnostics);
  }
  return OpenIncidentJsonl(folder.PathOf(kIncidentsJsonl), folder.options(), patients.Get(),
                           diagnostics);
}

// A table with nothing to join, streamed as it is; its kind is the row's.
template <const char* kKind, const char* kFile>
std::unique_ptr<RecordSource> OpenPlainTable(AuditFolder& folder, Diagnostics& diagnostics) {
  const RecordType* type = folder.options().schemas->Find(kKind);
  std::unique_ptr<TableReader> table =
      TableReader::Open(folder.PathOf(kFile), *type, folder.options().parse, diagnostics);
  if (!table) return nullptr;
  return MakeTableSource(std::move(table));
}

constexpr char kAdmission[] = "admission";
constexpr char kAdmissionsFile[] = "admissions.csv";
constexpr char kStaff[] = "staff";
constexpr char kStaffFile[] = "staff.csv";
constexpr char kTraining[] = "training";
constexpr char kTrainingFile[] = "training.csv";
constexpr char kRestriction[] = "restriction";
constexpr char kRestrictionsFile[] = "restrictions.csv";
constexpr char kOrganisation[] = "organisation";
constexpr char kOrganisationFile[] = "organisation.yaml";

constexpr const char* kPolicyFolder = "policy/";

// Both document kinds read the same files, once (AuditFolder::Documents).
template <const char* kKind>
std::unique_ptr<RecordSource> OpenDocuments(AuditFolder& folder, Diagnostics& diagnostics) {
  return MakeDocumentSource(folder.Documents(diagnostics), *folder.options().schemas->Find(kKind));
}

constexpr char kPolicyDocument[] = "policy_document";
constexpr char kPolicyParagraph[] = "policy_paragraph";

std::unique_ptr<RecordSource> OpenOrganisation(AuditFolder& folder, Diagnostics& diagnostics) {
  const RecordType* type = folder.options().schemas->Find(kOrganisation);
  // The documents organisation.yaml names are checked (a path out of the folder is refused)
  // whether or not the folder has a policy/ folder to read them from.
  folder.Documents(diagnostics);
  return OpenYamlRecord(folder.PathOf(kOrganisationFile), *type, folder.options(), diagnostics);
}

// A table joined with its child tables beside it (list field `x` <- x.csv) and, where it has a
// field of the patient kind, with patients.csv.
template <const char* kKind, const char* kFile>
std::unique_ptr<RecordSource> OpenJoined(AuditFolder& folder, Diagnostics& diagnostics) {
  JoinedTableSpec spec;
  spec.path = folder.PathOf(kFile);
  spec.type = folder.options().schemas->Find(kKind);
  spec.children = ChildTablesBeside(*spec.type, folder.directory(), folder.options());
  spec.lookup = folder.PendingPatients();
  return OpenJoinedTable(spec, folder.options(), diagnostics);
}

// training.csv is read with staff.csv, as its list field 'training', when the packs read staff;
// only packs that read training without staff get it as a table of its own.
std::unique_ptr<RecordSource> OpenTraining(AuditFolder& folder, Diagnostics& diagnostics) {
  if (folder.options().schemas->Find(kStaff) == nullptr) {
    return OpenPlainTable<kTraining, kTrainingFile>(folder, diagnostics);
  }
  if (!folder.Has(kStaffFile)) {
    diagnostics.Warning({folder.PathOf(kTrainingFile), 0, 0},
                        "'training.csv' is read with 'staff.csv', which is absent; its rows are "
                        "not read");
  }
  return nullptr;
}

}  // namespace

std::string AuditFolder::PathOf(std::string_view relative) const {
  return (fs::path(directory_) / fs::path(relative)).string();
}

bool AuditFolder::Has(std::string_view relative) const {
  std::error_code ignored;
  if (relative.ends_with('/')) return fs::is_directory(PathOf(relative.substr(0, relative.size() - 1)), ignored);
  return fs::is_regular_file(PathOf(relative), ignored);
}

AuditFolder::PatientsRead AuditFolder::ReadPatients() const {
  PatientsRead read;
  const RecordType* type = options_.schemas ? options_.schemas->Find("patient") : nullptr;
  if (type == nullptr || !Has(kPatientsFile)) return read;
  std::string key = type->id_field().empty() ? "patient_id" : type->id_field();
  read.table = LoadKeyedTable(PathOf(kPatientsFile), *type, key, options_.parse, read.problems);
  return read;
}

void AuditFolder::StartReadingPatients() {
  if (patients_taken_ || patients_reading_.valid()) return;
  patients_reading_ = std::async(std::launch::async, [this] { return ReadPatients(); });
}

void AuditFolder::TakePatients() {
  if (patients_taken_) return;
  patients_taken_ = true;
  patients_ = patients_reading_.valid() ? patients_reading_.get() : ReadPatients();
}

std::shared_ptr<const KeyedTable> AuditFolder::Patients(Diagnostics& diagnostics) {
  TakePatients();
  if (!patient_problems_reported_) {
    patient_problems_reported_ = true;
    diagnostics.Merge(patients_.problems);
  }
  return patients_.table;
}

PendingKeyedTable AuditFolder::PendingPatients() {
  return PendingKeyedTable([this] {
    TakePatients();
    return patients_.table;
  });
}

std::shared_ptr<const DocumentSet> AuditFolder::Documents(Diagnostics& diagnostics) {
  if (!documents_) documents_ = ReadPolicyFolder(directory_, options_, diagnostics);
  return documents_;
}

const std::vector<SourceKind>& SourceKinds() {
  static const std::vector<SourceKind> kinds = {
      // patients first: the incident join reads the same table. Opened last: it waits for
      // patients.csv, which the joins wait for only after their first pass over their keys.
      {"patient", {kPatientsFile}, OpenPatients, /*opened_last=*/true},
      {"incident", {kIncidentsCsv, kIncidentsJsonl, kIncidentsSqlite}, OpenIncidents},
      {kOrganisation, {kOrganisationFile}, OpenOrganisation},
      {kAdmission, {kAdmissionsFile}, OpenJoined<kAdmission, kAdmissionsFile>},
      {kStaff, {kStaffFile}, OpenJoined<kStaff, kStaffFile>},
      {kTraining, {kTrainingFile}, OpenTraining},
      {kRestriction, {kRestrictionsFile}, OpenPlainTable<kRestriction, kRestrictionsFile>},
      {kPolicyDocument, {kPolicyFolder}, OpenDocuments<kPolicyDocument>},
      {kPolicyParagraph, {kPolicyFolder}, OpenDocuments<kPolicyParagraph>},
  };
  return kinds;
}

std::vector<std::unique_ptr<RecordSource>> OpenAuditFolder(const std::string& directory,
                                                           const SourceOptions& options,
                                                           Diagnostics& diagnostics) {
  std::vector<std::unique_ptr<RecordSource>> sources;
  std::error_code ignored;
  if (!fs::is_directory(directory, ignored)) {
    diagnostics.Error({directory, 0, 0}, "'" + directory + "' is not a folder");
    return sources;
  }
  if (options.schemas == nullptr) return sources;
  AuditFolder folder(directory, options);
  folder.StartReadingPatients();
  // Each kind is opened with problems of its own, given in the table's order whatever order the
  // kinds were opened in.
  const std::vector<SourceKind>& kinds = SourceKinds();
  std::vector<std::unique_ptr<RecordSource>> opened(kinds.size());
  std::vector<Diagnostics> problems(kinds.size());
  auto open = [&](std::size_t i) {
    const SourceKind& entry = kinds[i];
    if (options.schemas->Find(entry.kind) == nullptr) return;  // no pack needs it
    bool present = false;
    for (const char* file : entry.files) present = present || folder.Has(file);
    if (present) opened[i] = entry.open(folder, problems[i]);
  };
  for (bool last : {false, true}) {
    for (std::size_t i = 0; i < kinds.size(); ++i) {
      if (kinds[i].opened_last == last) open(i);
    }
  }
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    diagnostics.Merge(problems[i]);
    if (opened[i]) sources.push_back(std::move(opened[i]));
  }
  return sources;
}

}  // namespace uofa
