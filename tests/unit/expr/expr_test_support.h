// Shared fixtures for the condition-language tests: a small incident schema with a nested
// patient and a list of interventions, code lists, parameters, and helpers to compile and
// evaluate against it.
#ifndef UOFA_TESTS_UNIT_EXPR_EXPR_TEST_SUPPORT_H_
#define UOFA_TESTS_UNIT_EXPR_EXPR_TEST_SUPPORT_H_

#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/time.h"
#include "engine/expr/program.h"
#include "engine/expr/value.h"
#include "engine/expr/value_ops.h"
#include "engine/record/record_type.h"

namespace uofa::expr::testing {

inline Timestamp Local(const char* text) {
  std::string error;
  std::optional<Timestamp> t = ParseDateTime(text, &error);
  return t.value_or(Timestamp{});
}

class Schema {
 public:
  Schema() {
    Add(patient, "name", FieldKind::kString);
    Add(patient, "nhs_number", FieldKind::kString);
    Add(patient, "date_of_birth", FieldKind::kDate);
    Add(intervention, "type_code", FieldKind::kCode);
    Add(intervention, "started_at", FieldKind::kDateTime);
    Add(intervention, "minutes", FieldKind::kInt);
    Add(incident, "incident_id", FieldKind::kString);
    Add(incident, "reason_code", FieldKind::kCode);
    Add(incident, "negligible", FieldKind::kBool);
    Add(incident, "started_at", FieldKind::kDateTime);
    Add(incident, "ended_at", FieldKind::kDateTime);
    Add(incident, "staff_count", FieldKind::kInt);
    Add(incident, "score", FieldKind::kNumber);
    Add(incident, "patient_injury", FieldKind::kTristate);
    FieldDef interventions;
    interventions.name = "interventions";
    interventions.kind = FieldKind::kList;
    interventions.of = "intervention";
    interventions.element = &intervention;
    incident.AddField(interventions);
    FieldDef patient_field;
    patient_field.name = "patient";
    patient_field.kind = FieldKind::kRecord;
    patient_field.of = "patient";
    patient_field.element = &patient;
    incident.AddField(patient_field);
    incident.set_id_field("incident_id");
    incident.set_event_time_field("started_at");

    CodeList reasons;
    reasons.id = "ri_reason";
    reasons.width = 2;
    reasons.codes = {{"10", "Prevent harm"}, {"11", "Prevent self-harm"}, {"99", "Other"}};
    reasons.groups["ri_reason_harm"] = {"10", "11"};
    codes.Add(reasons);
    params["record_within_hours"] = Value::Int(24);
    params["minimum_staff"] = Value::Int(2);

    commencement["s.6"] = Local("2022-03-31");
    commencement["s.6(5)(n)"] = std::nullopt;
    commencement["s.12"] = Local("2022-08-18");
    context.as_of = Local("2024-04-01");
    context.commencement = &commencement;
    environment.subject = &incident;
    environment.params = &params;
    environment.codes = &codes;
  }
  Schema(const Schema&) = delete;

  /// A record of `type` with the named fields set.
  static std::shared_ptr<Record> Make(const RecordType& type,
                                      std::initializer_list<std::pair<const char*, Value>> values) {
    auto record = std::make_shared<Record>();
    record->type = &type;
    record->fields.resize(static_cast<std::size_t>(type.FieldCount()));
    for (const auto& [name, value] : values) {
      const FieldDef* field = type.Find(name);
      if (field != nullptr) record->fields[field->slot] = value;
    }
    return record;
  }

  std::shared_ptr<Record> Incident(
      std::initializer_list<std::pair<const char*, Value>> values) const {
    return Make(incident, values);
  }

  /// Compiles against the incident schema; the errors, empty when it compiled.
  std::vector<ExpressionError> Errors(const std::string& source) const {
    std::vector<ExpressionError> errors;
    Compile(source, environment, &errors);
    return errors;
  }

  /// Compiles and evaluates; a compile failure is returned as an error value "compile: ...".
  Value Eval(const std::string& source, const Record& record) const {
    std::vector<ExpressionError> errors;
    std::unique_ptr<const Program> program = Compile(source, environment, &errors);
    if (!program) {
      return Value::Error("compile: " + (errors.empty() ? std::string("?") : errors[0].message));
    }
    Value value = program->Evaluate(record, context);
    // The boolean shortcut the rules are decided by agrees with the value, in every test.
    if (program->Test(record, context) != TruthOf(value)) {
      return Value::Error("Test disagrees with " + DebugString(value));
    }
    return value;
  }
  Value Eval(const std::string& source) const { return Eval(source, *Incident({})); }

  RecordType patient{"patient"};
  RecordType intervention{"intervention"};
  RecordType incident{"incident"};
  CodeRegistry codes;
  std::map<std::string, Value, std::less<>> params;
  CommencementTable commencement;
  EvaluationContext context;
  CompileEnvironment environment;

 private:
  static void Add(RecordType& type, const char* name, FieldKind kind) {
    FieldDef field;
    field.name = name;
    field.kind = kind;
    type.AddField(field);
  }
};

}  // namespace uofa::expr::testing

#endif  // UOFA_TESTS_UNIT_EXPR_EXPR_TEST_SUPPORT_H_
