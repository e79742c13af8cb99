// Records read from tables keep their values in arenas (engine/base/arena.h): the record, its
// field values, its cells' positions and its lists of child rows share blocks with the records
// read before it, and a block lives as long as any record in it.
#include <doctest/doctest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/sources/incident_tables.h"
#include "tests/unit/hostile/hostile_support.h"
#include "tests/unit/sources/source_test_util.h"
#include "tests/unit/sources/test_schema.h"

namespace uofa {
namespace {

constexpr int kIncidents = 300;

std::string Id(int n) { return "INC-" + std::to_string(n); }

TEST_CASE("share record: the shared record sits in the arena of its values, and keeps it") {
  const std::size_t live = Arena::live();
  std::shared_ptr<const Record> shared;
  Arena* arena = nullptr;
  const Value* values = nullptr;
  {
    ArenaSupply supply;
    Record record;
    record.arena = supply.Next(1024);
    arena = record.arena.get();
    REQUIRE(arena != nullptr);
    record.fields = Record::Fields(3, ArenaAllocator<Value>(arena));
    record.fields[1] = Value::String("INC-1");
    values = record.fields.data();
    shared = ShareRecord(std::move(record));
    CHECK(arena->references() == 2);  // the supply's, and the record's passed to its block
  }
  CHECK(arena->references() == 1);
  CHECK(shared->fields.get_allocator().arena() == arena);
  CHECK_FALSE(shared->arena);  // held by the block, not the record
  CHECK(arena->Holds(values));
  CHECK(shared->fields.data() == values);  // moved, not copied
  CHECK(arena->Holds(shared.get()));
  CHECK(shared->fields[1].as_string() == "INC-1");
  shared.reset();
  CHECK(Arena::live() == live);

  Record on_heap;
  on_heap.fields.assign(2, Value::Int(7));
  std::shared_ptr<const Record> plain = ShareRecord(std::move(on_heap));
  CHECK(plain->fields.get_allocator().arena() == nullptr);
  CHECK(plain->fields[1].as_int() == 7);
}

TEST_CASE("record in an arena: moving it passes on the arena with the values") {
  const std::size_t live = Arena::live();
  {
    ArenaSupply supply;
    Record first;
    first.arena = supply.Next(1024);
    first.fields = Record::Fields(2, ArenaAllocator<Value>(first.arena.get()));
    first.fields[0] = Value::String("a value longer than the small-string buffer");
    Record second = std::move(first);
    CHECK(second.fields[0].as_string().size() == 43);
    CHECK_FALSE(first.arena);
    // Assigned over, a record's values go before the arena they are in.
    Record third;
    third.arena = ArenaRef::New(ArenaSupply::kBlockBytes);
    third.fields = Record::Fields(1, ArenaAllocator<Value>(third.arena.get()));
    third.fields[0] = Value::String("another value longer than the small-string buffer");
    third = std::move(second);
    CHECK(third.fields[0].as_string().size() == 43);
    CHECK(Arena::live() == live + 2);
  }
  CHECK(Arena::live() == live);
}

TEST_CASE("table records: a record, its values and its child list share blocks with others") {
  testing::TempFolder folder;
  std::string incidents = "incident_id,patient_id,ward,started_at,ended_at\n";
  std::string interventions = "incident_id,seq,type_code,started_at,ended_at\n";
  for (int n = 1; n <= kIncidents; ++n) {
    incidents += Id(n) + ",P1,Oak,2023-07-01T10:00,2023-07-01T10:20\n";
    for (int seq = 1; seq <= n % 3; ++seq) {
      interventions += Id(n) + "," + std::to_string(seq) + ",1,2023-07-01T10:00,\n";
    }
  }
  folder.Write("incidents/incidents.csv", incidents);
  folder.Write("incidents/interventions.csv", interventions);

  testing::TestEnvironment env;
  Diagnostics problems;
  std::unique_ptr<RecordSource> source =
      OpenIncidentTables(folder / "incidents", env.options(), nullptr, problems);
  REQUIRE(source);
  std::vector<std::shared_ptr<const Record>> records = testing::ReadAll(*source, problems);
  source.reset();  // the records outlive their reader
  REQUIRE(records.size() == kIncidents);
  CHECK(problems.Items().empty());

  std::set<const Arena*> arenas;
  for (int n = 0; n < kIncidents; ++n) {
    const Record& record = *records[n];
    CAPTURE(n);
    Arena* arena = record.fields.get_allocator().arena();
    REQUIRE(arena != nullptr);
    arenas.insert(arena);
    CHECK(arena->Holds(&record));
    CHECK(arena->Holds(record.fields.data()));
    CHECK(arena->Holds(record.cells.data()));
    CHECK(record.Get("ward").as_string() == "Oak");
    CHECK(arena->Holds(record.Get("ward").as_string().data()));  // text too, not the heap
    const Value& list = record.Get("interventions");
    REQUIRE(list.kind() == ValueKind::kList);
    CHECK(arena->Holds(&list.as_list()));  // the shared list beside the record
    CHECK(list.as_list().size() == static_cast<std::size_t>((n + 1) % 3));
    for (const Value& item : list.as_list()) {
      CHECK(arena->Holds(&item));  // the list's items too
      const Record& child = item.as_record();
      Arena* child_arena = child.fields.get_allocator().arena();
      REQUIRE(child_arena != nullptr);
      CHECK(child_arena->Holds(&child));
      CHECK(child.Get("incident_id").as_string() == Id(n + 1));
      CHECK(child_arena->Holds(child.Get("incident_id").as_string().data()));
      CHECK(child.Get("type_code").kind() == ValueKind::kString);  // a code, as normalised
      CHECK(child_arena->Holds(child.Get("type_code").as_string().data()));
    }
    CHECK(record.Id() == Id(n + 1));
  }
  // A few blocks for three hundred records, not one each.
  CHECK(arenas.size() <= 3);

  // A block lives as long as one of its records: its reference count is the number of records
  // and lists in it, which the records read later in other blocks do not change.
  Arena* first = records[0]->fields.get_allocator().arena();
  std::size_t in_first = 0;
  for (const auto& record : records) {
    if (record->fields.get_allocator().arena() == first) ++in_first;
  }
  CHECK(first->references() == 2 * in_first);  // each incident and its list of interventions
  std::shared_ptr<const Record> kept = records[0];
  records.clear();
  CHECK(first->references() == 2);
  CHECK(kept->Id() == Id(1));
  const std::size_t live = Arena::live();
  kept.reset();
  CHECK(Arena::live() == live - 2);  // its block, and its intervention's
}

TEST_CASE("table records: a joined patient is kept by the records' blocks, not counted by each") {
  testing::TempFolder folder;
  std::string incidents = "incident_id,patient_id,ward,started_at,ended_at\n";
  for (int n = 1; n <= kIncidents; ++n) {
    incidents += Id(n) + ",P" + std::to_string(1 + n % 2) + ",Oak,2023-07-01T10:00,\n";
  }
  folder.Write("incidents/incidents.csv", incidents);
  folder.Write("patients.csv", "patient_id,ethnicity\nP1,A\nP2,B\n");

  testing::TestEnvironment env;
  Diagnostics problems;
  std::shared_ptr<const KeyedTable> patients =
      LoadKeyedTable(folder / "patients.csv", env.type("patient"), "patient_id",
                     env.options().parse, problems);
  REQUIRE(patients);
  REQUIRE(patients->records.size() == 2);
  std::unique_ptr<RecordSource> source =
      OpenIncidentTables(folder / "incidents", env.options(), patients, problems);
  REQUIRE(source);
  std::vector<std::shared_ptr<const Record>> records = testing::ReadAll(*source, problems);
  CHECK(problems.Items().empty());
  REQUIRE(records.size() == kIncidents);

  // Three hundred incidents name the two patients; each patient's record is counted once, by the
  // table, and the table once by each block of incidents.
  CHECK(patients->records[0].use_count() == 1);
  CHECK(patients->records[1].use_count() == 1);
  std::set<Arena*> arenas;
  for (const auto& record : records) arenas.insert(record->fields.get_allocator().arena());
  for (Arena* arena : arenas) CHECK(arena->kept() == 1);
  const Record* first_patient = patients->records[0].get();

  std::weak_ptr<const KeyedTable> table = patients;
  source.reset();
  patients.reset();
  CHECK_FALSE(table.expired());  // held by the blocks of the records still read
  for (int n = 0; n < kIncidents; ++n) {
    CAPTURE(n);
    const bool first = (n + 1) % 2 == 0;  // incident n + 1 names P1 when n + 1 is even
    const Value& patient = records[n]->Get("patient");
    REQUIRE(patient.kind() == ValueKind::kRecord);
    CHECK(patient.as_record().Get("patient_id").as_string() == (first ? "P1" : "P2"));
    CHECK(patient.as_record().Get("ethnicity").as_string() == (first ? "A" : "B"));
    CHECK((&patient.as_record() == first_patient) == first);
  }
  records.clear();
  CHECK(table.expired());
}

}  // namespace
}  // namespace uofa
