#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/expr/environment.h"
#include "engine/expr/functions/builtins.h"
#include "engine/expr/value_ops.h"
#include "tests/unit/expr/expr_test_support.h"

namespace uofa::expr {
namespace {

using testing::Local;

std::string Show(const Value& v) { return DebugString(v); }

Value Intervention(const testing::Schema& schema, const char* started_at) {
  return Value::OfRecord(
      testing::Schema::Make(schema.intervention, {{"started_at", Value::Time(Local(started_at))}}));
}

}  // namespace

TEST_CASE("time zones: durations across the clock changes are really elapsed") {
  testing::Schema schema;
  // 2025-10-26: clocks go back at 02:00 BST, so 00:30 to 03:30 local is four hours.
  auto autumn = schema.Incident({{"started_at", Value::Time(Local("2025-10-26T00:30"))},
                                 {"ended_at", Value::Time(Local("2025-10-26T03:30"))}});
  CHECK(Show(schema.Eval("ended_at - started_at == duration('4h')", *autumn)) == "true");
  // 2025-03-30: clocks go forward at 01:00 GMT, so 00:30 to 03:30 local is two hours.
  auto spring = schema.Incident({{"started_at", Value::Time(Local("2025-03-30T00:30"))},
                                 {"ended_at", Value::Time(Local("2025-03-30T03:30"))}});
  CHECK(Show(schema.Eval("ended_at - started_at == duration('2h')", *spring)) == "true");
}

TEST_CASE("time: accessors use Europe/London in rules, UTC in plain CEL, or the zone given") {
  testing::Schema schema;
  auto summer = schema.Incident({{"started_at", Value::Time(Local("2025-07-01T00:30"))}});
  CHECK(Show(schema.Eval("started_at.getHours() == 0", *summer)) == "true");
  CHECK(Show(schema.Eval("started_at.getHours('UTC') == 23", *summer)) == "true");
  CHECK(Show(schema.Eval("started_at.getDate() == 1 && started_at.getMonth() == 6", *summer)) ==
        "true");
  CHECK(Show(schema.Eval("started_at.getDayOfWeek() == 2", *summer)) == "true");  // a Tuesday
  CHECK(Show(schema.Eval("started_at.getHours('Mars/Olympus') == 1", *summer)) ==
        "error(unknown time zone 'Mars/Olympus')");
  // The default zone gives what naming it gives, on either side of the clock changes and of a
  // new year.
  for (const char* local : {"2025-03-30T00:59", "2025-03-30T02:00", "2025-10-26T01:30",
                            "2025-10-26T02:30", "2024-12-31T23:59", "2025-01-01T00:00",
                            "2024-02-29T12:00"}) {
    CAPTURE(local);
    auto at = schema.Incident({{"started_at", Value::Time(Local(local))}});
    for (const char* accessor : {"getFullYear", "getMonth", "getDate", "getDayOfMonth",
                                 "getDayOfWeek", "getDayOfYear", "getHours", "getMinutes",
                                 "getSeconds"}) {
      CAPTURE(accessor);
      const std::string call = std::string("started_at.") + accessor;
      CHECK(Show(schema.Eval(call + "() == " + call + "('Europe/London')", *at)) == "true");
    }
  }
  CHECK(Show(schema.Eval("started_at.getDayOfYear() == 181", *summer)) == "true");
  CHECK(Show(schema.Eval("started_at.getFullYear() == 2025", *summer)) == "true");

  VariableEnvironment env;  // plain CEL: UTC
  std::vector<ExpressionError> errors;
  auto program =
      CompileWithVariables("timestamp('2025-07-01T00:30:00+01:00').getHours()", env, &errors);
  REQUIRE(program);
  CHECK(Show(program->Evaluate({})) == "23");
}

TEST_CASE("time: date(), timestamp(), duration(), as_of()") {
  testing::Schema schema;
  CHECK(Show(schema.Eval("date('2025-07-01') == timestamp('2025-06-30T23:00:00Z')")) == "true");
  CHECK(Show(schema.Eval("date('2025-01-01') == timestamp('2025-01-01T00:00:00Z')")) == "true");
  CHECK(Show(schema.Eval("date('2025-02-30') == as_of()")).starts_with("error("));
  CHECK(Show(schema.Eval("as_of() == date('2024-04-01')")) == "true");
  CHECK(Show(schema.Eval("duration('1h30m') == duration('90m')")) == "true");
  CHECK(Show(schema.Eval("string(duration('1.5s')) == '1.5s'")) == "true");
  CHECK(Show(schema.Eval("timestamp('2025-01-01T10:00:00Z') + duration('1h') > "
                         "timestamp('2025-01-01T10:30:00Z')")) == "true");
}

TEST_CASE("commenced: longest provision prefix, compared with the event time") {
  testing::Schema schema;
  SUBCASE("a provision looked up at each call") {}
  SUBCASE("a constant provision looked up once, compiled with the table it is evaluated with") {
    schema.environment.commencement = &schema.commencement;
  }
  auto after = schema.Incident({{"started_at", Value::Time(Local("2023-01-01T10:00"))}});
  auto before = schema.Incident({{"started_at", Value::Time(Local("2022-03-30T23:59"))}});
  auto on_the_day = schema.Incident({{"started_at", Value::Time(Local("2022-03-31T00:00"))}});
  auto undated = schema.Incident({});
  CHECK(Show(schema.Eval("commenced('s.6')", *after)) == "true");
  CHECK(Show(schema.Eval("commenced('s.6(5)(a)')", *after)) == "true");
  CHECK(Show(schema.Eval("commenced('s.6(5)(a)')", *before)) == "false");
  CHECK(Show(schema.Eval("commenced('s.6')", *on_the_day)) == "true");
  CHECK(Show(schema.Eval("commenced('s.6(5)(n)')", *after)) == "false");
  CHECK(Show(schema.Eval("commenced('s.6(5)(n)(i)')", *after)) == "false");
  CHECK(Show(schema.Eval("commenced('s.12')", *after)) == "true");
  CHECK(Show(schema.Eval("commenced('s.1')", *after)) == "error(unknown provision 's.1')");
  CHECK(Show(schema.Eval("commenced('s.6')", *undated)) ==
        "error(event time 'started_at' is missing)");
  CHECK(Show(schema.Eval("commenced('s.6', date('2022-04-01'))", *undated)) == "true");
}

TEST_CASE("commenced: a provision looked up when compiled is looked up again in another table") {
  testing::Schema schema;
  schema.environment.commencement = &schema.commencement;
  auto after = schema.Incident({{"started_at", Value::Time(Local("2023-01-01T10:00"))}});
  std::vector<ExpressionError> errors;
  auto six = Compile("commenced('s.6(5)(a)')", schema.environment, &errors);
  auto one = Compile("commenced('s.1')", schema.environment, &errors);
  REQUIRE(six);
  REQUIRE(one);
  CommencementTable later = {{"s.1", Local("2020-01-01")}, {"s.6", Local("2024-01-01")}};
  EvaluationContext with_later = schema.context;
  with_later.commencement = &later;
  CHECK(Show(six->Evaluate(*after, schema.context)) == "true");
  CHECK(Show(six->Evaluate(*after, with_later)) == "false");
  CHECK(Show(one->Evaluate(*after, schema.context)) == "error(unknown provision 's.1')");
  CHECK(Show(one->Evaluate(*after, with_later)) == "true");
}

TEST_CASE("age_at: whole years in local dates") {
  testing::Schema schema;
  CHECK(Show(schema.Eval("age_at(date('2007-04-02'), date('2025-04-01')) == 17")) == "true");
  CHECK(Show(schema.Eval("age_at(date('2007-04-01'), date('2025-04-01')) == 18")) == "true");
  CHECK(Show(schema.Eval("age_at(date('2008-02-29'), date('2025-02-28')) == 16")) == "true");
  CHECK(Show(schema.Eval("age_at(date('2008-02-29'), date('2025-03-01')) == 17")) == "true");
}

TEST_CASE("max_gap: longest interval without an entry, boundaries included") {
  testing::Schema schema;
  auto record = schema.Incident(
      {{"started_at", Value::Time(Local("2025-01-01T10:00"))},
       {"ended_at", Value::Time(Local("2025-01-01T11:00"))},
       {"interventions",
        Value::List({Intervention(schema, "2025-01-01T10:40"),  // unsorted
                     Intervention(schema, "2025-01-01T10:10"),
                     Intervention(schema, "2025-01-01T09:00"),       // before: ignored
                     Intervention(schema, "2025-01-01T12:00")})}});  // after: ignored
  const char* gap = "max_gap(interventions.map(i, i.started_at), started_at, ended_at)";
  // 10:00 -> 10:10 -> 10:40 -> 11:00: the longest gap is 30 minutes.
  CHECK(Show(schema.Eval(std::string(gap) + " == duration('30m')", *record)) == "true");

  auto first_late =
      schema.Incident({{"started_at", Value::Time(Local("2025-01-01T10:00"))},
                       {"ended_at", Value::Time(Local("2025-01-01T11:00"))},
                       {"interventions", Value::List({Intervention(schema, "2025-01-01T10:45"),
                                                      Intervention(schema, "2025-01-01T11:00")})}});
  CHECK(Show(schema.Eval(std::string(gap) + " == duration('45m')", *first_late)) == "true");

  auto none = schema.Incident({{"started_at", Value::Time(Local("2025-01-01T10:00"))},
                               {"ended_at", Value::Time(Local("2025-01-01T11:00"))},
                               {"interventions", Value::List(ValueList{})}});
  CHECK(Show(schema.Eval(std::string(gap) + " == duration('1h')", *none)) == "true");

  CHECK(
      Show(schema.Eval("max_gap([], date('2025-01-02'), date('2025-01-01')) == duration('0s')")) ==
      "error(max_gap: the end is before the start)");
  CHECK(Show(schema.Eval("max_gap([date('2025-01-01')], date('2025-01-01'), date('2025-01-01')) == "
                         "duration('0s')")) == "true");
  CHECK(
      Show(schema.Eval("max_gap([1], date('2025-01-01'), date('2025-01-02')) == duration('0s')")) ==
      "error(max_gap: list element is int, not a timestamp)");
}

TEST_CASE("within: start <= t <= start + d") {
  testing::Schema schema;
  CHECK(Show(schema.Eval("within(date('2025-01-02'), date('2025-01-01'), duration('24h'))")) ==
        "true");
  CHECK(Show(schema.Eval("within(date('2025-01-01'), date('2025-01-01'), duration('24h'))")) ==
        "true");
  CHECK(Show(schema.Eval(
            "within(timestamp('2025-01-02T00:00:01Z'), date('2025-01-01'), duration('24h'))")) ==
        "false");
  CHECK(Show(schema.Eval(
            "within(timestamp('2024-12-31T23:59:59Z'), date('2025-01-01'), duration('24h'))")) ==
        "false");
}

TEST_CASE("valid_nhs_number: Modulus 11") {
  testing::Schema schema;
  CHECK(Show(schema.Eval("valid_nhs_number('9434765919')")) == "true");
  CHECK(Show(schema.Eval("valid_nhs_number('943 476 5919')")) == "true");
  CHECK(Show(schema.Eval("valid_nhs_number('9434765918')")) == "false");
  CHECK(Show(schema.Eval("valid_nhs_number('943476591')")) == "false");
  CHECK(Show(schema.Eval("valid_nhs_number('94347659190')")) == "false");
  CHECK(Show(schema.Eval("valid_nhs_number('94347659x9')")) == "false");
  CHECK(builtins::IsValidNhsNumber("4010232137"));
  CHECK(builtins::IsValidNhsNumber("0000000000"));        // 11 - 0 = 11 counts as check digit 0
  CHECK_FALSE(builtins::IsValidNhsNumber("0000200000"));  // 11 - (12 mod 11) = 10: never valid
  CHECK_FALSE(builtins::IsValidNhsNumber("0000200001"));
  CHECK(Show(schema.Eval("valid_nhs_number(patient.nhs_number)")) ==
        "error(cannot read 'nhs_number' of a missing value)");
}

TEST_CASE("strings: contains, startsWith, endsWith, matches, lower, upper") {
  testing::Schema schema;
  auto record = schema.Incident({{"incident_id", Value::String("INC-0042")}});
  CHECK(Show(schema.Eval("incident_id.startsWith('INC-') && incident_id.endsWith('42')",
                         *record)) == "true");
  CHECK(Show(schema.Eval("incident_id.contains('004')", *record)) == "true");
  CHECK(Show(schema.Eval("incident_id.matches('^INC-[0-9]{4}$')", *record)) == "true");
  CHECK(Show(schema.Eval("matches(incident_id, 'X')", *record)) == "false");
  CHECK(Show(schema.Eval("incident_id.lower() == 'inc-0042' && 'a'.upper() == 'A'", *record)) ==
        "true");
}

TEST_CASE("matches: patterns built at run time, more of them than are kept compiled") {
  testing::Schema schema;
  // 300 distinct patterns twice over: compiled ones are kept (up to 256 per thread) and reused.
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 300; ++i) {
      std::string number = std::to_string(1000 + i).substr(1);  // "000" .. "299"
      auto record = schema.Incident({{"incident_id", Value::String(number)}});
      CAPTURE(number);
      CHECK(Show(schema.Eval("'INC-042'.matches('^INC-' + incident_id + '$')", *record)) ==
            (i == 42 ? "true" : "false"));
    }
  }
  // A bad pattern is an error every time, not kept.
  auto bad = schema.Incident({{"incident_id", Value::String("(")}});
  for (int i = 0; i < 2; ++i) {
    CHECK(Show(schema.Eval("'x'.matches(incident_id + 'a')", *bad)).starts_with(
        "error(invalid regular expression '(a': "));
  }
}

