// Keeps an audit's reading inside its folder: a symbolic link in the folder (incidents/ ->
// /tmp/elsewhere, patients.csv -> /etc/passwd) must not make uofa read, and report on, files the
// audit was not given. Paths are resolved with std::filesystem::weakly_canonical and must stay
// under the canonical audit folder.
#ifndef UOFA_ENGINE_SOURCES_AUDIT_PATHS_H_
#define UOFA_ENGINE_SOURCES_AUDIT_PATHS_H_

#include <string>

#include "uofa/diagnostic.h"

namespace uofa {

/// Whether `path` resolves to the audit folder `directory` or to a place under it. A path that
/// cannot be resolved is taken as outside.
bool ResolvesInsideAuditFolder(const std::string& directory, const std::string& path);

/// Checks every symbolic link in the audit folder and its subfolders (links to folders are not
/// followed): each one that leads outside the folder is an error at the link, naming its target.
/// Returns false when there was any.
bool CheckAuditFolderLinks(const std::string& directory, Diagnostics& diagnostics);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_AUDIT_PATHS_H_
