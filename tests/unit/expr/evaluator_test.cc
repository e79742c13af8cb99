#include <doctest/doctest.h>

#include <cmath>

#include "engine/expr/environment.h"
#include "engine/expr/value_ops.h"
#include "tests/unit/expr/expr_test_support.h"

namespace uofa::expr {
namespace {

Value Run(const std::string& source, const Bindings& bindings = {}) {
  VariableEnvironment env;
  for (const auto& [name, value] : bindings) env.variables.emplace_back(name, Type::Dyn());
  std::vector<ExpressionError> errors;
  auto program = CompileWithVariables(source, env, &errors);
  if (!program) return Value::Error("compile: " + errors.at(0).message);
  return program->Evaluate(bindings);
}

std::string Show(const Value& v) { return DebugString(v); }

}  // namespace

TEST_CASE("evaluator: rule expressions over a record") {
  testing::Schema schema;
  auto record = schema.Incident({{"reason_code", Value::String("10")},
                                 {"negligible", Value::Bool(false)},
                                 {"started_at", Value::Time(testing::Local("2023-01-01T10:00"))}});
  CHECK(Show(schema.Eval("reason_code in codes.ri_reason && reason_code != '99'", *record)) ==
        "true");
  CHECK(Show(schema.Eval("!negligible && commenced('s.6')", *record)) == "true");
  CHECK(Show(schema.Eval("reason_code in codes.ri_reason_harm", *record)) == "true");
  CHECK(Show(schema.Eval("codes.ri_reason[reason_code] == 'Prevent harm'", *record)) == "true");
  auto other = schema.Incident({{"reason_code", Value::String("42")}});
  CHECK(Show(schema.Eval("reason_code in codes.ri_reason", *other)) == "false");
}

TEST_CASE("evaluator: missing fields are null; has() tests presence") {
  testing::Schema schema;
  auto empty = schema.Incident({});
  CHECK(Show(schema.Eval("has(reason_code)", *empty)) == "false");
  CHECK(Show(schema.Eval("reason_code == null", *empty)) == "true");
  CHECK(Show(schema.Eval("reason_code != '10'", *empty)) == "true");
  CHECK(Show(schema.Eval("reason_code in codes.ri_reason", *empty)) == "false");
  CHECK(Show(schema.Eval("has(patient.name)", *empty)) == "false");
  auto with_patient = schema.Incident(
      {{"patient",
        Value::OfRecord(testing::Schema::Make(schema.patient, {{"name", Value::String("A")}}))}});
  CHECK(Show(schema.Eval("has(patient.name) && !has(patient.nhs_number)", *with_patient)) ==
        "true");
  CHECK(Show(schema.Eval("has(incident_id)",
                         *schema.Incident({{"incident_id", Value::String("")}}))) == "true");
  // A field holding an error (no source makes one) is passed on, neither present nor absent
  // (schema.Eval also checks that Test gives the truth of each value).
  auto errored = schema.Incident({{"reason_code", Value::Error("unreadable")}});
  CHECK(Show(schema.Eval("has(reason_code)", *errored)) == "error(unreadable)");
  CHECK(Show(schema.Eval("!has(reason_code)", *errored)) == "error(unreadable)");
}

TEST_CASE("evaluator: null in ordering, arithmetic and calls is an error (indeterminate)") {
  testing::Schema schema;
  auto empty = schema.Incident({});
  CHECK(Show(schema.Eval("staff_count > 1", *empty)) ==
        "error(no matching overload for '>' applied to '(null_type, int)')");
  CHECK(Show(schema.Eval("staff_count + 1 == 2", *empty)) ==
        "error(no matching overload for '+' applied to '(null_type, int)')");
  CHECK(Show(schema.Eval("reason_code.startsWith('1')", *empty)) ==
        "error(no matching overload for 'startsWith' applied to '(null_type, string)')");
  CHECK(Show(schema.Eval("patient.name == 'x'", *empty)) ==
        "error(cannot read 'name' of a missing value)");
  CHECK(Show(schema.Eval("ended_at - started_at < duration('1h')", *empty)).starts_with("error("));
}

TEST_CASE("evaluator: && and || absorb errors as CEL does") {
  testing::Schema schema;
  auto empty = schema.Incident({});
  // staff_count is missing: `staff_count > 1` is an error.
  CHECK(Show(schema.Eval("false && staff_count > 1", *empty)) == "false");
  CHECK(Show(schema.Eval("staff_count > 1 && false", *empty)) == "false");
  CHECK(Show(schema.Eval("true || staff_count > 1", *empty)) == "true");
  CHECK(Show(schema.Eval("staff_count > 1 || true", *empty)) == "true");
  CHECK(Show(schema.Eval("staff_count > 1 && true", *empty))
            .starts_with("error(no matching overload"));
  CHECK(Show(schema.Eval("false || staff_count > 1", *empty)).starts_with("error("));
  CHECK(Show(schema.Eval("has(staff_count) && staff_count > 1", *empty)) == "false");
  // ?: evaluates only the chosen branch.
  CHECK(Show(schema.Eval("has(staff_count) ? staff_count > 1 : true", *empty)) == "true");
}

TEST_CASE("evaluator: arithmetic") {
  CHECK(Show(Run("1 + 2 * 3 - 4 / 2 % 3")) == "5");
  CHECK(Show(Run("9223372036854775807 + 1")) == "error(integer overflow)");
  CHECK(Show(Run("-9223372036854775808 - 1")) == "error(integer overflow)");
  CHECK(Show(Run("1 / 0")) == "error(division by zero)");
  CHECK(Show(Run("1 % 0")) == "error(modulus by zero)");
  CHECK(Show(Run("2u * 3u")) == "6u");
  CHECK(Show(Run("1.5 * 2.0")) == "3");
  CHECK(Show(Run("'ab' + 'cd'")) == "\"abcd\"");
  CHECK(Show(Run("[1] + [2, 3]")) == "[1, 2, 3]");
  CHECK(Show(Run("1 == 1.0 && 1u == 1 && 2 > 1.5")) == "true");
  CHECK(Show(Run("dyn(1) == 'x'")) == "false");
  CHECK(Show(Run("null == 'x'")) == "false");
}

TEST_CASE("evaluator: membership, indexing, lists and maps") {
  CHECK(Show(Run("2 in [1, 2, 3] && 'a' in {'a': 1} && !(4 in [1])")) == "true");
  CHECK(Show(Run("[1, 2][5]")) == "error(index out of range: 5)");
  CHECK(Show(Run("{'a': 1}['b']")) == "error(no such key: \"b\")");
  CHECK(Show(Run("{'a': 1}.a")) == "1");
  CHECK(Show(Run("has({'a': 1}.b)")) == "false");
  CHECK(Show(Run("size([1, 2]) + size('héllo') + size({'a': 1})")) == "8");
  CHECK(Show(Run("{'a': 1, 'a': 2}")) == "error(duplicate map key \"a\")");
  CHECK(Show(Run("x in ['a', 'b']", {{"x", Value::Null()}})) == "false");
}

TEST_CASE("evaluator: macros") {
  CHECK(Show(Run("[1, 2, 3].all(x, x > 0)")) == "true");
  CHECK(Show(Run("[1, 2, 3].exists(x, x > 2)")) == "true");
  CHECK(Show(Run("[1, 2, 3].exists_one(x, x > 1)")) == "false");
  CHECK(Show(Run("[1, 2, 3].map(x, x * 2)")) == "[2, 4, 6]");
  CHECK(Show(Run("[1, 2, 3].map(x, x > 1, x * 10)")) == "[20, 30]");
  CHECK(Show(Run("[1, 2, 3].filter(x, x % 2 == 1)")) == "[1, 3]");
  CHECK(Show(Run("{'a': 1, 'b': 2}.filter(k, k != 'a')")) == "[\"b\"]");
  CHECK(Show(Run("[[1], [2, 3]].exists(l, l.exists(x, x == 3))")) == "true");
  // all/exists absorb errors when another element decides; otherwise the error stays.
  CHECK(Show(Run("[0, 1].all(x, 1 / x > 5)")) == "false");
  CHECK(Show(Run("[0, 1].exists(x, 1 / x == 1)")) == "true");
  CHECK(Show(Run("[0, 1].all(x, 1 / x >= 1)")) == "error(division by zero)");
  CHECK(Show(Run("[0, 1].exists_one(x, 1 / x == 1)")) == "error(division by zero)");
  CHECK(Show(Run("[0, 1].map(x, 1 / x)")) == "error(division by zero)");
  // The predicate of filter, map and exists_one is tested: its error, or that it is not a bool.
  CHECK(Show(Run("[1, 0].filter(x, 1 / x > 0)")) == "error(division by zero)");
  CHECK(Show(Run("[1, 0].map(x, 1 / x > 0, x)")) == "error(division by zero)");
  CHECK(Show(Run("[1, 2].filter(x, dyn(x))")) == "error(no matching overload for 'filter')");
  CHECK(Show(Run("[1, 2].exists_one(x, dyn(x))")) ==
        "error(no matching overload for 'exists_one')");
  CHECK(Show(Run("['a', 'b', 'a'].map(x, x == 'a', x + '!')")) == "[\"a!\", \"a!\"]");
  CHECK(Show(Run("['a', 'b', 'a'].exists_one(x, x == 'b')")) == "true");
  CHECK(Show(Run("['a', 'b', 'a'].exists_one(x, x in ['a'])")) == "false");
  // Two-variable forms.
  CHECK(Show(Run("[5, 6].all(i, v, v == i + 5)")) == "true");
  CHECK(Show(Run("[5, 6].transformList(i, v, i * v)")) == "[0, 6]");
  CHECK(Show(Run("{'a': 1}.transformMap(k, v, v + 1)")) == "{\"a\": 2}");
}

TEST_CASE("evaluator: all and exists over a one-item list give what the general macro gives") {
  // `[x].all(v, p)` names a value without building a list; the same expression over a list of two
  // equal items takes the general path, and must agree.
  const Bindings y3 = {{"y", Value::Int(3)}};
  const Bindings y0 = {{"y", Value::Int(0)}};
  const Bindings unset = {{"y", Value::Null()}};
  struct Case {
    const char* one;
    const char* general;
    const Bindings* bindings;
    const char* expected;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"[y].all(n, n > 2)", "[y, y].all(n, n > 2)", &y3, "true"},
           {"[y].all(n, n > 5)", "[y, y].all(n, n > 5)", &y3, "false"},
           {"[y].exists(n, n == 3)", "[y, y].exists(n, n == 3)", &y3, "true"},
           {"[y].exists(n, n == 4)", "[y, y].exists(n, n == 4)", &y3, "false"},
           // An error in the item, or in the condition, is the result.
           {"[1 / y].all(n, n > 0)", "[1 / y, 1 / y].all(n, n > 0)", &y0,
            "error(division by zero)"},
           {"[y].exists(n, 1 / n > 0)", "[y, y].exists(n, 1 / n > 0)", &y0,
            "error(division by zero)"},
           // A condition that is not a bool.
           {"[y].all(n, n)", "[y, y].all(n, n)", &y3, "error(no matching overload for 'all')"},
           {"[y].exists(n, n)", "[y, y].exists(n, n)", &y3,
            "error(no matching overload for 'exists')"},
           // A null item is an item.
           {"[y].all(n, n == null)", "[y, y].all(n, n == null)", &unset, "true"},
           // Nested, the inner one naming a value of the outer one's element.
           {"[[y, 4]].all(l, [l[1]].all(n, n > l[0]))",
            "[[y, 4], [y, 4]].all(l, [l[1], l[1]].all(n, n > l[0]))", &y3, "true"},
       }) {
    CAPTURE(c.one);
    CHECK(Show(Run(c.one, *c.bindings)) == c.expected);
    CHECK(Show(Run(c.general, *c.bindings)) == c.expected);
  }
}

