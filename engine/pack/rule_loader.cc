// Rule files: a YAML sequence of rules -> Rule, with expressions compiled against the subject's
// schema and example records built; each problem reported at its node.
#include <algorithm>
#include <exception>
#include <filesystem>
#include <iterator>
#include <system_error>

#include "engine/base/parallel.h"
#include "engine/base/time.h"
#include "engine/pack/example_record.h"
#include "engine/pack/load_context.h"

namespace uofa {
namespace {

const std::vector<std::string>& RuleKeys() {
  static const std::vector<std::string> keys = {
      "id",   "title",   "subject", "basis",  "severity", "cite",    "when",
      "require", "message", "remedy", "target", "examples"};
  return keys;
}

// Reads one rule file. Touches nothing shared but to read it: the packs, schemas and code lists
// are loaded, and what it finds goes to its own rules and problems.
class RuleReader {
 public:
  RuleReader(const LoadContext& context, const RulePack& pack, const YamlDocument& document,
             const std::map<std::string, Value, std::less<>>& params, Diagnostics& sink)
      : context_(context), pack_(pack), document_(document), check_(document.source, sink),
        sink_(sink), params_(params) {}

  void ReadFile(std::vector<Rule>& rules, std::vector<RuleSite>& sites) {
    const YamlNode& root = *document_.root;
    if (root.IsNull()) return;  // an empty rule file holds no rules
    if (!check_.ExpectSequence(root, "a rule file")) return;
    for (const YamlNodePtr& item : root.items) {
      std::optional<Rule> rule = ReadRule(*item, sites);
      if (rule) rules.push_back(std::move(*rule));
    }
  }

 private:
  std::string Name(const Rule& rule) const {
    return rule.id.empty() ? std::string("rule") : "rule '" + rule.id + "'";
  }

  std::optional<Rule> ReadRule(const YamlNode& node, std::vector<RuleSite>& sites) {
    if (!check_.ExpectMapping(node, "a rule")) return std::nullopt;
    check_.CheckKeys(node, "rule", RuleKeys());
    Rule rule;
    rule.defined_at = LocationOf(check_.source(), node);
    if (const YamlNode* id = check_.ScalarNode(node, "id")) {
      rule.id = id->value;
      sites.push_back({rule.id, &check_.source(), id});
      for (const YamlEntry& entry : node.entries) {
        if (entry.value.get() == id) rule.defined_at = LocationOf(check_.source(), *entry.key);
      }
    }
    const std::string name = Name(rule);
    for (const char* key : {"id", "title", "subject", "basis", "severity", "cite", "require",
                            "message", "examples"}) {
      const YamlNode* value = node.Find(key);
      if (value == nullptr || (value->IsNull() && std::string_view(key) != "cite")) {
        check_.Error(node, name + " has no '" + key + "'");
      }
    }
    if (auto text = check_.String(node, "title")) rule.title = *text;
    if (auto text = check_.String(node, "message")) rule.message = *text;
    if (auto text = check_.String(node, "remedy")) rule.remedy = *text;
    if (const YamlNode* subject = check_.ScalarNode(node, "subject")) {
      rule.subject = subject->value;
      rule.subject_type = context_.set.schemas.Find(subject->value);
      if (rule.subject_type == nullptr) ReportUnknownSubject(*subject);
    }
    if (const YamlNode* basis = check_.ScalarNode(node, "basis")) {
      if (CheckBasis(check_, *basis)) rule.basis = basis->value;
    }
    if (const YamlNode* severity = check_.ScalarNode(node, "severity")) {
      if (std::optional<GapSeverity> parsed = ParseGapSeverity(severity->value)) {
        rule.severity = *parsed;
      } else {
        check_.Error(*severity, "unknown severity '" + severity->value +
                                    "' (expected high, medium or low)");
      }
    }
    if (const YamlNode* cite = node.Find("cite")) {
      rule.cite = ReadCitations(check_, *cite, pack_, name);
    }
    if (const YamlNode* target = check_.ScalarNode(node, "target")) {
      std::optional<double> value = ParseYamlNumber(target->value);
      if (!value || *value < 0.0 || *value > 1.0) {
        check_.Error(*target, "'target' must be a number from 0 to 1, not '" + target->value + "'");
      } else {
        rule.target = *value;
      }
    }
    if (const YamlNode* when = check_.ScalarNode(node, "when")) {
      rule.when_source = when->value;
      rule.when = CompileExpression(rule, *when);
    }
    if (const YamlNode* require = check_.ScalarNode(node, "require")) {
      rule.require_source = require->value;
      rule.require = CompileExpression(rule, *require);
    }
    const YamlNode* examples = node.Find("examples");
    bool wanted = context_.options.read_examples || context_.options.strict;
    if (wanted && examples && !examples->IsNull()) {
      ReadExamples(rule, *examples);
    }
    if (context_.options.strict) CheckStrict(rule, node);
    return rule;
  }

