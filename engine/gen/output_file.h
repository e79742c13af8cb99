// Files and folders of a generated audit: created owner-only (files 0600, folders 0700) whatever
// the umask, written through a large buffer, every failure reported rather than thrown.
#ifndef UOFA_ENGINE_GEN_OUTPUT_FILE_H_
#define UOFA_ENGINE_GEN_OUTPUT_FILE_H_

#include <string>
#include <string_view>

namespace uofa::gen {

class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  // Creates or truncates `path` with mode 0600; false with `error` set when it cannot.
  bool Open(const std::string& path, std::string* error);
  void Append(std::string_view text);
  // Writes what is buffered and closes; false with `error` set when a write failed.
  bool Close(std::string* error);

 private:
  bool Flush();

  int descriptor_ = -1;
  std::string path_;
  std::string buffer_;
  bool failed_ = false;
  int error_number_ = 0;
};

// Creates `path` (mode 0700) and any missing parents; true when it exists as a folder.
bool MakeFolder(const std::string& path, std::string* error);

// Writes a whole file with mode 0600.
bool WriteWholeFile(const std::string& path, std::string_view text, std::string* error);

}  // namespace uofa::gen

#endif  // UOFA_ENGINE_GEN_OUTPUT_FILE_H_
