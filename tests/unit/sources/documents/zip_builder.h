// Builds .docx-like zip packages in memory with libzip, for the Word reader tests and seeds.
#ifndef UOFA_TESTS_UNIT_SOURCES_DOCUMENTS_ZIP_BUILDER_H_
#define UOFA_TESTS_UNIT_SOURCES_DOCUMENTS_ZIP_BUILDER_H_

#include <zip.h>

#include <string>
#include <utility>
#include <vector>

namespace uofa::testing {

struct ZipEntry {
  std::string name;
  std::string content;
  bool encrypt = false;  ///< AES-256 with the password "secret"
};

/// The bytes of a zip holding `entries` (deflated), or "" when libzip cannot write it.
inline std::string BuildZip(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
  zip_error_fini(&error);
  if (archive == nullptr) return "";
  zip_source_keep(buffer);
  for (const ZipEntry& entry : entries) {
    zip_source_t* source =
        zip_source_buffer(archive, entry.content.data(), entry.content.size(), 0);
    zip_int64_t index = zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(source);
      continue;
    }
    zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), 1704067200, 0);
    if (entry.encrypt) {
      zip_file_set_encryption(archive, static_cast<zip_uint64_t>(index), ZIP_EM_AES_256, "secret");
    }
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    zip_source_free(buffer);
    return "";
  }
  std::string bytes;
  zip_stat_t stat;
  if (zip_source_stat(buffer, &stat) == 0 && zip_source_open(buffer) == 0) {
    bytes.resize(stat.size);
    zip_int64_t got = zip_source_read(buffer, bytes.data(), stat.size);
    bytes.resize(got < 0 ? 0 : static_cast<std::size_t>(got));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return bytes;
}

inline const char* kMinimalDocumentXml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>";

}  // namespace uofa::testing

#endif  // UOFA_TESTS_UNIT_SOURCES_DOCUMENTS_ZIP_BUILDER_H_
