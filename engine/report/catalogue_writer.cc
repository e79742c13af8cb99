#include "engine/report/catalogue_writer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include "engine/pack/parameter_value.h"
#include "engine/pack/yaml_checks.h"
#include "engine/pack/yaml_document.h"

namespace uofa::report {
namespace {

namespace fs = std::filesystem;

// ---- the coverage list ----

CoverageEntry ReadEntry(const YamlNode& node, const YamlChecker& check) {
  CoverageEntry entry;
  entry.at = LocationOf(check.source(), node);
  check.CheckKeys(node, "coverage entry", {"id", "description", "rules", "not_checkable"});
  if (auto id = check.String(node, "id")) entry.id = *id;
  if (entry.id.empty()) check.Error(node, "coverage entry has no 'id'");
  if (auto description = check.String(node, "description")) entry.description = *description;
  if (entry.description.empty() && !entry.id.empty()) {
    check.Error(node, "coverage entry '" + entry.id + "' has no 'description'");
  }
  if (const YamlNode* rules = node.Find("rules")) {
    entry.explicit_rules = true;
    for (const YamlNode* rule : check.ScalarList(node, "rules")) entry.rules.push_back(rule->value);
    if (rules->IsSequence() && entry.rules.empty()) {
      check.Error(*rules, "'rules' of coverage entry '" + entry.id +
                              "' is empty; leave it out to find the rules from their citations");
    }
  }
  if (const YamlNode* reason = node.Find("not_checkable")) {
    if (auto text = check.String(node, "not_checkable")) entry.not_checkable = *text;
    if (entry.not_checkable.empty() && reason->IsScalar()) {
      check.Error(*reason, "'not_checkable' needs the reason the entry cannot be checked");
    }
    if (entry.explicit_rules) {
      check.Error(*reason, "coverage entry '" + entry.id +
                               "' has both 'rules' and 'not_checkable'; keep one");
    }
  }
  return entry;
}

// ---- Markdown ----

// Text for one table cell: no line breaks, no unescaped column separators.
std::string Cell(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

// Running text: one paragraph, line breaks folded.
std::string Paragraph(std::string_view text) {
  std::string out = Cell(text);
  // A paragraph is not a table: the escape is not needed.
  std::string unescaped;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\\' && i + 1 < out.size() && out[i + 1] == '|') continue;
    unescaped += out[i];
  }
  return unescaped;
}

// The anchor GitHub and most renderers give a heading made of the text alone.
std::string Anchor(std::string_view heading) {
  std::string out;
  for (char c : heading) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_') out += static_cast<char>(std::tolower(u));
    else if (c == ' ') out += '-';
  }
  return out;
}

std::string RuleLink(const std::string& id) { return "[" + id + "](#" + Anchor(id) + ")"; }

std::string Trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  return std::string(text);
}

// `params.name` mentioned in an expression, sorted, each once.
void CollectParameters(std::string_view expression, std::set<std::string>* names) {
  constexpr std::string_view kPrefix = "params.";
  for (std::size_t at = expression.find(kPrefix); at != std::string_view::npos;
       at = expression.find(kPrefix, at + 1)) {
    if (at > 0) {
      unsigned char before = static_cast<unsigned char>(expression[at - 1]);
      if (std::isalnum(before) || before == '_' || before == '.') continue;
    }
    std::size_t end = at + kPrefix.size();
    while (end < expression.size() &&
           (std::isalnum(static_cast<unsigned char>(expression[end])) || expression[end] == '_')) {
      ++end;
    }
    if (end > at + kPrefix.size()) names->insert(std::string(expression.substr(at, end - at)));
  }
}

// An expression in a code block: `label` then the text, later lines indented to line up.
void WriteExpression(std::ostream& out, std::string_view label, std::string_view expression) {
  std::string text = Trimmed(expression);
  out << label;
  for (char c : text) {
    if (c == '\r') continue;
    out << c;
    if (c == '\n') out << std::string(label.size(), ' ');
  }
  out << '\n';
}

