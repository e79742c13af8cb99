// uofa gen (include/uofa/generator.h): the planted counts are exactly what `uofa check` finds,
// the output depends on the seed alone, and the folder is written owner-only.
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "tests/unit/hostile/hostile_support.h"
#include "uofa/generator.h"

namespace uofa {
namespace {

using testing::ReadText;
using testing::TempFolder;

std::optional<GeneratedAudit> Generate(std::int64_t incidents, std::uint64_t seed, const std::string& out,
                                       int threads, Diagnostics& diagnostics) {
  GenerateOptions options;
  options.incidents = incidents;
  options.seed = seed;
  options.out_dir = out;
  options.threads = threads;
  return GenerateAudit(options, diagnostics);
}

// Every file under `root`, by relative path, with its bytes.
std::map<std::string, std::string> Files(const std::filesystem::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      files[std::filesystem::relative(entry.path(), root).string()] = ReadText(entry.path().string());
    }
  }
  return files;
}

std::int64_t Planted(const GeneratedAudit& audit, const std::string& rule_id) {
  for (const PlantedRule& rule : audit.planted) {
    if (rule.rule_id == rule_id) return rule.count;
  }
  return -1;
}

TEST_CASE("gen: the same seed gives the same bytes whatever the thread count; another seed differs") {
  TempFolder scratch;
  Diagnostics diagnostics;
  // 5,000 incidents: three chunks, so that the threads really do overlap.
  auto one = Generate(5000, 11, scratch / "one", 1, diagnostics);
  auto three = Generate(5000, 11, scratch / "three", 3, diagnostics);
  auto other = Generate(5000, 12, scratch / "other", 2, diagnostics);
  REQUIRE(one);
  REQUIRE(three);
  REQUIRE(other);
  CHECK(diagnostics.Empty());
  const auto first = Files(scratch.path() / "one");
  CHECK(first.size() == 16);
  CHECK(first == Files(scratch.path() / "three"));
  const auto different = Files(scratch.path() / "other");
  CHECK(different.size() == first.size());
  CHECK(different.at("incidents/incidents.csv") != first.at("incidents/incidents.csv"));
  CHECK(different.at("patients.csv") != first.at("patients.csv"));
  CHECK(first.at("PLANTED.txt") == FormatPlanted(*one));
}

TEST_CASE("gen: row counts, identifiers and the planted summary") {
  TempFolder scratch;
  Diagnostics diagnostics;
  auto audit = Generate(3000, 4, scratch / "audit", 2, diagnostics);
  REQUIRE(audit);
  std::map<std::string, std::int64_t> rows;
  for (const GeneratedFile& file : audit->files) rows[file.path] = file.rows;
  CHECK(rows.at("incidents/incidents.csv") == 3000);
  CHECK(rows.at("patients.csv") == 1200);  // two patients for every five incidents
  CHECK(rows.at("admissions.csv") == 1200);
  CHECK(rows.at("staff.csv") == 180);  // six wards of thirty
  CHECK(rows.at("restrictions.csv") == 6);
  const std::string incidents = ReadText(scratch / "audit/incidents/incidents.csv");
  std::int64_t lines = 0;
  for (char c : incidents) lines += c == '\n';
  // Free text is quoted when it holds a comma but never holds a line break.
  CHECK(lines == 3001);
  CHECK(incidents.find("\nINC-0000001,") != std::string::npos);
  CHECK(incidents.find("\nINC-0003000,") != std::string::npos);
  CHECK(audit->as_of == "2025-12-31");
  CHECK(ReadText(scratch / "audit/uofa.yaml").find("as_of: 2025-12-31\n") != std::string::npos);
  const std::string planted = FormatPlanted(*audit);
  CHECK(planted.rfind("planted UOF-S6-5A: " + std::to_string(Planted(*audit, "UOF-S6-5A")) + "\n", 0) == 0);
  CHECK(planted.find("planted UOF-S3-4: 1\n") != std::string::npos);
  CHECK(planted.find("\nindeterminate NG10-PIR: " + std::to_string(audit->indeterminate.at(0).count) + "\nrows ") !=
        std::string::npos);
  CHECK(planted.find("\nrows incidents/incidents.csv: 3000\n") != std::string::npos);
  const auto json = nlohmann::json::parse(FormatPlantedJson(*audit));
  CHECK(json["as_of"] == "2025-12-31");
  CHECK(json["planted"]["UOF-S6-5A"] == Planted(*audit, "UOF-S6-5A"));
  CHECK(json["rows"]["incidents/incidents.csv"] == 3000);
  CHECK(json["planted"].size() == audit->planted.size());
  CHECK(json["indeterminate"]["NG10-PIR"] == audit->indeterminate.at(0).count);
}

TEST_CASE("gen: files are owner-only; a folder that is not empty is refused without force") {
  TempFolder scratch;
  Diagnostics diagnostics;
  REQUIRE(Generate(100, 1, scratch / "audit", 1, diagnostics));
  struct stat status {};
  REQUIRE(::stat((scratch / "audit").c_str(), &status) == 0);
  CHECK((status.st_mode & 0777) == 0700);
  REQUIRE(::stat((scratch / "audit/incidents").c_str(), &status) == 0);
  CHECK((status.st_mode & 0777) == 0700);
  for (const auto& [path, text] : Files(scratch.path() / "audit")) {
    REQUIRE(::stat((scratch.path() / "audit" / path).c_str(), &status) == 0);
    CAPTURE(path);
    CHECK((status.st_mode & 0777) == 0600);
  }

  Diagnostics refused;
  CHECK_FALSE(Generate(100, 1, scratch / "audit", 1, refused));
  REQUIRE(refused.Items().size() == 1);
  CHECK(refused.Format() ==
        scratch / "audit" + ": error: the output folder is not empty (use '--force' to write into it)\n");

  GenerateOptions forced;
  forced.incidents = 100;
  forced.seed = 2;
  forced.out_dir = scratch / "audit";
  forced.force = true;
  Diagnostics again;
  CHECK(GenerateAudit(forced, again));
  CHECK(again.Empty());

  Diagnostics none;
  GenerateOptions zero;
  zero.incidents = 0;
  zero.out_dir = scratch / "zero";
  CHECK_FALSE(GenerateAudit(zero, none));
  CHECK(none.Format() == "error: the number of incidents must be between 1 and 100000000, not 0\n");
}

