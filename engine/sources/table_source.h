// RecordSources over single tables: a CSV table streamed row by row (admissions, staff, ...),
// and a keyed table already read whole for joins (patients), handed out in file order.
#ifndef UOFA_ENGINE_SOURCES_TABLE_SOURCE_H_
#define UOFA_ENGINE_SOURCES_TABLE_SOURCE_H_

#include <memory>

#include "engine/sources/record_source.h"
#include "engine/sources/table_reader.h"

namespace uofa {

/// Streams the records of `table`.
std::unique_ptr<RecordSource> MakeTableSource(std::unique_ptr<TableReader> table);

/// Hands out the records of a table read whole; its problems were reported when it was read.
std::unique_ptr<RecordSource> MakeKeyedTableSource(std::shared_ptr<const KeyedTable> table);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_TABLE_SOURCE_H_
