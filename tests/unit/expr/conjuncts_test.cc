// The operands of a condition's `&&` chain (Program::ConjunctKeys and TestConjunct), which the
// rules of a pack decide once per record among themselves (engine/eval/auditor.cc).
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/expr/program.h"
#include "tests/unit/expr/expr_test_support.h"

namespace uofa::expr {
namespace {

std::unique_ptr<const Program> Compiled(const testing::Schema& schema, const std::string& source) {
  std::vector<ExpressionError> errors;
  std::unique_ptr<const Program> program = Compile(source, schema.environment, &errors);
  REQUIRE_MESSAGE(program != nullptr, source);
  return program;
}

// The key of an expression that is not a conjunction.
std::string KeyOf(const testing::Schema& schema, const std::string& source) {
  std::unique_ptr<const Program> program = Compiled(schema, source);
  REQUIRE(program->ConjunctKeys().size() == 1);
  return program->ConjunctKeys()[0];
}

// The truth of each operand for the record, then that of the whole expression.
std::vector<Truth> Truths(const Program& program, const Record& record,
                          const EvaluationContext& context) {
  std::vector<Truth> truths;
  for (std::size_t i = 0; i < program.ConjunctKeys().size(); ++i) {
    truths.push_back(program.TestConjunct(i, record, context));
  }
  truths.push_back(program.Test(record, context));
  return truths;
}

}  // namespace

TEST_CASE("conjuncts: the operands of the && chain in order, through parentheses, each tested") {
  testing::Schema schema;
  auto program = Compiled(schema,
                          "staff_count > 1 && (negligible && has(reason_code))"
                          " && reason_code in codes.ri_reason_harm");
  REQUIRE(program->ConjunctKeys().size() == 4);
  CHECK(program->ConjunctKeys()[0] == KeyOf(schema, "staff_count > 1"));
  CHECK(program->ConjunctKeys()[1] == KeyOf(schema, "negligible"));
  CHECK(program->ConjunctKeys()[2] == KeyOf(schema, "has(reason_code)"));
  CHECK(program->ConjunctKeys()[3] == KeyOf(schema, "reason_code in codes.ri_reason_harm"));

  constexpr Truth kTrue = Truth::kTrue, kFalse = Truth::kFalse, kOther = Truth::kOther;
  auto truths = [&](const std::shared_ptr<Record>& record) {
    return Truths(*program, *record, schema.context);
  };
  CHECK(truths(schema.Incident({{"staff_count", Value::Int(3)},
                                {"negligible", Value::Bool(false)},
                                {"reason_code", Value::String("10")}})) ==
        std::vector<Truth>{kTrue, kFalse, kTrue, kTrue, kFalse});
  // On a record without the fields, the number and the bool cannot be decided; has() and `in`
  // (a missing code is not among the codes) can.
  CHECK(truths(schema.Incident({})) == std::vector<Truth>{kOther, kOther, kFalse, kFalse, kFalse});
  CHECK(truths(schema.Incident({{"staff_count", Value::Int(3)},
                                {"negligible", Value::Bool(true)},
                                {"reason_code", Value::String("10")}})) ==
        std::vector<Truth>{kTrue, kTrue, kTrue, kTrue, kTrue});
  // An operand that cannot be decided, beside no false one: neither can the whole.
  CHECK(truths(schema.Incident({{"negligible", Value::Bool(true)},
                                {"reason_code", Value::String("11")}})) ==
        std::vector<Truth>{kOther, kTrue, kTrue, kTrue, kOther});

  // Other operators are one operand, whatever they hold.
  CHECK(Compiled(schema, "staff_count > 1 || negligible && true")->ConjunctKeys().size() == 1);
  CHECK(Compiled(schema, "negligible ? true : false && true")->ConjunctKeys().size() == 1);
  CHECK(Compiled(schema, "!(negligible && true)")->ConjunctKeys().size() == 1);
}

TEST_CASE("conjuncts: an operand with comprehension variables is tested with their slots") {
  testing::Schema schema;
  // The second and fourth operands bind variables (the fourth two, at slots after the
  // second's); the first and third bind none, and are tested without any.
  auto program = Compiled(schema,
                          "has(staff_count)"
                          " && interventions.all(i, has(i.minutes) && i.minutes > 0)"
                          " && staff_count > 1"
                          " && [staff_count].all(n, interventions.exists(j, v, v.minutes < n))");
  REQUIRE(program->ConjunctKeys().size() == 4);
  auto intervention = [&](std::int64_t minutes) {
    return Value::OfRecord(
        testing::Schema::Make(schema.intervention, {{"minutes", Value::Int(minutes)}}));
  };
  constexpr Truth kTrue = Truth::kTrue, kFalse = Truth::kFalse;
  auto record = schema.Incident(
      {{"staff_count", Value::Int(3)},
       {"interventions", Value::List(ValueList{intervention(5), intervention(2)})}});
  CHECK(Truths(*program, *record, schema.context) ==
        std::vector<Truth>{kTrue, kTrue, kTrue, kTrue, kTrue});
  auto longer = schema.Incident(
      {{"staff_count", Value::Int(2)},
       {"interventions", Value::List(ValueList{intervention(5), intervention(0)})}});
  CHECK(Truths(*program, *longer, schema.context) ==
        std::vector<Truth>{kTrue, kFalse, kTrue, kTrue, kFalse});
}

TEST_CASE("conjuncts: keys are equal exactly when the operands are written alike") {
  testing::Schema schema;
  CHECK(KeyOf(schema, "staff_count > 1") == KeyOf(schema, "  (staff_count>1)  "));
  CHECK(KeyOf(schema, "interventions.exists(i, i.minutes > 5)") ==
        KeyOf(schema, "interventions.exists( i , (i.minutes) > 5 )"));
  const std::vector<std::string> distinct = {
      "staff_count > 1",
      "staff_count > 2",
      "staff_count >= 1",
      "1 < staff_count",
      "score > 1.0",
      "score > 1.5",
      "score > 1u",
      "negligible",
      "has(negligible)",
      "!negligible",
      "reason_code == '1'",
      "reason_code == '10'",
      "reason_code == '1)(10'",
      "reason_code in codes.ri_reason_harm",
      "reason_code in ['10', '11']",
      "reason_code in ['10', '11', '99']",
      "interventions.exists(i, i.minutes > 5)",
      "interventions.all(i, i.minutes > 5)",
      "interventions.exists(j, j.minutes > 5)",
      "interventions.exists_one(i, i.minutes > 5)",
      "size('10') == 2",
      "size(b'10') == 2",
      "commenced('s.6')",
      "commenced('s.12')",
  };
  for (std::size_t a = 0; a < distinct.size(); ++a) {
    for (std::size_t b = a + 1; b < distinct.size(); ++b) {
      CAPTURE(distinct[a]);
      CAPTURE(distinct[b]);
      CHECK(KeyOf(schema, distinct[a]) != KeyOf(schema, distinct[b]));
    }
  }
}

}  // namespace uofa::expr
