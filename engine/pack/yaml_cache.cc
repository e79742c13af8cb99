// Where the cache of parsed YAML lives, and reading and writing its entries (yaml_cache.h). Plain
// POSIX calls: the modes, O_EXCL and the rename matter here, and none of them may throw.
#include "engine/pack/yaml_cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <set>
#include <string_view>
#include <utility>

#include "engine/base/sha256.h"

namespace uofa {
namespace {

// A larger entry is not one uofa wrote for a document it would parse.
constexpr off_t kMaxEntrySize = off_t{1} << 30;

std::string EntryPath(const std::string& directory, const std::string& key) {
  return directory + "/" + key;
}

// The whole of a regular file owned by this user, or nothing.
bool ReadEntry(const std::string& path, std::string& out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
  struct stat info {};
  bool ok = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_uid == ::geteuid() &&
            info.st_size > 0 && info.st_size <= kMaxEntrySize;
  if (ok) {
    out.resize(static_cast<std::size_t>(info.st_size));
    std::size_t done = 0;
    while (done < out.size()) {
      ssize_t got = ::read(fd, out.data() + done, out.size() - done);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) break;
      done += static_cast<std::size_t>(got);
    }
    ok = done == out.size();
  }
  ::close(fd);
  return ok;
}

// Makes `directory` and any missing parent, each mode 0700. True when it is a folder now.
bool MakeDirectory(const std::string& directory, int depth = 0) {
  if (directory.empty() || depth > 64) return false;
  if (::mkdir(directory.c_str(), 0700) == 0) return true;
  if (errno == ENOENT) {
    std::size_t slash = directory.find_last_not_of('/');
    slash = slash == std::string::npos ? std::string::npos : directory.rfind('/', slash);
    if (slash == std::string::npos || slash == 0) return false;
    if (!MakeDirectory(directory.substr(0, slash), depth + 1)) return false;
    if (::mkdir(directory.c_str(), 0700) == 0) return true;
  }
  struct stat info {};
  return ::stat(directory.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

bool WriteAll(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    done += static_cast<std::size_t>(wrote);
  }
  return true;
}

// An entry's name (64 hex digits), or a temporary one of ours (`<entry>.tmp.<pid>.<n>`).
bool IsEntryName(std::string_view name, bool* temporary) {
  if (name.size() < 64) return false;
  if (name.substr(0, 64).find_first_not_of("0123456789abcdef") != std::string_view::npos) {
    return false;
  }
  *temporary = name.size() > 64;
  return name.size() == 64 || name.substr(64, 5) == ".tmp.";
}

// Removes entries written more than kEntryLifetime ago (an edited file, or another version of
// uofa, leaves its old entries behind; one still in use is simply written again on its next
// read) and temporary files left by a writer that died. Runs once per process and folder, and
// only when an entry is stored, so a warm cache costs nothing. Other files are left alone.
void PruneOnce(const std::string& directory) {
  constexpr std::time_t kEntryLifetime = 90 * 24 * 3600;
  constexpr std::time_t kTemporaryLifetime = 24 * 3600;
  static std::mutex mutex;
  static std::set<std::string> pruned;
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (!pruned.insert(directory).second) return;
  }
  DIR* folder = ::opendir(directory.c_str());
  if (folder == nullptr) return;
  std::time_t now = std::time(nullptr);
  while (const dirent* item = ::readdir(folder)) {
    bool temporary = false;
    if (!IsEntryName(item->d_name, &temporary)) continue;
    std::string path = directory + "/" + item->d_name;
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) continue;
    std::time_t age = now - info.st_mtime;
    if (age > (temporary ? kTemporaryLifetime : kEntryLifetime)) ::unlink(path.c_str());
  }
  ::closedir(folder);
}

// Writes an entry under a name no other writer uses, then renames it into place: a reader sees
// the old entry, no entry or the whole new one. Every failure is silent.
void StoreEntry(const std::string& directory, const std::string& key, const std::string& bytes) {
  if (bytes.empty() || !MakeDirectory(directory)) return;
  static std::atomic<unsigned long> counter{0};
  std::string temporary = EntryPath(directory, key) + ".tmp." + std::to_string(::getpid()) + "." +
                          std::to_string(counter.fetch_add(1));
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return;
  bool ok = ::fchmod(fd, 0600) == 0 && WriteAll(fd, bytes);
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temporary.c_str(), EntryPath(directory, key).c_str()) != 0) {
    ::unlink(temporary.c_str());
  }
  PruneOnce(directory);
}

}  // namespace

std::string YamlCacheDirectoryFromEnvironment() {
  if (const char* own = std::getenv("UOFA_CACHE_DIR")) {
    std::string directory = own;
    if (directory == "off") return {};
    return directory;
  }
  // XDG: a relative XDG_CACHE_HOME is invalid and ignored.
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && xdg[0] == '/') return std::string(xdg) + "/uofa";
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] != '\0') return std::string(home) + "/.cache/uofa";
  return {};
}

std::string YamlCacheKey(std::string_view text) {
  Sha256 hash;
  std::string prefix = "uofa yaml cache " + std::to_string(kYamlCacheFormat) + " " + UOFA_VERSION;
  hash.Update(std::string_view(prefix.data(), prefix.size() + 1));  // with its '\0'
  hash.Update(text);
  return hash.HexDigest();
}

YamlDocument ReadYamlFileCached(const std::string& path, const std::string& cache_directory,
                                Diagnostics& diagnostics, YamlCacheOutcome* outcome) {
  if (outcome != nullptr) *outcome = YamlCacheOutcome::kOff;
  if (cache_directory.empty()) return ReadYamlFile(path, diagnostics);
  Result<SourceText> source = SourceText::ReadFile(path);
  if (!source) {
    diagnostics.Error({path, 0, 0}, source.error());
    return {SourceText(path, ""), nullptr};
  }
  std::string key = YamlCacheKey(source.value().text());
  std::string bytes;
  if (ReadEntry(EntryPath(cache_directory, key), bytes)) {
    if (YamlNodePtr root = DecodeYamlCacheEntry(bytes, key, source.value().text().size())) {
      if (outcome != nullptr) *outcome = YamlCacheOutcome::kHit;
      return {std::move(source).value(), std::move(root)};
    }
  }
  if (outcome != nullptr) *outcome = YamlCacheOutcome::kMiss;
  Diagnostics problems;
  YamlDocument document = ParseYaml(std::move(source).value(), problems);
  if (problems.Empty() && document.root) {
    StoreEntry(cache_directory, key, EncodeYamlCacheEntry(key, *document.root));
  }
  diagnostics.Merge(problems);
  return document;
}

}  // namespace uofa
