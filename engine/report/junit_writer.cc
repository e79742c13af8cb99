// The JUnit XML report, for CI systems that show test results: one testsuite per pack, one
// testcase per rule. A gap is a failure listing every failing record; a rule that was not
// assessed or did not apply is skipped; input problems form a testsuite of their own. The mapping
// is documented in docs/report-formats.md.
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/report/report_text.h"
#include "engine/report/writers.h"

namespace uofa::report {
namespace {

constexpr std::string_view kInputsSuite = "inputs";
constexpr std::string_view kDataQualitySuite = "data quality";

// The length of the UTF-8 sequence starting at text[i] when it is well formed (no overlong
// forms, no surrogates, nothing above U+10FFFF) and is a character XML 1.0 allows; 0 otherwise.
std::size_t XmlCharLength(std::string_view text, std::size_t i) {
  const auto byte = [&text](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char lead = byte(i);
  std::size_t length;
  char32_t code;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10FFFF))) {
    return 0;
  }
  if ((code >= 0xD800 && code <= 0xDFFF) || code == 0xFFFE || code == 0xFFFF) return 0;
  return length;
}

// `text` as XML character data or an attribute value (quoted with '"'). Characters XML 1.0
// cannot hold at all (C0 controls but tab, line feed and carriage return) are written as visible
// escapes ("\x1b"); bytes that are not UTF-8 become U+FFFD. In attributes, tab and line breaks
// are character references so that attribute normalisation keeps them.
std::string Xml(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      const std::size_t length = XmlCharLength(text, i);
      if (length == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
      } else {
        out.append(text.substr(i, length));
        i += length;
      }
      continue;
    }
    ++i;
    switch (c) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += attribute ? "&quot;" : "\""; continue;
      case '\r': out += "&#13;"; continue;
      case '\n': out += attribute ? "&#10;" : "\n"; continue;
      case '\t': out += attribute ? "&#9;" : "\t"; continue;
      default: break;
    }
    if (byte < 0x20) {
      out += Printable(std::string_view(&c, 1));
    } else {
      out += c;
    }
  }
  return out;
}

std::string Attribute(std::string_view name, std::string_view value) {
  return ' ' + std::string(name) + "=\"" + Xml(value, true) + '"';
}

std::string Attribute(std::string_view name, std::size_t value) {
  return Attribute(name, std::to_string(value));
}

struct Tally {
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t errors = 0;
  std::size_t skipped = 0;

  std::string Attributes() const {
    return Attribute("tests", tests) + Attribute("failures", failures) +
           Attribute("errors", errors) + Attribute("skipped", skipped);
  }
};

// A problem in a listing: FormatDiagnostic's line, with ` [CODE]` for a data-quality finding.
std::string ListingLine(const Diagnostic& problem) {
  std::string line = FormatDiagnostic(problem);
  if (problem.code.empty()) return line;
  if (!line.empty() && line.back() == '\n') line.pop_back();
  return line + " [" + problem.code + "]\n";
}

class JunitReport {
 public:
  explicit JunitReport(const AuditResult& result) : result_(result) {}

  std::string Render() {
    std::string suites;
    Tally total;
    for (const std::string& pack : PackOrder(result_)) {
      Tally tally;
      std::string cases;
      for (const RuleOutcome& rule : result_.rules) {
        if (rule.pack != pack) continue;
        AppendRuleCase(cases, rule, tally);
      }
      if (tally.tests == 0) continue;
      AppendSuite(suites, pack, tally, cases);
      Add(total, tally);
    }
    const std::vector<DataQualityColumn> columns = SummariseDataQuality(result_.input_problems);
    if (!columns.empty()) {
      Tally tally;
      std::string cases;
      for (const DataQualityColumn& column : columns) AppendDataQualityCase(cases, column, tally);
      AppendSuite(suites, kDataQualitySuite, tally, cases);
      Add(total, tally);
    }
    if (!result_.input_problems.empty()) {
      Tally tally;
      std::string cases;
      AppendInputCase(cases, tally);
      AppendSuite(suites, kInputsSuite, tally, cases);
      Add(total, tally);
    }
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<testsuites" + Attribute("name", "uofa") + total.Attributes() + ">\n";
    out += suites;
    out += "</testsuites>\n";
    return out;
  }

 private:
  static void Add(Tally& total, const Tally& tally) {
    total.tests += tally.tests;
    total.failures += tally.failures;
    total.errors += tally.errors;
    total.skipped += tally.skipped;
  }

  void AppendSuite(std::string& out, std::string_view name, const Tally& tally,
                   const std::string& cases) const {
    out += "  <testsuite" + Attribute("name", name) + tally.Attributes() + ">\n";
    out += "    <properties>\n";
    out +=
        "      <property" + Attribute("name", "as_of") + Attribute("value", result_.as_of) + "/>\n";
    for (const PackSummary& pack : result_.packs) {
      if (pack.id != name) continue;
      out += "      <property" + Attribute("name", "pack_version") +
             Attribute("value", pack.version) + "/>\n";
      out += "      <property" + Attribute("name", "pack_title") + Attribute("value", pack.title) +
             "/>\n";
    }
    out += "    </properties>\n";
    out += cases;
    out += "  </testsuite>\n";
  }

  std::string RecordLine(const Finding& finding) const {
    std::string line = RecordLabel(finding);
    const std::string location = FindingLocationLabel(result_.audit_dir, finding);
    if (!location.empty()) line += "  " + location;
    if (finding.verdict == Verdict::kIndeterminate) {
      if (!finding.detail.empty()) line += "  " + finding.detail;
    } else if (!finding.evidence.empty()) {
      line += "  " + EvidenceList(finding.evidence);
    }
    return line;
  }

