// Hostile audit folders: symbolic links that lead out of the folder are refused before anything
// is read, and the command exits with status 2 on each kind of hostile input.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "engine/sources/audit_paths.h"
#include "tests/unit/hostile/hostile_support.h"
#include "uofa/engine.h"

namespace uofa {
namespace {

namespace fs = std::filesystem;

std::string Rules() { return std::string(UOFA_SOURCE_DIR) + "/rules"; }

// An audit folder with one patient and one incident, both readable.
std::string MakeAudit(const testing::TempFolder& scratch) {
  scratch.Write("audit/uofa.yaml", "as_of: 2025-12-31\npacks: [uof-act-2018]\n");
  scratch.Write("audit/patients.csv", "patient_id,name\nP1,A Patient\n");
  scratch.Write("audit/incidents/incidents.csv",
                "incident_id,patient_id,started_at\nINC-1,P1,2024-01-01T10:00\n");
  return scratch / "audit";
}

std::optional<AuditResult> Check(const std::string& audit, Diagnostics& diagnostics) {
  CheckOptions options;
  options.audit_dir = audit;
  options.rules_root = Rules();
  return RunCheck(options, diagnostics);
}

TEST_CASE("hostile: a linked incidents folder outside the audit folder is refused") {
  testing::TempFolder scratch;
  std::string audit = MakeAudit(scratch);
  fs::rename(audit + "/incidents", scratch / "elsewhere");
  fs::create_directory_symlink(scratch / "elsewhere", audit + "/incidents");
  Diagnostics diagnostics;
  CHECK_FALSE(Check(audit, diagnostics).has_value());
  REQUIRE(diagnostics.ErrorCount() == 1);
  std::string target = fs::weakly_canonical(scratch / "elsewhere").string();
  CHECK(diagnostics.Format() == audit + "/incidents: error: symbolic link leads outside the audit "
                                        "folder (to '" + target + "'); refused: copy the file "
                                        "into the folder instead\n");
}

TEST_CASE("hostile: patients.csv linked to /etc/passwd is refused, a link inside is not") {
  testing::TempFolder scratch;
  std::string audit = MakeAudit(scratch);
  fs::rename(audit + "/patients.csv", audit + "/patients-2025.csv");
  fs::create_symlink("patients-2025.csv", audit + "/patients.csv");
  Diagnostics inside;
  CHECK(Check(audit, inside).has_value());
  CHECK(inside.ErrorCount() == 0);

  fs::remove(audit + "/patients.csv");
  fs::create_symlink("/etc/passwd", audit + "/patients.csv");
  Diagnostics outside;
  CHECK_FALSE(Check(audit, outside).has_value());
  CHECK(outside.Format() == audit + "/patients.csv: error: symbolic link leads outside the audit "
                                    "folder (to '/etc/passwd'); refused: copy the file into the "
                                    "folder instead\n");

  testing::CommandRun run = testing::RunUofa("check '" + audit + "'", scratch);
  CHECK(run.exit_code == 2);
  CHECK(run.output.find("patients.csv: error: symbolic link leads outside the audit folder") !=
        std::string::npos);
  CHECK(run.output.find("root:") == std::string::npos);
}

TEST_CASE("hostile: links through '..' and dangling links") {
  testing::TempFolder scratch;
  std::string audit = MakeAudit(scratch);
  fs::create_symlink("../elsewhere/uofa.yaml", audit + "/organisation.yaml");
  Diagnostics diagnostics;
  CHECK_FALSE(CheckAuditFolderLinks(audit, diagnostics));
  CHECK(diagnostics.ErrorCount() == 1);
  CHECK(ResolvesInsideAuditFolder(audit, audit + "/incidents/incidents.csv"));
  CHECK_FALSE(ResolvesInsideAuditFolder(audit, audit + "/../x"));
  CHECK_FALSE(ResolvesInsideAuditFolder(audit, audit + "-sibling/x"));
}

TEST_CASE("hostile: the command exits 2 on hostile data") {
  testing::TempFolder scratch;
  std::string audit = MakeAudit(scratch);
  scratch.Write("audit/patients.csv", "patient_id,name\nP1,Caf\xE9\n");
  testing::CommandRun latin1 = testing::RunUofa("check '" + audit + "' --fail-on none", scratch);
  CHECK(latin1.exit_code == 2);
  CHECK(latin1.output.find("patients.csv:2:7: error: ") != std::string::npos);

  scratch.Write("audit/patients.csv", "patient_id,name\nP1,A Patient\n");
  scratch.Write("audit/uofa.yaml", "as_of: 2025-12-31\npacks: [uof-act-2018, uof-guidance-2021]\n");
  std::string bomb = "ods_code: RXX\nw: &w [";
  for (int i = 0; i < 1001; ++i) bomb += (i ? ", W" : "W") + std::to_string(i);
  bomb += "]\nu: &u {name: Oak, wards: *w}\nunits: [";
  for (int i = 0; i < 1001; ++i) bomb += (i ? ", *u" : "*u");
  bomb += "]\n";
  scratch.Write("audit/organisation.yaml", bomb);
  testing::CommandRun aliases = testing::RunUofa("check '" + audit + "' --fail-on none", scratch);
  CHECK(aliases.exit_code == 2);
  CHECK(aliases.output.find("organisation.yaml: error: document is too large once its aliases "
                            "are expanded") != std::string::npos);

  scratch.Write("audit/organisation.yaml",
                "ods_code: RXX\nunits: " + std::string(10000, '[') + std::string(10000, ']') + "\n");
  testing::CommandRun deep = testing::RunUofa("check '" + audit + "' --fail-on none", scratch);
  CHECK(deep.exit_code == 2);
  CHECK(deep.output.find("organisation.yaml:2:") != std::string::npos);
}

}  // namespace
}  // namespace uofa
