// A table of the audit folder joined with what belongs to its rows, read from the schema: staff.csv
// with its training rows (list field `training` <- training.csv, by staff_id), admissions.csv with
// its patient (record field `patient` <- patients.csv, by patient_id). The table is streamed; child
// tables are streamed beside it, or read whole and grouped by its key (see below).
//
// - The key (the schema's id_field) must have a column and a value in every row; a repeated key
//   is an error for the later row, which is rejected.
// - A child row whose key matches no row read is an error at its key cell, reported when the
//   table is exhausted, and counted as rejected.
// - A lookup key (patient_id) naming no row of the lookup table is a warning at its cell; the
//   record field stays null.
// - A child table that is absent leaves the list field null (not known); a present one gives every
//   row a list, empty when it has no rows.
// - A child table whose rows follow the order of the table's rows is streamed beside it; which do
//   is found by a first pass over the keys, or, with SourceOptions::child_order_checked_while_read,
//   as they are read (record_source.h: ChildRowsOutOfOrder, ReopenChecked).
// Counts cover every file: rows_read == records produced + child rows attached + rows_rejected.
#ifndef UOFA_ENGINE_SOURCES_JOINED_TABLE_H_
#define UOFA_ENGINE_SOURCES_JOINED_TABLE_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/sources/record_source.h"
#include "engine/sources/sqlite_tables.h"
#include "engine/sources/table_reader.h"
#include "uofa/diagnostic.h"

namespace uofa {

struct JoinedTableSpec {
  std::string path;                  ///< the table, e.g. DIR/staff.csv
  const RecordType* type = nullptr;  ///< its record kind
  /// Key joining child rows to a row; "" uses the schema's id_field, else `<kind>_id`.
  std::string key_field;
  /// List fields of `type` and the file each is filled from (absent files are skipped).
  struct Child {
    std::string field;  ///< e.g. "training"
    std::string path;   ///< e.g. DIR/training.csv
    std::string table;  ///< with `database`: the table ("interventions")
  };
  std::vector<Child> children;
  /// When set, the table and its children are tables of this database rather than CSV files:
  /// `table` and each Child::table name them, and the paths are their SqliteDatabase::TablePath.
  std::shared_ptr<SqliteDatabase> database;
  std::string table;
  /// With `database`: the folder whose CSV files' column mappings apply to its tables (table
  /// `interventions` is read through the mapping of `<folder>/interventions.csv`).
  std::string mapping_folder;
  /// A table read whole (patients): the record field of `type` whose kind is the lookup's is
  /// filled from the row its key names. May be null; waited for after the first passes over the
  /// keys, so that it may be read meanwhile.
  PendingKeyedTable lookup;
};

/// Opens the table and its child tables. nullptr, with the reason in `diagnostics`, when the
/// table cannot be read or `spec.type` is null.
std::unique_ptr<RecordSource> OpenJoinedTable(const JoinedTableSpec& spec,
                                              const SourceOptions& options,
                                              Diagnostics& diagnostics);

/// Each list field of `type` whose element kind `options.schemas` declares, paired with the file
/// `directory/<field>.csv` (whether or not it exists).
std::vector<JoinedTableSpec::Child> ChildTablesBeside(const RecordType& type,
                                                      const std::string& directory,
                                                      const SourceOptions& options);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_JOINED_TABLE_H_
