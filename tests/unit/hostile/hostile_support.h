// Helpers for the hostile-input and privacy tests: a private temporary folder removed at the end
// of the test, files written into it, and the uofa command run on them.
#ifndef UOFA_TESTS_UNIT_HOSTILE_HOSTILE_SUPPORT_H_
#define UOFA_TESTS_UNIT_HOSTILE_HOSTILE_SUPPORT_H_

#include <stdlib.h>
#include <sys/wait.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace uofa::testing {

class TempFolder {
 public:
  TempFolder() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "uofa-hostile-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempFolder() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& relative) const { return (path_ / relative).string(); }

  /// Writes `text` to `relative`, creating its folders.
  std::string Write(const std::string& relative, const std::string& text) const {
    std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Replaces `from` with `to` once, on the line of `path` that starts with `line_start`.
inline void EditLine(const std::string& path, const std::string& line_start, const std::string& from,
                     const std::string& to) {
  std::string text = ReadText(path);
  std::size_t line = text.find("\n" + line_start);
  REQUIRE(line != std::string::npos);
  std::size_t at = text.find(from, line);
  REQUIRE(at != std::string::npos);
  REQUIRE(at < text.find('\n', line + 1));
  text.replace(at, from.size(), to);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

struct CommandRun {
  int exit_code = -1;
  std::string output;  ///< standard output and standard error, interleaved
};

/// Runs the built uofa with `arguments` (already quoted for the shell), rules from the project.
inline CommandRun RunUofa(const std::string& arguments, const TempFolder& scratch) {
  std::string log = scratch / "uofa-output.txt";
  std::string command = std::string("'") + UOFA_BINARY + "' " + arguments + " --rules '" +
                        UOFA_SOURCE_DIR + "/rules' > '" + log + "' 2>&1";
  int status = std::system(command.c_str());
  CommandRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.output = ReadText(log);
  return run;
}

}  // namespace uofa::testing

#endif  // UOFA_TESTS_UNIT_HOSTILE_HOSTILE_SUPPORT_H_
