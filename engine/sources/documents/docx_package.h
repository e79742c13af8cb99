// The zip package of a Word file, opened from memory with the defences against hostile zips: a
// cap on the number of entries, on the declared unpacked size of all parts, and on the bytes
// actually inflated (a declared size can lie); encrypted entries are refused.
#ifndef UOFA_ENGINE_SOURCES_DOCUMENTS_DOCX_PACKAGE_H_
#define UOFA_ENGINE_SOURCES_DOCUMENTS_DOCX_PACKAGE_H_

#include <zip.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>

#include "engine/sources/documents/document.h"
#include "uofa/diagnostic.h"

namespace uofa::docx {

/// More entries than any real Word file has.
constexpr zip_int64_t kMaxEntries = 10000;

/// Reports every problem as an error on `path` in `diagnostics`; `path` and `limits` must outlive
/// the package, and `bytes` given to Open must too.
class Package {
 public:
  Package(const std::string& path, const DocumentLimits& limits, Diagnostics& diagnostics)
      : path_(path), limits_(limits), diagnostics_(diagnostics) {}

  /// Opens the zip in `bytes` and checks its entries; false after an error.
  bool Open(const std::string& bytes);

  /// Whether the package has the part `part` ("word/document.xml").
  bool Has(const char* part) const;

  /// The bytes of `part`, counted against limits.max_uncompressed_bytes; nullopt after an error.
  std::optional<std::string> Read(const char* part);

  /// Parses `content` of `part` into `xml`; malformed XML is an error at its byte offset.
  bool Parse(const char* part, const std::string& content, pugi::xml_document& xml);

  /// Adds the error "'path' <message>".
  void Fail(const std::string& message);

 private:
  struct ZipCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
  };

  static std::string ZipMessage(zip_error_t* error);

  const std::string& path_;
  const DocumentLimits& limits_;
  Diagnostics& diagnostics_;
  std::unique_ptr<zip_t, ZipCloser> archive_;
  std::uint64_t inflated_ = 0;
};

}  // namespace uofa::docx

#endif  // UOFA_ENGINE_SOURCES_DOCUMENTS_DOCX_PACKAGE_H_
