// uofa import end to end: the summary, a re-import that writes nothing, a rejected row (exit 2,
// its position and message), the imports listed by uofa history --imports.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/unit/hostile/hostile_support.h"

namespace uofa {
namespace {

namespace fs = std::filesystem;

// The sample's planted cell problems, as every import of it reports them.
std::string Warnings(const std::string& audit) {
  return audit + "/incidents/incidents.csv:77:522: warning: 'post_incident_review_at': '2024-13-45T10:00' is not a valid date and time\n" +
         audit + "/incidents/incidents.csv:196:443: warning: 'staff_injury': 'not sure' is not Y, N or U\n" +
         audit + "/incidents/interventions.csv:516:17: warning: 'type_code': '02' is a retired code of 'ri_type'\n";
}

const char* kImportTable =
    "  kind               read    new  replaced  unchanged\n"
    "  patient             120    120         0          0\n"
    "  incident            300    300         0          0\n"
    "  organisation          1      1         0          0\n"
    "  admission           155    155         0          0\n"
    "  staff                84     84         0          0\n"
    "  restriction          11     11         0          0\n"
    "  policy_document       3      3         0          0\n"
    "  policy_paragraph     33     33         0          0\n"
    "  total               707    707         0          0\n"
    "3 warnings (cells that could not be read; their records were imported)\n";

const char* kRejectedTable =
    "  kind               read  rejected\n"
    "  patient             120         0\n"
    "  incident            300         1\n"
    "  organisation          1         0\n"
    "  admission           155         0\n"
    "  staff                84         0\n"
    "  restriction          11         0\n"
    "  policy_document       3         0\n"
    "  policy_paragraph     33         0\n"
    "  total               707         1\n";

// The built uofa with `arguments` (quoted for the shell), standard error after standard output.
testing::CommandRun Uofa(const std::string& arguments, const testing::TempFolder& scratch) {
  const std::string out = scratch / "stdout.txt";
  const std::string err = scratch / "stderr.txt";
  std::string command = std::string("'") + UOFA_BINARY + "' " + arguments + " > '" + out + "' 2> '" + err + "'";
  int status = std::system(command.c_str());
  testing::CommandRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.output = testing::ReadText(err) + testing::ReadText(out);
  return run;
}

std::string Import(const std::string& audit, const std::string& store, const std::string& more = "") {
  return "import '" + audit + "' --db '" + store + "' --rules '" + UOFA_SOURCE_DIR + "/rules'" + more;
}

TEST_CASE("uofa import: summary, re-import, rejected row, history of imports") {
  testing::TempFolder scratch;
  const std::string audit = scratch / "trust";
  fs::copy(std::string(UOFA_SOURCE_DIR) + "/samples/example-trust", audit, fs::copy_options::recursive);
  std::error_code ignored;
  fs::remove(audit + "/uofa.db", ignored);
  const std::string store = scratch / "audits.db";

  testing::CommandRun first = Uofa(Import(audit, store), scratch);
  INFO(first.output);
  CHECK(first.exit_code == 0);
  CHECK(first.output == Warnings(audit) + "import 1 in '" + store + "': 18 files\n" + kImportTable);
  // Counts only: no patient's name or NHS number.
  CHECK(first.output.find("P0001") == std::string::npos);

  testing::CommandRun again = Uofa(Import(audit, store), scratch);
  CHECK(again.exit_code == 0);
  CHECK(again.output == "nothing to import: the 18 files match import 1 in '" + store + "'\n");

  testing::CommandRun unchanged_json = Uofa(Import(audit, store, " -f json"), scratch);
  CHECK(unchanged_json.exit_code == 0);
  CHECK(unchanged_json.output == "{\n"
                                 "  \"errors\": 0,\n"
                                 "  \"files\": 18,\n"
                                 "  \"import_id\": 1,\n"
                                 "  \"kinds\": [],\n"
                                 "  \"problems\": [],\n"
                                 "  \"schema\": \"uofa-import\",\n"
                                 "  \"schema_version\": \"1.0.0\",\n"
                                 "  \"status\": \"unchanged\",\n"
                                 "  \"store\": \"" + store + "\",\n"
                                 "  \"warnings\": 0\n"
                                 "}\n");

  const std::string csv = audit + "/incidents/incidents.csv";
  std::string text = testing::ReadText(csv);
  // INC-2024-0012 again at the end: a duplicate id, the row rejected.
  const std::size_t line = text.find("\nINC-2024-0012,");
  REQUIRE(line != std::string::npos);
  REQUIRE(text.back() == '\n');
  text += text.substr(line + 1, text.find('\n', line + 1) - line);
  std::ofstream(csv, std::ios::binary | std::ios::trunc) << text;
  testing::CommandRun rejected = Uofa(Import(audit, store), scratch);
  CHECK(rejected.exit_code == 2);
  // Problems come in file and line order: the duplicate between the incidents' warnings and the
  // interventions'.
  std::string warnings = Warnings(audit);
  const std::size_t interventions = warnings.find(audit + "/incidents/interventions.csv");
  REQUIRE(interventions != std::string::npos);
  CHECK(rejected.output == warnings.substr(0, interventions) + csv +
                               ":319:1: error: duplicate 'incident_id' 'INC-2024-0012' (first on line 173)\n" +
                               warnings.substr(interventions) +
                               "nothing imported into '" + store + "': 1 error in the inputs (listed above)\n" +
                               kRejectedTable);

  testing::CommandRun json = Uofa(Import(audit, store, " -f json"), scratch);
  CHECK(json.exit_code == 2);
  CHECK(json.output.find("\"status\": \"rejected\"") != std::string::npos);
  CHECK(json.output.find("      \"line\": 319,\n") != std::string::npos);
  CHECK(json.output.find("\"source_line\"") == std::string::npos);

  // One import: the re-import and the rejected ones wrote nothing.
  testing::CommandRun history = Uofa("history --imports --db '" + store + "'", scratch);
  INFO(history.output);
  CHECK(history.exit_code == 0);
  const std::string expected_start =
      "  import  imported              files    read     new  replaced  unchanged  warnings\n" + fs::canonical(audit).string() + "\n       1  ";
  CHECK(history.output.rfind(expected_start, 0) == 0);
  CHECK(history.output.substr(expected_start.size() + 20) == "     18     707     707         0          0         3\n");
}

}  // namespace
}  // namespace uofa
