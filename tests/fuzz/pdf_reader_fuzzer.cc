// Fuzzes the PDF reader: the input is a .pdf file, read from memory with small limits so that a
// run spends its time in parsing rather than in huge documents.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/sources/documents/pdf_reader.h"
#include "engine/sources/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  uofa::DocumentLimits limits;
  limits.max_file_bytes = 1 << 20;
  limits.max_text_bytes = 1 << 20;
  limits.max_pages = 50;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  uofa::Diagnostics diagnostics;
  std::optional<uofa::Document> document =
      uofa::ReadPdfBytes("fuzz.pdf", bytes, limits, diagnostics);
  // Exactly one outcome: a document, or an error saying why not.
  if (document.has_value() == diagnostics.HasErrors()) std::abort();
  if (!document) return 0;
  for (const uofa::Block& block : document->blocks) {
    if (block.section >= static_cast<int>(document->sections.size())) std::abort();
    if (uofa::FindInvalidUtf8(block.text) != std::string::npos) std::abort();
    if (block.span.first < 1 || block.span.last < block.span.first) std::abort();
    if (block.span.last > limits.max_pages) std::abort();
  }
  return 0;
}
