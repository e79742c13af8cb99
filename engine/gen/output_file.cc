#include "engine/gen/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace uofa::gen {

namespace {

constexpr std::size_t kBufferBytes = 1 << 20;

std::string Describe(const std::string& path, int error_number) {
  return "cannot write '" + path + "': " + std::strerror(error_number);
}

}  // namespace

OutputFile::~OutputFile() {
  if (descriptor_ >= 0) ::close(descriptor_);
}

bool OutputFile::Open(const std::string& path, std::string* error) {
  path_ = path;
  descriptor_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (descriptor_ < 0) {
    *error = Describe(path, errno);
    return false;
  }
  // An existing file keeps its mode through O_TRUNC: make it owner-only too.
  ::fchmod(descriptor_, 0600);
  buffer_.reserve(kBufferBytes + kBufferBytes / 2);
  return true;
}

void OutputFile::Append(std::string_view text) {
  buffer_.append(text);
  if (buffer_.size() >= kBufferBytes) Flush();
}

bool OutputFile::Flush() {
  std::size_t written = 0;
  while (!failed_ && written < buffer_.size()) {
    const ssize_t count = ::write(descriptor_, buffer_.data() + written, buffer_.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) {
      failed_ = true;
      error_number_ = count < 0 ? errno : EIO;
      break;
    }
    written += static_cast<std::size_t>(count);
  }
  buffer_.clear();
  return !failed_;
}

bool OutputFile::Close(std::string* error) {
  Flush();
  if (descriptor_ >= 0 && ::close(descriptor_) != 0 && !failed_) {
    failed_ = true;
    error_number_ = errno;
  }
  descriptor_ = -1;
  if (failed_) *error = Describe(path_, error_number_);
  return !failed_;
}

bool MakeFolder(const std::string& path, std::string* error) {
  struct stat status {};
  if (::stat(path.c_str(), &status) == 0) {
    if (S_ISDIR(status.st_mode)) return true;
    *error = "'" + path + "' is not a folder";
    return false;
  }
  const std::size_t slash = path.find_last_of('/');
  if (slash != std::string::npos && slash > 0 && !MakeFolder(path.substr(0, slash), error)) return false;
  if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) {
    *error = "cannot create the folder '" + path + "': " + std::strerror(errno);
    return false;
  }
  return true;
}

bool WriteWholeFile(const std::string& path, std::string_view text, std::string* error) {
  OutputFile file;
  if (!file.Open(path, error)) return false;
  file.Append(text);
  return file.Close(error);
}

}  // namespace uofa::gen
