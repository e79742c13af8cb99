// Evaluating the common kinds of rule condition must not allocate: field reads by slot,
// comparisons with constants, membership in a code list or a literal list, commencement, presence
// tests and macros over a record's list. Counted by replacing the global allocation functions in
// the test binary.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "tests/unit/expr/expr_test_support.h"

// g++ cannot see that every allocation function here is malloc-based.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

namespace {
std::atomic<long> allocation_count{0};
}  // namespace

// Every unaligned form is replaced, so that whatever pair the library picks (std::stable_sort
// takes its buffer with the nothrow form) allocates and frees the same way.
void* operator new(std::size_t size) {
  allocation_count.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  allocation_count.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace uofa::expr {

TEST_CASE("evaluator: common rule conditions evaluate without allocating") {
  testing::Schema schema;
  auto patient =
      testing::Schema::Make(schema.patient, {{"nhs_number", Value::String("9434765919")}});
  auto intervention =
      testing::Schema::Make(schema.intervention, {{"type_code", Value::String("01")}});
  auto record = schema.Incident({{"reason_code", Value::String("10")},
                                 {"negligible", Value::Bool(false)},
                                 {"staff_count", Value::Int(3)},
                                 {"started_at", Value::Time(testing::Local("2023-01-01T10:00"))},
                                 {"patient", Value::OfRecord(patient)},
                                 {"interventions", Value::List({Value::OfRecord(intervention)})}});
  for (const char* source : {
           "reason_code in codes.ri_reason && reason_code != '99'",
           "!negligible && commenced('s.6(5)(a)')",
           "has(patient.nhs_number) && valid_nhs_number(patient.nhs_number)",
           "interventions.exists(i, i.type_code == '01')",
           "staff_count >= params.minimum_staff && reason_code in codes.ri_reason_harm",
           // List and map literals of constants are built once, when the rule is compiled.
           "reason_code in ['10', '11', '12'] && interventions.all(i, i.type_code in ['01', '02'])",
           "reason_code in {'10': 'harm', '11': 'other'}",
           // A pure call on constants is computed when the rule is compiled.
           "size(string(params.record_within_hours) + ' hours to make the record of it') > 9",
           // A comprehension over a one-item list names a value without building the list.
           "[started_at].all(s, s >= started_at) && "
           "interventions.all(i, [i].exists(j, has(j.type_code)))",
       }) {
    std::vector<ExpressionError> errors;
    auto program = Compile(source, schema.environment, &errors);
    REQUIRE_MESSAGE(program, source);
    Value warm = program->Evaluate(*record, schema.context);
    REQUIRE_MESSAGE(warm.kind() == ValueKind::kBool, source);
    CHECK_MESSAGE(warm.as_bool(), source);
    long before = allocation_count.load();
    for (int i = 0; i < 100; ++i) (void)program->Evaluate(*record, schema.context);
    CHECK_MESSAGE(allocation_count.load() - before == 0, source);
  }
}

}  // namespace uofa::expr
