// Child tables whose rows come in their incidents' order are read beside incidents.csv rather than
// whole (joined_table.cc): the records and problems must be exactly those of a whole read.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "engine/sources/incident_join.h"
#include "engine/sources/incident_tables.h"
#include "engine/sources/record_source.h"
#include "tests/unit/hostile/hostile_support.h"
#include "tests/unit/sources/source_test_util.h"
#include "tests/unit/sources/test_schema.h"

namespace uofa {
namespace {

// INC-3's row is malformed (rejected), INC-9 names no incident, INC-2 has no interventions.
constexpr const char* kIncidents =
    "incident_id,patient_id,ward,started_at,ended_at\n"
    "INC-1,P1,Oak,2023-07-01T10:00,2023-07-01T10:20\n"
    "INC-2,P1,Oak,2023-07-02T10:00,2023-07-02T10:20\n"
    "INC-3,P1,Oak\n"
    "INC-4,P2,Ash,2023-07-04T10:00,2023-07-04T10:20\n"
    "INC-5,P2,Ash,2023-07-05T10:00,2023-07-05T10:20\n";

constexpr const char* kHeader = "incident_id,seq,type_code,started_at,ended_at\n";
constexpr const char* kRows[] = {
    "INC-1,2,4,2023-07-01T10:05,2023-07-01T10:20\n",
    "INC-1,1,1,2023-07-01T10:00,2023-07-01T10:05\n",
    "INC-3,1,1,2023-07-03T10:00,2023-07-03T10:05\n",
    "INC-9,1,1,2023-07-03T10:00,2023-07-03T10:05\n",
    "INC-4,1,x,2023-07-04T10:00,2023-07-04T10:05\n",
    "INC-5,1,1,2023-07-05T10:00,2023-07-05T10:05\n",
    "INC-5,2,4,2023-07-05T10:05,2023-07-05T10:10\n",
};

struct Read {
  std::string open_problems;
  std::vector<std::string> records;  // id, then each intervention's seq:type_code@line
  std::vector<std::string> problems;  // every problem, of the opening and the read, by position
  SourceCounts counts;
  int reopened = 0;  // times the source was read again from ReopenChecked
};

// The incident tables with the interventions' rows in `order`; with `checked_while_read`, as the
// audit reads them: a source that finds a child table out of order is read again, checked first.
Read ReadFolder(const std::vector<int>& order, bool checked_while_read = false) {
  testing::TempFolder folder;
  folder.Write("incidents/incidents.csv", kIncidents);
  std::string rows = kHeader;
  for (int index : order) rows += kRows[index];
  folder.Write("incidents/interventions.csv", rows);

  testing::TestEnvironment env;
  SourceOptions options = env.options();
  options.child_order_checked_while_read = checked_while_read;
  Diagnostics open_problems;
  std::unique_ptr<RecordSource> source =
      OpenIncidentTables(folder / "incidents", options, nullptr, open_problems);
  REQUIRE(source);
  Read read;
  read.open_problems = open_problems.Format();
  Diagnostics problems;
  std::vector<std::shared_ptr<const Record>> records;
  try {
    records = testing::ReadAll(*source, problems);
  } catch (const ChildRowsOutOfOrder& out_of_order) {
    CHECK(std::string(out_of_order.what()).ends_with(
        "interventions.csv' are not in the order of their parents"));
    ++read.reopened;
    problems = Diagnostics();
    source = source->ReopenChecked(problems);
    REQUIRE(source);
    records = testing::ReadAll(*source, problems);
  }
  for (const auto& record : records) {
    std::string text = record->Id();
    for (const Value& item : record->Get("interventions").as_list()) {
      const Record& child = item.as_record();
      text += " " + KeyText(child.Get("seq")) + ":" + KeyText(child.Get("type_code")) + "@" +
              std::to_string(child.origin.line);
    }
    read.records.push_back(text);
  }
  std::vector<Diagnostic> items = open_problems.Items();
  items.insert(items.end(), problems.Items().begin(), problems.Items().end());
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.file, a.location.line) < std::tie(b.location.file, b.location.line);
  });
  for (const Diagnostic& item : items) {
    std::string file = item.location.file.substr(item.location.file.rfind('/') + 1);
    read.problems.push_back(file + ":" + std::to_string(item.location.line) + ": " + item.message);
  }
  read.counts = source->counts();
  return read;
}

// Each incident read from `folder`'s incident tables: its id, then each intervention's seq (empty
// when it has none) and line, "INC-1 1@3 2@2".
std::vector<std::string> SeqsAndLines(const testing::TempFolder& folder, Diagnostics& open_problems,
                                      Diagnostics& problems, SourceCounts* counts = nullptr) {
  testing::TestEnvironment env;
  std::unique_ptr<RecordSource> source =
      OpenIncidentTables(folder / "incidents", env.options(), nullptr, open_problems);
  REQUIRE(source);
  std::vector<std::string> records;
  for (const auto& record : testing::ReadAll(*source, problems)) {
    std::string text = record->Id();
    for (const Value& item : record->Get("interventions").as_list()) {
      const Record& child = item.as_record();
      text += " " + KeyText(child.Get("seq")) + "@" + std::to_string(child.origin.line);
    }
    records.push_back(text);
  }
  if (counts != nullptr) *counts = source->counts();
  return records;
}

