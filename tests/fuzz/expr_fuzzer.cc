// Fuzzes the condition language: lexer, parser, checker and compiler (expr::Compile) against a
// small incident schema, then evaluates what compiles on an empty and a filled record.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/expr/program.h"
#include "tests/unit/expr/expr_test_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using uofa::Value;
  static const uofa::expr::testing::Schema* schema = new uofa::expr::testing::Schema();
  static const auto* filled = new std::shared_ptr<uofa::Record>(schema->Incident({
      {"incident_id", Value::String("INC-1")},
      {"reason_code", Value::String("10")},
      {"staff_count", Value::Int(9223372036854775807LL)},
      {"score", Value::Double(1e308)},
      {"started_at", Value::Time(uofa::expr::testing::Local("2024-03-31T01:30"))},
  }));
  std::string_view source(reinterpret_cast<const char*>(data), size);
  std::vector<uofa::expr::ExpressionError> errors;
  std::unique_ptr<const uofa::expr::Program> program =
      uofa::expr::Compile(source, schema->environment, &errors);
  if (!program) return 0;
  program->Evaluate(*schema->Incident({}), schema->context);
  program->Evaluate(**filled, schema->context);
  return 0;
}