  void ReportUnknownSubject(const YamlNode& subject) {
    std::vector<std::string> known;
    for (const RecordType* type : context_.set.schemas.All()) known.push_back(type->name());
    std::vector<std::string> files = YamlStemsIn(context_.options.rules_root + "/schema");
    if (std::find(files.begin(), files.end(), subject.value) != files.end()) {
      check_.Error(subject, "subject kind '" + subject.value + "' is not among the 'schemas' of pack '" +
                                pack_.id + "'");
      return;
    }
    known.insert(known.end(), files.begin(), files.end());
    check_.Error(subject, "unknown subject kind '" + subject.value + "'" +
                              DidYouMean(subject.value, known));
  }

  std::unique_ptr<const expr::Program> CompileExpression(const Rule& rule, const YamlNode& scalar) {
    if (rule.subject_type == nullptr) return nullptr;  // the subject is already reported
    expr::CompileEnvironment environment;
    environment.subject = rule.subject_type;
    environment.params = &params_;
    environment.codes = &context_.set.codes;
    environment.commencement = &pack_.commencement;
    std::vector<expr::ExpressionError> errors;
    std::unique_ptr<const expr::Program> program = expr::Compile(scalar.value, environment, &errors);
    for (const expr::ExpressionError& error : errors) {
      std::size_t offset = ScalarFileOffset(check_.source(), scalar, error.offset);
      check_.source().Error(sink_, offset, error.message);
    }
    if (program == nullptr && errors.empty()) check_.Error(scalar, "expression does not compile");
    if (!errors.empty()) return nullptr;
    return program;
  }

  void ReadExamples(Rule& rule, const YamlNode& examples) {
    if (!check_.ExpectSequence(examples, "'examples'")) return;
    for (const YamlNodePtr& item : examples.items) {
      if (!check_.ExpectMapping(*item, "an example")) continue;
      const YamlNode& node = *item;
      check_.CheckKeys(node, "example", {"name", "expect", "as_of", "record"});
      RuleExample example;
      example.at = LocationOf(check_.source(), node);
      bool usable = true;
      if (auto name = check_.String(node, "name")) {
        example.name = *name;
      } else if (node.Find("name") == nullptr || node.Find("name")->IsNull()) {
        check_.Error(node, "example of " + Name(rule) + " has no 'name'");
      }
      const YamlNode* expect = check_.ScalarNode(node, "expect");
      if (expect == nullptr) {
        if (node.Find("expect") == nullptr || node.Find("expect")->IsNull()) {
          check_.Error(node, "example of " + Name(rule) + " has no 'expect'");
        }
        usable = false;
      } else if (std::optional<Verdict> verdict = ParseVerdict(expect->value)) {
        example.expect = *verdict;
      } else {
        check_.Error(*expect, "unknown verdict '" + expect->value +
                                  "' (expected pass, fail, not_applicable or indeterminate)");
        usable = false;
      }
      if (const YamlNode* as_of = check_.ScalarNode(node, "as_of")) {
        std::string error;
        example.as_of = ParseDateTime(as_of->value, &error);
        if (!example.as_of) {
          check_.Error(*as_of, error.empty() ? "'" + as_of->value + "' is not a valid date" : error);
        }
      }
      const YamlNode* record = node.Find("record");
      if (record == nullptr) {
        check_.Error(node, "example of " + Name(rule) + " has no 'record'");
        usable = false;
      } else if (!record->IsNull() && !check_.ExpectMapping(*record, "'record'")) {
        usable = false;
      } else if (rule.subject_type != nullptr) {
        example.record = BuildRecordFromYaml(*rule.subject_type, *record, context_.set.codes, check_);
      }
      if (usable) rule.examples.push_back(std::move(example));
    }
  }

