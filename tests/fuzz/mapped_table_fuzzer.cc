// Fuzzes column mappings: the input is a uofa.yaml `mappings:` section and an incidents.csv,
// separated by a line "--- csv ---". The mapping is read and checked against the real schemas
// (as `uofa check` does), then, when it has no error, the CSV is read through it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>

#include "engine/eval/mapping_settings.h"
#include "engine/sources/table_reader.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const uofa::SourceOptions base = uofa::fuzz::RealSourceOptions();
  std::string input(reinterpret_cast<const char*>(data), size);
  const std::string marker = "--- csv ---\n";
  std::size_t split = input.find(marker);
  std::string yaml = input.substr(0, split);
  std::string csv =
      split == std::string::npos ? std::string() : input.substr(split + marker.size());

  uofa::Diagnostics problems;
  uofa::YamlDocument document = uofa::ParseYaml(uofa::SourceText("uofa.yaml", yaml), problems);
  if (document.root == nullptr || !document.root->IsMapping()) return 0;
  const uofa::YamlNode* node = document.root->Find("mappings");
  if (node == nullptr) return 0;
  uofa::MappingSet mappings;
  uofa::ReadMappings(document.source, *node, &mappings, problems);
  uofa::CheckMappings(mappings, *base.schemas, problems);
  if (problems.HasErrors()) return 0;

  uofa::SourceOptions options = base;
  options.parse.mappings = &mappings;
  options.parse.schemas = base.schemas;
  uofa::Diagnostics table_problems;
  auto table = uofa::TableReader::FromStream(
      "incidents/incidents.csv", std::make_unique<std::istringstream>(csv),
      *options.schemas->Find("incident"), options.parse, table_problems);
  if (!table) return 0;
  uofa::Record record;
  std::size_t produced = 0;
  while (table->Next(&record, table_problems)) {
    if (++produced > csv.size() + 1) std::abort();
  }
  const uofa::SourceCounts& counts = table->counts();
  if (counts.rows_read != produced + counts.rows_rejected) std::abort();
  return 0;
}
