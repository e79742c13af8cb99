#include "engine/record/record_type.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/expr/value.h"

namespace uofa {
namespace {

FieldDef Field(const char* name) {
  FieldDef field;
  field.name = name;
  field.kind = FieldKind::kString;
  return field;
}

TEST_CASE("record type: the id and event time slots, whichever comes first, field or name") {
  RecordType named_first("incident");
  named_first.set_id_field("incident_id");
  named_first.set_event_time_field("started_at");
  CHECK(named_first.id_slot() == -1);
  CHECK(named_first.event_time_slot() == -1);
  named_first.AddField(Field("reason"));
  named_first.AddField(Field("started_at"));
  named_first.AddField(Field("incident_id"));
  CHECK(named_first.id_slot() == 2);
  CHECK(named_first.event_time_slot() == 1);

  RecordType fields_first("incident");
  fields_first.AddField(Field("incident_id"));
  fields_first.AddField(Field("started_at"));
  fields_first.set_id_field("incident_id");
  fields_first.set_event_time_field("started_at");
  CHECK(fields_first.id_slot() == 0);
  CHECK(fields_first.event_time_slot() == 1);
  fields_first.set_event_time_field("ended_at");  // a field the type lacks
  CHECK(fields_first.event_time_slot() == -1);
}

TEST_CASE("record: Id and At read the slot; a missing field or slot is null") {
  RecordType type("incident");
  type.AddField(Field("reason"));
  type.AddField(Field("incident_id"));
  type.set_id_field("incident_id");
  Record record;
  record.type = &type;
  CHECK(record.Id().empty());  // no fields yet
  CHECK(record.At(1).is_null());
  record.fields = {Value::String("fell"), Value::String("INC-1")};
  CHECK(record.Id() == "INC-1");
  CHECK(record.At(0).as_string() == "fell");
  CHECK(record.At(-1).is_null());
  CHECK(record.At(2).is_null());
  type.set_id_field("");
  CHECK(record.Id().empty());
}

TEST_CASE("code lists: a code is found by hash once the list is added, as it was by reading it") {
  CodeList list;
  list.id = "reasons";
  list.codes = {{"01", "Self-harm"}, {"02", "Harm to others"}, {"01", "Listed twice"}};
  // Before it is added, Label reads the list; the first of a code listed twice is its label.
  REQUIRE(list.Label("01") != nullptr);
  CHECK(*list.Label("01") == "Self-harm");
  CodeRegistry registry;
  const CodeList* added = registry.Add(list);
  REQUIRE(added != nullptr);
  CHECK(registry.Add(list) == nullptr);  // the id is taken
  REQUIRE(added->Label("01") != nullptr);
  CHECK(*added->Label("01") == "Self-harm");
  REQUIRE(added->Label("02") != nullptr);
  CHECK(*added->Label("02") == "Harm to others");
  CHECK(added->Label("03") == nullptr);
  CHECK(added->Label("1") == nullptr);
  CHECK(added->Label("") == nullptr);
  CHECK(added->Contains("02"));
  CHECK_FALSE(added->Contains("Self-harm"));
  CHECK(registry.Find(std::string_view("reasons")) == added);
  CHECK(registry.Find("types") == nullptr);
  CodeList types;
  types.id = "ethnicity";
  registry.Add(types);
  types.id = "zone";
  registry.Add(types);
  std::vector<std::string> ids;
  for (const CodeList* each : registry.All()) ids.push_back(each->id);
  CHECK(ids == std::vector<std::string>{"ethnicity", "reasons", "zone"});
}

}  // namespace
}  // namespace uofa
