// Opening the store's SQLite file: owner-only permissions, connection settings, migrations.
#ifndef UOFA_ENGINE_STORE_STORE_FILE_H_
#define UOFA_ENGINE_STORE_STORE_FILE_H_

#include <SQLiteCpp/Database.h>

#include <memory>
#include <string>

namespace uofa {

/// Opens (and, when `create`, creates with mode 0600) the store at `path` and migrates it to the
/// latest schema version (or to `target_version` when not negative, for tests). nullptr with
/// `*error` when it cannot. Never throws.
std::unique_ptr<SQLite::Database> OpenStoreFile(const std::string& path, bool create,
                                                std::string* error, int target_version = -1);

}  // namespace uofa

#endif  // UOFA_ENGINE_STORE_STORE_FILE_H_