#ifdef UOFA_BINARY
struct Run {
  int exit_code = -1;
  std::string output;  // standard output, then standard error
};

// The built uofa without the project's rules (gen reads none), stdout then stderr.
Run RunCommand(const std::string& arguments, const TempFolder& scratch) {
  const std::string out = scratch / "stdout.txt";
  const std::string err = scratch / "stderr.txt";
  const std::string command = std::string("'") + UOFA_BINARY + "' " + arguments + " > '" + out + "' 2> '" + err + "'";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadText(out) + ReadText(err)};
}

TEST_CASE("gen: the command prints the summary it writes to PLANTED.txt, and refuses a full folder") {
  TempFolder scratch;
  const std::string audit = scratch / "audit";
  Run run = RunCommand("gen --incidents 300 --seed 9 --out '" + audit + "'", scratch);
  CHECK(run.exit_code == 0);
  CHECK(run.output == ReadText(audit + "/PLANTED.txt"));
  CHECK(run.output.rfind("planted UOF-S6-5A: ", 0) == 0);
  CHECK(run.output.find("\nrows incidents/incidents.csv: 300\n") != std::string::npos);

  run = RunCommand("gen --incidents 300 --seed 9 --out '" + audit + "'", scratch);
  CHECK(run.exit_code == 2);
  CHECK(run.output == audit + ": error: the output folder is not empty (use '--force' to write into it)\n");

  run = RunCommand("gen -n 300 --seed 9 --out '" + audit + "' --force --format json", scratch);
  CHECK(run.exit_code == 0);
  const auto json = nlohmann::json::parse(run.output);
  CHECK(json["rows"]["incidents/incidents.csv"] == 300);
  CHECK(json["planted"].size() == 58);
}

// The benchmark's correctness check: for every rule the generator lists, `uofa check` fails
// exactly the planted number of records, and every other rule fails none.
TEST_CASE("gen: uofa check fails exactly the planted records, rule by rule") {
  // 5,000 incidents: more than the key pass reads before it makes room for the rest of the table.
  using SeedAndSize = std::pair<std::uint64_t, std::int64_t>;
  for (const auto& [seed, incidents] : {SeedAndSize{1, 5000}, SeedAndSize{2, 2000}}) {
    CAPTURE(seed);
    TempFolder scratch;
    Diagnostics diagnostics;
    auto audit = Generate(incidents, seed, scratch / "audit", 2, diagnostics);
    REQUIRE(audit);
    const std::string report = scratch / "report.json";
    const std::string command = std::string("'") + UOFA_BINARY + "' check '" + (scratch / "audit") +
                                "' --no-store -f json -o '" + report + "' --fail-on none --rules '" + UOFA_SOURCE_DIR +
                                "/rules' > '" + (scratch / "check.log") + "' 2>&1";
    const int status = std::system(command.c_str());
    CAPTURE(ReadText(scratch / "check.log"));
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    const auto json = nlohmann::json::parse(ReadText(report));
    std::map<std::string, std::int64_t> failed;
    std::map<std::string, std::int64_t> undecided;
    for (const auto& rule : json["rules"]) {
      failed[rule["id"]] = rule["counts"]["fail"].get<std::int64_t>();
      undecided[rule["id"]] = rule["counts"]["indeterminate"].get<std::int64_t>();
    }
    std::set<std::string> listed;
    std::int64_t planted_total = 0;
    for (const PlantedRule& rule : audit->planted) {
      CAPTURE(rule.rule_id);
      REQUIRE(failed.count(rule.rule_id) == 1);
      CHECK(failed.at(rule.rule_id) == rule.count);
      listed.insert(rule.rule_id);
      planted_total += rule.count;
    }
    CHECK(planted_total > 300);  // the planted gaps are there to be found, not all zero
    for (const auto& [rule_id, count] : failed) {
      if (listed.count(rule_id) == 0) {
        CAPTURE(rule_id);
        CHECK(count == 0);
      }
    }
    // Incidents without an end time leave NG10-PIR undecided, and nothing else.
    std::map<std::string, std::int64_t> expected_undecided;
    for (const PlantedRule& rule : audit->indeterminate) expected_undecided[rule.rule_id] = rule.count;
    REQUIRE(expected_undecided.size() == 1);
    CHECK(expected_undecided.at("NG10-PIR") > 0);
    for (const auto& [rule_id, count] : undecided) {
      CAPTURE(rule_id);
      CHECK(count == (expected_undecided.count(rule_id) ? expected_undecided.at(rule_id) : 0));
    }
    // The retired type codes are the only input problems, each a positioned warning.
    std::int64_t retired = 0;
    for (const auto& problem : json["input_problems"]) {
      CHECK(problem["severity"] == "warning");
      CHECK(problem["message"] == "'type_code': '02' is a retired code of 'ri_type'");
      ++retired;
    }
    CHECK(retired == Planted(*audit, "UOF-S6-5C"));
  }
}
#endif

}  // namespace
}  // namespace uofa
