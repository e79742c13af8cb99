#include "uofa/diagnostic.h"

#include <string>

namespace uofa {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  std::string out;
  const SourceLocation& where = diagnostic.location;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0) {
      out += ':' + std::to_string(where.line);
      if (where.column > 0) out += ':' + std::to_string(where.column);
    }
    out += ": ";
  }
  out += SeverityName(diagnostic.severity);
  out += ": ";
  out += diagnostic.message;
  out += '\n';
  if (!diagnostic.source_line.empty() && where.line > 0) {
    out += "  " + diagnostic.source_line + '\n';
    if (where.column > 0) {
      std::string caret = "  ";
      // Keep tabs in the padding so the caret lines up under tab-indented text.
      for (int i = 0; i + 1 < where.column && i < static_cast<int>(diagnostic.source_line.size()); ++i) {
        caret += diagnostic.source_line[i] == '\t' ? '\t' : ' ';
      }
      out += caret + "^\n";
    }
  }
  return out;
}

void Diagnostics::Add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) ++error_count_;
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::Error(SourceLocation location, std::string message, std::string source_line) {
  Add({Severity::kError, std::move(location), std::move(message), std::move(source_line), {}, {}});
}

void Diagnostics::Warning(SourceLocation location, std::string message, std::string source_line) {
  Add({Severity::kWarning, std::move(location), std::move(message), std::move(source_line), {}, {}});
}

void Diagnostics::DataQuality(Severity severity, SourceLocation location, std::string code,
                              std::string field, std::string message, std::string source_line) {
  Add({severity, std::move(location), std::move(message), std::move(source_line), std::move(code),
       std::move(field)});
}

void Diagnostics::Merge(const Diagnostics& other) {
  for (const Diagnostic& item : other.items_) Add(item);
}

std::string Diagnostics::Format() const {
  std::string out;
  for (const Diagnostic& item : items_) out += FormatDiagnostic(item);
  return out;
}

}  // namespace uofa
