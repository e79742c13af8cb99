#include <doctest/doctest.h>

#include <stdexcept>
#include <vector>

#include "engine/expr/functions/registry.h"

namespace uofa::expr {
namespace {

Overload Taking(std::vector<TypeKind> params) {
  Overload overload;
  overload.function = "f";
  overload.params = std::move(params);
  return overload;
}

// Whether the registry's overload of "f" with `arity` parameters accepts `values`.
bool Accepts(const FunctionRegistry& registry, int arity, std::vector<Value> values) {
  std::vector<const Value*> pointers;
  for (const Value& value : values) pointers.push_back(&value);
  std::vector<const Overload*> found = registry.Find("f", false, arity);
  REQUIRE(found.size() == 1);
  return found[0]->Matches(Args(pointers.data(), static_cast<int>(pointers.size())));
}

}  // namespace

TEST_CASE("overloads: a call matches by the kinds of its values, dyn accepting any") {
  FunctionRegistry registry({Taking({TypeKind::kString, TypeKind::kDyn}),
                             Taking({TypeKind::kInt}),
                             Taking({TypeKind::kList, TypeKind::kError, TypeKind::kTimestamp})});
  CHECK(Accepts(registry, 2, {Value::String("a"), Value::Int(1)}));
  CHECK(Accepts(registry, 2, {Value::String("a"), Value::Null()}));
  CHECK(Accepts(registry, 2, {Value::String("a"), Value::Error("e")}));
  CHECK_FALSE(Accepts(registry, 2, {Value::Int(1), Value::String("a")}));
  CHECK_FALSE(Accepts(registry, 2, {Value::Null(), Value::Int(1)}));

  CHECK(Accepts(registry, 1, {Value::Int(-1)}));
  CHECK_FALSE(Accepts(registry, 1, {Value::Uint(1)}));
  CHECK_FALSE(Accepts(registry, 1, {Value::Double(1.0)}));
  // A call with another number of arguments matches no overload of this arity.
  CHECK_FALSE(Accepts(registry, 1, {Value::Int(1), Value::Int(2)}));
  CHECK_FALSE(Accepts(registry, 1, {}));

  // The last of ValueKind's kinds (kError) and one in the middle (kTimestamp).
  CHECK(Accepts(registry, 3, {Value::List(ValueList{}), Value::Error("e"), Value::Time({})}));
  CHECK_FALSE(Accepts(registry, 3, {Value::List(ValueList{}), Value::Null(), Value::Time({})}));
  CHECK_FALSE(Accepts(registry, 3, {Value::List(ValueList{}), Value::Error("e"),
                                    Value::Span({})}));
}

TEST_CASE("overloads: a registry refuses an overload with more parameters than it can match") {
  std::vector<TypeKind> five(Overload::kMaxParams + 1, TypeKind::kDyn);
  CHECK_THROWS_WITH_AS(FunctionRegistry({Taking(five)}), "overload of 'f' has 5 parameters",
                       std::invalid_argument);
  std::vector<TypeKind> four(Overload::kMaxParams, TypeKind::kDyn);
  FunctionRegistry registry({Taking(four)});
  CHECK(Accepts(registry, 4, {Value::Null(), Value::Bool(true), Value::Int(1), Value::Uint(2)}));
}

}  // namespace uofa::expr
