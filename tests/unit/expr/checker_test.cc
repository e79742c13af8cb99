#include <doctest/doctest.h>

#include "engine/expr/value_ops.h"
#include "tests/unit/expr/expr_test_support.h"

namespace uofa::expr {
namespace {

// The single error of compiling `source` against the incident schema.
ExpressionError OnlyError(const testing::Schema& schema, const std::string& source) {
  std::vector<ExpressionError> errors = schema.Errors(source);
  REQUIRE_MESSAGE(errors.size() == 1, source);
  return errors[0];
}

}  // namespace

TEST_CASE("checker: well-typed rule expressions compile") {
  testing::Schema schema;
  for (const char* source : {
           "reason_code in codes.ri_reason && reason_code != '99'",
           "!negligible && commenced('s.6')",
           "has(patient.nhs_number) && valid_nhs_number(patient.nhs_number)",
           "interventions.exists(i, i.type_code == '01' && i.minutes > 10)",
           "ended_at - started_at <= duration('1h') || ended_at < started_at + duration('2h')",
           "staff_count >= params.minimum_staff",
           "reason_code in codes.ri_reason_harm",
           "score > 1",
           "patient_injury == 'unknown'",
           "max_gap(interventions.map(i, i.started_at), started_at, ended_at) < duration('15m')",
       }) {
    std::vector<ExpressionError> errors = schema.Errors(source);
    CHECK_MESSAGE(errors.empty(), source << ": " << (errors.empty() ? "" : errors[0].message));
  }
}

TEST_CASE("checker: a misspelt field is an error at its offset") {
  testing::Schema schema;
  ExpressionError e = OnlyError(schema, "!negligible && reson_code == '10'");
  CHECK(e.offset == 15);
  CHECK(e.message == "undeclared reference to 'reson_code'");

  e = OnlyError(schema, "has(patient.nmae)");
  CHECK(e.offset == 12);
  CHECK(e.message == "no such field 'nmae' on 'patient'");

  e = OnlyError(schema, "interventions.all(i, i.type_cod == '01')");
  CHECK(e.offset == 23);
  CHECK(e.message == "no such field 'type_cod' on 'intervention'");
}

TEST_CASE("checker: an empty list or map literal takes the type of the other branch of ?:") {
  testing::Schema schema;
  // `(has(interventions) ? interventions : [])` is a list of interventions: a misspelt field of
  // its elements is found, in either order of the branches.
  ExpressionError e =
      OnlyError(schema, "(has(interventions) ? interventions : []).exists(i, i.type_cod == '01')");
  CHECK(e.offset == 54);
  CHECK(e.message == "no such field 'type_cod' on 'intervention'");
  e = OnlyError(schema, "(!has(interventions) ? [] : interventions).all(i, i.minuts > 1)");
  CHECK(e.offset == 52);
  CHECK(e.message == "no such field 'minuts' on 'intervention'");
  const std::string typed = "(has(interventions) ? interventions : []).exists(i, i.minutes > 10)";
  CHECK(schema.Errors(typed).empty());
  // The same at run time: no interventions is an empty list.
  auto none = schema.Incident({});
  CHECK(DebugString(schema.Eval(typed, *none)) == "false");
  // Anything else mixed is still dyn: an int and a string branch.
  CHECK(schema.Errors("(negligible ? 1 : 'a') == 1").empty());
}

TEST_CASE("checker: type errors name the operator and argument types") {
  testing::Schema schema;
  ExpressionError e = OnlyError(schema, "reason_code < 10");
  CHECK(e.offset == 12);
  CHECK(e.message == "no matching overload for '<' applied to '(string, int)'");

  e = OnlyError(schema, "staff_count == 'two'");
  CHECK(e.offset == 12);
  CHECK(e.message == "no matching overload for '==' applied to '(int, string)'");

  e = OnlyError(schema, "reason_code.startsWith(1)");
  CHECK(e.offset == 12);
  CHECK(e.message == "no matching overload for 'startsWith' applied to '(string, int)'");

  e = OnlyError(schema, "negligible && staff_count");
  CHECK(e.offset == 14);
  CHECK(e.message == "operand of '&&' must be bool, not 'int'");
}

TEST_CASE("checker: arity, unknown functions, params and codes") {
  testing::Schema schema;
  ExpressionError e = OnlyError(schema, "size(reason_code, 1) > 0");
  CHECK(e.offset == 0);
  CHECK(e.message == "wrong number of arguments to 'size'");

  e = OnlyError(schema, "frobnicate(reason_code)");
  CHECK(e.offset == 0);
  CHECK(e.message == "unknown function 'frobnicate'");

  e = OnlyError(schema, "staff_count > params.minimum_stafff");
  CHECK(e.offset == 21);
  CHECK(e.message == "unknown parameter 'minimum_stafff'");

  e = OnlyError(schema, "reason_code in codes.ri_reasons");
  CHECK(e.offset == 21);
  CHECK(e.message == "unknown code list 'ri_reasons'");

  e = OnlyError(schema, "reason_code.matches('(')");
  CHECK(e.offset == 12);
  CHECK(e.message.starts_with("invalid regular expression '('"));
}

TEST_CASE("checker: the result must be bool") {
  testing::Schema schema;
  ExpressionError e = OnlyError(schema, "staff_count + 1");
  CHECK(e.offset == 0);
  CHECK(e.message == "expression must be bool, not 'int'");
}

TEST_CASE("checker: every problem is reported") {
  testing::Schema schema;
  std::vector<ExpressionError> errors = schema.Errors("reson == 1 && patient.nmae == 'x'");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].offset == 0);
  CHECK(errors[1].offset == 22);
}

TEST_CASE("checker: referenced fields in first-use order") {
  testing::Schema schema;
  std::vector<ExpressionError> errors;
  auto program = Compile(
      "has(patient.nhs_number) && reason_code in codes.ri_reason && "
      "interventions.exists(i, i.type_code == '01') && reason_code != '99'",
      schema.environment, &errors);
  REQUIRE(program);
  CHECK(program->ReferencedFields() ==
        std::vector<std::string>{"patient.nhs_number", "reason_code", "interventions.type_code"});
}

TEST_CASE("checker: referenced fields keep the most specific path") {
  testing::Schema schema;
  std::vector<ExpressionError> errors;
  auto program = Compile(
      "has(patient) && has(patient.name) && size(interventions) > 0 && "
      "interventions.all(i, has(i.type_code)) && interventions.exists(x, x.minutes == 1)",
      schema.environment, &errors);
  REQUIRE(program);
  CHECK(program->ReferencedFields() ==
        std::vector<std::string>{"patient.name", "interventions.type_code", "interventions.minutes"});
}

}  // namespace uofa::expr