TEST_CASE("streamed join: children in their incidents' order give what a whole read gives") {
  // In file order (streamed), and the same rows shuffled (read whole): the line of each row
  // differs, so the two are compared row for row through the rows' contents.
  const Read streamed = ReadFolder({0, 1, 2, 3, 4, 5, 6});
  CHECK(streamed.records == std::vector<std::string>{
                                "INC-1 1:01@3 2:04@2", "INC-2", "INC-4 1:x@6",
                                "INC-5 1:01@7 2:04@8"});
  CHECK(streamed.problems ==
        std::vector<std::string>{
            "incidents.csv:4: row has 3 cells but the header has 5",
            "interventions.csv:4: no incident 'INC-3' was read from 'incidents.csv'",
            "interventions.csv:5: no incident 'INC-9' was read from 'incidents.csv'",
            "interventions.csv:6: 'type_code': 'x' is not a code of 'ri_type'"});
  // Read beside the incidents: the interventions' cell problems come while reading, not at open.
  CHECK(streamed.open_problems.empty());
  CHECK(streamed.counts.rows_read == 5 + 7);
  CHECK(streamed.counts.rows_rejected == 3);

  const Read whole = ReadFolder({6, 4, 3, 0, 2, 5, 1});
  CHECK(whole.records == std::vector<std::string>{
                             "INC-1 1:01@8 2:04@5", "INC-2", "INC-4 1:x@3",
                             "INC-5 1:01@7 2:04@2"});
  CHECK(whole.problems ==
        std::vector<std::string>{
            "incidents.csv:4: row has 3 cells but the header has 5",
            "interventions.csv:3: 'type_code': 'x' is not a code of 'ri_type'",
            "interventions.csv:4: no incident 'INC-9' was read from 'incidents.csv'",
            "interventions.csv:6: no incident 'INC-3' was read from 'incidents.csv'"});
  // Read whole when opened: the interventions' cell problem is reported then.
  CHECK(whole.open_problems.find("'type_code': 'x' is not a code of 'ri_type'") != std::string::npos);
  CHECK(whole.counts.rows_read == streamed.counts.rows_read);
  CHECK(whole.counts.rows_rejected == streamed.counts.rows_rejected);
}

// Everything a read gives, but whether it read the source again.
void CheckSameRead(const Read& read, const Read& expected) {
  CHECK(read.records == expected.records);
  CHECK(read.problems == expected.problems);
  CHECK(read.counts.rows_read == expected.counts.rows_read);
  CHECK(read.counts.rows_rejected == expected.counts.rows_rejected);
  CHECK(read.counts.cell_problems == expected.counts.cell_problems);
}

TEST_CASE("streamed join, order checked while read: rows in order are read once") {
  // INC-3's row after INC-4's: INC-3's own row is rejected, so its row is an orphan, not one out
  // of order.
  for (const std::vector<int>& order :
       std::vector<std::vector<int>>{{0, 1, 2, 3, 4, 5, 6}, {0, 1, 4, 2, 3, 5, 6}}) {
    CAPTURE(order.size());
    const Read checked_first = ReadFolder(order);
    const Read read = ReadFolder(order, /*checked_while_read=*/true);
    CHECK(read.reopened == 0);
    CHECK(read.open_problems.empty());
    CheckSameRead(read, checked_first);
  }
}

TEST_CASE("streamed join, order checked while read: rows out of order are read again") {
  // Out of order from the first rows, and only at the last row (INC-1's first row after INC-5's),
  // found as the last incident is read: either way the source is read again, as it is when its
  // order is checked first (read whole), and no problem is reported twice.
  for (const std::vector<int>& order :
       std::vector<std::vector<int>>{{6, 4, 3, 0, 2, 5, 1}, {0, 2, 3, 4, 5, 6, 1}}) {
    CAPTURE(order.front());
    const Read checked_first = ReadFolder(order);
    const Read read = ReadFolder(order, /*checked_while_read=*/true);
    CHECK(read.reopened == 1);
    CheckSameRead(read, checked_first);
    // The opening reported nothing; read whole, the cell problem comes with the reading.
    CHECK(read.open_problems.empty());
    CHECK(checked_first.open_problems.find("is not a code of 'ri_type'") != std::string::npos);
  }
}