  void CheckStrict(const Rule& rule, const YamlNode& node) {
    bool pass = false, fail = false;
    for (const RuleExample& example : rule.examples) {
      pass = pass || example.expect == Verdict::kPass;
      fail = fail || example.expect == Verdict::kFail;
    }
    const YamlNode* at = node.Find("examples");
    if (at == nullptr || at->IsNull()) return;  // no examples at all: reported already
    for (const YamlEntry& entry : node.entries) {
      if (entry.value.get() == at) at = entry.key.get();
    }
    if (!pass) check_.Error(*at, Name(rule) + " has no 'pass' example (required in strict mode)");
    if (!fail) check_.Error(*at, Name(rule) + " has no 'fail' example (required in strict mode)");
  }

  const LoadContext& context_;
  const RulePack& pack_;
  const YamlDocument& document_;
  YamlChecker check_;
  Diagnostics& sink_;
  const std::map<std::string, Value, std::less<>>& params_;
};

// One rule file: found and parsed in turn, then read on any thread.
struct RuleFile {
  RulePack* pack = nullptr;
  const std::map<std::string, Value, std::less<>>* params = nullptr;
  const YamlDocument* document = nullptr;  // null: nothing to read
  Diagnostics problems;                    // finding and parsing it, then reading it
  std::vector<Rule> rules;
  std::vector<RuleSite> sites;
};

}  // namespace

void LoadRuleFiles(LoadContext& context, const std::vector<PackManifest>& manifests,
                   std::vector<RuleSite>& sites) {
  // Each pack's parameters as the expressions' `params`, once per pack.
  std::vector<std::map<std::string, Value, std::less<>>> params(manifests.size());
  std::size_t count = 0;
  for (std::size_t m = 0; m < manifests.size(); ++m) {
    for (const Parameter& parameter : manifests[m].pack->parameters) {
      params[m].emplace(parameter.name, parameter.value);
    }
    count += manifests[m].rule_files.size();
  }
  // Finding and parsing the files stays on this thread (the context's documents are not shared
  // between threads), in order.
  std::vector<RuleFile> files(count);
  std::size_t at = 0;
  for (std::size_t m = 0; m < manifests.size(); ++m) {
    for (const NameReference& name : manifests[m].rule_files) {
      RuleFile& file = files[at++];
      file.pack = manifests[m].pack;
      file.params = &params[m];
      std::error_code error;
      if (name.node != nullptr && !std::filesystem::is_regular_file(name.name, error)) {
        context.ErrorAt(name, "cannot read rule file '" + name.name + "'", file.problems);
        continue;
      }
      const YamlDocument& document = context.Read(name.name, file.problems);
      if (document.root) file.document = &document;
    }
  }
  // Compiling the rules' expressions (and their patterns) is most of the work: a file per task,
  // the longest files first, so that a long one does not start last and keep one core busy alone.
  std::vector<std::size_t> order(files.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto length = [&](std::size_t i) {
    return files[i].document != nullptr ? files[i].document->source.text().size() : 0;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return length(a) > length(b); });
  ParallelFor(order.size(), [&](std::size_t task) {
    RuleFile& file = files[order[task]];
    if (file.document == nullptr) return;
    // Nothing thrown may leave a thread; LoadPacks reports it as it would on the calling thread.
    try {
      RuleReader reader(context, *file.pack, *file.document, *file.params, file.problems);
      reader.ReadFile(file.rules, file.sites);
    } catch (const std::exception& error) {
      file.problems.Error({file.document->source.path(), 0, 0},
                          std::string("internal error while loading rule packs: ") + error.what());
    } catch (...) {
      file.problems.Error({file.document->source.path(), 0, 0},
                          "internal error while loading rule packs");
    }
  });
  for (RuleFile& file : files) {
    context.diagnostics.Merge(file.problems);
    std::move(file.rules.begin(), file.rules.end(), std::back_inserter(file.pack->rules));
    sites.insert(sites.end(), file.sites.begin(), file.sites.end());
  }
}

}  // namespace uofa
