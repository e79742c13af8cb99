// Fuzzes the Word reader: the input is a .docx file (a zip package), read from memory with small
// limits, so that zip bombs and oversized parts end in an error rather than an out-of-memory.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/sources/documents/docx_reader.h"
#include "engine/sources/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  uofa::DocumentLimits limits;
  limits.max_file_bytes = 1 << 20;
  limits.max_uncompressed_bytes = 8 << 20;
  limits.max_text_bytes = 1 << 20;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  uofa::Diagnostics diagnostics;
  std::optional<uofa::Document> document =
      uofa::ReadDocxBytes("fuzz.docx", bytes, limits, diagnostics);
  if (document.has_value() == diagnostics.HasErrors()) std::abort();
  if (!document) return 0;
  int previous = 0;
  for (const uofa::Block& block : document->blocks) {
    if (block.section >= static_cast<int>(document->sections.size())) std::abort();
    if (uofa::FindInvalidUtf8(block.text) != std::string::npos) std::abort();
    if (block.span.first <= previous || block.span.last < block.span.first) std::abort();
    previous = block.span.last;
  }
  return 0;
}
