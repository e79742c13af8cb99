// Hostile data files: a CSV line of 100 MB, bytes that are not UTF-8, numbers and times out of
// range in cells. Each is reported at its file:line:col and memory stays bounded.
#include <doctest/doctest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "engine/sources/csv_reader.h"
#include "engine/sources/field_parser.h"
#include "engine/sources/table_reader.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/unit/hostile/hostile_support.h"

namespace uofa {
namespace {

TEST_CASE("hostile: a CSV line of 100 MB is refused at the limit, and the next row is read") {
  testing::TempFolder scratch;
  std::string path = scratch / "big.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "incident_id,ward\nINC-1,";
    std::string block(1 << 20, 'x');
    for (int i = 0; i < 100; ++i) out << block;
    out << "\nINC-2,Oak\n";
  }
  Diagnostics diagnostics;
  std::unique_ptr<CsvReader> reader = CsvReader::Open(path, diagnostics);
  REQUIRE(reader);
  CsvRow row;
  REQUIRE(reader->Next(&row, diagnostics) == CsvReader::Status::kRow);
  CHECK(reader->Next(&row, diagnostics) == CsvReader::Status::kMalformed);
  CHECK(row.cells.capacity() == 0);  // nothing of the long row is kept
  REQUIRE(reader->Next(&row, diagnostics) == CsvReader::Status::kRow);
  CHECK(row.line == 3);
  CHECK(row.cells[0].text == "INC-2");
  CHECK(reader->Next(&row, diagnostics) == CsvReader::Status::kEnd);
  REQUIRE(diagnostics.Items().size() == 1);
  const Diagnostic& error = diagnostics.Items().front();
  CHECK(error.location.file == path);
  CHECK(error.location.line == 2);
  // The row crosses the limit inside its second cell, after 16 MiB (and up to one read buffer).
  CHECK(error.location.column > static_cast<int>(CsvReader::kDefaultMaxRowBytes));
  CHECK(error.location.column <= static_cast<int>(CsvReader::kDefaultMaxRowBytes) + (1 << 17));
  CHECK(error.message ==
        "row is longer than 16777216 bytes, the most a CSV row may hold; the rest of its line is "
        "skipped");
  CHECK(error.source_line.empty());
}

TEST_CASE("hostile: the row limit is a parameter and holds inside quoted fields") {
  std::string text = "a,b\n\"" + std::string(100, 'q') + "\",x\n1,2\n";
  Diagnostics diagnostics;
  CsvReader reader("q.csv", std::make_unique<std::istringstream>(text));
  reader.set_max_row_bytes(50);
  CsvRow row;
  REQUIRE(reader.Next(&row, diagnostics) == CsvReader::Status::kRow);
  CHECK(reader.Next(&row, diagnostics) == CsvReader::Status::kMalformed);
  REQUIRE(reader.Next(&row, diagnostics) == CsvReader::Status::kRow);
  CHECK(row.cells[0].text == "1");
  CHECK(diagnostics.Format() ==
        "q.csv:2:103: error: row is longer than 50 bytes, the most a CSV row may hold; the rest "
        "of its line is skipped\n");
}

TEST_CASE("hostile: Latin-1 bytes in a CSV are an error at the byte") {
  SourceOptions options = fuzz::RealSourceOptions();
  Diagnostics diagnostics;
  std::string text = "incident_id,ward\nINC-1,Caf\xE9 Ward\nINC-2,Oak\n";
  auto table = TableReader::FromStream("incidents.csv", std::make_unique<std::istringstream>(text),
                                       *options.schemas->Find("incident"), options.parse,
                                       diagnostics);
  REQUIRE(table);
  Record record;
  REQUIRE(table->Next(&record, diagnostics));
  CHECK(record.Id() == "INC-2");
  CHECK(table->counts().rows_rejected == 1);
  REQUIRE(diagnostics.ErrorCount() == 1);
  const Diagnostic& error = diagnostics.Items().back();
  CHECK(error.location.line == 2);
  CHECK(error.location.column == 10);
  CHECK(error.message == "invalid UTF-8 (byte 0xe9); if the file is Windows-1252, give it 'encoding: windows-1252' in the mappings of uofa.yaml");
}

TEST_CASE("hostile: numbers and times out of range in cells") {
  FieldParseOptions parse;
  FieldDef count;
  count.name = "staff_count";
  count.kind = FieldKind::kInt;
  std::string error;
  CHECK(ParseFieldText(count, "9223372036854775808", parse, &error).is_null());
  CHECK(error == "'9223372036854775808' is out of range");
  error.clear();
  CHECK(ParseFieldText(count, "1000000000000000000000000", parse, &error).is_null());
  CHECK(!error.empty());

  FieldDef when;
  when.name = "started_at";
  when.kind = FieldKind::kDateTime;
  error.clear();
  CHECK(ParseFieldText(when, "99999999-01-01T00:00", parse, &error).is_null());
  CHECK(error == "'99999999-01-01T00:00' is not a valid date and time");
  FieldDef score;
  score.name = "score";
  score.kind = FieldKind::kNumber;
  error.clear();
  CHECK(ParseFieldText(score, "1e400", parse, &error).is_null());
  CHECK(error == "'1e400' is not a number");
}

}  // namespace
}  // namespace uofa
