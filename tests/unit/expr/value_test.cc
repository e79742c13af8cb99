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
  ArenaRef arena = ArenaRef::New(1024);
  const Value values[] = {
      Value(), Value::Bool(true), Value::Int(-3), Value::Uint(4), Value::Double(0.5),
      Value::String(kLong), Value::StringIn(arena.get(), kLong + "!"), Value::BytesValue("b"),
      Value::Time(Timestamp{86400, 0}), Value::Span(Duration{60, 0}),
      Value::List(ValueList{Value::Int(1), Value::String(kLong)}),
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

TEST_CASE("value: a string in an arena is a string like any other, and its copies share it") {
  ArenaRef arena = ArenaRef::New(64);
  const Value in_arena = Value::StringIn(arena.get(), kLong);
  CHECK(in_arena.kind() == ValueKind::kString);
  CHECK(in_arena.as_string() == kLong);
  CHECK(arena.get()->Holds(in_arena.as_string().data()));
  CHECK(arena.get()->remaining() == 64 - kLong.size());
  const Value copy = in_arena;  // points at the same bytes: the arena outlives both
  CHECK(copy.as_string().data() == in_arena.as_string().data());
  CHECK(expr::ValuesEqual(in_arena, Value::String(kLong)));
  CHECK(expr::DebugString(in_arena) == expr::DebugString(Value::String(kLong)));
  CHECK_FALSE(expr::ValuesEqual(in_arena, Value::String(kLong + ".")));

  // The empty string, and the bytes that no longer fit, which go to the heap.
  const Value empty = Value::StringIn(arena.get(), "");
  CHECK(empty.kind() == ValueKind::kString);
  CHECK(empty.as_string().empty());
  const Value too_long = Value::StringIn(arena.get(), kLong);
  CHECK(too_long.as_string() == kLong);
  CHECK_FALSE(arena.get()->Holds(too_long.as_string().data()));
  const Value without_arena = Value::StringIn(nullptr, "code");
  CHECK(without_arena.as_string() == "code");
  CHECK_FALSE(arena.get()->Holds(without_arena.as_string().data()));
}

}  // namespace uofa
