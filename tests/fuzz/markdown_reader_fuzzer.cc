// Fuzzes the Markdown and plain-text readers: any bytes parsed as both, then the document
// metadata and the dates in every block. Aborts when a block or section has an impossible span.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "engine/base/dates_in_text.h"
#include "engine/sources/documents/document_metadata.h"
#include "engine/sources/documents/markdown_reader.h"
#include "engine/sources/documents/text_reader.h"

namespace {

void CheckDocument(const uofa::Document& document, std::size_t size) {
  const int lines = static_cast<int>(size) + 1;
  for (const uofa::Block& block : document.blocks) {
    if (block.span.first < 1 || block.span.last < block.span.first || block.span.last > lines) std::abort();
    if (block.section >= static_cast<int>(document.sections.size())) std::abort();
    for (const uofa::DateInText& date : uofa::FindDatesInText(block.text)) {
      if (date.offset + date.length > block.text.size()) std::abort();
    }
  }
  for (const uofa::Section& section : document.sections) {
    if (section.span.first < 1 || section.span.last < section.span.first || section.level < 1) std::abort();
  }
  (void)uofa::FindDocumentMetadata(document);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckDocument(uofa::ParseMarkdown("policy.md", text), size);
  CheckDocument(uofa::ParsePlainText("policy.txt", text), size);
  return 0;
}
