// Fuzzes the JSON Lines incident reader (incidents/incidents.jsonl) with the real schemas and
// code lists; every line must be accounted for as an incident or a rejected row.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>

#include "engine/sources/incident_jsonl.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const uofa::SourceOptions options = uofa::fuzz::RealSourceOptions();
  std::string text(reinterpret_cast<const char*>(data), size);
  uofa::Diagnostics diagnostics;
  std::unique_ptr<uofa::RecordSource> source = uofa::IncidentJsonlFromStream(
      "incidents.jsonl", std::make_unique<std::istringstream>(text), options, nullptr,
      diagnostics);
  if (!source) return 0;
  std::shared_ptr<const uofa::Record> record;
  std::size_t produced = 0;
  while (source->Next(&record, diagnostics)) {
    if (++produced > size + 1) std::abort();
  }
  const uofa::SourceCounts& counts = source->counts();
  if (counts.rows_read != produced + counts.rows_rejected) std::abort();
  return 0;
}
