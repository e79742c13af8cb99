// The store's schema as numbered migration steps. Step N takes a store from version N-1 to N;
// the version is SQLite's `PRAGMA user_version`. A new table (the imported records of
// `uofa import`, for instance) is a new step at the end; steps already released never change.
#ifndef UOFA_ENGINE_STORE_MIGRATIONS_H_
#define UOFA_ENGINE_STORE_MIGRATIONS_H_

#include <SQLiteCpp/Database.h>

#include <string>
#include <vector>

namespace uofa {

struct Migration {
  int version;  ///< the version the step leads to
  const char* description;
  const char* sql;  ///< one or more statements
};

/// Every step, in order; the last one's version is the current schema version.
const std::vector<Migration>& Migrations();

/// Applies the steps after the store's version up to `target` (default: all), each in its own
/// transaction that also sets `user_version`. Returns false with `*error` when the store is
/// newer than this build. Throws SQLite::Exception on a database error.
bool Migrate(SQLite::Database& database, std::string* error, int target = -1);

/// The store's `user_version`.
int StoreVersion(SQLite::Database& database);

}  // namespace uofa

#endif  // UOFA_ENGINE_STORE_MIGRATIONS_H_