std::string Percent(double fraction) {
  double percent = fraction * 100.0;
  std::ostringstream text;
  if (std::abs(percent - std::round(percent)) < 1e-9) {
    text << static_cast<long long>(std::llround(percent));
  } else {
    text.precision(4);
    text << percent;
  }
  return text.str() + "%";
}

// Where a rule is written, relative to the rules folder: the same whichever path the packs were
// loaded by.
std::string RuleFile(const RulePack& pack, const Rule& rule) {
  fs::path directory = fs::path(pack.directory).lexically_normal();
  std::string folder = directory.filename().string();
  if (folder.empty()) folder = directory.parent_path().filename().string();
  fs::path file = fs::path(rule.defined_at.file).lexically_normal();
  fs::path relative = file.lexically_relative(directory);
  std::string name = relative.empty() || *relative.begin() == ".." ? file.filename().string()
                                                                   : relative.generic_string();
  return folder + "/" + name + ":" + std::to_string(rule.defined_at.line);
}

std::string Citations(const RulePack& pack, const std::vector<RuleCitation>& cites) {
  std::string out;
  for (const RuleCitation& cite : cites) {
    if (!out.empty()) out += "; ";
    out += cite.provision + " (";
    auto source = pack.sources.find(cite.source);
    if (source != pack.sources.end() && !source->second.url.empty()) {
      out += "[" + cite.source + "](" + source->second.url + ")";
    } else {
      out += cite.source;
    }
    out += ")";
  }
  return out;
}

void WritePack(std::ostream& out, const RulePack& pack) {
  out << "## " << pack.id << ": " << Paragraph(pack.title) << "\n\n";
  out << "- Instrument: " << Paragraph(pack.instrument) << "\n";
  if (!pack.version.empty()) out << "- Version: " << pack.version << "\n";
  out << "- Rules: " << pack.rules.size() << "\n\n";
  if (!pack.description.empty()) out << Paragraph(pack.description) << "\n\n";

  out << "### Sources\n\n";
  if (pack.sources.empty()) {
    out << "None.\n\n";
  } else {
    out << "| key | title | date | address |\n|---|---|---|---|\n";
    for (const auto& [key, source] : pack.sources) {
      out << "| " << Cell(key) << " | " << Cell(source.title) << " | " << Cell(source.date)
          << " | " << (source.url.empty() ? std::string() : "<" + Cell(source.url) + ">")
          << " |\n";
    }
    out << "\n";
  }

  out << "### Parameters\n\n";
  if (pack.parameters.empty()) {
    out << "None.\n\n";
  } else {
    out << "| parameter | type | default | unit | basis | cites | description |\n"
           "|---|---|---|---|---|---|---|\n";
    for (const Parameter& parameter : pack.parameters) {
      out << "| `params." << parameter.name << "` | " << ParameterTypeName(parameter.type)
          << " | " << Cell(FormatParameterValue(parameter.type, parameter.default_value)) << " | "
          << Cell(parameter.unit) << " | " << Cell(parameter.basis) << " | "
          << Cell(Citations(pack, parameter.cite)) << " | " << Cell(parameter.description)
          << " |\n";
    }
    out << "\n";
  }

  out << "### Rules\n\n";
  if (pack.rules.empty()) out << "None.\n\n";
  for (const Rule& rule : pack.rules) {
    out << "#### " << rule.id << "\n\n";
    out << "**" << Paragraph(rule.title) << "**\n\n";
    out << "- Subject: `" << rule.subject << "`; basis: " << rule.basis
        << "; severity: " << GapSeverityName(rule.severity);
    if (rule.target) out << "; target: " << Percent(*rule.target) << " of records pass";
    out << "\n";
    out << "- Cites: " << Citations(pack, rule.cite) << "\n";
    std::set<std::string> parameters;
    CollectParameters(rule.when_source, &parameters);
    CollectParameters(rule.require_source, &parameters);
    if (!parameters.empty()) {
      out << "- Parameters:";
      bool first = true;
      for (const std::string& name : parameters) {
        out << (first ? " `" : ", `") << name << "`";
        first = false;
      }
      out << "\n";
    }
    out << "- Defined in: `" << RuleFile(pack, rule) << "`\n\n";
    out << "```text\n";
    if (!Trimmed(rule.when_source).empty()) WriteExpression(out, "when:    ", rule.when_source);
    WriteExpression(out, "require: ", rule.require_source);
    out << "```\n\n";
    out << "Message: " << Paragraph(rule.message) << "\n\n";
    if (!Trimmed(rule.remedy).empty()) out << "Remedy: " << Paragraph(rule.remedy) << "\n\n";
  }
}

