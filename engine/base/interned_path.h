// InternedPath: the name of an input file kept once for the whole process, so that the many
// records read from one file can each say where they came from without a copy of its name.
//
// Names are interned in a process-wide table (safe to use from several threads) and never freed:
// the table holds one entry per distinct file read, a handful per audit. An InternedPath is a
// pointer into that table, as cheap to copy as an int; two for the same name compare equal.
#ifndef UOFA_ENGINE_BASE_INTERNED_PATH_H_
#define UOFA_ENGINE_BASE_INTERNED_PATH_H_

#include <string>
#include <string_view>

#include "uofa/diagnostic.h"

namespace uofa {

class InternedPath {
 public:
  /// The empty name.
  InternedPath();
  /// `name`, interned (a lock and a lookup: intern once per file, not once per row).
  explicit InternedPath(std::string_view name);

  const std::string& str() const { return *name_; }
  operator const std::string&() const { return *name_; }  // NOLINT: reads as the name

  friend bool operator==(InternedPath a, InternedPath b) { return a.name_ == b.name_; }
  friend bool operator==(InternedPath a, std::string_view b) { return *a.name_ == b; }

 private:
  const std::string* name_;
};

/// Where a record came from: its file (interned) and the line, and column where it has one, of
/// its first byte. Reads as a SourceLocation wherever a diagnostic or a finding is made.
struct RecordOrigin {
  InternedPath file;
  int line = 0;
  int column = 0;

  RecordOrigin() = default;
  RecordOrigin(InternedPath file_in, int line_in, int column_in)
      : file(file_in), line(line_in), column(column_in) {}
  /// Interns `file_in`: for the odd record, not for rows read in bulk.
  RecordOrigin(std::string_view file_in, int line_in, int column_in)
      : file(file_in), line(line_in), column(column_in) {}
  RecordOrigin(const char* file_in, int line_in, int column_in)
      : RecordOrigin(std::string_view(file_in), line_in, column_in) {}
  RecordOrigin(const std::string& file_in, int line_in, int column_in)
      : RecordOrigin(std::string_view(file_in), line_in, column_in) {}
  RecordOrigin(const SourceLocation& at)  // NOLINT: a location read for a record
      : RecordOrigin(at.file, at.line, at.column) {}

  SourceLocation location() const { return {file.str(), line, column}; }
  operator SourceLocation() const { return location(); }  // NOLINT: where findings point
};

}  // namespace uofa

#endif  // UOFA_ENGINE_BASE_INTERNED_PATH_H_