TEST_CASE("evaluator: macros over record lists") {
  testing::Schema schema;
  auto record = schema.Incident(
      {{"interventions",
        Value::List({Value::OfRecord(testing::Schema::Make(
                         schema.intervention,
                         {{"type_code", Value::String("01")}, {"minutes", Value::Int(12)}})),
                     Value::OfRecord(testing::Schema::Make(
                         schema.intervention, {{"type_code", Value::String("04")}}))})}});
  CHECK(Show(schema.Eval("interventions.exists(i, i.type_code == '01')", *record)) == "true");
  CHECK(Show(schema.Eval("interventions.all(i, i.type_code == '01')", *record)) == "false");
  CHECK(Show(schema.Eval("size(interventions.filter(i, has(i.minutes))) == 1", *record)) == "true");
  // A missing minutes value makes the predicate an error for that element only.
  CHECK(Show(schema.Eval("interventions.exists(i, i.minutes > 10)", *record)) == "true");
  CHECK(Show(schema.Eval("interventions.all(i, i.minutes > 10)", *record)).starts_with("error("));
  CHECK(Show(schema.Eval("interventions.exists(i, i.type_code == '99')", *schema.Incident({}))) ==
        "error(cannot iterate over a missing value)");
}

TEST_CASE("evaluator: a field of a record whose type is known only when evaluated is found") {
  testing::Schema schema;
  const Bindings one{
      {"r", Value::OfRecord(testing::Schema::Make(schema.intervention,
                                                  {{"minutes", Value::Int(5)}}))}};
  CHECK(Show(Run("r.minutes + 1", one)) == "6");
  CHECK(Show(Run("r.type_code", one)) == "null");
  CHECK(Show(Run("has(r.minutes) && !has(r.type_code)", one)) == "true");
  CHECK(Show(Run("r.nope", one)) == "error(no such field 'nope')");
  CHECK(Show(Run("has(r.nope)", one)) == "error(no such field 'nope')");
}