  // Undecided records of a rule, for <system-out>: they neither fail nor pass the testcase.
  std::string Undecided(const RuleOutcome& rule) const {
    std::string text;
    for (const Finding& finding : rule.findings) {
      if (finding.verdict != Verdict::kIndeterminate) continue;
      if (text.empty()) {
        text = "undecided: " + Plural(rule.indeterminate, "record", "records") + '\n';
      }
      text += RecordLine(finding) + '\n';
    }
    return text;
  }

  void AppendRuleCase(std::string& out, const RuleOutcome& rule, Tally& tally) const {
    ++tally.tests;
    std::string name = rule.id;
    if (!rule.title.empty()) name += ": " + rule.title;
    out += "    <testcase" + Attribute("classname", rule.pack) + Attribute("name", name);
    const std::string undecided = Undecided(rule);
    std::string body;
    switch (rule.status) {
      case RuleStatus::kGap: {
        ++tally.failures;
        std::string details;
        for (const Citation& citation : rule.citations) {
          details += "cites: " + CitationText(citation) + '\n';
        }
        details += "failing: " + std::to_string(rule.failed) + " of " +
                   Plural(rule.passed + rule.failed, "record", "records") + '\n';
        if (!rule.remedy.empty()) details += "remedy: " + rule.remedy + '\n';
        for (const Finding& finding : rule.findings) {
          if (finding.verdict != Verdict::kFail) continue;
          if (finding.waiver) {
            details += "waived: " + RecordLine(finding) + ": " + WaiverText(*finding.waiver) + '\n';
          } else {
            details += RecordLine(finding) + '\n';
          }
        }
        body += "      <failure" + Attribute("message", rule.message) +
                Attribute("type", GapSeverityName(rule.severity)) + ">" + Xml(details, false) +
                "</failure>\n";
        break;
      }
      case RuleStatus::kNotAssessed:
        ++tally.skipped;
        body += "      <skipped" +
                Attribute("message", "not assessed: no " + (rule.subject.empty()
                                                                ? std::string("input")
                                                                : rule.subject + " records")) +
                "/>\n";
        break;
      case RuleStatus::kNotApplicable:
        ++tally.skipped;
        body += "      <skipped" +
                Attribute("message", "not applicable: the rule applied to none of the records") +
                "/>\n";
        break;
      case RuleStatus::kWaived:
        ++tally.skipped;
        body += "      <skipped" +
                Attribute("message", "waived: " + Plural(rule.waived, "failing record", "failing records") +
                                         " covered by a waiver") +
                "/>\n";
        break;
      case RuleStatus::kMet:
      case RuleStatus::kIndeterminate: break;
    }
    if (!undecided.empty())
      body += "      <system-out>" + Xml(undecided, false) + "</system-out>\n";
    if (body.empty()) {
      out += "/>\n";
    } else {
      out += ">\n" + body + "    </testcase>\n";
    }
  }

  // One data-quality kind in one column of one file: a failing test case named "file column
  // CODE", listing the positions and messages of its findings.
  void AppendDataQualityCase(std::string& out, const DataQualityColumn& column, Tally& tally) const {
    ++tally.tests;
    ++tally.failures;
    std::string listing;
    for (const Diagnostic& problem : result_.input_problems) {
      if (problem.code != column.code || problem.field != column.field ||
          problem.location.file != column.file) {
        continue;
      }
      Diagnostic position_only = problem;
      position_only.source_line.clear();
      position_only.location.file = DisplayPath(result_.audit_dir, problem.location.file);
      listing += ListingLine(position_only);
    }
    const std::string file = DisplayPath(result_.audit_dir, column.file);
    const std::string summary = Plural(column.count, "finding", "findings") + "; first at " +
                                PositionLabel(result_.audit_dir, column.first);
    out += "    <testcase" + Attribute("classname", std::string(kDataQualitySuite) + '.' + file) +
           Attribute("name", file + ' ' + ColumnLabel(column) + ' ' + column.code) + ">\n";
    out += "      <failure" + Attribute("message", summary) + Attribute("type", column.code) + ">" +
           Xml(listing, false) + "</failure>\n";
    out += "    </testcase>\n";
  }

  // Input problems: positions and messages only; the source line may hold identifying data.
  void AppendInputCase(std::string& out, Tally& tally) const {
    ++tally.tests;
    bool errors = false;
    std::string listing;
    for (const Diagnostic& problem : result_.input_problems) {
      errors = errors || problem.severity == Severity::kError;
      Diagnostic position_only = problem;
      position_only.source_line.clear();
      position_only.location.file = DisplayPath(result_.audit_dir, problem.location.file);
      listing += ListingLine(position_only);
    }
    const std::string summary =
        Plural(result_.input_problems.size(), "input problem", "input problems") + ": " +
        InputProblemTally(result_.input_problems);
    out += "    <testcase" + Attribute("classname", kInputsSuite) +
           Attribute("name", "every input row can be read") + ">\n";
    if (errors) {
      ++tally.errors;
      out += "      <error" + Attribute("message", summary) + Attribute("type", "input") + ">" +
             Xml(listing, false) + "</error>\n";
    } else {
      out += "      <system-out>" + Xml(summary + '\n' + listing, false) + "</system-out>\n";
    }
    out += "    </testcase>\n";
  }

  const AuditResult& result_;
};

}  // namespace

void WriteJunitReport(const AuditResult& result, const ReportOptions& options, std::ostream& out) {
  out << JunitReport(result).Render();
}

}  // namespace uofa::report
