// Hostile expressions: nesting thousands deep is a positioned compile error, and integer and
// duration overflow are error values (the rule's verdict is indeterminate), never wrapped.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/unit/expr/expr_test_support.h"

namespace uofa::expr {
namespace {

TEST_CASE("hostile: parentheses nested 5,000 deep") {
  testing::Schema schema;
  std::string deep = std::string(5000, '(') + "true" + std::string(5000, ')');
  std::vector<ExpressionError> errors = schema.Errors(deep);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "expression nested too deeply");
  CHECK(errors[0].offset < 5000);
}

TEST_CASE("hostile: lists, calls and negations nested thousands deep") {
  testing::Schema schema;
  for (const auto& [open, close] : std::vector<std::pair<std::string, std::string>>{
           {"[", "]"}, {"size(", ")"}, {"-", ""}, {"!", ""}, {"{1: ", "}"}}) {
    std::string deep;
    for (int i = 0; i < 3000; ++i) deep += open;
    deep += "1";
    for (int i = 0; i < 3000; ++i) deep += close;
    std::vector<ExpressionError> errors = schema.Errors(deep + " == 1");
    CAPTURE(open);
    REQUIRE(!errors.empty());
    CHECK(errors[0].message == "expression nested too deeply");
  }
}

TEST_CASE("hostile: integer overflow in a rule expression") {
  testing::Schema schema;
  Value sum = schema.Eval("9223372036854775807 + 1 > 0");
  REQUIRE(sum.is_error());
  CHECK(sum.error_message() == "integer overflow");
  Value product = schema.Eval("staff_count * 2 > 0",
                              *schema.Incident({{"staff_count", Value::Int(9223372036854775807LL)}}));
  REQUIRE(product.is_error());
  CHECK(product.error_message() == "integer overflow");
  Value negation = schema.Eval("-staff_count < 0 || true",
                               *schema.Incident({{"staff_count", Value::Int(INT64_MIN)}}));
  CHECK((negation.is_error() || negation.kind() == ValueKind::kBool));

  std::vector<ExpressionError> errors = schema.Errors("staff_count > 92233720368547758070");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "integer literal out of range");
  CHECK(errors[0].offset == 14);
}

TEST_CASE("hostile: duration overflow in a rule expression") {
  testing::Schema schema;
  // 10^15 hours is past the range of durations (about 292 years at nanosecond precision).
  Value huge = schema.Eval("duration('1000000000000000h') > duration('1h')");
  REQUIRE(huge.is_error());
  Value span = schema.Eval(
      "started_at + duration(string(staff_count) + 'h') > started_at",
      *schema.Incident({{"started_at", Value::Time(testing::Local("2024-01-01T00:00"))},
                        {"staff_count", Value::Int(1000000000000000LL)}}));
  REQUIRE(span.is_error());
}

}  // namespace
}  // namespace uofa::expr
