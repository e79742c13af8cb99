#include "engine/sources/documents/docx_reader.h"

#include <doctest/doctest.h>

#include <string>

#include "tests/unit/sources/documents/document_test_util.h"
#include "tests/unit/sources/documents/zip_builder.h"

namespace uofa {
namespace {

using testing::BuildZip;
using testing::DocumentFixture;
using testing::Dump;
using testing::kMinimalDocumentXml;
using testing::ReadBytes;
using testing::ScratchFolder;

// policy.md as the Word reader must see it: paragraphs counted as Word counts them, three per
// table row (one per cell).
const char* kPolicyDocx = R"(title: Use of Force Policy
# Use of Force Policy (1-2)
  paragraph (2): This policy sets out how Example Trust meets the Mental Health Units (Use of Force) Act 2018 in every inpatient unit.
## Responsible person (3-4)
  paragraph (4): The responsible person for the trust is the Director of Nursing, appointed under section 2 of the Act.
## Recording (5-6)
  paragraph (6): Every use of force is recorded in the incident system within 72 hours. The record names the patient, the staff involved, the techniques used and how long each lasted.
### What the record holds (7-21)
  list (8): the reason for the use of force
  list (9): the place and the time it began and ended
  list (10): whether the patient was injured
  list (11): Record the incident.
  list (12): Review it within 72 hours.
  row (13-15): Technique | Kind | Reviewed
  row (16-18): Seated hold | physical | yes
  row (19-21): Rapid tranquillisation | chemical | yes
## Training (22-41)
  paragraph (23): Staff complete training in de-escalation before they take part in any restraint. Refresher training is given every twelve months, and the trust’s training record is kept up to date by the ward manager so that the responsible person can see who is due.
)";

std::string ReadError(const std::string& path, const DocumentLimits& limits = {}) {
  Diagnostics diagnostics;
  std::optional<Document> document = ReadDocxDocument(path, limits, diagnostics);
  if (document) return "read without an error";
  return diagnostics.Format();
}

std::string ReadBytesError(const std::string& bytes, const DocumentLimits& limits = {}) {
  Diagnostics diagnostics;
  std::optional<Document> document = ReadDocxBytes("x.docx", bytes, limits, diagnostics);
  if (document) return "read without an error";
  return diagnostics.Format();
}

TEST_CASE(
    "docx reader: the generated policy has the headings, lists and table rows of its Markdown") {
  Diagnostics diagnostics;
  std::optional<Document> document =
      ReadDocxDocument(DocumentFixture("policy.docx"), DocumentLimits{}, diagnostics);
  REQUIRE(document);
  CHECK(diagnostics.Empty());
  CHECK(document->format == "docx");
  CHECK(document->unit == LocationUnit::kParagraph);
  std::string dump = Dump(*document);
  // The first five sections in full; then the training paragraphs and the last section.
  CHECK(dump.substr(0, std::string(kPolicyDocx).size()) == kPolicyDocx);
  REQUIRE(document->sections.size() == 6);
  CHECK(document->sections[4].span.first == 22);
  CHECK(document->sections[4].span.last == 41);
  CHECK(document->sections[5].heading == "Review");
  CHECK(document->sections[5].level == 2);
  CHECK(document->sections[5].span.first == 42);
  CHECK(document->sections[5].span.last == 43);
  CHECK(document->blocks.back().text == "This policy is reviewed every three years.");
  CHECK(document->blocks.back().section == 5);
  CHECK(document->blocks.size() == 31);
}

TEST_CASE(
    "docx reader: styles resolve through basedOn, numbering comes from the style, empty paragraphs "
    "count") {
  const std::string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  std::string styles = "<w:styles " + ns +
                       "><w:style w:styleId=\"Custom\"><w:name w:val=\"Policy Heading\"/>"
                       "<w:basedOn w:val=\"H\"/></w:style>"
                       "<w:style w:styleId=\"H\"><w:name w:val=\"heading 2\"/></w:style>"
                       "<w:style w:styleId=\"Bullets\"><w:name w:val=\"Bullets\"/><w:pPr><w:numPr>"
                       "<w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style></w:styles>";
  std::string body =
      "<w:document " + ns +
      "><w:body>"
      "<w:p/>"
      "<w:p><w:pPr><w:pStyle w:val=\"Custom\"/></w:pPr><w:r><w:t>Seclusion</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"Bullets\"/></w:pPr><w:r><w:t xml:space=\"preserve\">first "
      "</w:t>"
      "<w:tab/><w:t>item</w:t><w:br/><w:t>with</w:t><w:noBreakHyphen/><w:t>break</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>kept</w:t><w:delText>deleted</w:delText><w:instrText>PAGE</w:instrText></"
      "w:r></w:p>"
      "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:r><w:t>Outline heading</w:t></w:r></w:p>"
      "</w:body></w:document>";
  std::string bytes = BuildZip({{"word/document.xml", body}, {"word/styles.xml", styles}});
  REQUIRE(!bytes.empty());
  Diagnostics diagnostics;
  std::optional<Document> document = ReadDocxBytes("dir/leaflet.docx", bytes, {}, diagnostics);
  REQUIRE(document);
  CHECK(Dump(*document) ==
        "title: Outline heading\n"
        "## Seclusion (2-4)\n"
        "  list (3): first item with-break\n"
        "  paragraph (4): kept\n"
        "# Outline heading (5)\n");
}

TEST_CASE("docx reader: nested tables, text boxes and alternative content count as Word counts") {
  std::string body =
      "<w:document><w:body>"
      "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>Leaflet</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
      "<w:r><w:t>Your rights</w:t></w:r></w:p>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>"
      "<w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
      "<w:p><w:r><w:t>outer</w:t><w:pict><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p>"
      "</w:txbxContent></w:pict></w:r></w:p>"
      "<mc:AlternateContent><mc:Choice><w:p><w:r><w:t>choice</w:t></w:r></w:p></mc:Choice>"
      "<mc:Fallback><w:p><w:r><w:t>fallback</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>"
      "</w:body></w:document>";
  Diagnostics diagnostics;
  std::optional<Document> document =
      ReadDocxBytes("x.docx", BuildZip({{"word/document.xml", body}}), {}, diagnostics);
  REQUIRE(document);
  CHECK(Dump(*document) ==
        "title: Leaflet\n"
        "# Leaflet (1)\n"
        "## Your rights (2-8)\n"
        "  row (3-5): a inner | b\n"
        "  paragraph (6): outer\n"
        "  paragraph (7): boxed\n"
        "  paragraph (8): choice\n");
}

TEST_CASE("docx reader: the title falls back to docProps/core.xml, then to the file stem") {
  std::string core =
      "<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      "<dc:title> Patient  leaflet </dc:title></cp:coreProperties>";
  Diagnostics diagnostics;
  std::optional<Document> with_core = ReadDocxBytes(
      "a/leaflet.docx",
      BuildZip({{"word/document.xml", kMinimalDocumentXml}, {"docProps/core.xml", core}}), {},
      diagnostics);
  REQUIRE(with_core);
  CHECK(with_core->title == "Patient leaflet");
  std::optional<Document> bare = ReadDocxBytes(
      "a/leaflet.docx", BuildZip({{"word/document.xml", kMinimalDocumentXml}}), {}, diagnostics);
  REQUIRE(bare);
  CHECK(bare->title == "leaflet");
  CHECK(Dump(*bare) == "title: leaflet\n  paragraph (1): Hello\n");
  CHECK(diagnostics.Empty());
}

TEST_CASE("docx reader: a file that is not a zip package") {
  CHECK(ReadBytesError("plain text, not a zip") ==
        "x.docx: error: 'x.docx' is not a Word file (not a zip package)\n");
  CHECK(ReadBytesError("") == "x.docx: error: 'x.docx' is not a Word file (not a zip package)\n");
}

TEST_CASE("docx reader: a truncated zip package") {
  std::string bytes = ReadBytes(DocumentFixture("policy.docx"));
  REQUIRE(bytes.size() > 1000);
  CHECK(ReadBytesError(bytes.substr(0, bytes.size() / 2)) ==
        "x.docx: error: 'x.docx' is truncated or damaged (no zip central directory); a Word file "
        "is a zip package\n");
}

TEST_CASE("docx reader: declared unpacked sizes over max_uncompressed_bytes") {
  DocumentLimits limits;
  limits.max_uncompressed_bytes = 1 << 20;
  std::string zeros(3 << 20, '\0');
  std::string bytes = BuildZip({{"word/document.xml", kMinimalDocumentXml}, {"zeros.bin", zeros}});
  REQUIRE(!bytes.empty());
  CHECK(bytes.size() < 64 * 1024);  // a zip bomb in miniature
  CHECK(ReadBytesError(bytes, limits) ==
        "x.docx: error: 'x.docx' unpacks to more than the limit of 1048576 bytes "
        "(max_uncompressed_bytes)\n");
}

// Rewrites the declared uncompressed size of every entry (local and central headers) to `size`.
std::string LieAboutSizes(std::string bytes, std::uint32_t size) {
  auto put = [&](std::size_t at) {
    for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((size >> (8 * i)) & 0xff);
  };
  for (std::size_t at = 0; at + 46 <= bytes.size(); ++at) {
    if (bytes.compare(at, 4, "PK\x03\x04") == 0) put(at + 22);
    if (bytes.compare(at, 4, "PK\x01\x02") == 0) put(at + 24);
  }
  return bytes;
}

TEST_CASE("docx reader: a part that inflates past its declared size stops at the limit") {
  DocumentLimits limits;
  limits.max_uncompressed_bytes = 1 << 20;
  std::string document = std::string(kMinimalDocumentXml) + std::string(3 << 20, ' ');
  std::string bytes = LieAboutSizes(BuildZip({{"word/document.xml", document}}), 100);
  Diagnostics diagnostics;
  std::optional<Document> read = ReadDocxBytes("x.docx", bytes, limits, diagnostics);
  CHECK_FALSE(read);
  REQUIRE(diagnostics.ErrorCount() == 1);
  std::string message = diagnostics.Items()[0].message;
  // libzip may notice the lie itself; either way nothing past the limit is kept.
  bool limit = message ==
               "'x.docx' unpacks to more than the limit of 1048576 bytes (max_uncompressed_bytes)";
  bool noticed = message.rfind("'x.docx' cannot unpack 'word/document.xml': ", 0) == 0;
  CHECK_MESSAGE((limit || noticed), message);
}

TEST_CASE("docx reader: more zip entries than a Word file needs") {
  std::vector<testing::ZipEntry> entries = {{"word/document.xml", kMinimalDocumentXml}};
  for (int i = 0; i < 10001; ++i) entries.push_back({"e/" + std::to_string(i), "x"});
  CHECK(ReadBytesError(BuildZip(entries)) ==
        "x.docx: error: 'x.docx' has 10002 zip entries, more than the 10000 a Word file can "
        "plausibly need\n");
}

TEST_CASE("docx reader: an encrypted part") {
  std::string bytes = BuildZip({{"word/document.xml", kMinimalDocumentXml, true}});
  REQUIRE(!bytes.empty());
  CHECK(ReadBytesError(bytes) ==
        "x.docx: error: 'x.docx' has an encrypted part 'word/document.xml'; uofa reads only "
        "unencrypted Word files\n");
}

TEST_CASE("docx reader: a zip without word/document.xml") {
  CHECK(ReadBytesError(BuildZip({{"[Content_Types].xml", "<Types/>"}})) ==
        "x.docx: error: 'x.docx' has no 'word/document.xml'; it is not a Word document\n");
}

TEST_CASE("docx reader: malformed XML is reported at its offset in the part") {
  CHECK(ReadBytesError(BuildZip({{"word/document.xml", "<w:document><w:body></w:document>"}})) ==
        "x.docx: error: 'x.docx' has malformed XML in 'word/document.xml' at offset 22: "
        "start-end tags mismatch\n");
  CHECK(ReadBytesError(BuildZip(
            {{"word/document.xml", kMinimalDocumentXml}, {"word/styles.xml", "<w:styles"}})) ==
        "x.docx: error: 'x.docx' has malformed XML in 'word/styles.xml' at offset 8: "
        "error parsing start element tag\n");
}

TEST_CASE("docx reader: ill-formed UTF-8 in a paragraph") {
  std::string body =
      "<w:document><w:body><w:p/><w:p><w:r><w:t>caf\xe9</w:t></w:r></w:p></w:body></w:document>";
  CHECK(ReadBytesError(BuildZip({{"word/document.xml", body}})) ==
        "x.docx: error: paragraph 2 of 'x.docx' has invalid UTF-8 (byte 0xe9)\n");
}

TEST_CASE("docx reader: text over max_text_bytes") {
  DocumentLimits limits;
  limits.max_text_bytes = 100;
  CHECK(ReadError(DocumentFixture("policy.docx"), limits) ==
        DocumentFixture("policy.docx") + ": error: the text of '" + DocumentFixture("policy.docx") +
            "' is longer than the limit of 100 bytes (max_text_bytes)\n");
}

TEST_CASE("docx reader: a file over max_file_bytes and a missing file") {
  DocumentLimits limits;
  limits.max_file_bytes = 1000;
  std::string path = DocumentFixture("policy.docx");
  CHECK(ReadError(path, limits) ==
        path + ": error: '" + path + "' is larger than the limit of 1000 bytes (max_file_bytes)\n");
  ScratchFolder folder;
  std::string missing = folder.File("missing.docx");
  CHECK(ReadError(missing) == missing + ": error: cannot read '" + missing + "'\n");
}

}  // namespace
}  // namespace uofa