struct RuleRef {
  const RulePack* pack;
  const Rule* rule;
};

void WriteCoverage(std::ostream& out, const std::vector<CoverageSection>& sections,
                   const std::vector<RuleRef>& rules, RuleCatalogue* catalogue,
                   Diagnostics& diagnostics) {
  std::map<std::string, const Rule*, std::less<>> by_id;
  for (const RuleRef& ref : rules) by_id.emplace(ref.rule->id, ref.rule);
  std::set<std::string> mapped;  // rules some entry names or matches

  std::ostringstream tables;
  std::size_t checked = 0;
  for (const CoverageSection& section : sections) {
    tables << "### " << Paragraph(section.title) << "\n\n";
    tables << "| entry | what | checked by |\n|---|---|---|\n";
    for (const CoverageEntry& entry : section.entries) {
      ++catalogue->coverage_entries;
      std::vector<std::string> covering;
      if (entry.explicit_rules) {
        for (const std::string& id : entry.rules) {
          if (by_id.count(id) == 0) {
            diagnostics.Warning(entry.at, "coverage entry '" + entry.id + "' names rule '" + id +
                                              "', which no loaded pack has");
            continue;
          }
          covering.push_back(id);
        }
      } else if (entry.not_checkable.empty()) {
        for (const RuleRef& ref : rules) {
          for (const RuleCitation& cite : ref.rule->cite) {
            if (ProvisionCovers(entry.id, cite.provision)) {
              covering.push_back(ref.rule->id);
              break;
            }
          }
        }
      }
      for (const std::string& id : covering) mapped.insert(id);
      std::string checked_by;
      if (!entry.not_checkable.empty()) {
        ++catalogue->not_checkable;
        checked_by = "not checkable: " + Cell(entry.not_checkable);
      } else if (covering.empty()) {
        catalogue->not_covered.push_back({entry.id, entry.description, entry.at});
        checked_by = "**NOT COVERED**";
      } else {
        ++checked;
        for (const std::string& id : covering) {
          if (!checked_by.empty()) checked_by += ", ";
          checked_by += RuleLink(id);
        }
      }
      tables << "| " << Cell(entry.id) << " | " << Cell(entry.description) << " | " << checked_by
             << " |\n";
    }
    tables << "\n";
  }

  out << "## Coverage\n\n"
         "The provisions and points the packs should check, from the coverage list "
         "(`coverage.yaml`), with the rules that check each. Unless an entry names its rules, a rule checks it when one of the rule's "
         "citations is the entry's provision or a part of it (`s.6(5)` is checked by a rule "
         "citing `s.6(5)(a)`).\n\n";
  out << catalogue->coverage_entries << " entries: " << checked << " checked, "
      << catalogue->not_checkable << " not checkable, " << catalogue->not_covered.size()
      << " not covered.\n\n";
  out << tables.str();

  std::vector<std::string> unmapped;
  for (const RuleRef& ref : rules) {
    if (mapped.count(ref.rule->id) == 0) unmapped.push_back(ref.rule->id);
  }
  if (!unmapped.empty()) {
    out << "### Rules no entry lists\n\n";
    for (const std::string& id : unmapped) out << "- " << RuleLink(id) << "\n";
    out << "\n";
  }
}

}  // namespace

bool ProvisionCovers(std::string_view entry, std::string_view provision) {
  if (entry.empty()) return false;
  if (provision == entry) return true;
  return provision.size() > entry.size() && provision.substr(0, entry.size()) == entry &&
         provision[entry.size()] == '(';
}

