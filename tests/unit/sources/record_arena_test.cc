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

TEST_CASE("share record: the shared record sits in the arena of its values") {
  ArenaSupply supply;
  Record record;
  record.fields = Record::Fields(3, supply.Next<Value>(1024));
  record.fields[1] = Value::String("INC-1");
  const Value* values = record.fields.data();
  std::shared_ptr<const Record> shared = ShareRecord(std::move(record));
  std::shared_ptr<Arena> arena = shared->fields.get_allocator().arena();
  REQUIRE(arena != nullptr);
  CHECK(arena->Holds(values));
  CHECK(shared->fields.data() == values);  // moved, not copied
  CHECK(arena->Holds(shared.get()));
  CHECK(shared->fields[1].as_string() == "INC-1");

  Record on_heap;
  on_heap.fields.assign(2, Value::Int(7));
  std::shared_ptr<const Record> plain = ShareRecord(std::move(on_heap));
  CHECK(plain->fields.get_allocator().arena() == nullptr);
  CHECK(plain->fields[1].as_int() == 7);
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
  std::weak_ptr<Arena> first;
  for (int n = 0; n < kIncidents; ++n) {
    const Record& record = *records[n];
    CAPTURE(n);
    std::shared_ptr<Arena> arena = record.fields.get_allocator().arena();
    REQUIRE(arena != nullptr);
    if (n == 0) first = arena;
    arenas.insert(arena.get());
    CHECK(arena->Holds(&record));
    CHECK(arena->Holds(record.fields.data()));
    CHECK(arena->Holds(record.cells.data()));
    const Value& list = record.Get("interventions");
    REQUIRE(list.kind() == ValueKind::kList);
    CHECK(arena->Holds(&list.as_list()));  // the shared list beside the record
    CHECK(list.as_list().size() == static_cast<std::size_t>((n + 1) % 3));
    for (const Value& item : list.as_list()) {
      CHECK(arena->Holds(&item));  // the list's items too
      const Record& child = item.as_record();
      std::shared_ptr<Arena> child_arena = child.fields.get_allocator().arena();
      REQUIRE(child_arena != nullptr);
      CHECK(child_arena->Holds(&child));
      CHECK(child.Get("incident_id").as_string() == Id(n + 1));
    }
    CHECK(record.Id() == Id(n + 1));
  }
  // A few blocks for three hundred records, not one each.
  CHECK(arenas.size() <= 3);

  // A block lives as long as one of its records.
  std::shared_ptr<const Record> kept = records[0];
  records.clear();
  CHECK_FALSE(first.expired());
  CHECK(kept->Id() == Id(1));
  kept.reset();
  CHECK(first.expired());
}

}  // namespace
}  // namespace uofa
