#include "engine/expr/value.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <utility>

#include "engine/expr/value_ops.h"

namespace uofa {
namespace {

const std::string kLong = "a string longer than the fifteen bytes held in place";

}  // namespace

TEST_CASE("value: copies, moves and assignments between every kind keep the value") {
  const Value values[] = {
      Value(), Value::Bool(true), Value::Int(-3), Value::Uint(4), Value::Double(0.5),
      Value::String(kLong), Value::BytesValue("b"), Value::Time(Timestamp{86400, 0}),
      Value::Span(Duration{60, 0}), Value::List(ValueList{Value::Int(1), Value::String(kLong)}),
      Value::Map(ValueMap{{Value::String("k"), Value::Int(2)}}), Value::Type("int"),
      Value::Error("broken")};
  for (const Value& from : values) {
    for (const Value& to : values) {
      CAPTURE(expr::DebugString(from));
      CAPTURE(expr::DebugString(to));
      Value copy = from;
      CHECK(expr::DebugString(copy) == expr::DebugString(from));
      Value assigned = to;
      assigned = from;
      CHECK(expr::DebugString(assigned) == expr::DebugString(from));
      Value moved_to = to;
      moved_to = std::move(copy);
      CHECK(expr::DebugString(moved_to) == expr::DebugString(from));
      Value constructed(std::move(moved_to));
      CHECK(expr::DebugString(constructed) == expr::DebugString(from));
      copy = to;  // a moved-from value can be assigned again
      CHECK(copy.kind() == to.kind());
    }
  }
}

TEST_CASE("value: what a value holds is released when the last value holding it goes") {
  auto list = std::make_shared<const ValueList>(ValueList{Value::String(kLong)});
  {
    Value held = Value::List(list);
    Value copy = held;
    CHECK(list.use_count() == 3);
    copy = Value::Int(1);  // replaced by a kind that holds nothing
    CHECK(list.use_count() == 2);
    Value moved = std::move(held);
    CHECK(list.use_count() == 2);
  }
  CHECK(list.use_count() == 1);
}

}  // namespace uofa
