// Diagnostics: every problem uofa reports about its inputs (rule packs, records, settings).
//
// A diagnostic names where the problem is (file, 1-based line and column), what it is, and
// carries the text of the offending source line so it can be shown with a caret under the column.
// Code that finds problems appends them to a Diagnostics list and carries on, so that one run
// reports every problem it can find; it never throws across the public API.
#ifndef UOFA_DIAGNOSTIC_H_
#define UOFA_DIAGNOSTIC_H_

#include <cstddef>
#include <string>
#include <vector>

namespace uofa {

/// A position in an input file. Line and column are 1-based; 0 means "not known" (the
/// diagnostic then names only the file, or nothing when `file` is empty too). Columns count
/// bytes of the line, which is what editors show for ASCII text.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Severity { kError, kWarning, kNote };

/// "error", "warning" or "note".
const char* SeverityName(Severity severity);

/// One problem. `source_line` is the full text of the line at `location.line` (without its line
/// ending); when empty, no source excerpt is printed.
struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLocation location;
  std::string message;      ///< lowercase, no trailing period, identifiers in single quotes
  std::string source_line;  ///< the offending line, for the caret display
  /// For a data-quality finding (a problem with the trust's data rather than with how uofa was
  /// set up): its kind's stable code, e.g. "UOFA-DQ-BAD-DATE" (uofa/data_quality.h). Empty for
  /// every other diagnostic.
  std::string code;
  /// For a data-quality finding: the field (canonical column name) the problem is in, e.g.
  /// "started_at"; empty when it concerns the whole row.
  std::string field;
};

/// Renders `path:line:col: error: message`, then, when the source line is known, the line and a
/// caret under the column. Ends with a newline.
std::string FormatDiagnostic(const Diagnostic& diagnostic);

/// An ordered list of diagnostics collected during one operation.
class Diagnostics {
 public:
  void Add(Diagnostic diagnostic);
  void Error(SourceLocation location, std::string message, std::string source_line = {});
  void Warning(SourceLocation location, std::string message, std::string source_line = {});
  /// A data-quality finding of kind `code` in `field` (empty for the whole row).
  void DataQuality(Severity severity, SourceLocation location, std::string code, std::string field,
                   std::string message, std::string source_line = {});

  bool HasErrors() const { return error_count_ > 0; }
  std::size_t ErrorCount() const { return error_count_; }
  bool Empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& Items() const { return items_; }

  /// Appends every diagnostic of `other`.
  void Merge(const Diagnostics& other);

  /// All diagnostics rendered with FormatDiagnostic, in order.
  std::string Format() const;

 private:
  std::vector<Diagnostic> items_;
  std::size_t error_count_ = 0;
};

}  // namespace uofa

#endif  // UOFA_DIAGNOSTIC_H_
