// Hostile policy documents through the command, as a CI job or a pre-commit hook meets them:
// each is refused with its reason and the command exits 2.
#include <doctest/doctest.h>

#include <string>

#include "tests/unit/hostile/hostile_support.h"
#include "tests/unit/sources/documents/zip_builder.h"

namespace uofa {
namespace {

testing::CommandRun CheckDocument(const testing::TempFolder& scratch, const std::string& path) {
  return testing::RunUofa("check '" + path + "' --as-of 2025-12-31 --format github", scratch);
}

TEST_CASE("hostile: a zip bomb posing as a Word document is refused before it is unpacked") {
  testing::TempFolder scratch;
  // 300 MiB of spaces deflate to about 300 KB: over the 256 MiB default unpacked limit.
  std::string bomb = testing::BuildZip({{"[Content_Types].xml", "<Types/>"},
                                        {"word/document.xml", std::string(std::size_t{300} << 20, ' ')}});
  REQUIRE(bomb.size() < 1024 * 1024);
  std::string path = scratch.Write("policy.docx", bomb);
  testing::CommandRun run = CheckDocument(scratch, path);
  CHECK(run.exit_code == 2);
  CHECK(run.output == "::error file=" + path + ",title=uofa input problem::'" + path +
                          "' unpacks to more than the limit of 268435456 bytes (max_uncompressed_bytes)\n"
                          "uofa: 0 gaps (0 high, 0 medium, 0 low); 1 input problem\n");
}

TEST_CASE("hostile: an encrypted PDF is refused") {
  testing::TempFolder scratch;
  std::string path = scratch.Write(
      "policy.pdf", testing::ReadText(std::string(UOFA_SOURCE_DIR) + "/tests/fuzz/corpus/pdf_reader/encrypted.pdf"));
  testing::CommandRun run = CheckDocument(scratch, path);
  CHECK(run.exit_code == 2);
  CHECK(run.output == "::error file=" + path + ",title=uofa input problem::'" + path +
                          "' is encrypted; uofa reads only unencrypted PDF files\n"
                          "uofa: 0 gaps (0 high, 0 medium, 0 low); 1 input problem\n");
}

TEST_CASE("hostile: a truncated PDF is refused") {
  testing::TempFolder scratch;
  std::string whole = testing::ReadText(std::string(UOFA_SOURCE_DIR) + "/samples/policies/good-policy.pdf");
  REQUIRE(whole.size() > 3000);
  std::string path = scratch.Write("policy.pdf", whole.substr(0, 3000));
  testing::CommandRun run = CheckDocument(scratch, path);
  CHECK(run.exit_code == 2);
  CHECK(run.output == "::error file=" + path + ",title=uofa input problem::'" + path +
                          "' is truncated (no '%25%25EOF' marker at the end of the file)\n"
                          "uofa: 0 gaps (0 high, 0 medium, 0 low); 1 input problem\n");
}

TEST_CASE("hostile: a broken document in an audit folder's policy folder stops nothing else") {
  testing::TempFolder scratch;
  scratch.Write("audit/uofa.yaml", "as_of: 2025-12-31\npacks: [uof-act-2018]\n");
  scratch.Write("audit/policy/policy.pdf", "%PDF-1.4\nnot really\n");
  scratch.Write("audit/policy/leaflet.md", "# Information for patients\n\nYou can complain.\n");
  testing::CommandRun run =
      testing::RunUofa("check '" + (scratch / "audit") + "' --no-store --format github --fail-on none", scratch);
  CHECK(run.exit_code == 2);
  CHECK(run.output.find("policy/policy.pdf,title=uofa input problem::") != std::string::npos);
  CHECK(run.output.find("1 input problem") != std::string::npos);
}

TEST_CASE("hostile: organisation.yaml naming a document outside the audit folder is refused") {
  testing::TempFolder scratch;
  scratch.Write("outside.md", "# Use of force policy\n\nSecret text from elsewhere.\n");
  scratch.Write("audit/uofa.yaml", "as_of: 2025-12-31\npacks: [uof-act-2018]\n");
  scratch.Write("audit/organisation.yaml", "ods_code: RXX\npolicy:\n  document: ../outside.md\n");
  testing::CommandRun run =
      testing::RunUofa("check '" + (scratch / "audit") + "' --no-store --format github --fail-on none", scratch);
  CHECK(run.exit_code == 2);
  CHECK(run.output.find("organisation.yaml,line=3,col=13,title=uofa input problem::'policy.document' names "
                        "'../outside.md', which is outside the audit folder") != std::string::npos);
  CHECK(run.output.find("Secret text") == std::string::npos);
}

}  // namespace
}  // namespace uofa
