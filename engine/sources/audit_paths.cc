#include "engine/sources/audit_paths.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace uofa {
namespace {

namespace fs = std::filesystem;

// An audit folder is a handful of files in at most two levels; the bound keeps a hostile tree
// (deep or huge) from turning the check into the long part of an audit.
constexpr int kMaxDepth = 8;
constexpr std::size_t kMaxEntries = 100'000;

bool IsUnder(const fs::path& root, const fs::path& path) {
  auto [root_end, path_at] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  // A trailing empty element (root written with a final '/') matches anything.
  return root_end == root.end() || (std::next(root_end) == root.end() && root_end->empty());
}

}  // namespace

bool ResolvesInsideAuditFolder(const std::string& directory, const std::string& path) {
  std::error_code error;
  fs::path root = fs::weakly_canonical(directory, error);
  if (error) return false;
  fs::path resolved = fs::weakly_canonical(path, error);
  if (error) return false;
  return IsUnder(root, resolved);
}

bool CheckAuditFolderLinks(const std::string& directory, Diagnostics& diagnostics) {
  std::error_code error;
  fs::path root = fs::weakly_canonical(directory, error);
  if (error) return true;  // the folder itself is reported by whoever opens it
  bool inside = true;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  std::size_t seen = 0;
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (++seen > kMaxEntries) break;
    if (it.depth() >= kMaxDepth) it.disable_recursion_pending();
    std::error_code link_error;
    if (!it->is_symlink(link_error)) continue;
    fs::path link = fs::path(directory) / it->path().lexically_relative(root);
    // Resolved from the link's own text, so that a dangling link is judged by where it points.
    fs::path target = fs::read_symlink(it->path(), link_error);
    if (!link_error) target = fs::weakly_canonical(it->path().parent_path() / target, link_error);
    if (!link_error && IsUnder(root, target)) continue;
    diagnostics.Error({link.string(), 0, 0},
                      "symbolic link leads outside the audit folder (to '" +
                          (link_error ? fs::read_symlink(it->path(), link_error).string()
                                      : target.string()) +
                          "'); refused: copy the file into the folder instead");
    inside = false;
  }
  return inside;
}

}  // namespace uofa
