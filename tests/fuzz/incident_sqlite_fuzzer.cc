// Fuzzes the SQLite incident reader (incidents/incidents.sqlite) with the real schemas and code
// lists: the input is the database file's bytes, written to a private temporary file and read as
// an audit's incidents.sqlite; every row must be accounted for as a record or a rejected row.
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "engine/sources/incident_tables.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const uofa::SourceOptions options = uofa::fuzz::RealSourceOptions();
  char path[] = "/tmp/uofa-fuzz-sqlite-XXXXXX";
  int descriptor = ::mkstemp(path);
  if (descriptor < 0) return 0;
  std::size_t written = 0;
  while (written < size) {
    ssize_t count = ::write(descriptor, data + written, size - written);
    if (count <= 0) break;
    written += static_cast<std::size_t>(count);
  }
  ::close(descriptor);
  {
    uofa::Diagnostics diagnostics;
    std::unique_ptr<uofa::RecordSource> source =
        uofa::OpenIncidentDatabase(path, options, nullptr, diagnostics);
    if (source) {
      std::shared_ptr<const uofa::Record> record;
      std::size_t produced = 0;
      while (source->Next(&record, diagnostics)) {
        if (++produced > size + 1) std::abort();
        for (const uofa::Value& value : record->fields) {
          if (value.kind() == uofa::ValueKind::kList) produced += value.as_list().size();
        }
      }
      const uofa::SourceCounts& counts = source->counts();
      if (counts.rows_read != produced + counts.rows_rejected) std::abort();
    }
  }
  ::unlink(path);
  return 0;
}
