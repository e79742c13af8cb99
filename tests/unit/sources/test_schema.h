// Record types and code lists for the source tests, built in C++ to mirror DATA-CONTRACT.md's
// incident table set and patients, so the tests do not depend on rules/schema/*.yaml.
#ifndef UOFA_TESTS_UNIT_SOURCES_TEST_SCHEMA_H_
#define UOFA_TESTS_UNIT_SOURCES_TEST_SCHEMA_H_

#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/record/record_type.h"
#include "engine/sources/record_source.h"

namespace uofa::testing {

struct FieldSpec {
  const char* name;
  FieldKind kind;
  const char* detail = "";  // code list (code) or element kind (list, record)
  bool required = false;
  std::vector<std::string> values = {};  // enum values
};

inline void AddFields(RecordType* type, std::initializer_list<FieldSpec> specs) {
  for (const FieldSpec& spec : specs) {
    FieldDef field;
    field.name = spec.name;
    field.kind = spec.kind;
    field.required = spec.required;
    if (spec.kind == FieldKind::kCode) field.code_list = spec.detail;
    if (spec.kind == FieldKind::kList || spec.kind == FieldKind::kRecord) field.of = spec.detail;
    field.enum_values = spec.values;
    field.identifier = field.name == "name" || field.name == "nhs_number";
    type->AddField(std::move(field));
  }
}

/// The schemas of DATA-CONTRACT.md: incident (with its lists and patient), intervention,
/// staff_involved, review, observation, patient. Element types are resolved.
inline std::unique_ptr<SchemaRegistry> MakeTestSchemas() {
  using K = FieldKind;
  auto schemas = std::make_unique<SchemaRegistry>();

  auto patient = std::make_unique<RecordType>("patient");
  patient->set_id_field("patient_id");
  AddFields(patient.get(), {
      {"patient_id", K::kString, "", true}, {"name", K::kString}, {"nhs_number", K::kString},
      {"date_of_birth", K::kDate}, {"sex", K::kString}, {"ethnicity", K::kString},
      {"religion", K::kString}, {"disability", K::kTristate}, {"disability_nature", K::kText},
      {"marital_status", K::kString}, {"pregnant", K::kTristate},
      {"sexual_orientation", K::kString}, {"learning_disability", K::kTristate},
      {"autism", K::kTristate}, {"mental_disorder", K::kString}, {"legal_status", K::kString},
  });

  auto intervention = std::make_unique<RecordType>("intervention");
  AddFields(intervention.get(), {
      {"incident_id", K::kString, "", true}, {"seq", K::kInt}, {"type_code", K::kCode, "ri_type"},
      {"started_at", K::kDateTime}, {"ended_at", K::kDateTime}, {"in_care_plan", K::kBool},
      {"authorised_by", K::kString}, {"authoriser_role", K::kString},
  });

  auto staff = std::make_unique<RecordType>("staff_involved");
  AddFields(staff.get(), {
      {"incident_id", K::kString, "", true}, {"person_id", K::kString}, {"name", K::kString},
      {"job_title", K::kString}, {"is_staff", K::kBool}, {"organisation", K::kString},
      {"reason_involved", K::kText},
      {"role", K::kEnum, "", false, {"hands_on", "lead", "observer", "prescriber", "authoriser"}},
  });

  auto review = std::make_unique<RecordType>("review");
  AddFields(review.get(), {
      {"incident_id", K::kString, "", true},
      {"kind", K::kEnum, "", false,
       {"medical", "nursing", "mdt", "independent_mdt", "approved_clinician", "external"}},
      {"at", K::kDateTime}, {"by", K::kString},
  });

  auto observation = std::make_unique<RecordType>("observation");
  AddFields(observation.get(), {
      {"incident_id", K::kString, "", true},
      {"kind", K::kEnum, "", false, {"seclusion_observation", "vital_signs"}},
      {"at", K::kDateTime}, {"by", K::kString},
  });

  auto incident = std::make_unique<RecordType>("incident");
  incident->set_id_field("incident_id");
  incident->set_event_time_field("started_at");
  AddFields(incident.get(), {
      {"incident_id", K::kString, "", true}, {"patient_id", K::kString, "", true},
      {"unit", K::kString}, {"ward", K::kString}, {"location", K::kString},
      {"started_at", K::kDateTime}, {"ended_at", K::kDateTime},
      {"reason_code", K::kCode, "ri_reason"}, {"reason", K::kText}, {"description", K::kText},
      {"efforts_to_avoid", K::kText}, {"outcome", K::kText},
      {"patient_injury", K::kTristate}, {"staff_injury", K::kTristate},
      {"death_or_serious_injury", K::kBool}, {"investigation_ref", K::kString},
      {"notify_required", K::kBool}, {"notification_sent", K::kBool}, {"planned", K::kBool},
      {"negligible", K::kBool}, {"negligible_reason", K::kText}, {"police_involved", K::kBool},
      {"police_camera", K::kEnum, "", false,
       {"worn_operating", "worn_not_operating", "not_worn", "unknown"}},
      {"police_camera_exception", K::kText}, {"debrief_patient_at", K::kDateTime},
      {"debrief_declined", K::kBool}, {"post_incident_review_at", K::kDateTime},
      {"recorded_at", K::kDateTime}, {"recorded_by", K::kString}, {"deleted_at", K::kDateTime},
      {"interventions", K::kList, "intervention"}, {"staff_involved", K::kList, "staff_involved"},
      {"reviews", K::kList, "review"}, {"observations", K::kList, "observation"},
      {"patient", K::kRecord, "patient"},
  });

  schemas->Add(std::move(patient));
  schemas->Add(std::move(intervention));
  schemas->Add(std::move(staff));
  schemas->Add(std::move(review));
  schemas->Add(std::move(observation));
  schemas->Add(std::move(incident));
  // Resolve list and record elements, as the schema loader does.
  for (const RecordType* type : schemas->All()) {
    for (FieldDef& field : schemas->FindMutable(type->name())->mutable_fields()) {
      if (!field.of.empty()) field.element = schemas->Find(field.of);
    }
  }
  return schemas;
}

/// ri_type and ri_reason (DOMAIN.md section 9), width 2; ri_type retires 02 and 03.
inline std::unique_ptr<CodeRegistry> MakeTestCodes() {
  auto codes = std::make_unique<CodeRegistry>();
  CodeList type;
  type.id = "ri_type";
  type.width = 2;
  for (const char* code : {"01", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14",
                           "15", "16", "17"}) {
    type.codes.emplace_back(code, std::string("type ") + code);
  }
  type.retired = {"02", "03"};
  codes->Add(std::move(type));
  CodeList reason;
  reason.id = "ri_reason";
  reason.width = 2;
  for (const char* code : {"10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "98", "99"}) {
    reason.codes.emplace_back(code, std::string("reason ") + code);
  }
  codes->Add(std::move(reason));
  return codes;
}

/// Schemas, codes and the options that point at them, kept together for a test's lifetime.
struct TestEnvironment {
  std::unique_ptr<SchemaRegistry> schemas = MakeTestSchemas();
  std::unique_ptr<CodeRegistry> codes = MakeTestCodes();
  SourceOptions options() const {
    SourceOptions out;
    out.schemas = schemas.get();
    out.parse.codes = codes.get();
    return out;
  }
  const RecordType& type(const char* kind) const { return *schemas->Find(kind); }
};

}  // namespace uofa::testing

#endif  // UOFA_TESTS_UNIT_SOURCES_TEST_SCHEMA_H_
