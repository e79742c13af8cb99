#include "engine/eval/opened_audit.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>
#include <tuple>

#include "engine/eval/mapping_settings.h"
#include "engine/sources/audit_paths.h"

namespace uofa {
namespace {

std::string Today() {
  auto now = std::chrono::system_clock::now();
  std::int64_t seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  return FormatLocalDate(Timestamp{seconds, 0});
}

}  // namespace

std::optional<AuditDate> DecideAuditDate(const std::optional<std::string>& given,
                                         const std::optional<std::string>& from_settings,
                                         Diagnostics& diagnostics) {
  std::string text = given.value_or(from_settings.value_or(Today()));
  std::string error;
  std::optional<Timestamp> time = ParseDate(text, &error);
  if (!time) {
    diagnostics.Error({}, "invalid --as-of date: " + error);
    return std::nullopt;
  }
  return AuditDate{text, *time};
}

std::vector<std::string> PatientInformationTitlePatterns(const PackSet& packs) {
  std::vector<std::string> patterns;
  for (const auto& pack : packs.packs) {
    for (const Parameter& parameter : pack->parameters) {
      if (parameter.name != "patient_information_title_patterns" || parameter.value.kind() != ValueKind::kList) {
        continue;
      }
      for (const Value& item : parameter.value.as_list()) {
        if (item.kind() == ValueKind::kString) patterns.emplace_back(item.as_string());
      }
      return patterns;
    }
  }
  return patterns;
}

std::unique_ptr<OpenedAudit> OpenAudit(const AuditRequest& request, Diagnostics& diagnostics) {
  std::error_code error;
  if (!std::filesystem::is_directory(request.audit_dir, error)) {
    diagnostics.Error({request.audit_dir, 0, 0}, "not an audit folder (no such directory)");
    return nullptr;
  }
  // Before anything is read, settings included: a symbolic link out of the folder would make the
  // audit read, and quote in its messages, files it was not given.
  if (!CheckAuditFolderLinks(request.audit_dir, diagnostics)) return nullptr;
  auto audit = std::make_unique<OpenedAudit>();
  audit->settings = ReadAuditSettings(request.audit_dir, diagnostics);
  if (diagnostics.HasErrors()) return nullptr;
  std::optional<AuditDate> as_of = DecideAuditDate(request.as_of, audit->settings.as_of, diagnostics);
  if (!as_of) return nullptr;
  audit->as_of = *as_of;

  LoadOptions load;
  load.rules_root = request.rules_root;
  load.packs = request.packs.empty() ? audit->settings.packs : request.packs;
  load.overrides = audit->settings.overrides;
  load.read_examples = false;
  audit->packs = LoadPacks(load, diagnostics);
  if (!audit->packs) return nullptr;
  CheckMappings(audit->settings.mappings, audit->packs->schemas, diagnostics);
  if (diagnostics.HasErrors()) return nullptr;

  SourceOptions& sources = audit->sources;
  sources.schemas = &audit->packs->schemas;
  sources.parse.codes = &audit->packs->codes;
  sources.parse.schemas = &audit->packs->schemas;
  sources.parse.mappings = &audit->settings.mappings;
  sources.patient_information_title_patterns = PatientInformationTitlePatterns(*audit->packs);
  return audit;
}

std::vector<Diagnostic> InPositionOrder(const Diagnostics& problems) {
  std::vector<Diagnostic> ordered = problems.Items();
  std::stable_sort(ordered.begin(), ordered.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.file, a.location.line, a.location.column) <
           std::tie(b.location.file, b.location.line, b.location.column);
  });
  return ordered;
}

}  // namespace uofa