std::vector<CoverageSection> LoadCoverageList(const std::string& path, Diagnostics& diagnostics) {
  std::vector<CoverageSection> sections;
  YamlDocument document = ReadYamlFile(path, diagnostics);
  if (document.root == nullptr) return sections;
  YamlChecker check(document.source, diagnostics);
  const YamlNode& root = *document.root;
  if (!check.ExpectMapping(root, "the coverage list")) return sections;
  check.CheckKeys(root, "the coverage list", {"sections"});
  const YamlNode* list = root.Find("sections");
  if (list == nullptr) {
    check.Error(root, "the coverage list has no 'sections'");
    return sections;
  }
  if (!check.ExpectSequence(*list, "'sections'")) return sections;
  std::map<std::string, SourceLocation> seen;
  for (const YamlNodePtr& item : list->items) {
    if (!check.ExpectMapping(*item, "a section")) continue;
    check.CheckKeys(*item, "section", {"title", "entries"});
    CoverageSection section;
    if (auto title = check.String(*item, "title")) section.title = *title;
    if (section.title.empty()) check.Error(*item, "section has no 'title'");
    const YamlNode* entries = item->Find("entries");
    if (entries == nullptr) {
      check.Error(*item, "section has no 'entries'");
    } else if (check.ExpectSequence(*entries, "'entries'")) {
      for (const YamlNodePtr& node : entries->items) {
        if (!check.ExpectMapping(*node, "a coverage entry")) continue;
        CoverageEntry entry = ReadEntry(*node, check);
        if (entry.id.empty()) continue;
        auto [first, inserted] = seen.emplace(entry.id, entry.at);
        if (!inserted) {
          check.Error(*node, "duplicate coverage entry '" + entry.id + "'");
          diagnostics.Add({Severity::kNote, first->second, "first defined here",
                           std::string(document.source.Line(first->second.line)), {}, {}});
          continue;
        }
        section.entries.push_back(std::move(entry));
      }
    }
    sections.push_back(std::move(section));
  }
  return sections;
}

RuleCatalogue RenderCatalogue(const PackSet& packs, const std::vector<CoverageSection>& sections,
                              bool with_coverage, Diagnostics& diagnostics) {
  RuleCatalogue catalogue;
  std::vector<RuleRef> rules;
  for (const auto& pack : packs.packs) {
    for (const Rule& rule : pack->rules) rules.push_back({pack.get(), &rule});
  }

  std::ostringstream out;
  out << "# Rule catalogue\n\n"
         "Every rule of the loaded packs: what it checks, on which records, and on what authority"
      << (with_coverage ? "; then how far the provisions of the coverage list are checked" : "")
      << ". Generated by `uofa rules doc`; do not edit by hand. Regenerate with "
         "`uofa rules doc -o rules/CATALOGUE.md --rules rules`.\n\n";
  out << "| pack | title | version | rules |\n|---|---|---|---|\n";
  for (const auto& pack : packs.packs) {
    out << "| " << Cell(pack->id) << " | " << Cell(pack->title) << " | " << Cell(pack->version)
        << " | " << pack->rules.size() << " |\n";
  }
  out << "\n" << rules.size() << (rules.size() == 1 ? " rule" : " rules") << " in "
      << packs.packs.size() << (packs.packs.size() == 1 ? " pack" : " packs") << ".\n\n";
  for (const auto& pack : packs.packs) WritePack(out, *pack);
  if (with_coverage) WriteCoverage(out, sections, rules, &catalogue, diagnostics);
  catalogue.markdown = out.str();
  // One trailing newline, whatever the last section wrote.
  while (catalogue.markdown.size() >= 2 &&
         catalogue.markdown.compare(catalogue.markdown.size() - 2, 2, "\n\n") == 0) {
    catalogue.markdown.pop_back();
  }
  return catalogue;
}

}  // namespace uofa::report

namespace uofa {

RuleCatalogue WriteRuleCatalogue(const RuleBook& book, const CatalogueOptions& options,
                                 Diagnostics& diagnostics) {
  std::vector<report::CoverageSection> sections;
  bool with_coverage = !options.coverage_path.empty();
  if (with_coverage) sections = report::LoadCoverageList(options.coverage_path, diagnostics);
  return report::RenderCatalogue(book.packs(), sections, with_coverage, diagnostics);
}

}  // namespace uofa
