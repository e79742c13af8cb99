#include "engine/store/run_writer.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "engine/base/sha256.h"

namespace uofa {
namespace {

std::string EvidenceJson(const std::vector<Evidence>& evidence) {
  nlohmann::json items = nlohmann::json::array();
  for (const Evidence& item : evidence)
    items.push_back({{"field", item.field}, {"value", item.value}});
  return items.dump();
}

// The input's path may be relative to the audit folder or to the working directory.
std::optional<std::string> HashInput(const std::string& audit_dir, const std::string& path) {
  std::error_code error;
  std::filesystem::path candidate(path);
  if (!std::filesystem::is_regular_file(candidate, error)) {
    candidate = std::filesystem::path(audit_dir) / path;
    if (!std::filesystem::is_regular_file(candidate, error)) return std::nullopt;
  }
  return Sha256OfFile(candidate.string());
}

// "incidents/incidents.csv" for "audit/incidents/incidents.csv": stable however the folder was
// named.
std::string RelativeToAudit(const std::string& audit_dir, const std::string& path) {
  std::string prefix = audit_dir;
  while (prefix.size() > 1 && prefix.back() == '/') prefix.pop_back();
  prefix += '/';
  if (path.rfind(prefix, 0) == 0) return path.substr(prefix.size());
  return path;
}

void WriteFindings(SQLite::Database& database, std::int64_t run, const RuleOutcome& rule,
                   std::size_t& written, const FindingWrittenHook& hook) {
  SQLite::Statement insert(database,
                           "INSERT INTO findings (run_id, rule_id, position, record_id, verdict, "
                           "severity, file, line, column, message, evidence, waiver_state, "
                           "waiver_justification, waiver_approved_by, waiver_expires) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  int position = 0;
  for (const Finding& finding : rule.findings) {
    insert.reset();
    insert.clearBindings();
    insert.bind(1, static_cast<std::int64_t>(run));
    insert.bind(2, rule.id);
    insert.bind(3, position++);
    insert.bind(4, finding.record_id);
    insert.bind(5, VerdictName(finding.verdict));
    insert.bind(6, GapSeverityName(rule.severity));
    insert.bind(7, finding.location.file);
    insert.bind(8, finding.location.line);
    insert.bind(9, finding.location.column);
    insert.bind(10, finding.verdict == Verdict::kIndeterminate ? finding.detail : rule.message);
    insert.bind(11, EvidenceJson(finding.evidence));
    insert.bind(12, finding.waiver ? "waived" : "none");
    if (finding.waiver) {
      insert.bind(13, finding.waiver->justification);
      insert.bind(14, finding.waiver->approved_by);
      insert.bind(15, finding.waiver->expires);
    }
    insert.exec();
    ++written;
    if (hook) hook(written);
  }
}

}  // namespace

std::string AuditKey(const std::string& audit_dir) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(audit_dir, error);
  if (error) return audit_dir;
  std::filesystem::path normal = std::filesystem::weakly_canonical(absolute, error);
  if (error) normal = absolute.lexically_normal();
  std::string key = normal.string();
  while (key.size() > 1 && key.back() == '/') key.pop_back();
  return key;
}

std::string NowUtc() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::int64_t WriteRun(SQLite::Database& database, const AuditResult& result,
                      const std::string& recorded_at, const FindingWrittenHook& hook) {
  // Every file the result rests on: the record inputs, then the settings and waivers that
  // shaped it. Hashed before the transaction, so that the store is locked only while written.
  struct StoredInput {
    std::string path;
    std::string kind;
    std::size_t rows;
    std::optional<std::string> sha256;
  };
  std::vector<StoredInput> inputs;
  for (const InputSummary& input : result.inputs) {
    inputs.push_back({RelativeToAudit(result.audit_dir, input.path), input.kind, input.rows,
                      HashInput(result.audit_dir, input.path)});
  }
  for (const char* name : {"uofa.yaml", "waivers.yaml"}) {
    std::optional<std::string> hash =
        Sha256OfFile((std::filesystem::path(result.audit_dir) / name).string());
    if (hash)
      inputs.push_back({name, name == std::string("uofa.yaml") ? "settings" : "waivers", 0, hash});
  }

  SQLite::Transaction transaction(database);
  SQLite::Statement run(database,
                        "INSERT INTO runs (recorded_at, audit_dir, as_of, tool_version, "
                        "identifiers_shown, records_read, records_evaluated, records_rejected) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  run.bind(1, recorded_at);
  run.bind(2, AuditKey(result.audit_dir));
  run.bind(3, result.as_of);
  run.bind(4, result.tool_version);
  run.bind(5, result.identifiers_shown ? 1 : 0);
  run.bind(6, static_cast<std::int64_t>(result.records_read));
  run.bind(7, static_cast<std::int64_t>(result.records_evaluated));
  run.bind(8, static_cast<std::int64_t>(result.records_rejected));
  run.exec();
  const std::int64_t run_id = database.getLastInsertRowid();

  SQLite::Statement pack(database, "INSERT INTO run_packs VALUES (?, ?, ?, ?, ?)");
  int position = 0;
  for (const PackSummary& summary : result.packs) {
    pack.reset();
    pack.bind(1, static_cast<std::int64_t>(run_id));
    pack.bind(2, position++);
    pack.bind(3, summary.id);
    pack.bind(4, summary.title);
    pack.bind(5, summary.version);
    pack.exec();
  }
  SQLite::Statement parameter(database, "INSERT INTO run_parameters VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const ParameterValue& value : result.parameters) {
    parameter.reset();
    parameter.bind(1, static_cast<std::int64_t>(run_id));
    parameter.bind(2, value.pack);
    parameter.bind(3, value.name);
    parameter.bind(4, value.value);
    parameter.bind(5, value.default_value);
    parameter.bind(6, value.overridden ? 1 : 0);
    parameter.bind(7, value.basis);
    parameter.exec();
  }
  SQLite::Statement input(database, "INSERT INTO run_inputs VALUES (?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    input.reset();
    input.clearBindings();
    input.bind(1, static_cast<std::int64_t>(run_id));
    input.bind(2, static_cast<int>(i));
    input.bind(3, inputs[i].path);
    input.bind(4, inputs[i].kind);
    input.bind(5, static_cast<std::int64_t>(inputs[i].rows));
    if (inputs[i].sha256) input.bind(6, *inputs[i].sha256);
    input.exec();
  }
  SQLite::Statement rule(database,
                         "INSERT INTO run_rules (run_id, position, rule_id, pack_id, title, "
                         "severity, status, target, passed, failed, not_applicable, "
                         "indeterminate, waived) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  std::size_t written = 0;
  position = 0;
  for (const RuleOutcome& outcome : result.rules) {
    rule.reset();
    rule.clearBindings();
    rule.bind(1, static_cast<std::int64_t>(run_id));
    rule.bind(2, position++);
    rule.bind(3, outcome.id);
    rule.bind(4, outcome.pack);
    rule.bind(5, outcome.title);
    rule.bind(6, GapSeverityName(outcome.severity));
    rule.bind(7, RuleStatusName(outcome.status));
    if (outcome.target) rule.bind(8, *outcome.target);
    rule.bind(9, static_cast<std::int64_t>(outcome.passed));
    rule.bind(10, static_cast<std::int64_t>(outcome.failed));
    rule.bind(11, static_cast<std::int64_t>(outcome.not_applicable));
    rule.bind(12, static_cast<std::int64_t>(outcome.indeterminate));
    rule.bind(13, static_cast<std::int64_t>(outcome.waived));
    rule.exec();
    WriteFindings(database, run_id, outcome, written, hook);
  }
  transaction.commit();
  return run_id;
}

}  // namespace uofa
