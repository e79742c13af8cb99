#include "engine/sources/documents/pdf_reader.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "tests/unit/sources/documents/document_test_util.h"

namespace uofa {
namespace {

using testing::DocumentFixture;
using testing::Dump;
using testing::ReadBytes;

std::string ReadBytesError(const std::string& bytes, const DocumentLimits& limits = {}) {
  Diagnostics diagnostics;
  std::optional<Document> document = ReadPdfBytes("x.pdf", bytes, limits, diagnostics);
  if (document) return "read without an error";
  return diagnostics.Format();
}

// A PDF of the objects given (numbered from 1) with a correct xref table.
std::string BuildPdf(const std::vector<std::string>& objects, const std::string& trailer) {
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " + trailer +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// One page of Helvetica text from `stream`, with an encryption dictionary (object 6) and an
// information dictionary (object 7) that `trailer` may point to.
std::string PagePdf(const std::string& stream, const std::string& trailer = "") {
  return BuildPdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << "
       "/F1 4 0 R >> >> /Contents 5 0 R >>",
       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
       "<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "endstream",
       "<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + std::string(64, 'a') + "> /U <" +
           std::string(64, 'b') + "> >>",
       "<< /Title (Leaflet title) >>"},
      trailer);
}

std::string OnePagePdf(const std::string& trailer = "", const std::string& text = "Hello") {
  return PagePdf("BT /F1 11 Tf 56 700 Td (" + text + ") Tj ET\n", trailer);
}

TEST_CASE(
    "pdf reader: the generated policy has the headings, lists and table rows of its Markdown") {
  Diagnostics diagnostics;
  std::optional<Document> document =
      ReadPdfDocument(DocumentFixture("policy.pdf"), DocumentLimits{}, diagnostics);
  REQUIRE(document);
  CHECK(diagnostics.Empty());
  CHECK(document->format == "pdf");
  CHECK(document->unit == LocationUnit::kPage);
  std::string expected = R"(title: Use of Force Policy
# Use of Force Policy (1)
  paragraph (1): This policy sets out how Example Trust meets the Mental Health Units (Use of Force) Act 2018 in every inpatient unit.
## Responsible person (1)
  paragraph (1): The responsible person for the trust is the Director of Nursing, appointed under section 2 of the Act.
## Recording (1)
  paragraph (1): Every use of force is recorded in the incident system within 72 hours. The record names the patient, the staff involved, the techniques used and how long each lasted.
### What the record holds (1)
  list (1): the reason for the use of force
  list (1): the place and the time it began and ended
  list (1): whether the patient was injured
  list (1): Record the incident.
  list (1): Review it within 72 hours.
  row (1): Technique | Kind | Reviewed
  row (1): Seated hold | physical | yes
  row (1): Rapid tranquillisation | chemical | yes
## Training (1-2)
  paragraph (1): Staff complete training in de-escalation before they take part in any restraint. Refresher training is given every twelve months, and the trust’s training record is kept up to date by the ward manager so that the responsible person can see who is due.
)";
  std::string dump = Dump(*document);
  CHECK(dump.substr(0, expected.size()) == expected);
  REQUIRE(document->blocks.size() == 31);
  CHECK(document->blocks[17].text.rfind("Paragraph 6 of", 0) == 0);
  CHECK(document->blocks[17].span.first == 1);
  CHECK(document->blocks[18].text.rfind("Paragraph 7 of", 0) == 0);
  CHECK(document->blocks[18].span.first == 2);
  REQUIRE(document->sections.size() == 6);
  CHECK(document->sections[5].heading == "Review");
  CHECK(document->sections[5].span.first == 2);
}

TEST_CASE("pdf reader: the same policy as PDF and Word gives the same headings and block texts") {
  Diagnostics diagnostics;
  std::optional<Document> pdf = ReadPdfDocument(DocumentFixture("policy.pdf"), {}, diagnostics);
  std::optional<Document> docx = ReadDocument(DocumentFixture("policy.docx"), {}, diagnostics);
  REQUIRE(pdf);
  REQUIRE(docx);
  CHECK(Dump(*pdf, false) == Dump(*docx, false));
}

