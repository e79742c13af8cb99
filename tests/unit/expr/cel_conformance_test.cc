// Runs the official CEL conformance files (../shared/conformance/cel-spec) through the condition
// language. Tests of features outside the subset are skipped with a named reason; every other
// test must pass. Prints `file: N passed, N failed, N skipped` and the skip reasons per file.
#include <doctest/doctest.h>
#include <re2/re2.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "engine/expr/environment.h"
#include "engine/expr/value_ops.h"
#include "tests/unit/expr/textproto.h"

namespace uofa::expr {
namespace {

using testing::TextProtoField;

// Unsupported features recognised in the expression text, with the reason reported.
struct SkipPattern {
  const char* pattern;  // RE2, searched in the expression
  const char* reason;
};
const SkipPattern kSkipPatterns[] = {
    {R"(\b[A-Z][A-Za-z0-9_]*\s*\{)", "protobuf message construction"},
    {R"(TestAllTypes|NestedTestAllTypes|proto[23]\.|\bGlobalEnum\b|\bNestedEnum\b)",
     "protobuf messages and enums"},
    {R"(google\.protobuf\.(Int|UInt|Bool|String|Bytes|Double|Float|Value|Struct|List|Any|Field|Null))",
     "protobuf wrapper and JSON types"},
    {R"(optional\.|\.\?|\[\?|\?\.|\.or\(|\.orValue\(|\.hasValue\(|\.value\(\))", "optional types"},
    {R"(\.(charAt|indexOf|lastIndexOf|replace|split|substring|trim|join|format|quote|reverse|lowerAscii|upperAscii)\()",
     "extension library: strings"},
    {R"(\bmath\.|\bbase64\.|\bsets\.|\bstrings\.|\bproto\.)", "extension library"},
    {R"(\btransformMapEntry\()", "extension library: transformMapEntry"},
    {R"(\bcel\.bind\(|\bcel\.block)", "extension library: bindings"},
};

struct Outcome {
  enum Kind { kPass, kFail, kSkip } kind;
  std::string detail;  // skip reason or failure description
};

Outcome Skip(std::string reason) { return Outcome{Outcome::kSkip, std::move(reason)}; }
Outcome Fail(std::string detail) { return Outcome{Outcome::kFail, std::move(detail)}; }

// A Value message -> Value; nullopt with `reason` when it uses something outside the subset.
std::optional<Value> ToValue(const TextProtoField& message, std::string* reason) {
  for (const TextProtoField& f : message.fields) {
    if (f.name == "null_value") return Value::Null();
    if (f.name == "bool_value") return Value::Bool(f.scalar == "true");
    if (f.name == "int64_value") return Value::Int(std::strtoll(f.scalar.c_str(), nullptr, 10));
    if (f.name == "uint64_value") return Value::Uint(std::strtoull(f.scalar.c_str(), nullptr, 10));
    if (f.name == "double_value") {
      std::string s = f.scalar;
      for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (s == "inf" || s == "infinity") return Value::Double(INFINITY);
      if (s == "-inf" || s == "-infinity") return Value::Double(-INFINITY);
      if (s == "nan") return Value::Double(NAN);
      return Value::Double(std::strtod(s.c_str(), nullptr));
    }
    if (f.name == "string_value") return Value::String(f.scalar);
    if (f.name == "bytes_value") return Value::BytesValue(f.scalar);
    if (f.name == "type_value") return Value::Type(f.scalar);
    if (f.name == "list_value") {
      ValueList items;
      for (const TextProtoField* item : f.FindAll("values")) {
        std::optional<Value> v = ToValue(*item, reason);
        if (!v) return std::nullopt;
        items.push_back(std::move(*v));
      }
      return Value::List(std::move(items));
    }
    if (f.name == "map_value") {
      ValueMap entries;
      for (const TextProtoField* entry : f.FindAll("entries")) {
        const TextProtoField* key = entry->Find("key");
        const TextProtoField* value = entry->Find("value");
        if (key == nullptr || value == nullptr) {
          *reason = "malformed map entry";
          return std::nullopt;
        }
        std::optional<Value> k = ToValue(*key, reason);
        std::optional<Value> v = ToValue(*value, reason);
        if (!k || !v) return std::nullopt;
        entries.emplace_back(std::move(*k), std::move(*v));
      }
      return Value::Map(std::move(entries));
    }
    if (f.name == "object_value") {
      for (const TextProtoField& any : f.fields) {
        auto number = [&](const char* name) -> std::int64_t {
          const TextProtoField* n = any.Find(name);
          return n != nullptr ? std::strtoll(n->scalar.c_str(), nullptr, 10) : 0;
        };
        if (any.name == "type.googleapis.com/google.protobuf.Duration") {
          return Value::Span(
              Duration{number("seconds"), static_cast<std::int32_t>(number("nanos"))});
        }
        if (any.name == "type.googleapis.com/google.protobuf.Timestamp") {
          return Value::Time(
              Timestamp{number("seconds"), static_cast<std::int32_t>(number("nanos"))});
        }
      }
      *reason = "protobuf messages and enums";
      return std::nullopt;
    }
    if (f.name == "enum_value") {
      *reason = "protobuf messages and enums";
      return std::nullopt;
    }
  }
  *reason = "unsupported value kind";
  return std::nullopt;
}

// A cel.expr.Type message -> Type; nullopt with `reason` when outside the subset.
std::optional<Type> ToType(const TextProtoField& message, std::string* reason) {
  for (const TextProtoField& f : message.fields) {
    if (f.name == "primitive") {
      static const std::map<std::string, TypeKind> kPrimitives = {
          {"BOOL", TypeKind::kBool},     {"INT64", TypeKind::kInt},
          {"UINT64", TypeKind::kUint},   {"DOUBLE", TypeKind::kDouble},
          {"STRING", TypeKind::kString}, {"BYTES", TypeKind::kBytes}};
      auto it = kPrimitives.find(f.scalar);
      if (it == kPrimitives.end()) break;
      return Type(it->second);
    }
    if (f.name == "dyn") return Type::Dyn();
    if (f.name == "null") return Type(TypeKind::kNull);
    if (f.name == "well_known") {
      if (f.scalar == "TIMESTAMP") return Type(TypeKind::kTimestamp);
      if (f.scalar == "DURATION") return Type(TypeKind::kDuration);
      break;
    }
    if (f.name == "message_type") {
      if (f.scalar == "google.protobuf.Duration") return Type(TypeKind::kDuration);
      if (f.scalar == "google.protobuf.Timestamp") return Type(TypeKind::kTimestamp);
      *reason = "protobuf messages and enums";
      return std::nullopt;
    }
    if (f.name == "list_type") {
      const TextProtoField* elem = f.Find("elem_type");
      if (elem == nullptr) return Type::List(Type::Dyn());
      std::optional<Type> e = ToType(*elem, reason);
      if (!e) return std::nullopt;
      return Type::List(*e);
    }
    if (f.name == "map_type") {
      const TextProtoField* key = f.Find("key_type");
      const TextProtoField* value = f.Find("value_type");
      std::optional<Type> k = key ? ToType(*key, reason) : Type::Dyn();
      std::optional<Type> v = value ? ToType(*value, reason) : Type::Dyn();
      if (!k || !v) return std::nullopt;
      return Type::Map(*k, *v);
    }
  }
  if (reason->empty()) *reason = "unsupported declared type";
  return std::nullopt;
}

// Exact equality for expected results: same kinds (1 is not 1u), NaN equals NaN.
bool SameValue(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case ValueKind::kDouble:
      if (std::isnan(a.as_double()) && std::isnan(b.as_double())) return true;
      return a.as_double() == b.as_double();
    case ValueKind::kList: {
      if (a.as_list().size() != b.as_list().size()) return false;
      for (std::size_t i = 0; i < a.as_list().size(); ++i) {
        if (!SameValue(a.as_list()[i], b.as_list()[i])) return false;
      }
      return true;
    }
    case ValueKind::kMap: {
      if (a.as_map().size() != b.as_map().size()) return false;
      for (const auto& [key, value] : a.as_map()) {
        const Value* other = nullptr;
        for (const auto& [k2, v2] : b.as_map()) {
          if (SameValue(key, k2)) other = &v2;
        }
        if (other == nullptr || !SameValue(value, *other)) return false;
      }
      return true;
    }
    default:
      return ValuesEqual(a, b);
  }
}

Outcome RunTest(const TextProtoField& test) {
  const TextProtoField* expr_field = test.Find("expr");
  if (expr_field == nullptr) return Fail("no expression");
  const std::string& source = expr_field->scalar;
  if (const TextProtoField* f = test.Find("check_only"); f && f->scalar == "true") {
    return Skip("type-check only");
  }
  if (const TextProtoField* f = test.Find("container"); f && !f->scalar.empty()) {
    return Skip("protobuf messages and enums");
  }
  if (test.Find("unknown") || test.Find("any_unknowns")) return Skip("unknown values");
  for (const SkipPattern& p : kSkipPatterns) {
    if (RE2::PartialMatch(source, p.pattern)) return Skip(p.reason);
  }

  VariableEnvironment env;
  env.local_time = false;
  if (const TextProtoField* f = test.Find("disable_check"); f && f->scalar == "true") {
    env.check_types = false;
  }
  if (const TextProtoField* f = test.Find("disable_macros"); f && f->scalar == "true") {
    env.enable_macros = false;
  }
  for (const TextProtoField* decl : test.FindAll("type_env")) {
    const TextProtoField* name = decl->Find("name");
    const TextProtoField* ident = decl->Find("ident");
    if (name == nullptr) return Fail("declaration without a name");
    if (ident == nullptr) return Skip("function declarations");
    const TextProtoField* type = ident->Find("type");
    std::string reason;
    std::optional<Type> t = type ? ToType(*type, &reason) : Type::Dyn();
    if (!t) return Skip(reason);
    env.variables.emplace_back(name->scalar, *t);
  }
  Bindings bindings;
  for (const TextProtoField* binding : test.FindAll("bindings")) {
    const TextProtoField* key = binding->Find("key");
    const TextProtoField* value = binding->Find("value");
    const TextProtoField* inner = value ? value->Find("value") : nullptr;
    if (key == nullptr || inner == nullptr) return Skip("unsupported binding");
    std::string reason;
    std::optional<Value> v = ToValue(*inner, &reason);
    if (!v) return Skip(reason);
    bindings[key->scalar] = *v;
    // Unchecked tests may bind names they never declare.
    bool declared = false;
    for (const auto& [n, t] : env.variables) declared = declared || n == key->scalar;
    if (!declared) env.variables.emplace_back(key->scalar, Type::OfValue(*v));
  }

  std::optional<Value> expected;
  bool expect_error = false;
  if (const TextProtoField* v = test.Find("value")) {
    std::string reason;
    expected = ToValue(*v, &reason);
    if (!expected) return Skip(reason);
  } else if (const TextProtoField* typed = test.Find("typed_result")) {
    const TextProtoField* result = typed->Find("result");
    std::string reason;
    if (result == nullptr) return Skip("type-check only");
    expected = ToValue(*result, &reason);
    if (!expected) return Skip(reason);
  } else if (test.Find("eval_error") || test.Find("any_eval_errors")) {
    expect_error = true;
  } else {
    expected = Value::Bool(true);  // the default result of a conformance test
  }

  std::vector<ExpressionError> errors;
  std::unique_ptr<const VariableProgram> program = CompileWithVariables(source, env, &errors);
  if (!program) {
    // An expression the language rejects before evaluation also meets "expect an error".
    if (expect_error) return Outcome{Outcome::kPass, "rejected when compiled"};
    std::string message =
        errors.empty() ? "?" : errors[0].message + " at " + std::to_string(errors[0].offset);
    return Fail("compile error: " + message);
  }
  Value result = program->Evaluate(bindings);
  // The boolean shortcut the rules are decided by agrees with the value, whatever the test.
  const Truth truth = program->Test(bindings);
  if (truth != TruthOf(result)) {
    return Fail("Test gave " + std::to_string(static_cast<int>(truth)) + " for " +
                DebugString(result));
  }
  if (expect_error) {
    if (result.is_error()) return Outcome{Outcome::kPass, ""};
    return Fail("expected an error, got " + DebugString(result));
  }
  if (!SameValue(result, *expected)) {
    return Fail("expected " + DebugString(*expected) + ", got " + DebugString(result));
  }
  return Outcome{Outcome::kPass, ""};
}

void RunFile(const std::string& name) {
  std::string path = std::string(UOFA_SHARED_DIR) + "/conformance/cel-spec/" + name + ".textproto";
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  testing::TextProtoField root;
  std::string error;
  REQUIRE_MESSAGE(testing::ParseTextProto(buffer.str(), &root, &error), path << ": " << error);

  int passed = 0, failed = 0, skipped = 0, rejected = 0;
  std::map<std::string, int> reasons;
  for (const TextProtoField* section : root.FindAll("section")) {
    const TextProtoField* section_name = section->Find("name");
    for (const TextProtoField* test : section->FindAll("test")) {
      const TextProtoField* test_name = test->Find("name");
      std::string full = name + "/" + (section_name ? section_name->scalar : "?") + "/" +
                         (test_name ? test_name->scalar : "?");
      Outcome outcome = RunTest(*test);
      switch (outcome.kind) {
        case Outcome::kPass:
          ++passed;
          if (!outcome.detail.empty()) {
            ++rejected;
            if (std::getenv("UOFA_CEL_VERBOSE") != nullptr)
              std::printf("  rejected: %s\n", full.c_str());
          }
          break;
        case Outcome::kSkip:
          ++skipped;
          ++reasons[outcome.detail];
          break;
        case Outcome::kFail: {
          ++failed;
          const TextProtoField* e = test->Find("expr");
          std::string message = full + ": " + (e ? e->scalar : "") + ": " + outcome.detail;
          FAIL_CHECK(message);
          break;
        }
      }
    }
  }
  std::printf("%s: %d passed, %d failed, %d skipped\n", name.c_str(), passed, failed, skipped);
  if (rejected > 0) {
    std::printf("  (%d of the passes expect an error and are rejected by the checker)\n", rejected);
  }
  for (const auto& [reason, count] : reasons)
    std::printf("  skipped %3d: %s\n", count, reason.c_str());
  CHECK(failed == 0);
}

}  // namespace

TEST_SUITE("cel-conformance") {
  TEST_CASE("basic") { RunFile("basic"); }
  TEST_CASE("comparisons") { RunFile("comparisons"); }
  TEST_CASE("conversions") { RunFile("conversions"); }
  TEST_CASE("fields") { RunFile("fields"); }
  TEST_CASE("fp_math") { RunFile("fp_math"); }
  TEST_CASE("integer_math") { RunFile("integer_math"); }
  TEST_CASE("lists") { RunFile("lists"); }
  TEST_CASE("logic") { RunFile("logic"); }
  TEST_CASE("macros") { RunFile("macros"); }
  TEST_CASE("macros2") { RunFile("macros2"); }
  TEST_CASE("parse") { RunFile("parse"); }
  TEST_CASE("plumbing") { RunFile("plumbing"); }
  TEST_CASE("string") { RunFile("string"); }
  TEST_CASE("timestamps") { RunFile("timestamps"); }
}

}  // namespace uofa::expr
