// Data quality: the problems uofa finds in a trust's data (as opposed to its own setup), each of
// a kind with a stable code such as "UOFA-DQ-BAD-DATE". A data-quality finding is a Diagnostic
// whose `code` names its kind; it keeps the file, line, column and field it was found in. The
// kinds are documented in docs/data-quality.md.
#ifndef UOFA_DATA_QUALITY_H_
#define UOFA_DATA_QUALITY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "uofa/diagnostic.h"

namespace uofa {

/// The codes of the data-quality kinds.
inline constexpr char kDqUnmappedValue[] = "UOFA-DQ-UNMAPPED-VALUE";
inline constexpr char kDqBadDate[] = "UOFA-DQ-BAD-DATE";
inline constexpr char kDqBadValue[] = "UOFA-DQ-BAD-VALUE";
inline constexpr char kDqEndBeforeStart[] = "UOFA-DQ-END-BEFORE-START";
inline constexpr char kDqImplausibleDuration[] = "UOFA-DQ-IMPLAUSIBLE-DURATION";
inline constexpr char kDqDuplicateId[] = "UOFA-DQ-DUPLICATE-ID";
inline constexpr char kDqOrphanRow[] = "UOFA-DQ-ORPHAN-ROW";
inline constexpr char kDqUnknownPatient[] = "UOFA-DQ-UNKNOWN-PATIENT";
inline constexpr char kDqRejectedRow[] = "UOFA-DQ-REJECTED-ROW";

/// One kind of data-quality finding.
struct DataQualityKind {
  const char* code;    ///< "UOFA-DQ-BAD-DATE"
  const char* title;   ///< "unreadable date or date and time"
  const char* remedy;  ///< what to do about it, one sentence
};

/// Every kind, in the order reports and docs list them.
const std::vector<DataQualityKind>& DataQualityKinds();

/// The kind with `code`; nullptr when no kind has it.
const DataQualityKind* FindDataQualityKind(std::string_view code);

/// The data-quality findings of one kind in one column of one file.
struct DataQualityColumn {
  std::string file;     ///< as the findings name it
  std::string field;    ///< the field (column); empty for findings about a whole row
  std::string code;
  std::size_t count = 0;
  SourceLocation first;  ///< the position of the first such finding
};

/// The findings among `problems` (those with a code) counted by (file, field, code), in the order
/// each group was first found.
std::vector<DataQualityColumn> SummariseDataQuality(const std::vector<Diagnostic>& problems);

}  // namespace uofa

#endif  // UOFA_DATA_QUALITY_H_