TEST_CASE("as_of() and commenced() are read at each evaluation, never computed when compiled") {
  testing::Schema schema;
  std::vector<ExpressionError> errors;
  auto program = Compile("as_of() >= date('2024-01-01') && commenced('s.6')", schema.environment,
                         &errors);
  REQUIRE(program);
  auto after = schema.Incident({{"started_at", Value::Time(Local("2023-01-01T10:00"))}});
  auto before = schema.Incident({{"started_at", Value::Time(Local("2021-01-01T10:00"))}});
  EvaluationContext earlier = schema.context;
  earlier.as_of = Local("2023-06-01");
  CHECK(Show(program->Evaluate(*after, schema.context)) == "true");
  CHECK(Show(program->Evaluate(*before, schema.context)) == "false");
  CHECK(Show(program->Evaluate(*after, earlier)) == "false");
}

TEST_CASE("params fold to constants") {
  testing::Schema schema;
  auto record = schema.Incident({{"staff_count", Value::Int(2)}});
  CHECK(Show(schema.Eval("staff_count >= params.minimum_staff", *record)) == "true");
  CHECK(Show(schema.Eval("duration(string(params.record_within_hours) + 'h') == duration('24h')",
                         *record)) == "true");
}

TEST_CASE("in: a constant list of short strings gives what a scan of the list gives") {
  // Lists of up to 32 members of at most 7 bytes are searched as packed integers
  // (operators.cc), others in a hash set: both must agree with comparing the strings.
  testing::Schema schema;
  std::vector<std::string> members = {"", "1", "01", "1\0",
                                      "1234567", "12345678", "A B", "\xC3\xA9"};
  std::vector<std::string> lists = {
      "['1', '01', '1234567', 'A B', '\\u00e9']",        // all packed
      "['', '1\\x00', '12345678', '1']",               // one too long: the hash set
      "['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', "
      "'17', '18', '19', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', "
      "'31', '32', '33', '01']",                          // more than 32: the hash set
  };
  std::vector<std::vector<std::string>> listed = {
      {"1", "01", "1234567", "A B", "\xC3\xA9"},
      {"", std::string("1\0", 2), "12345678", "1"},
      {"1", "01"},  // of the members tried, only these are in the long list
  };
  for (std::size_t l = 0; l < lists.size(); ++l) {
    for (const std::string& raw : members) {
      std::string member = raw == "1\0" ? std::string("1\0", 2) : raw;
      auto record = schema.Incident({{"reason_code", Value::String(member)}});
      bool expected = std::find(listed[l].begin(), listed[l].end(), member) != listed[l].end();
      CAPTURE(l);
      CAPTURE(member);
      CHECK(Show(schema.Eval("reason_code in " + lists[l], *record)) ==
            (expected ? "true" : "false"));
    }
  }
  // A list with a member that is not a string is searched by value.
  auto one = schema.Incident({{"reason_code", Value::String("1")}});
  CHECK(Show(schema.Eval("reason_code in [1, '1']", *one)) == "true");
  CHECK(Show(schema.Eval("reason_code in [1, '2']", *one)) == "false");
}

}  // namespace uofa::expr
