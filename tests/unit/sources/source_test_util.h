// Helpers for the source tests: read a source to its end, find records, fixture paths.
#ifndef UOFA_TESTS_UNIT_SOURCES_SOURCE_TEST_UTIL_H_
#define UOFA_TESTS_UNIT_SOURCES_SOURCE_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/sources/record_source.h"

namespace uofa::testing {

inline std::string FixturePath(const std::string& relative) {
  return std::string(UOFA_SOURCE_DIR) + "/tests/unit/sources/fixtures/" + relative;
}

/// Reads `source` to its end (with a guard against a source that never ends).
inline std::vector<std::shared_ptr<const Record>> ReadAll(RecordSource& source,
                                                          Diagnostics& diagnostics) {
  std::vector<std::shared_ptr<const Record>> records;
  std::shared_ptr<const Record> record;
  for (int guard = 0; guard < 100000 && source.Next(&record, diagnostics); ++guard) {
    records.push_back(record);
  }
  return records;
}

inline const Record* FindById(const std::vector<std::shared_ptr<const Record>>& records,
                              const std::string& id) {
  for (const auto& record : records) {
    if (record->Id() == id) return record.get();
  }
  return nullptr;
}

/// Records a source produced, counting nested list entries as the rows they were read from.
inline std::size_t ProducedRows(const std::vector<std::shared_ptr<const Record>>& records,
                                bool count_children) {
  std::size_t rows = records.size();
  if (!count_children) return rows;
  for (const auto& record : records) {
    for (const Value& value : record->fields) {
      if (value.kind() == ValueKind::kList) rows += value.as_list().size();
    }
  }
  return rows;
}

/// The sources of an audit folder by kind.
inline RecordSource* SourceOfKind(const std::vector<std::unique_ptr<RecordSource>>& sources,
                                  const std::string& kind) {
  for (const auto& source : sources) {
    if (source->kind() == kind) return source.get();
  }
  return nullptr;
}

}  // namespace uofa::testing

#endif  // UOFA_TESTS_UNIT_SOURCES_SOURCE_TEST_UTIL_H_
