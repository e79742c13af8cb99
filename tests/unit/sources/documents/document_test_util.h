// Helpers for the document reader tests: fixture paths, a scratch folder, and a dump of a
// Document that a test compares in full.
#ifndef UOFA_TESTS_UNIT_SOURCES_DOCUMENTS_DOCUMENT_TEST_UTIL_H_
#define UOFA_TESTS_UNIT_SOURCES_DOCUMENTS_DOCUMENT_TEST_UTIL_H_

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/sources/documents/document.h"

namespace uofa::testing {

inline std::string DocumentFixture(const std::string& name) {
  return std::string(UOFA_SOURCE_DIR) + "/tests/unit/sources/documents/fixtures/" + name;
}

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// A scratch folder removed when the test ends.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "uofa-documents-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchFolder() {
    std::error_code error;
    if (!path_.empty()) std::filesystem::remove_all(path_, error);
  }
  std::string File(const std::string& name, const std::string& bytes = {}) const {
    std::string path = path_ + "/" + name;
    if (!bytes.empty()) std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

 private:
  std::string path_;
};

inline std::string SpanText(const Span& span) {
  return span.first == span.last ? std::to_string(span.first)
                                 : std::to_string(span.first) + "-" + std::to_string(span.last);
}

/// One line per section and block: "## Heading (1-2)", "  list (2): text".
inline std::string Dump(const Document& document, bool spans = true) {
  std::string out = "title: " + document.title + "\n";
  int section = -1;
  auto blocks = document.blocks.begin();
  auto print_blocks = [&](int until_section) {
    while (blocks != document.blocks.end() && blocks->section == until_section) {
      const char* kind = blocks->kind == BlockKind::kParagraph  ? "paragraph"
                         : blocks->kind == BlockKind::kListItem ? "list"
                                                                : "row";
      out += std::string("  ") + kind + (spans ? " (" + SpanText(blocks->span) + ")" : "") + ": " +
             blocks->text + "\n";
      ++blocks;
    }
  };
  print_blocks(-1);
  for (const Section& heading : document.sections) {
    ++section;
    out += std::string(static_cast<std::size_t>(heading.level), '#') + " " + heading.heading +
           (spans ? " (" + SpanText(heading.span) + ")" : "") + "\n";
    print_blocks(section);
  }
  if (blocks != document.blocks.end()) out += "blocks out of section order\n";
  return out;
}

}  // namespace uofa::testing

#endif  // UOFA_TESTS_UNIT_SOURCES_DOCUMENTS_DOCUMENT_TEST_UTIL_H_