TEST_CASE("evaluator: unbound variables are errors, bound ones are read") {
  VariableEnvironment env;
  env.variables = {{"x", Type(TypeKind::kInt)}, {"y", Type::Dyn()}};
  std::vector<ExpressionError> errors;
  auto program = CompileWithVariables("x + 1", env, &errors);
  REQUIRE(program);
  CHECK(Show(program->Evaluate({{"x", Value::Int(41)}})) == "42");
  CHECK(Show(program->Evaluate({})) == "error(no value bound to 'x')");
  CHECK(CompileWithVariables("x + 'a'", env, &errors) == nullptr);
  CHECK(errors.back().message == "no matching overload for '+' applied to '(int, string)'");
}

TEST_CASE("evaluator: deep expressions within the bound evaluate without trouble") {
  std::string source = "0";
  for (int i = 0; i < 150; ++i) source = "(" + source + " + 1)";
  CHECK(Show(Run(source)) == "150");
}

}  // namespace uofa::expr

namespace uofa::expr {
namespace {

// The truth of `source` for the record as Program::Test gives it.
Truth TestOf(const testing::Schema& schema, const std::string& source, const Record& record) {
  std::vector<ExpressionError> errors;
  std::unique_ptr<const Program> program = Compile(source, schema.environment, &errors);
  REQUIRE(program != nullptr);
  return program->Test(record, schema.context);
}

}  // namespace

TEST_CASE("evaluator: Test decides conditions as their values would, errors absorbed as CEL does") {
  testing::Schema schema;
  auto intervention = [&](std::int64_t minutes) {
    return Value::OfRecord(
        testing::Schema::Make(schema.intervention, {{"minutes", Value::Int(minutes)}}));
  };
  auto empty_item = Value::OfRecord(testing::Schema::Make(schema.intervention, {}));
  auto record = schema.Incident(
      {{"staff_count", Value::Int(3)},
       {"interventions", Value::List(ValueList{empty_item, intervention(5)})}});
  auto empty = schema.Incident({});
  // staff_count > 1 on the empty record is an error; && and || absorb it when the other side
  // decides.
  CHECK(TestOf(schema, "staff_count > 1", *record) == Truth::kTrue);
  CHECK(TestOf(schema, "staff_count > 1", *empty) == Truth::kOther);
  CHECK(TestOf(schema, "false && staff_count > 1", *empty) == Truth::kFalse);
  CHECK(TestOf(schema, "staff_count > 1 && false", *empty) == Truth::kFalse);
  CHECK(TestOf(schema, "true && staff_count > 1", *empty) == Truth::kOther);
  CHECK(TestOf(schema, "staff_count > 1 || true", *empty) == Truth::kTrue);
  CHECK(TestOf(schema, "staff_count > 1 || false", *empty) == Truth::kOther);
  CHECK(TestOf(schema, "has(staff_count) || has(reason_code)", *empty) == Truth::kFalse);
  CHECK(TestOf(schema, "has(staff_count) ? staff_count > 1 : true", *empty) == Truth::kTrue);
  CHECK(TestOf(schema, "staff_count > 1 ? true : false", *empty) == Truth::kOther);
  // A comprehension's first item errs (its minutes are missing); the second decides exists, and
  // all has no false item to decide it.
  CHECK(TestOf(schema, "interventions.exists(i, i.minutes > 1)", *record) == Truth::kTrue);
  CHECK(TestOf(schema, "interventions.exists(i, i.minutes > 10)", *record) == Truth::kOther);
  CHECK(TestOf(schema, "interventions.all(i, i.minutes > 1)", *record) == Truth::kOther);
  CHECK(TestOf(schema, "interventions.all(i, i.minutes > 10)", *record) == Truth::kFalse);
  CHECK(TestOf(schema, "interventions.all(i, has(i.minutes) || true)", *record) == Truth::kTrue);
  CHECK(TestOf(schema, "interventions.exists(i, true)", *empty) == Truth::kOther);  // null list
  // Over a map's keys, and with two variables (the index and the item).
  CHECK(TestOf(schema, "{'a': 1, 'b': 2}.exists(k, k == 'b')", *record) == Truth::kTrue);
  CHECK(TestOf(schema, "{'a': 1, 'b': 2}.all(k, k == 'b')", *record) == Truth::kFalse);
  CHECK(TestOf(schema, "[5, 6].all(i, v, v == i + 5)", *record) == Truth::kTrue);
  CHECK(TestOf(schema, "[5, 7].all(i, v, v == i + 5)", *record) == Truth::kFalse);
  CHECK(TestOf(schema, "dyn(staff_count).all(i, true)", *record) == Truth::kOther);
  CHECK(TestOf(schema, "[staff_count].all(s, s > 1)", *record) == Truth::kTrue);
  CHECK(TestOf(schema, "[staff_count].exists(s, s > 1)", *empty) == Truth::kOther);
  CHECK(TestOf(schema, "interventions.filter(i, has(i.minutes)).size() == 1", *record) ==
        Truth::kTrue);
}

TEST_CASE("evaluator: a comparison of two values read in place is tested as its value would be") {
  testing::Schema schema;
  const Timestamp start = testing::Local("2023-05-01T10:00");
  const Timestamp end = testing::Local("2023-05-01T10:07");
  auto record = schema.Incident({{"reason_code", Value::String("10")},
                                 {"staff_count", Value::Int(3)},
                                 {"negligible", Value::Bool(false)},
                                 {"started_at", Value::Time(start)},
                                 {"ended_at", Value::Time(end)},
                                 {"score", Value::Double(std::nan(""))}});
  auto empty = schema.Incident({});
  auto same_time = schema.Incident({{"started_at", Value::Time(start)},
                                    {"ended_at", Value::Time(start)}});
  // schema.Eval also checks that Test gives the truth of each value: every line below is decided
  // in place by Test (text, whole numbers, booleans, times) or by the call (other kinds, mixed
  // kinds, missing values, computed operands).
  auto show = [&](const char* source, const Record& subject) {
    return Show(schema.Eval(source, subject));
  };
  CHECK(show("reason_code == '10'", *record) == "true");
  CHECK(show("reason_code != '10'", *record) == "false");
  CHECK(show("reason_code != '99'", *record) == "true");
  CHECK(show("reason_code < '11'", *record) == "true");
  CHECK(show("reason_code >= '11'", *record) == "false");
  CHECK(show("staff_count > 2", *record) == "true");
  CHECK(show("staff_count <= 2", *record) == "false");
  CHECK(show("staff_count == 3", *record) == "true");
  CHECK(show("negligible == false", *record) == "true");
  CHECK(show("negligible < true", *record) == "true");
  CHECK(show("ended_at >= started_at", *record) == "true");
  CHECK(show("ended_at > started_at", *record) == "true");
  CHECK(show("ended_at <= started_at", *record) == "false");
  CHECK(show("ended_at >= started_at", *same_time) == "true");
  CHECK(show("ended_at > started_at", *same_time) == "false");
  CHECK(show("ended_at == started_at", *same_time) == "true");
  // Not decided in place: a NaN (unordered), mixed kinds, a missing value, a computed operand.
  CHECK(show("score == score", *record) == "false");
  CHECK(show("score >= score", *record) == "false");
  CHECK(show("staff_count == 3.0", *record) == "true");
  CHECK(show("reason_code != '10'", *empty) == "true");
  CHECK(show("ended_at >= started_at", *empty) ==
        "error(no matching overload for '>=' applied to '(null_type, null_type)')");
  CHECK(show("ended_at - started_at > duration('5m')", *record) == "true");
  CHECK(show("ended_at - started_at > duration('5m')", *same_time) == "false");
}

TEST_CASE("evaluator: a comparison of computed operands is tested as its value would be") {
  testing::Schema schema;
  auto record = schema.Incident({{"reason_code", Value::String("10")},
                                 {"staff_count", Value::Int(3)},
                                 {"interventions", Value::List(ValueList{})}});
  auto empty = schema.Incident({});
  // schema.Eval also checks that Test gives the truth of each value.
  auto show = [&](const char* source, const Record& subject) {
    return Show(schema.Eval(source, subject));
  };
  // Of one kind compared in place, computed on either side.
  CHECK(show("size(interventions) < staff_count", *record) == "true");
  CHECK(show("staff_count <= size(interventions)", *record) == "false");
  CHECK(show("string(staff_count) == '3'", *record) == "true");
  CHECK(show("staff_count + 1 != staff_count * 2 - 2", *record) == "false");
  // Of other kinds, or mixed: the call is given the computed operands.
  CHECK(show("staff_count + 1 > 3.5", *record) == "true");
  CHECK(show("double(staff_count) == 3.0", *record) == "true");
  CHECK(show("dyn(string(staff_count)) == 3", *record) == "false");
  CHECK(show("dyn(size(interventions)) < '1'", *record) ==
        "error(no matching overload for '<' applied to '(int, string)')");
  // An operand in error: its error, the left one's first.
  CHECK(show("staff_count / 0 > size(interventions)", *record) == "error(division by zero)");
  CHECK(show("size(interventions) > staff_count / 0", *record) == "error(division by zero)");
  CHECK(show("staff_count / 0 > dyn(reason_code) / 0", *record) == "error(division by zero)");
  CHECK(show("dyn(reason_code) / 0 > staff_count / 0", *record) ==
        "error(no matching overload for '/' applied to '(string, int)')");
  CHECK(show("staff_count + 1 > 2", *empty) ==
        "error(no matching overload for '+' applied to '(null_type, int)')");
}

TEST_CASE("evaluator: membership in a constant list or map is tested as its value would be") {
  testing::Schema schema;
  auto record = schema.Incident({{"reason_code", Value::String("10")},
                                 {"staff_count", Value::Int(3)},
                                 {"score", Value::Double(3.0)}});
  auto other = schema.Incident({{"reason_code", Value::String("12")}});
  auto empty = schema.Incident({});
  // schema.Eval also checks that Test gives the truth of each value.
  auto show = [&](const char* source, const Record& subject) {
    return Show(schema.Eval(source, subject));
  };
  // Looked up in the prepared set: a code list (a map), a list of strings.
  CHECK(show("reason_code in codes.ri_reason", *record) == "true");
  CHECK(show("reason_code in codes.ri_reason", *other) == "false");
  CHECK(show("reason_code in codes.ri_reason", *empty) == "false");
  CHECK(show("reason_code in ['11', '10']", *record) == "true");
  CHECK(show("reason_code in ['1', '100', '10 ']", *record) == "false");
  CHECK(show("staff_count in ['3']", *record) == "false");
  CHECK(show("string(staff_count) in ['3']", *record) == "true");
  CHECK(show("reason_code in ['a-code-longer-than-seven', '10']", *record) == "true");
  // A list holding other kinds: the needle is compared with each member by the call.
  CHECK(show("staff_count in ['3', 3.0]", *record) == "true");
  CHECK(show("score in ['3', 3]", *record) == "true");
  CHECK(show("reason_code in [10, '10']", *record) == "true");
  CHECK(show("reason_code in [10, '11']", *record) == "false");
  CHECK(show("[reason_code] in [['10'], '11']", *record) == "true");
  // A needle in error.
  CHECK(show("staff_count / 0 in [1, 2]", *record) == "error(division by zero)");
  CHECK(show("patient.name in ['x']", *record) ==
        "error(cannot read 'name' of a missing value)");
}

TEST_CASE("evaluator: a conditional's chosen branch is read in place, as its value would be") {
  testing::Schema schema;
  const Timestamp start = testing::Local("2023-05-01T10:00");
  const Timestamp end = testing::Local("2023-05-01T10:07");
  auto both = schema.Incident({{"staff_count", Value::Int(3)},
                               {"started_at", Value::Time(start)},
                               {"ended_at", Value::Time(end)}});
  auto start_only = schema.Incident({{"started_at", Value::Time(start)}});
  auto empty = schema.Incident({});
  // schema.Eval also checks that Test gives the truth of each value.
  auto show = [&](const char* source, const Record& subject) {
    return Show(schema.Eval(source, subject));
  };
  // The item of a one-item list, and the operand of a comparison, read from the branch chosen.
  const char* last = "[has(ended_at) ? ended_at : started_at].all(t, t > started_at)";
  CHECK(show(last, *both) == "true");
  CHECK(show(last, *start_only) == "false");
  CHECK(show("(has(staff_count) ? staff_count : 0) > 1", *both) == "true");
  CHECK(show("(has(staff_count) ? staff_count : 0) > 1", *empty) == "false");
  CHECK(show("(has(staff_count) ? staff_count + 1 : 0) == 4", *both) == "true");
  // A condition in error: the conditional's value is that error.
  CHECK(show("(staff_count > 1 ? incident_id : reason_code) == '10'", *empty) ==
        show("staff_count > 1", *empty));
}

TEST_CASE("evaluator: a negation is tested from its operand's truth, and valued as its call") {
  testing::Schema schema;
  auto record =
      schema.Incident({{"staff_count", Value::Int(3)}, {"negligible", Value::Bool(true)}});
  auto empty = schema.Incident({});
  // schema.Eval also checks that Test gives the truth of each value.
  CHECK(Show(schema.Eval("!has(staff_count)", *record)) == "false");
  CHECK(Show(schema.Eval("!has(staff_count)", *empty)) == "true");
  CHECK(Show(schema.Eval("!!has(staff_count)", *empty)) == "false");
  CHECK(Show(schema.Eval("!(has(negligible) && negligible)", *record)) == "false");
  CHECK(Show(schema.Eval("!(has(negligible) && negligible)", *empty)) == "true");
  // An operand in error: the negation is the same error, and neither true nor false.
  CHECK(Show(schema.Eval("!(staff_count > 1)", *empty)) ==
        Show(schema.Eval("staff_count > 1", *empty)));
  CHECK(TestOf(schema, "!(staff_count > 1)", *empty) == Truth::kOther);
  CHECK(TestOf(schema, "!(staff_count > 1)", *record) == Truth::kFalse);
  CHECK(TestOf(schema, "!negligible", *empty) == Truth::kOther);
  // A negation of constants is folded when compiled, as other calls of constants are.
  CHECK(Show(schema.Eval("!(1 > 2)", *empty)) == "true");
}

TEST_CASE("evaluator: has() of a nested field is tested as its value would be") {
  testing::Schema schema;
  auto named = testing::Schema::Make(schema.patient, {{"name", Value::String("Alex Example")}});
  auto unnamed = testing::Schema::Make(schema.patient, {});
  auto with_name = schema.Incident({{"patient", Value::OfRecord(named)}});
  auto without_name = schema.Incident({{"patient", Value::OfRecord(unnamed)}});
  auto no_patient = schema.Incident({});
  // schema.Eval also checks that Test gives the truth of each value.
  CHECK(Show(schema.Eval("has(patient.name)", *with_name)) == "true");
  CHECK(Show(schema.Eval("has(patient.name)", *without_name)) == "false");
  CHECK(Show(schema.Eval("has(patient.name)", *no_patient)) == "false");  // a missing record
  CHECK(Show(schema.Eval("!has(patient.name)", *no_patient)) == "true");
  CHECK(Show(schema.Eval("has({'a': 1}.a)", *no_patient)) == "true");
  CHECK(Show(schema.Eval("has({'a': 1}.b)", *no_patient)) == "false");
  CHECK(TestOf(schema, "has(patient.name)", *with_name) == Truth::kTrue);
  CHECK(TestOf(schema, "has(patient.name)", *without_name) == Truth::kFalse);
  CHECK(TestOf(schema, "has(patient.name)", *no_patient) == Truth::kFalse);
  // An operand in error, or one without fields: neither true nor false.
  CHECK(TestOf(schema, "has(interventions[5].minutes)", *no_patient) == Truth::kOther);
  CHECK(TestOf(schema, "has(dyn(1).minutes)", *no_patient) == Truth::kOther);
  CHECK(Show(schema.Eval("has(dyn(1).minutes)", *no_patient)) ==
        "error(invalid type for has(): 'int')");
}

}  // namespace uofa::expr
