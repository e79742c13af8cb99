// End to end through the uofa command: two audits of a copy of the sample trust, with one CSV cell
// filled and another emptied between them, recorded in the audit folder's store and compared.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/unit/hostile/hostile_support.h"

namespace uofa {
namespace {

namespace fs = std::filesystem;

testing::CommandRun Uofa(const std::string& arguments, const testing::TempFolder& scratch) {
  std::string log = scratch / "output.txt";
  std::string command = std::string("'") + UOFA_BINARY + "' " + arguments + " > '" + log + "' 2>&1";
  int status = std::system(command.c_str());
  testing::CommandRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.output = testing::ReadText(log);
  return run;
}

using testing::EditLine;

TEST_CASE(
    "two audits with a changed cell: the diff names the gap that closed and the one that opened") {
  testing::TempFolder scratch;
  const std::string audit = scratch / "trust";
  fs::copy(std::string(UOFA_SOURCE_DIR) + "/samples/example-trust", audit,
           fs::copy_options::recursive);
  fs::remove(audit + "/uofa.db");
  const std::string check =
      "check '" + audit + "' --fail-on none --rules '" + UOFA_SOURCE_DIR + "/rules'";

  testing::CommandRun first = Uofa(check, scratch);
  INFO(first.output);
  REQUIRE(first.exit_code == 0);
  CHECK(first.output.find("Since the previous run") == std::string::npos);
  struct stat status {};
  REQUIRE(::stat((audit + "/uofa.db").c_str(), &status) == 0);
  CHECK((status.st_mode & 0777) == 0600);

  const std::string incidents = audit + "/incidents/incidents.csv";
  // INC-2022-0022 gains its description; INC-2024-0012 loses its own.
  EditLine(incidents, "INC-2022-0022,", "pulling her hair\",,",
           "pulling her hair\",Held by 2 staff.,");
  EditLine(incidents, "INC-2024-0012,", ",Patient held standing by 4 staff (1 min).,", ",,");

  testing::CommandRun second = Uofa(check, scratch);
  INFO(second.output);
  REQUIRE(second.exit_code == 0);
  CHECK(second.output.find("Since the previous run: 1 opened, 1 closed, ") != std::string::npos);
  CHECK(second.output.find("  opened  high  UOF-S6-5F  INC-2024-0012\n") != std::string::npos);
  CHECK(second.output.find("  closed  high  UOF-S6-5F  INC-2022-0022\n") != std::string::npos);

  testing::CommandRun diff = Uofa("diff --audit '" + audit + "'", scratch);
  INFO(diff.output);
  CHECK(diff.exit_code == 0);
  const std::size_t changes = diff.output.find('\n', diff.output.find('\n') + 1) + 1;
  CHECK(diff.output.substr(changes) ==
        "opened  high  UOF-S6-5F  INC-2024-0012  Record describes how force was used\n"
        "closed  high  UOF-S6-5F  INC-2022-0022  Record describes how force was used\n");
  CHECK(diff.output.rfind("run 1 (", 0) == 0);

  testing::CommandRun history = Uofa("history '" + audit + "' --format json", scratch);
  INFO(history.output);
  CHECK(history.exit_code == 0);
  CHECK(history.output.find("\"id\": 2") != std::string::npos);

  // --no-store leaves the history as it was.
  testing::CommandRun unrecorded = Uofa(check + " --no-store", scratch);
  CHECK(unrecorded.output.find("Since the previous run") == std::string::npos);
  testing::CommandRun again = Uofa("diff 1 2 --audit '" + audit + "' --format json", scratch);
  CHECK(again.exit_code == 0);
  CHECK(again.output.find("\"id\": 3") == std::string::npos);
}

TEST_CASE("history and diff without a store say so") {
  testing::TempFolder scratch;
  testing::CommandRun history = Uofa("history '" + (scratch / "none") + "'", scratch);
  CHECK(history.exit_code == 2);
  CHECK(history.output == "error: '" + (scratch / "none/uofa.db") +
                              "': no store (no audit run has been recorded there)\n");
  testing::CommandRun diff = Uofa("diff 4 5 --db '" + (scratch / "x.db") + "'", scratch);
  CHECK(diff.exit_code == 2);
  CHECK(diff.output ==
        "error: '" + (scratch / "x.db") + "': no store (no audit run has been recorded there)\n");
}

}  // namespace
}  // namespace uofa
