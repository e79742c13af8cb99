#include "engine/expr/parser.h"

#include <doctest/doctest.h>

#include <string>

#include "engine/expr/environment.h"

namespace uofa::expr {
namespace {

ExpressionError ParseError(const std::string& source) {
  std::vector<ExpressionError> errors;
  ExprPtr root = Parse(source, &errors);
  CHECK(root == nullptr);
  REQUIRE(errors.size() == 1);
  return errors[0];
}

}  // namespace

TEST_CASE("parser: precedence and structure") {
  std::vector<ExpressionError> errors;
  ExprPtr root = Parse("a || b && c == 1 + 2 * 3", &errors);
  REQUIRE(root);
  CHECK(errors.empty());
  CHECK(root->name == "_||_");
  const Expr& and_node = *root->args[1];
  CHECK(and_node.name == "_&&_");
  const Expr& eq = *and_node.args[1];
  CHECK(eq.name == "_==_");
  CHECK(eq.offset == 12);
  CHECK(eq.args[1]->name == "_+_");
  CHECK(eq.args[1]->args[1]->name == "_*_");
}

TEST_CASE("parser: member calls, selects, index, literals") {
  std::vector<ExpressionError> errors;
  ExprPtr root = Parse("patient.name.startsWith('A') && xs[0] in {'a': [1, 2]}", &errors);
  REQUIRE(root);
  const Expr& call = *root->args[0];
  CHECK(call.kind == ExprKind::kCall);
  CHECK(call.name == "startsWith");
  CHECK(call.offset == 13);
  REQUIRE(call.target);
  CHECK(call.target->kind == ExprKind::kSelect);
  CHECK(call.target->name == "name");
  const Expr& in = *root->args[1];
  CHECK(in.name == "@in");
  CHECK(in.args[0]->name == "_[_]");
  CHECK(in.args[1]->kind == ExprKind::kMap);
}

TEST_CASE("parser: macros and has()") {
  std::vector<ExpressionError> errors;
  ExprPtr root =
      Parse("interventions.exists(i, i.type_code == '01') && has(patient.name)", &errors);
  REQUIRE(root);
  const Expr& exists = *root->args[0];
  CHECK(exists.kind == ExprKind::kComprehension);
  CHECK(exists.macro == MacroKind::kExists);
  CHECK(exists.name == "i");
  const Expr& has = *root->args[1];
  CHECK(has.kind == ExprKind::kSelect);
  CHECK(has.test_only);
  root = Parse("xs.map(x, x > 1, x * 2)", &errors);
  REQUIRE(root);
  CHECK(root->macro == MacroKind::kMapFilter);
  CHECK(root->args.size() == 2);
}

TEST_CASE("parser: negative literals fold, including the smallest int") {
  std::vector<ExpressionError> errors;
  ExprPtr root = Parse("-9223372036854775808", &errors);
  REQUIRE(root);
  CHECK(root->kind == ExprKind::kLiteral);
  CHECK(root->literal.as_int() == INT64_MIN);
  CHECK(ParseError("9223372036854775808").message == "integer literal out of range");
}

TEST_CASE("parser: errors carry the offset of the offending token") {
  ExpressionError e = ParseError("a && (b || c");
  CHECK(e.message == "expected ')' but found end of expression");
  CHECK(e.offset == 12);
  e = ParseError("a + * b");
  CHECK(e.message == "unexpected '*'");
  CHECK(e.offset == 4);
  e = ParseError("has(a + 1)");
  CHECK(e.message == "invalid argument to has() macro");
  CHECK(e.offset == 6);
  e = ParseError("xs.all(1, true)");
  CHECK(e.message == "argument must be a simple name");
  CHECK(e.offset == 7);
  e = ParseError("a b");
  CHECK(e.message == "unexpected 'b'");
  CHECK(e.offset == 2);
  e = ParseError("if == 1");
  CHECK(e.message == "reserved identifier 'if'");
  e = ParseError("Msg{a: 1}");
  CHECK(e.message == "message construction is not supported");
  CHECK(e.offset == 3);
}

TEST_CASE("parser: nesting is bounded") {
  std::string deep(300, '(');
  deep += "1";
  deep += std::string(300, ')');
  ExpressionError e = ParseError(deep);
  CHECK(e.message == "expression nested too deeply");

  std::string chain = "1";
  for (int i = 0; i < 400; ++i) chain += " + 1";
  CHECK(ParseError(chain).message == "expression nested too deeply");

  std::string bangs(5000, '!');
  CHECK(ParseError(bangs + "true").message == "expression nested too deeply");

  // Long && and || chains are balanced, so they stay well inside the bound.
  std::string ands = "true";
  for (int i = 0; i < 1000; ++i) ands += " && true";
  std::vector<ExpressionError> errors;
  CHECK(Parse(ands, &errors) != nullptr);
  CHECK(errors.empty());
}

}  // namespace uofa::expr

namespace uofa::expr {

TEST_CASE("parser: arbitrary input is an error or an expression, never a crash") {
  VariableEnvironment env;
  env.check_types = false;
  env.variables = {{"a", Type::Dyn()}, {"b", Type::Dyn()}, {"x", Type::Dyn()}};
  Bindings bindings = {{"a", Value::Int(1)},
                       {"b", Value::Map({{Value::String("c"), Value::List({Value::Int(2)})}})},
                       {"x", Value::List({Value::String("s"), Value::Null()})}};
  const char* pieces[] = {"a",   "b.c", "(",    ")",    "[",    "]",   "{",   "}",
                          ",",   ":",   "?",    "!",    "-",    "+",   "*",   "/",
                          "%",   "==",  "<",    "&&",   "||",   "in",  "1",   "2u",
                          "1.5", "'s'", "b'x'", "null", "true", ".",   "has", "all",
                          "x",   "map", "size", "`q`",  "\"",   "'''", "\\",  "9223372036854775808",
                          "#"};
  constexpr std::size_t kCount = sizeof pieces / sizeof pieces[0];
  std::uint32_t state = 12345;
  auto next = [&state]() {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  int parsed = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string source;
    std::size_t length = 1 + next() % 24;
    for (std::size_t i = 0; i < length; ++i) {
      source += pieces[next() % kCount];
      if (next() % 2 == 0) source += ' ';
    }
    std::vector<ExpressionError> errors;
    ExprPtr root = Parse(source, &errors);
    if (root) {
      ++parsed;
      CHECK(errors.empty());
      // Whatever compiles also evaluates, to a value or an error value.
      auto program = CompileWithVariables(source, env, &errors);
      if (program) (void)program->Evaluate(bindings);
    } else {
      REQUIRE(errors.size() == 1);
      CHECK(errors[0].offset <= source.size());
      CHECK_FALSE(errors[0].message.empty());
    }
  }
  CHECK(parsed > 0);
}

}  // namespace uofa::expr
