// SHA-256 (FIPS 180-4): the content hashes of a run's inputs, and the keys of the cache of parsed
// rule files. Written here because none of the libraries uofa already depends on exposes one
// (SQLite's sha3 lives only in its shell), and a new cryptography dependency for one digest is not
// worth its weight.
#ifndef UOFA_ENGINE_BASE_SHA256_H_
#define UOFA_ENGINE_BASE_SHA256_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace uofa {

class Sha256 {
 public:
  Sha256();
  void Update(const unsigned char* data, std::size_t size);
  void Update(std::string_view text);
  /// The digest as 64 lowercase hex digits. Call once.
  std::string HexDigest();

 private:
  void Block(const unsigned char* block);
  std::array<std::uint32_t, 8> state_;
  std::array<unsigned char, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;
};

/// The hex SHA-256 of a text.
std::string Sha256Hex(std::string_view text);

/// The hex SHA-256 of a file's bytes, read in blocks; nullopt when it cannot be read.
std::optional<std::string> Sha256OfFile(const std::string& path);

}  // namespace uofa

#endif  // UOFA_ENGINE_BASE_SHA256_H_
