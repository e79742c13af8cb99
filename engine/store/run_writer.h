// Writing one audit run into the store, in one transaction.
#ifndef UOFA_ENGINE_STORE_RUN_WRITER_H_
#define UOFA_ENGINE_STORE_RUN_WRITER_H_

#include <SQLiteCpp/Database.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "uofa/finding.h"

namespace uofa {

/// Called after each finding is written, with the number written so far. Lets tests stop the
/// process in the middle of the transaction.
using FindingWrittenHook = std::function<void(std::size_t findings_written)>;

/// Writes `result` as a new run recorded at `recorded_at` (ISO 8601 UTC) and returns its id.
/// Either the whole run is committed or nothing is. Throws SQLite::Exception on a database error
/// (the transaction is then rolled back).
std::int64_t WriteRun(SQLite::Database& database, const AuditResult& result,
                      const std::string& recorded_at, const FindingWrittenHook& hook = {});

/// The audit folder as the store keys it: absolute and normalised, so that `audit` and
/// `./audit/` are the same audit.
std::string AuditKey(const std::string& audit_dir);

/// The current time as ISO 8601 UTC, to the second.
std::string NowUtc();

}  // namespace uofa

#endif  // UOFA_ENGINE_STORE_RUN_WRITER_H_
