#include <doctest/doctest.h>

#include <memory>

#include "engine/eval/auditor.h"
#include "engine/eval/evidence.h"
#include "engine/record/record_type.h"

namespace uofa {
namespace {

FieldDef Field(const char* name, FieldKind kind, bool identifier = false,
               const RecordType* element = nullptr) {
  FieldDef field;
  field.name = name;
  field.kind = kind;
  field.identifier = identifier;
  field.element = element;
  if (element != nullptr) field.of = element->name();
  return field;
}

struct EvidenceFixture {
  SchemaRegistry schemas;
  RecordType* incident = nullptr;
  RecordType* patient = nullptr;
  RecordType* intervention = nullptr;

  EvidenceFixture() {
    patient = schemas.Add(std::make_unique<RecordType>("patient"));
    patient->AddField(Field("patient_id", FieldKind::kString));
    patient->AddField(Field("name", FieldKind::kString, true));
    patient->AddField(Field("nhs_number", FieldKind::kString, true));
    intervention = schemas.Add(std::make_unique<RecordType>("intervention"));
    intervention->AddField(Field("type_code", FieldKind::kCode));
    incident = schemas.Add(std::make_unique<RecordType>("incident"));
    incident->set_id_field("incident_id");
    incident->AddField(Field("incident_id", FieldKind::kString));
    incident->AddField(Field("started_at", FieldKind::kDateTime));
    incident->AddField(Field("patient", FieldKind::kRecord, false, patient));
    incident->AddField(Field("interventions", FieldKind::kList, false, intervention));
  }

  Record Incident() const {
    auto person = std::make_shared<Record>();
    person->type = patient;
    person->fields = {Value::String("P1"), Value::String("Alex Example"), Value::String("9434765919")};
    auto first = std::make_shared<Record>();
    first->type = intervention;
    first->fields = {Value::String("01")};
    auto second = std::make_shared<Record>();
    second->type = intervention;
    second->fields = {Value()};
    Record record;
    record.type = incident;
    std::string error;
    record.fields = {Value::String("INC-1"), Value::Time(*ParseDateTime("2024-10-27T00:30", &error)),
                     Value::OfRecord(person),
                     Value::List(ValueList{Value::OfRecord(first), Value::OfRecord(second)})};
    return record;
  }
};

TEST_CASE("evidence shows scalars, nested fields and list elements") {
  EvidenceFixture fixture;
  Record record = fixture.Incident();
  CHECK(record.Id() == "INC-1");
  CHECK(EvidenceText(record, "incident_id", false) == "INC-1");
  CHECK(EvidenceText(record, "started_at", false) == "2024-10-27T00:30");
  CHECK(EvidenceText(record, "patient.patient_id", false) == "P1");
  CHECK(EvidenceText(record, "interventions.type_code", false) == "[01, (missing)]");
  CHECK(EvidenceText(record, "no_such_field", false) == "(missing)");
}

TEST_CASE("evidence redacts patient identifiers unless they are shown") {
  EvidenceFixture fixture;
  Record record = fixture.Incident();
  CHECK(EvidenceText(record, "patient.name", false) == "[redacted]");
  CHECK(EvidenceText(record, "patient.nhs_number", false) == "[redacted]");
  CHECK(EvidenceText(record, "patient", false) == "{patient_id=P1, name=[redacted], nhs_number=[redacted]}");
  CHECK(EvidenceText(record, "patient.name", true) == "Alex Example");
  CHECK(EvidenceText(record, "patient.nhs_number", true) == "9434765919");
}

TEST_CASE("a rule's status follows its counts and target") {
  RuleOutcome outcome;
  DecideStatus(outcome, false);
  CHECK(outcome.status == RuleStatus::kNotAssessed);

  DecideStatus(outcome, true);
  CHECK(outcome.status == RuleStatus::kNotApplicable);

  outcome.passed = 97;
  outcome.failed = 3;
  DecideStatus(outcome, true);
  CHECK(outcome.status == RuleStatus::kGap);

  outcome.target = 0.97;  // exactly at target: met
  DecideStatus(outcome, true);
  CHECK(outcome.status == RuleStatus::kMet);

  outcome.target = 0.98;
  DecideStatus(outcome, true);
  CHECK(outcome.status == RuleStatus::kGap);

  outcome.target.reset();
  outcome.failed = 0;
  outcome.indeterminate = 2;
  DecideStatus(outcome, true);
  CHECK(outcome.status == RuleStatus::kIndeterminate);
}

}  // namespace
}  // namespace uofa
