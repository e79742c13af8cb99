#include <doctest/doctest.h>

#include <string>

#include "engine/sources/documents/document.h"
#include "engine/sources/documents/document_metadata.h"
#include "engine/sources/documents/markdown_reader.h"
#include "engine/sources/documents/text_reader.h"
#include "tests/unit/sources/source_test_util.h"

namespace uofa {
namespace {

using testing::FixturePath;

// "kind first-last [section] text" for each block, one a line.
std::string Blocks(const Document& document) {
  std::string out;
  for (const Block& block : document.blocks) {
    const char* kind = block.kind == BlockKind::kParagraph ? "p" : block.kind == BlockKind::kListItem ? "li" : "tr";
    out += std::string(kind) + ' ' + std::to_string(block.span.first) + '-' + std::to_string(block.span.last) + " [" +
           std::to_string(block.section) + "] " + block.text + '\n';
  }
  return out;
}

// "level first-last heading" for each section.
std::string Sections(const Document& document) {
  std::string out;
  for (const Section& section : document.sections) {
    out += std::to_string(section.level) + ' ' + std::to_string(section.span.first) + '-' +
           std::to_string(section.span.last) + ' ' + section.heading + '\n';
  }
  return out;
}

}  // namespace

TEST_CASE("markdown: headings, paragraphs, lists and tables with their lines") {
  const char* text =
      "# Use of *Force* Policy\n"          // 1
      "\n"                                 // 2
      "Version: 3.1, see [the plan](plan.md)\n"  // 3
      "and `code` here.\n"                 // 4
      "\n"                                 // 5
      "Training\n"                         // 6
      "--------\n"                         // 7
      "- first **item**\n"                 // 8
      "  continues here\n"                 // 9
      "2. second item\n"                   // 10
      "\n"                                 // 11
      "| Item | Detail |\n"                 // 12
      "|---|:--:|\n"                       // 13
      "| Review date | 31/05/2026 |\n"     // 14
      "\n"                                 // 15
      "## Closing ##\n"                    // 16
      "> quoted text\n";                   // 17
  Document document = ParseMarkdown("policy.md", text);
  CHECK(document.format == "markdown");
  CHECK(document.unit == LocationUnit::kLine);
  CHECK(document.title == "Use of Force Policy");
  CHECK(Sections(document) ==
        "1 1-4 Use of Force Policy\n"
        "2 6-14 Training\n"
        "2 16-17 Closing\n");
  CHECK(Blocks(document) ==
        "p 3-4 [0] Version: 3.1, see the plan and code here.\n"
        "li 8-9 [1] first item continues here\n"
        "li 10-10 [1] second item\n"
        "tr 12-12 [1] Item | Detail\n"
        "tr 14-14 [1] Review date | 31/05/2026\n"
        "p 17-17 [2] quoted text\n");
}

TEST_CASE("markdown: front matter, fenced code, comments and text before the first heading") {
  const char* text =
      "---\n"
      "title: \"Leaflet\"\n"
      "version: 2\n"
      "---\n"
      "Intro before any heading.\n"
      "<!-- a comment\n"
      "over two lines -->\n"
      "```\n"
      "# not a heading\n"
      "```\n"
      "***\n"
      "snake_case stays, _emphasis_ goes\n";
  Document document = ParseMarkdown("docs/leaflet.md", text);
  CHECK(document.title == "Leaflet");
  CHECK(document.sections.empty());
  CHECK(Blocks(document) ==
        "p 2-2 [-1] title: \"Leaflet\"\n"
        "p 3-3 [-1] version: 2\n"
        "p 5-5 [-1] Intro before any heading.\n"
        "p 8-10 [-1] # not a heading\n"
        "p 12-12 [-1] snake_case stays, emphasis goes\n");
}

TEST_CASE("markdown: a document without a level-1 heading is named by its file") {
  Document document = ParseMarkdown("policy/use-of-force.md", "## Only a subheading\n\nText\n");
  CHECK(document.title == "use-of-force");
}

TEST_CASE("markdown: inline markup removed") {
  CHECK(StripInlineMarkdown("**Bold** and *it* and ~~gone~~ <br> ![alt](x.png) <https://a.example>") ==
        "Bold and it and gone alt https://a.example");
  CHECK(StripInlineMarkdown("a \\*literal\\* star and [ref][1]") == "a *literal* star and ref");
}

TEST_CASE("plain text: numbered, underlined and capital headings; list items") {
  const char* text =
      "USE OF FORCE POLICY\n"     // 1
      "\n"                        // 2
      "This policy applies to all wards.\n"  // 3
      "\n"                        // 4
      "3. Training\n"             // 5
      "\n"                        // 6
      "Staff are trained:\n"      // 7
      "- before they use force\n" // 8
      "- every year\n"            // 9
      "\n"                        // 10
      "3.1 Refresher training\n"  // 11
      "\n"                        // 12
      "1. Staff attend a refresher every twelve months.\n"  // 13
      "\n"                        // 14
      "Recording\n"               // 15
      "=========\n"               // 16
      "Every use is recorded.\n"; // 17
  Document document = ParsePlainText("policy.txt", text);
  CHECK(document.format == "text");
  CHECK(document.title == "USE OF FORCE POLICY");
  CHECK(Sections(document) ==
        "1 1-3 USE OF FORCE POLICY\n"
        "1 5-9 3. Training\n"
        "2 11-13 3.1 Refresher training\n"
        "1 15-17 Recording\n");
  CHECK(Blocks(document) ==
        "p 3-3 [0] This policy applies to all wards.\n"
        "p 7-7 [1] Staff are trained:\n"
        "li 8-8 [1] before they use force\n"
        "li 9-9 [1] every year\n"
        "li 13-13 [2] Staff attend a refresher every twelve months.\n"
        "p 17-17 [3] Every use is recorded.\n");
}

TEST_CASE("documents: metadata stated in the text") {
  Document document = ParseMarkdown(
      "p.md",
      "# Policy\n\n| Version | 4.0 |\n|---|---|\n| Approved | 12 May 2025 |\n| Review date | 31/05/2026 |\n\n"
      "Effective from 2025-06-01.\n\nResponsible person: Dr A Rahman, Chief Nurse.\n");
  DocumentMetadata metadata = FindDocumentMetadata(document);
  CHECK(metadata.version == "4.0");
  REQUIRE(metadata.approved_on);
  CHECK(metadata.approved_on->Iso() == "2025-05-12");
  REQUIRE(metadata.review_on);
  CHECK(metadata.review_on->Iso() == "2026-05-31");
  REQUIRE(metadata.effective_on);
  CHECK(metadata.effective_on->Iso() == "2025-06-01");
  CHECK(metadata.responsible_person == "Dr A Rahman, Chief Nurse");

  DocumentMetadata none;
  FindMetadataInText("Approved by the board; reviewed each year. Version history below.", none);
  CHECK(none.version.empty());
  CHECK(!none.approved_on);
  CHECK(!none.review_on);
}

TEST_CASE("documents: the format table and read errors") {
  REQUIRE(FindDocumentFormat("a/POLICY.MD") != nullptr);
  CHECK(FindDocumentFormat("a/POLICY.MD")->format == "markdown");
  CHECK(FindDocumentFormat("notes.markdown")->format == "markdown");
  CHECK(FindDocumentFormat("notes.txt")->format == "text");
  CHECK(FindDocumentFormat("notes.rtf") == nullptr);
  CHECK(std::string(LocationUnitName(LocationUnit::kPage)) == "page");
  CHECK(std::string(LocationUnitName(LocationUnit::kParagraph)) == "paragraph");

  Diagnostics diagnostics;
  CHECK(!ReadDocument(FixturePath("documents/bad-utf8.md"), DocumentLimits{}, diagnostics));
  CHECK(!ReadDocument(FixturePath("documents/policy.rtf"), DocumentLimits{}, diagnostics));
  CHECK(!ReadDocument(FixturePath("documents/absent.md"), DocumentLimits{}, diagnostics));
  DocumentLimits tiny;
  tiny.max_file_bytes = 10;
  CHECK(!ReadDocument(FixturePath("documents/bad-utf8.md"), tiny, diagnostics));
  CHECK(diagnostics.Format() ==
        FixturePath("documents/bad-utf8.md") +
            ":4:1: error: invalid UTF-8 (byte 0xe9); the document must be UTF-8 text\n" +
            FixturePath("documents/policy.rtf") +
            ": error: not a document format uofa reads (known: .md, .markdown, .txt, .pdf, .docx)\n" +
            FixturePath("documents/absent.md") + ": error: cannot read '" + FixturePath("documents/absent.md") +
            "'\n" + FixturePath("documents/bad-utf8.md") + ": error: '" + FixturePath("documents/bad-utf8.md") +
            "' is larger than the limit of 10 bytes (max_file_bytes)\n");
}

TEST_CASE("documents: hostile text neither crashes nor loses lines") {
  std::string many_hashes(5000, '#');
  std::string text = many_hashes + "\n|\n|---|\n" + std::string(3000, '|') + "\n[[[[((((\n```\nunclosed";
  Document markdown = ParseMarkdown("x.md", text);
  for (const Block& block : markdown.blocks) CHECK(block.span.first <= block.span.last);
  Document plain = ParsePlainText("x.txt", text);
  CHECK(!plain.blocks.empty());
  // Unclosed inline constructs on one long line: looked for only a little way ahead.
  std::string unclosed = std::string(100000, '[') + std::string(100000, '<') + std::string(100000, '`');
  Document long_line = ParseMarkdown("x.md", unclosed);
  REQUIRE(long_line.blocks.size() == 1);
  // The '[' and '<' stay as text; the backticks pair up into empty code spans.
  CHECK(long_line.blocks[0].text.size() == 200000);
}

}  // namespace uofa
