// The rule catalogue (`uofa rules doc`): the Markdown of a small pack against a golden, the
// matching of coverage entries to citations, and the checks on the coverage list.
//
// Regenerate the golden after a deliberate change, then review the difference:
//   UOFA_UPDATE_GOLDENS=1 ./build/uofa_tests -tc='catalogue*'
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "engine/report/catalogue_writer.h"
#include "uofa/rule_pack.h"

namespace uofa {
namespace {

std::string ReportFixture(const std::string& name) {
  return std::string(UOFA_SOURCE_DIR) + "/tests/unit/report/fixtures/" + name;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Diagnostics with the fixture folder's absolute prefix removed.
std::string Relative(std::string text) {
  const std::string prefix = ReportFixture("");
  for (std::size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) {
    text.erase(at, prefix.size());
  }
  return text;
}

std::unique_ptr<RuleBook> DemoBook() {
  PackOptions options;
  options.rules_root = std::string(UOFA_SOURCE_DIR) + "/tests/unit/pack/fixtures";
  options.packs = {"valid"};
  Diagnostics diagnostics;
  std::unique_ptr<RuleBook> book = RuleBook::Load(options, diagnostics);
  REQUIRE_MESSAGE(book != nullptr, diagnostics.Format());
  return book;
}

TEST_CASE("catalogue: a coverage entry is checked by its provision and the parts of it") {
  using report::ProvisionCovers;
  CHECK(ProvisionCovers("s.6(5)(a)", "s.6(5)(a)"));
  CHECK(ProvisionCovers("s.6(5)", "s.6(5)(a)"));
  CHECK(ProvisionCovers("s.6", "s.6(10)"));
  CHECK_FALSE(ProvisionCovers("s.1", "s.12"));
  CHECK_FALSE(ProvisionCovers("s.6(5)(a)", "s.6(5)"));
  CHECK_FALSE(ProvisionCovers("s.6(1)", "s.6(10)"));
  CHECK_FALSE(ProvisionCovers("", "s.6"));
  CHECK_FALSE(ProvisionCovers("ch. 26", "ch. 26x"));
}

TEST_CASE("catalogue: the demo pack and its coverage table match the golden") {
  std::unique_ptr<RuleBook> book = DemoBook();
  CatalogueOptions options;
  options.coverage_path = ReportFixture("catalogue-coverage.yaml");
  Diagnostics diagnostics;
  RuleCatalogue catalogue = WriteRuleCatalogue(*book, options, diagnostics);

  // An explicitly named rule that no loaded pack has is a warning at its entry.
  CHECK(Relative(diagnostics.Format()) ==
        "catalogue-coverage.yaml:15:9: warning: coverage entry 'guidance:record-items' names rule "
        "'DEMO-GONE', which no loaded pack has\n");
  CHECK(catalogue.coverage_entries == 6);
  CHECK(catalogue.not_checkable == 1);
  REQUIRE(catalogue.not_covered.size() == 1);
  CHECK(catalogue.not_covered[0].id == "s.1");
  CHECK(catalogue.not_covered[0].at.line == 9);

  const std::string golden = ReportFixture("catalogue.expected.md");
  if (std::getenv("UOFA_UPDATE_GOLDENS") != nullptr &&
      std::string(std::getenv("UOFA_UPDATE_GOLDENS")) == "1") {
    std::ofstream(golden, std::ios::binary) << catalogue.markdown;
  }
  CHECK(catalogue.markdown == ReadFile(golden));

  // The same inputs give the same bytes.
  Diagnostics again;
  CHECK(WriteRuleCatalogue(*book, options, again).markdown == catalogue.markdown);
}

TEST_CASE("catalogue: without a coverage list there is no coverage table") {
  std::unique_ptr<RuleBook> book = DemoBook();
  Diagnostics diagnostics;
  RuleCatalogue catalogue = WriteRuleCatalogue(*book, CatalogueOptions{}, diagnostics);
  CHECK(diagnostics.Empty());
  CHECK(catalogue.coverage_entries == 0);
  CHECK(catalogue.markdown.find("## Coverage") == std::string::npos);
  CHECK(catalogue.markdown.find("#### DEMO-S6-5A") != std::string::npos);
}

TEST_CASE("catalogue: mistakes in the coverage list are errors at their position") {
  Diagnostics diagnostics;
  auto sections =
      report::LoadCoverageList(ReportFixture("catalogue-bad-coverage.yaml"), diagnostics);
  CHECK(Relative(diagnostics.Format()) ==
        "catalogue-bad-coverage.yaml:6:9: error: duplicate coverage entry 's.6'\n"
        "        - id: s.6\n"
        "          ^\n"
        "catalogue-bad-coverage.yaml:4:9: note: first defined here\n"
        "        - id: s.6\n"
        "          ^\n"
        "catalogue-bad-coverage.yaml:9:9: error: unknown key 'descripton' in coverage entry (did "
        "you mean 'description'?)\n"
        "          descripton: misspelt key\n"
        "          ^\n"
        "catalogue-bad-coverage.yaml:8:9: error: coverage entry 's.7' has no 'description'\n"
        "        - id: s.7\n"
        "          ^\n"
        "catalogue-bad-coverage.yaml:13:24: error: coverage entry 's.8' has both 'rules' and "
        "'not_checkable'; keep one\n"
        "          not_checkable: \"reason\"\n"
        "                         ^\n"
        "catalogue-bad-coverage.yaml:14:9: error: coverage entry has no 'id'\n"
        "        - description: no id\n"
        "          ^\n"
        "catalogue-bad-coverage.yaml:17:16: error: 'rules' of coverage entry 's.9' is empty; "
        "leave it out to find the rules from their citations\n"
        "          rules: []\n"
        "                 ^\n"
        "catalogue-bad-coverage.yaml:18:5: error: section has no 'title'\n"
        "    - entries: {id: s.10}\n"
        "      ^\n"
        "catalogue-bad-coverage.yaml:18:14: error: 'entries' must be a sequence, not a mapping\n"
        "    - entries: {id: s.10}\n"
        "               ^\n");
  REQUIRE(sections.size() == 2);
  CHECK(sections[0].entries.size() == 4);  // s.6, s.7, s.8, s.9
}

TEST_CASE("catalogue: an unreadable coverage list is an error naming it") {
  std::unique_ptr<RuleBook> book = DemoBook();
  CatalogueOptions options;
  options.coverage_path = ReportFixture("absent.yaml");
  Diagnostics diagnostics;
  RuleCatalogue catalogue = WriteRuleCatalogue(*book, options, diagnostics);
  CHECK(diagnostics.HasErrors());
  CHECK(catalogue.coverage_entries == 0);
}

}  // namespace
}  // namespace uofa
