// Facts from records: the only place the statistics know the data contract's field names.
#include "engine/stats/record_facts.h"

#include <cstdio>

#include "engine/base/text.h"

namespace uofa::stats {
namespace {

std::string Text(const Record& record, std::string_view field) {
  const Value& value = record.Get(field);
  return value.kind() == ValueKind::kString ? std::string(TrimSpace(value.as_string())) : std::string();
}

std::optional<Timestamp> Time(const Record& record, std::string_view field) {
  const Value& value = record.Get(field);
  if (value.kind() != ValueKind::kTimestamp) return std::nullopt;
  return value.as_timestamp();
}

// An empty field is "Not recorded"; an explicit unknown is "Not known" (DOMAIN.md §3: "if known").
std::string YesNo(const std::string& tristate) {
  if (tristate == "yes") return "Yes";
  if (tristate == "no") return "No";
  return tristate.empty() ? "Not recorded" : "Not known";
}

std::string SexGroup(const std::string& sex) {
  const std::string lower = AsciiLower(sex);
  if (lower == "female" || lower == "f") return "Female";
  if (lower == "male" || lower == "m") return "Male";
  if (lower.empty()) return "Not recorded";
  if (lower == "unknown" || lower == "not known" || lower == "not stated") return "Not known";
  return "Other";
}

// The ethnic category's group ("ethnic_category_black" -> "Black"), from the code list's groups.
std::string EthnicGroup(const CodeList* list, const std::string& code) {
  if (list == nullptr || code.empty()) return "Not recorded";
  const std::string normalized = list->Normalize(code);
  for (const auto& [group, members] : list->groups) {
    for (const std::string& member : members) {
      if (member != normalized) continue;
      std::string name = group.substr(group.rfind("ethnic_category_") == 0 ? 16 : 0);
      if (name == "not_known") return "Not stated or not known";
      for (char& c : name) c = c == '_' ? ' ' : c;
      if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
      return name;
    }
  }
  return "Not a listed code";
}

std::map<std::string, std::string> Labels(const CodeList* list) {
  std::map<std::string, std::string> labels;
  if (list != nullptr) {
    for (const auto& [code, label] : list->codes) labels[code] = label;
  }
  return labels;
}

// The type groups charted by type, from rules/codes/ri_type.yaml (DOMAIN.md §9 and the Act's
// s.1(7) kinds of force).
std::vector<TypeGroup> TypeGroups(const CodeList* list) {
  static const std::pair<const char*, const char*> kCharted[] = {
      {"physical", "Physical restraint"},   {"prone", "Prone restraint"},  {"chemical", "Chemical restraint"},
      {"mechanical", "Mechanical restraint"}, {"seclusion", "Seclusion"}, {"segregation", "Segregation"},
  };
  std::vector<TypeGroup> groups;
  if (list == nullptr) return groups;
  for (const auto& [key, title] : kCharted) {
    auto found = list->groups.find(std::string("ri_type_") + key);
    if (found != list->groups.end()) groups.push_back({key, title, found->second});
  }
  return groups;
}

}  // namespace

DayNumber LocalDay(Timestamp t) {
  LocalFields local = ToLocal(t);
  return DaysFromCivil(local.year, local.month, local.day);
}

std::string AgeBand(DayNumber birth, DayNumber on) {
  // Whole years: compare calendar dates through their month strings and days.
  const std::string birth_month = MonthOf(birth), on_month = MonthOf(on);
  int birth_year = std::stoi(birth_month.substr(0, 4)), on_year = std::stoi(on_month.substr(0, 4));
  const DayNumber birthday_this_year =
      DaysFromCivil(on_year, std::stoi(birth_month.substr(5, 2)),
                    static_cast<int>(birth - *MonthStart(birth_month)) + 1);
  int age = on_year - birth_year - (on < birthday_this_year ? 1 : 0);
  if (age < 0) return "Not known";
  if (age < 18) return "Under 18";
  if (age < 25) return "18-24";
  if (age < 35) return "25-34";
  if (age < 45) return "35-44";
  if (age < 55) return "45-54";
  if (age < 65) return "55-64";
  return "65 and over";
}

IncidentFacts IncidentFactsOf(const Record& incident) {
  IncidentFacts facts;
  facts.incident_id = incident.Id();
  facts.patient_id = Text(incident, "patient_id");
  if (facts.patient_id.empty()) {
    const Value& patient = incident.Get("patient");
    if (patient.kind() == ValueKind::kRecord) facts.patient_id = Text(patient.as_record(), "patient_id");
  }
  facts.unit = Text(incident, "unit");
  facts.ward = Text(incident, "ward");
  std::optional<Timestamp> started = Time(incident, "started_at");
  std::optional<Timestamp> ended = Time(incident, "ended_at");
  if (started) facts.month = MonthOf(LocalDay(*started));
  facts.reason_code = Text(incident, "reason_code");
  facts.patient_injury = Text(incident, "patient_injury") == "yes";
  facts.staff_injury = Text(incident, "staff_injury") == "yes";
  const Value& interventions = incident.Get("interventions");
  if (interventions.kind() == ValueKind::kList) {
    for (const Value& item : interventions.as_list()) {
      if (item.kind() != ValueKind::kRecord) continue;
      const Record& intervention = item.as_record();
      InterventionFacts row;
      row.type_code = Text(intervention, "type_code");
      // An intervention without its own times takes the incident's.
      std::optional<Timestamp> from = Time(intervention, "started_at");
      std::optional<Timestamp> to = Time(intervention, "ended_at");
      if (!from) from = started;
      if (!to) to = ended;
      if (from && to) row.duration_minutes = static_cast<double>(to->seconds - from->seconds) / 60.0;
      facts.interventions.push_back(row);
    }
  }
  return facts;
}

Facts ReadFacts(std::vector<std::unique_ptr<RecordSource>>& sources, const CodeRegistry& codes, Timestamp as_of,
                Diagnostics& diagnostics) {
  Facts facts;
  facts.as_of = LocalDay(as_of);
  facts.type_labels = Labels(codes.Find("ri_type"));
  facts.reason_labels = Labels(codes.Find("ri_reason"));
  facts.type_groups = TypeGroups(codes.Find("ri_type"));
  if (const CodeList* types = codes.Find("ri_type")) {
    if (auto prone = types->groups.find("ri_type_prone"); prone != types->groups.end()) facts.prone_codes = prone->second;
  }
  const CodeList* ethnic = codes.Find("ethnic_category");
  for (auto& source : sources) {
    const std::string kind = source->kind();
    if (kind != "incident" && kind != "admission" && kind != "patient") continue;
    std::shared_ptr<const Record> record;
    while (source->Next(&record, diagnostics)) {
      if (record == nullptr) continue;
      if (kind == "incident") {
        facts.incidents.push_back(IncidentFactsOf(*record));
      } else if (kind == "admission") {
        std::optional<Timestamp> admitted = Time(*record, "admitted_at");
        if (!admitted) continue;  // no admission date: no bed days (a data-quality rule reports it)
        AdmissionFacts admission;
        admission.patient_id = Text(*record, "patient_id");
        admission.unit = Text(*record, "unit");
        admission.ward = Text(*record, "ward");
        admission.admitted = LocalDay(*admitted);
        if (std::optional<Timestamp> discharged = Time(*record, "discharged_at")) {
          admission.discharged = LocalDay(*discharged);
        }
        facts.admissions.push_back(admission);
      } else {
        PatientFacts patient;
        patient.patient_id = Text(*record, "patient_id");
        patient.ethnicity = EthnicGroup(ethnic, Text(*record, "ethnicity"));
        patient.sex = SexGroup(Text(*record, "sex"));
        std::optional<Timestamp> birth = Time(*record, "date_of_birth");
        patient.age_band = birth ? AgeBand(LocalDay(*birth), facts.as_of) : "Not recorded";
        patient.learning_disability = YesNo(Text(*record, "learning_disability"));
        patient.autism = YesNo(Text(*record, "autism"));
        facts.patients.push_back(patient);
      }
    }
  }
  return facts;
}

}  // namespace uofa::stats
