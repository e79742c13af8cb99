#include "engine/sources/documents/docx_package.h"

#include <cctype>

#include "engine/sources/documents/docx_xml.h"

namespace uofa::docx {
namespace {

struct ZipFileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

bool Package::Open(const std::string& bytes) {
  // libzip opens an empty buffer as an empty archive; a zip has at least its 22-byte end record.
  if (bytes.size() < 22) {
    Fail("is not a Word file (not a zip package)");
    return false;
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    Fail("cannot be opened: " + ZipMessage(&error));
    zip_error_fini(&error);
    return false;
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    int code = zip_error_code_zip(&error);
    if (code == ZIP_ER_NOZIP && bytes.compare(0, 4, "PK\x03\x04") == 0) {
      Fail("is truncated or damaged (no zip central directory); a Word file is a zip package");
    } else if (code == ZIP_ER_NOZIP) {
      Fail("is not a Word file (not a zip package)");
    } else {
      Fail("is a damaged zip package: " + ZipMessage(&error));
    }
    zip_error_fini(&error);
    return false;
  }
  zip_error_fini(&error);
  archive_.reset(archive);

  zip_int64_t entries = zip_get_num_entries(archive, 0);
  if (entries > kMaxEntries) {
    Fail("has " + std::to_string(entries) + " zip entries, more than the " +
         std::to_string(kMaxEntries) + " a Word file can plausibly need");
    return false;
  }
  std::uint64_t declared = 0;
  for (zip_int64_t index = 0; index < entries; ++index) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
      Fail("is a damaged zip package: " + ZipMessage(zip_get_error(archive)));
      return false;
    }
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
      std::string name = (stat.valid & ZIP_STAT_NAME) && stat.name ? stat.name : "?";
      Fail("has an encrypted part '" + name + "'; uofa reads only unencrypted Word files");
      return false;
    }
    if (stat.valid & ZIP_STAT_SIZE) declared += stat.size;
    if (declared > limits_.max_uncompressed_bytes) {
      Fail("unpacks to more than the limit of " + std::to_string(limits_.max_uncompressed_bytes) +
           " bytes (max_uncompressed_bytes)");
      return false;
    }
  }
  return true;
}

bool Package::Has(const char* part) const {
  return zip_name_locate(archive_.get(), part, 0) >= 0;
}

std::optional<std::string> Package::Read(const char* part) {
  zip_int64_t index = zip_name_locate(archive_.get(), part, 0);
  if (index < 0) return std::nullopt;
  std::unique_ptr<zip_file_t, ZipFileCloser> file(
      zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0));
  if (!file) {
    Fail("cannot unpack '" + std::string(part) + "': " + ZipMessage(zip_get_error(archive_.get())));
    return std::nullopt;
  }
  std::string content;
  char chunk[1 << 16];
  for (;;) {
    zip_int64_t got = zip_fread(file.get(), chunk, sizeof chunk);
    if (got < 0) {
      Fail("cannot unpack '" + std::string(part) +
           "': " + ZipMessage(zip_file_get_error(file.get())));
      return std::nullopt;
    }
    if (got == 0) break;
    inflated_ += static_cast<std::uint64_t>(got);
    if (inflated_ > limits_.max_uncompressed_bytes) {
      Fail("unpacks to more than the limit of " + std::to_string(limits_.max_uncompressed_bytes) +
           " bytes (max_uncompressed_bytes)");
      return std::nullopt;
    }
    content.append(chunk, static_cast<std::size_t>(got));
  }
  return content;
}

bool Package::Parse(const char* part, const std::string& content, pugi::xml_document& xml) {
  pugi::xml_parse_result result =
      xml.load_buffer(content.data(), content.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (result) return true;
  std::string description = result.description();
  if (!description.empty()) description[0] = static_cast<char>(std::tolower(description[0]));
  Fail("has malformed XML in '" + std::string(part) + "' at offset " +
       std::to_string(result.offset) + ": " + Lower(description));
  return false;
}

void Package::Fail(const std::string& message) {
  diagnostics_.Error({path_, 0, 0}, "'" + path_ + "' " + message);
}

std::string Package::ZipMessage(zip_error_t* error) {
  std::string text = zip_error_strerror(error);
  return Lower(text);
}

}  // namespace uofa::docx
