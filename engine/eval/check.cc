// RunCheck: the `uofa check` pipeline behind the public API.
#include <memory>
#include <vector>

#include "engine/base/background_release.h"
#include "engine/eval/auditor.h"
#include "engine/eval/opened_audit.h"
#include "engine/eval/waivers.h"
#include "engine/pack/pack_loader.h"
#include "engine/pack/parameter_value.h"
#include "engine/sources/documents/document_source.h"
#include "engine/sources/record_source.h"
#include "engine/stats/folder_statistics.h"
#include "uofa/engine.h"

namespace uofa {

const char* Version() { return UOFA_VERSION; }

bool HasGapsAtOrAbove(const AuditResult& result, GapSeverity fail_on) {
  for (const RuleOutcome& rule : result.rules) {
    if (rule.status == RuleStatus::kGap && rule.severity >= fail_on) return true;
  }
  return false;
}

namespace {

void DescribePacks(const PackSet& packs, AuditResult& result) {
  for (const auto& pack : packs.packs) {
    result.packs.push_back({pack->id, pack->title, pack->version});
    for (const Parameter& parameter : pack->parameters) {
      result.parameters.push_back({pack->id, parameter.name, FormatParameterValue(parameter.type, parameter.value),
                                   FormatParameterValue(parameter.type, parameter.default_value), parameter.overridden,
                                   parameter.basis});
    }
  }
}

// uofa check FILE...: documents on their own, without an audit folder.
std::optional<AuditResult> RunDocumentCheck(const CheckOptions& options, Diagnostics& diagnostics) {
  std::optional<AuditDate> as_of = DecideAuditDate(options.as_of, std::nullopt, diagnostics);
  if (!as_of) return std::nullopt;
  LoadOptions load;
  load.rules_root = options.rules_root;
  load.read_examples = false;
  load.packs = options.packs;
  std::unique_ptr<PackSet> packs = LoadPacks(load, diagnostics);
  if (!packs) return std::nullopt;

  AuditResult result;
  result.tool_version = Version();
  result.as_of = as_of->text;
  result.identifiers_shown = options.show_identifiers;
  DescribePacks(*packs, result);

  SourceOptions source_options;
  source_options.schemas = &packs->schemas;
  source_options.parse.codes = &packs->codes;
  source_options.patient_information_title_patterns = PatientInformationTitlePatterns(*packs);
  Diagnostics input_problems;
  std::shared_ptr<const DocumentSet> documents =
      ReadDocuments(options.documents, {}, source_options, DocumentLimits{}, input_problems);
  std::vector<std::unique_ptr<RecordSource>> sources;
  for (const char* kind : {"policy_document", "policy_paragraph"}) {
    if (const RecordType* type = packs->schemas.Find(kind)) sources.push_back(MakeDocumentSource(documents, *type));
  }
  RunAudit(*packs, sources, AuditRunOptions{as_of->time, options.show_identifiers}, result, input_problems);
  // Only the document rules speak to documents checked on their own: every other rule would be
  // "not assessed" for want of an audit folder, which says nothing about the files given.
  std::erase_if(result.rules, [](const RuleOutcome& rule) {
    return rule.subject != "policy_document" && rule.subject != "policy_paragraph";
  });
  result.input_problems = input_problems.Items();
  return result;
}

// What an audit folder was read with, let go together: the sources first (their records use the
// packs' schemas).
struct ReadState {
  std::unique_ptr<OpenedAudit> audit;
  std::vector<std::unique_ptr<RecordSource>> sources;
};

}  // namespace

std::optional<AuditResult> RunCheck(const CheckOptions& options, Diagnostics& diagnostics) {
  if (!options.documents.empty()) return RunDocumentCheck(options, diagnostics);
  std::unique_ptr<OpenedAudit> audit =
      OpenAudit({options.audit_dir, options.rules_root, options.as_of, options.packs}, diagnostics);
  if (!audit) return std::nullopt;
  const PackSet& packs = *audit->packs;

  AuditResult result;
  result.tool_version = Version();
  result.audit_dir = options.audit_dir;
  result.as_of = audit->as_of.text;
  result.identifiers_shown = options.show_identifiers;
  DescribePacks(packs, result);

  Diagnostics input_problems;
  // A waiver file with problems does not stop the audit: the waivers with problems do not
  // waive, and the problems are reported with the input's.
  std::vector<std::string> rule_ids;
  for (const auto& pack : packs.packs) {
    for (const Rule& rule : pack->rules) rule_ids.push_back(rule.id);
  }
  WaiverFile waivers = ReadWaivers(options.audit_dir, rule_ids, input_problems);
  WaiverMatcher matcher(waivers.waivers, audit->as_of.text);
  // RunAudit reads a source again if a child table turns out not to be in its parents' order.
  SourceOptions source_options = audit->sources;
  source_options.child_order_checked_while_read = true;
  std::vector<std::unique_ptr<RecordSource>> sources =
      OpenAuditFolder(options.audit_dir, source_options, input_problems);
  AuditRunOptions run{audit->as_of.time, options.show_identifiers, &matcher};
  run.data_quality = &audit->settings.data_quality;
  run.codes = &packs.codes;
  RunAudit(packs, sources, run, result, input_problems);
  if (waivers.present) {
    for (RuleOutcome& check : WaiverChecks(waivers.waivers, audit->as_of.text)) {
      result.rules.push_back(std::move(check));
    }
  }
  result.input_problems = InPositionOrder(input_problems);
  if (options.statistics) {
    // The sources are read a second time: the audit has already reported every input problem,
    // so the second reading's are not repeated.
    Diagnostics repeated;
    stats::BuildOptions build;
    build.suppress = options.suppress_statistics;
    result.statistics =
        stats::FolderStatistics(options.audit_dir, packs, audit->sources, audit->as_of.time, build, repeated);
  }
  if (options.release_in_background) {
    ReleaseInBackground(
        std::make_shared<ReadState>(ReadState{std::move(audit), std::move(sources)}));
  }
  return result;
}

}  // namespace uofa
