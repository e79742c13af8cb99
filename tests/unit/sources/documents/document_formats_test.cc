#include <doctest/doctest.h>

#include <string>

#include "engine/sources/documents/document.h"
#include "tests/unit/sources/documents/document_test_util.h"

namespace uofa {
namespace {

TEST_CASE("document formats: PDF and Word files are found by extension in any case") {
  REQUIRE(FindDocumentFormat("policy/Policy.PDF") != nullptr);
  CHECK(FindDocumentFormat("policy/Policy.PDF")->format == "pdf");
  REQUIRE(FindDocumentFormat("leaflet.docx") != nullptr);
  CHECK(FindDocumentFormat("leaflet.docx")->format == "docx");
  CHECK(FindDocumentFormat("leaflet.doc") == nullptr);
  CHECK(FindDocumentFormat("policy.d/README") == nullptr);
  CHECK(std::string(LocationUnitName(LocationUnit::kPage)) == "page");
  CHECK(std::string(LocationUnitName(LocationUnit::kParagraph)) == "paragraph");
  CHECK(std::string(LocationUnitName(LocationUnit::kLine)) == "line");
}

TEST_CASE("document formats: an unknown extension is an error, a known one reads") {
  Diagnostics diagnostics;
  CHECK_FALSE(ReadDocument("policy.rtf", {}, diagnostics));
  REQUIRE(diagnostics.ErrorCount() == 1);
  CHECK(diagnostics.Items()[0].message ==
        "not a document format uofa reads (known: .md, .markdown, .txt, .pdf, .docx)");
  std::optional<Document> document =
      ReadDocument(testing::DocumentFixture("policy.pdf"), {}, diagnostics);
  REQUIRE(document);
  CHECK(document->format == "pdf");
}

}  // namespace
}  // namespace uofa
