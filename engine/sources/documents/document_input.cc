#include "engine/sources/documents/document_input.h"

#include <filesystem>
#include <fstream>

namespace uofa {

std::optional<std::string> ReadDocumentBytes(const std::string& path, const DocumentLimits& limits,
                                             Diagnostics& diagnostics) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    diagnostics.Error({path, 0, 0}, "cannot read '" + path + "': it is a folder");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.Error({path, 0, 0}, "cannot read '" + path + "'");
    return std::nullopt;
  }
  std::string over = "'" + path + "' is larger than the limit of " +
                     std::to_string(limits.max_file_bytes) + " bytes (max_file_bytes)";
  std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > limits.max_file_bytes) {
    diagnostics.Error({path, 0, 0}, over);
    return std::nullopt;
  }
  // The size on disk can change between the check and the read: the loop enforces the limit too.
  std::string bytes;
  char chunk[1 << 16];
  while (in) {
    in.read(chunk, sizeof chunk);
    std::size_t got = static_cast<std::size_t>(in.gcount());
    if (bytes.size() + got > limits.max_file_bytes) {
      diagnostics.Error({path, 0, 0}, over);
      return std::nullopt;
    }
    bytes.append(chunk, got);
  }
  if (in.bad()) {
    diagnostics.Error({path, 0, 0}, "cannot read '" + path + "'");
    return std::nullopt;
  }
  return bytes;
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char byte = static_cast<unsigned char>(text[i]);
    bool is_space =
        byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f' || byte == '\v';
    if (byte == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xa0) {
      is_space = true;
      ++i;
    }
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(byte);
  }
  return out;
}

std::string FileStem(const std::string& path) {
  return std::filesystem::path(path).stem().string();
}

}  // namespace uofa
