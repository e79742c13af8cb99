// Fuzzes organisation.yaml: one YAML document read as the real 'organisation' record.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "engine/sources/yaml_record.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const uofa::SourceOptions options = uofa::fuzz::RealSourceOptions();
  uofa::Diagnostics diagnostics;
  std::unique_ptr<uofa::RecordSource> source = uofa::YamlRecordFromText(
      "organisation.yaml", std::string(reinterpret_cast<const char*>(data), size),
      *options.schemas->Find("organisation"), options, diagnostics);
  if (!source) return 0;
  std::shared_ptr<const uofa::Record> record;
  std::size_t produced = 0;
  while (source->Next(&record, diagnostics)) {
    if (++produced > 1) std::abort();  // one file, one record
  }
  const uofa::SourceCounts& counts = source->counts();
  if (counts.rows_read != produced + counts.rows_rejected) std::abort();
  return 0;
}
