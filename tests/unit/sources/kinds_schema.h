// Record types for the organisation, staff, training, admission and restriction sources, built in
// C++ after DATA-CONTRACT.md (and the shape of rules/schema/), added to the incident test schemas.
#ifndef UOFA_TESTS_UNIT_SOURCES_KINDS_SCHEMA_H_
#define UOFA_TESTS_UNIT_SOURCES_KINDS_SCHEMA_H_

#include <memory>
#include <utility>

#include "tests/unit/sources/test_schema.h"

namespace uofa::testing {

inline void AddType(SchemaRegistry* schemas, const char* name, const char* id_field,
                    std::initializer_list<FieldSpec> specs) {
  auto type = std::make_unique<RecordType>(name);
  if (id_field != nullptr) type->set_id_field(id_field);
  AddFields(type.get(), specs);
  schemas->Add(std::move(type));
}

/// MakeTestSchemas() plus organisation (with its nested kinds), staff, training, admission and
/// restriction. `organisation_id_required`: ods_code is a required field.
inline std::unique_ptr<SchemaRegistry> MakeKindSchemas(bool organisation_id_required = false) {
  using K = FieldKind;
  std::unique_ptr<SchemaRegistry> schemas = MakeTestSchemas();
  AddType(schemas.get(), "unit", nullptr, {{"name", K::kString}, {"wards", K::kString}});
  AddType(schemas.get(), "responsible_person", nullptr,
          {{"name", K::kString, "", true}, {"job_title", K::kString},
           {"employed_by_organisation", K::kBool}, {"appointed_on", K::kDate}});
  AddType(schemas.get(), "delegation", nullptr,
          {{"name", K::kString}, {"functions", K::kString}});
  AddType(schemas.get(), "consultation", nullptr, {{"on", K::kDate}, {"with", K::kString}});
  AddType(schemas.get(), "revision", nullptr,
          {{"version", K::kString}, {"on", K::kDate}, {"substantial", K::kBool}});
  AddType(schemas.get(), "policy_record", nullptr,
          {{"title", K::kString}, {"version", K::kString}, {"published_on", K::kDate},
           {"consultations", K::kList, "consultation"}, {"revisions", K::kList, "revision"}});
  AddType(schemas.get(), "training_programme", nullptr,
          {{"rrn_certified", K::kBool}, {"topics", K::kString}});
  AddType(schemas.get(), "organisation", "ods_code",
          {{"name", K::kString}, {"ods_code", K::kString, "", organisation_id_required},
           {"kind", K::kEnum, "", false, {"nhs_trust", "nhs_foundation_trust", "independent"}},
           {"units", K::kList, "unit"}, {"responsible_person", K::kRecord, "responsible_person"},
           {"delegations", K::kList, "delegation"}, {"policy", K::kRecord, "policy_record"},
           {"training_programme", K::kRecord, "training_programme"}});
  AddType(schemas.get(), "training", "staff_id",
          {{"staff_id", K::kString}, {"course", K::kString},
           {"kind", K::kEnum, "", false, {"induction", "refresher"}}, {"completed_on", K::kDate},
           {"rrn_certified", K::kBool}, {"topics", K::kString}});
  AddType(schemas.get(), "staff", "staff_id",
          {{"staff_id", K::kString, "", true}, {"name", K::kString}, {"job_title", K::kString},
           {"employment", K::kEnum, "", false, {"employee", "contractor", "agency", "bank"}},
           {"started_on", K::kDate}, {"may_use_force", K::kBool},
           {"training", K::kList, "training"}});
  AddType(schemas.get(), "admission", "admission_id",
          {{"admission_id", K::kString, "", true}, {"patient_id", K::kString},
           {"ward", K::kString}, {"admitted_at", K::kDateTime}, {"info_given_at", K::kDateTime},
           {"info_format", K::kEnum, "", false,
            {"standard", "easy_read", "translated", "audio", "bsl", "braille", "other"}},
           {"patient", K::kRecord, "patient"}});
  AddType(schemas.get(), "restriction", nullptr,
          {{"ward", K::kString}, {"restriction", K::kText},
           {"scope", K::kEnum, "", false, {"ward", "individual"}}, {"patient_id", K::kString},
           {"started_on", K::kDate}, {"last_reviewed_on", K::kDate},
           {"communicated_to_patients", K::kBool}});
  for (const RecordType* type : schemas->All()) {
    for (FieldDef& field : schemas->FindMutable(type->name())->mutable_fields()) {
      if (!field.of.empty()) field.element = schemas->Find(field.of);
    }
  }
  return schemas;
}

/// MakeKindSchemas with the test code lists, kept together for a test's lifetime.
struct KindsEnvironment {
  explicit KindsEnvironment(bool organisation_id_required = false)
      : schemas(MakeKindSchemas(organisation_id_required)) {}
  std::unique_ptr<SchemaRegistry> schemas;
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

#endif  // UOFA_TESTS_UNIT_SOURCES_KINDS_SCHEMA_H_
