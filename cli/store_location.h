// Where the audit store is: --db PATH, else uofa.db in the audit folder.
#ifndef UOFA_CLI_STORE_LOCATION_H_
#define UOFA_CLI_STORE_LOCATION_H_

#include <filesystem>
#include <string>

namespace uofa::cli {

inline std::string StorePath(const std::string& audit_dir, const std::string& db) {
  if (!db.empty()) return db;
  return (std::filesystem::path(audit_dir.empty() ? "." : audit_dir) / "uofa.db").string();
}

}  // namespace uofa::cli

#endif  // UOFA_CLI_STORE_LOCATION_H_
