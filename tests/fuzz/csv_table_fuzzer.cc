// Fuzzes the CSV reader and the table reader: the input is an incidents.csv read with the real
// 'incident' schema and code lists, and the same bytes as a plain CSV row by row.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>

#include "engine/sources/csv_reader.h"
#include "engine/sources/table_reader.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const uofa::SourceOptions options = uofa::fuzz::RealSourceOptions();
  std::string text(reinterpret_cast<const char*>(data), size);

  uofa::Diagnostics csv_problems;
  uofa::CsvReader csv("fuzz.csv", std::make_unique<std::istringstream>(text));
  uofa::CsvRow row;
  std::size_t rows = 0;
  while (csv.Next(&row, csv_problems) != uofa::CsvReader::Status::kEnd) {
    if (++rows > size + 1) std::abort();  // more rows than bytes: a loop
  }

  uofa::Diagnostics table_problems;
  auto table = uofa::TableReader::FromStream("incidents.csv",
                                             std::make_unique<std::istringstream>(text),
                                             *options.schemas->Find("incident"), options.parse,
                                             table_problems);
  if (!table) return 0;
  uofa::Record record;
  std::size_t produced = 0;
  while (table->Next(&record, table_problems)) {
    if (++produced > size + 1) std::abort();
  }
  const uofa::SourceCounts& counts = table->counts();
  if (counts.rows_read != produced + counts.rows_rejected) std::abort();
  return 0;
}
