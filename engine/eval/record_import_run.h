// `uofa import`'s pipeline: the audit folder read as `uofa check` reads it, each record turned
// into canonical JSON (record_json.h) and handed to the store's import writer as a plain row.
#ifndef UOFA_ENGINE_EVAL_RECORD_IMPORT_RUN_H_
#define UOFA_ENGINE_EVAL_RECORD_IMPORT_RUN_H_

#include <SQLiteCpp/Database.h>

#include <optional>

#include "engine/store/record_import.h"
#include "uofa/import.h"

namespace uofa {

/// ImportAudit into an open store (`options.store_path` only names it in messages). `hook` is
/// called after each record written, for tests that stop the process midway.
std::optional<ImportSummary> ImportIntoStore(SQLite::Database& database, const ImportOptions& options,
                                             Diagnostics& diagnostics, const RecordWrittenHook& hook = {});

}  // namespace uofa

#endif  // UOFA_ENGINE_EVAL_RECORD_IMPORT_RUN_H_