TEST_CASE("pdf reader: without headings the title is the Title metadata") {
  Diagnostics diagnostics;
  std::optional<Document> document =
      ReadPdfBytes("a/leaflet.pdf", OnePagePdf("/Info 7 0 R"), {}, diagnostics);
  REQUIRE(document);
  CHECK(Dump(*document) == "title: Leaflet title\n  paragraph (1): Hello\n");
  std::optional<Document> untitled = ReadPdfBytes("a/leaflet.pdf", OnePagePdf(), {}, diagnostics);
  REQUIRE(untitled);
  CHECK(untitled->title == "leaflet");
  CHECK(diagnostics.Empty());
}

TEST_CASE("pdf reader: a line with bars is a table row with its cells trimmed") {
  Diagnostics diagnostics;
  std::optional<Document> document =
      ReadPdfBytes("t.pdf", OnePagePdf("", "| Seated hold|physical |  yes |"), {}, diagnostics);
  REQUIRE(document);
  CHECK(Dump(*document) == "title: t\n  row (1): Seated hold | physical | yes\n");
}

TEST_CASE(
    "pdf reader: a wrapped line starting with a number other than 1 continues the paragraph") {
  std::string stream =
      "BT /F1 11 Tf 56 700 Td (The responsible person is named under the Act of) Tj ET\n"
      "BT /F1 11 Tf 56 686 Td (2018. Some functions are delegated.) Tj ET\n"
      "BT /F1 11 Tf 56 664 Td (1. First step) Tj ET\n"
      "BT /F1 11 Tf 56 650 Td (2. Second step) Tj ET\n"
      "BT /F1 11 Tf 56 628 Td (Closing paragraph) Tj ET\n"
      "BT /F1 11 Tf 56 614 Td (1. Only step) Tj ET\n";
  Diagnostics diagnostics;
  std::optional<Document> document = ReadPdfBytes("n.pdf", PagePdf(stream), {}, diagnostics);
  REQUIRE(document);
  CHECK(
      Dump(*document) ==
      "title: n\n"
      "  paragraph (1): The responsible person is named under the Act of 2018. Some functions are "
      "delegated.\n"
      "  list (1): First step\n"
      "  list (1): Second step\n"
      "  paragraph (1): Closing paragraph\n"
      "  list (1): Only step\n");
}

TEST_CASE("pdf reader: an encrypted PDF") {
  CHECK(ReadBytesError(OnePagePdf("/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> "
                                  "<00112233445566778899aabbccddeeff>]")) ==
        "x.pdf: error: 'x.pdf' is encrypted; uofa reads only unencrypted PDF files\n");
}

TEST_CASE("pdf reader: a truncated PDF") {
  std::string bytes = ReadBytes(DocumentFixture("policy.pdf"));
  CHECK(ReadBytesError(bytes.substr(0, bytes.size() / 2)) ==
        "x.pdf: error: 'x.pdf' is truncated (no '%%EOF' marker at the end of the file)\n");
}

TEST_CASE("pdf reader: a file that is not a PDF") {
  CHECK(ReadBytesError("PK\x03\x04 a zip file") ==
        "x.pdf: error: 'x.pdf' is not a PDF file (no '%PDF-' header)\n");
  CHECK(ReadBytesError("") == "x.pdf: error: 'x.pdf' is not a PDF file (no '%PDF-' header)\n");
}

TEST_CASE("pdf reader: a PDF with a header and an end but nothing readable between") {
  std::string error = ReadBytesError("%PDF-1.4\nnothing here\n%%EOF\n");
  CHECK(error.rfind("x.pdf: error: 'x.pdf' cannot be read as PDF", 0) == 0);
}

TEST_CASE("pdf reader: limits on pages, text and file size") {
  std::string path = DocumentFixture("policy.pdf");
  Diagnostics diagnostics;
  DocumentLimits pages;
  pages.max_pages = 1;
  CHECK_FALSE(ReadPdfDocument(path, pages, diagnostics));
  DocumentLimits text;
  text.max_text_bytes = 200;
  CHECK_FALSE(ReadPdfDocument(path, text, diagnostics));
  DocumentLimits size;
  size.max_file_bytes = 1000;
  CHECK_FALSE(ReadPdfDocument(path, size, diagnostics));
  CHECK(diagnostics.Format() ==
        path + ": error: '" + path + "' has 2 pages, more than the limit of 1 (max_pages)\n" +
            path + ": error: the text of '" + path + "' is longer than the limit of 200 bytes " +
            "(max_text_bytes)\n" + path + ": error: '" + path +
            "' is larger than the limit of 1000 bytes (max_file_bytes)\n");
}

}  // namespace
}  // namespace uofa