TEST_CASE("streamed join: orphans before, between and after the incidents") {
  // Rows naming no incident before the first incident's rows, between two incidents' rows and
  // after the last: each is an orphan, and none holds up the rows after it.
  testing::TempFolder folder;
  folder.Write("incidents/incidents.csv", kIncidents);
  folder.Write("incidents/interventions.csv",
               std::string(kHeader) + "INC-0,1,1,,\n" + kRows[0] + kRows[4] + "INC-45,1,1,,\n" +
                   kRows[5] + "INC-99,1,1,,\n");
  testing::TestEnvironment env;
  Diagnostics open_problems;
  std::unique_ptr<RecordSource> source =
      OpenIncidentTables(folder / "incidents", env.options(), nullptr, open_problems);
  REQUIRE(source);
  Diagnostics problems;
  auto records = testing::ReadAll(*source, problems);
  REQUIRE(records.size() == 4);
  CHECK(records[0]->Get("interventions").as_list().size() == 1);
  CHECK(records[2]->Get("interventions").as_list().size() == 1);
  CHECK(records[3]->Get("interventions").as_list().size() == 1);
  std::vector<std::string> orphans;
  for (const Diagnostic& problem : problems.Items()) {
    if (problem.message.starts_with("no incident")) {
      orphans.push_back(std::to_string(problem.location.line) + " " + problem.message);
    }
  }
  CHECK(orphans == std::vector<std::string>{
                       "2 no incident 'INC-0' was read from 'incidents.csv'",
                       "5 no incident 'INC-45' was read from 'incidents.csv'",
                       "7 no incident 'INC-99' was read from 'incidents.csv'"});
}

TEST_CASE("streamed join: an incident's rows in seq order, however they were read") {
  // INC-1's rows in reverse with an orphan between them, INC-4's in order, INC-5's with the row
  // without a seq first: each list comes out by seq, rows without one last.
  testing::TempFolder folder;
  folder.Write("incidents/incidents.csv", kIncidents);
  folder.Write("incidents/interventions.csv",
               std::string(kHeader) + "INC-1,3,1,,\nINC-1,2,4,,\nINC-77,1,1,,\nINC-1,1,1,,\n" +
                   "INC-4,1,1,,\nINC-4,2,4,,\nINC-4,2,1,,\nINC-5,,4,,\nINC-5,1,1,,\n");
  Diagnostics problems;
  std::vector<std::string> lists = SeqsAndLines(folder, problems, problems);
  CHECK(lists == std::vector<std::string>{"INC-1 1@5 2@3 3@2", "INC-2", "INC-4 1@6 2@7 2@8",
                                          "INC-5 1@10 @9"});
}

TEST_CASE("child order: each row against the one before, by seq, rows without one last") {
  testing::TestEnvironment env;
  const RecordType& type = env.type("intervention");
  const int slot = type.Find("seq")->slot;
  auto row = [&](std::optional<int> seq) {
    Record record;
    record.type = &type;
    record.fields.assign(type.fields().size(), Value());
    if (seq) record.fields[slot] = Value::Int(*seq);
    return record;
  };
  ChildOrder order(type);
  std::vector<bool> follows;
  for (std::optional<int> seq : std::vector<std::optional<int>>{
           3, 1, 1, 2, std::nullopt, std::nullopt, 4, std::nullopt, 0}) {
    follows.push_back(order.Follows("INC-1", row(seq)));
  }
  CHECK(follows == std::vector<bool>{true, false, true, true, true, true, false, true, false});
  CHECK_FALSE(order.Follows("INC-2", row(5)));  // in order, but another incident's
  CHECK(order.Follows("INC-2", row(6)));
}

TEST_CASE("streamed join: a key column not first, after and in quoted cells with line breaks") {
  // The first pass reads only the key cells; the rows are still joined as the incidents are read
  // (the cell problem of INC-4's row comes while reading, not at open), and each orphan is
  // reported at its key cell, on the line the cell starts.
  testing::TempFolder folder;
  folder.Write("incidents/incidents.csv", kIncidents);
  folder.Write("incidents/interventions.csv",
               "seq,authoriser_role,incident_id,type_code\n"
               "1,\"nurse\nin charge\",INC-1,1\n"
               "2,,\"INC-1\",4\n"
               "1,\"ward\nmanager\",\"INC-8\n\",1\n"
               "1,,INC-4,x\n");
  Diagnostics open_problems;
  Diagnostics problems;
  SourceCounts counts;
  std::vector<std::string> records = SeqsAndLines(folder, open_problems, problems, &counts);
  CHECK(open_problems.Empty());
  CHECK(records == std::vector<std::string>{"INC-1 1@2 2@4", "INC-2", "INC-4 1@8", "INC-5"});
  std::vector<std::string> reported;
  for (const Diagnostic& problem : problems.Items()) {
    std::string file = problem.location.file.substr(problem.location.file.rfind('/') + 1);
    reported.push_back(file + ":" + std::to_string(problem.location.line) + ":" +
                       std::to_string(problem.location.column) + ": " + problem.message);
  }
  CHECK(reported == std::vector<std::string>{
                        "interventions.csv:8:10: 'type_code': 'x' is not a code of 'ri_type'",
                        "incidents.csv:4:13: row has 3 cells but the header has 5",
                        "interventions.csv:6:10: no incident 'INC-8\n' was read from "
                        "'incidents.csv'"});
  CHECK(counts.rows_read == 5 + 4);
  CHECK(counts.rows_rejected == 2);
}

}  // namespace
}  // namespace uofa
