#include <doctest/doctest.h>

#include "engine/expr/functions/builtins.h"
#include "engine/expr/value_ops.h"
#include "engine/record/record_type.h"
#include "tests/unit/expr/expr_test_support.h"

namespace uofa::expr {
namespace {

std::string Show(const Value& v) { return DebugString(v); }

}  // namespace

TEST_CASE("mentions: any of the patterns, without regard to case") {
  testing::Schema schema;
  auto record = schema.Incident({});
  CHECK(Show(schema.Eval("mentions('Officers wear BODY-WORN cameras', ['body[- ]worn', 'cctv'])", *record)) == "true");
  CHECK(Show(schema.Eval("mentions('Officers attend', ['body[- ]worn', 'cctv'])", *record)) == "false");
  CHECK(Show(schema.Eval("mentions('Debrief offered', 'debrief')", *record)) == "true");
  CHECK(Show(schema.Eval("mentions('anything', [])", *record)) == "false");
}

TEST_CASE("dates_in: the dates written in a text, as timestamps") {
  testing::Schema schema;
  auto record = schema.Incident({});
  CHECK(Show(schema.Eval("size(dates_in('Approved 12 May 2025, review 31/05/2026')) == 2", *record)) == "true");
  CHECK(Show(schema.Eval("dates_in('Review 31/05/2026')[0] == date('2026-05-31')", *record)) == "true");
  CHECK(Show(schema.Eval("dates_in('no date here') == []", *record)) == "true");
}

TEST_CASE("section: the first section whose heading matches, or null") {
  RecordType section_type("policy_section");
  FieldDef heading;
  heading.name = "heading";
  section_type.AddField(heading);
  FieldDef text;
  text.name = "text";
  section_type.AddField(text);
  RecordType document_type("policy_document");
  FieldDef sections;
  sections.name = "sections";
  sections.kind = FieldKind::kList;
  sections.element = &section_type;
  document_type.AddField(sections);

  auto make_section = [&](const char* title, const char* body) {
    auto record = std::make_shared<Record>();
    record->type = &section_type;
    record->fields = {Value::String(title), Value::String(body)};
    return Value::OfRecord(record);
  };
  auto document = std::make_shared<Record>();
  document->type = &document_type;
  document->fields = {Value::List({make_section("1. Purpose", "a"), make_section("2. Reducing the use of force", "b"),
                                   make_section("3. Reducing harm", "c")})};
  Value document_value = Value::OfRecord(document);
  Value pattern = Value::String("^\\d+\\. reduc");
  const Value* arguments[] = {&document_value, &pattern};
  CallContext context;
  Value found = builtins::SectionOf(Args(arguments, 2), context);
  REQUIRE(found.kind() == ValueKind::kRecord);
  CHECK(found.as_record().Get("text").as_string() == "b");

  Value missing = Value::String("training");
  const Value* none[] = {&document_value, &missing};
  CHECK(builtins::SectionOf(Args(none, 2), context).is_null());

  const Value& list = document->fields[0];
  const Value* by_list[] = {&list, &pattern};
  CHECK(builtins::SectionOf(Args(by_list, 2), context).as_record().Get("text").as_string() == "b");
}

}  // namespace uofa::expr
