// Field parsing: the text of one cell (CSV) or scalar (JSON, YAML example) to a typed Value, by
// the field's definition in the schema, following DATA-CONTRACT.md "Value formats". Every
// record source and the rule-example runner use this one function, so the same text means the
// same value wherever it comes from.
#ifndef UOFA_ENGINE_SOURCES_FIELD_PARSER_H_
#define UOFA_ENGINE_SOURCES_FIELD_PARSER_H_

#include <string>
#include <string_view>

#include "engine/base/text.h"
#include "engine/base/time.h"
#include "engine/expr/value.h"
#include "engine/record/record_type.h"
#include "engine/sources/column_mapping.h"

namespace uofa {

struct FieldParseOptions {
  DateOrder date_order = DateOrder::kIso;
  const CodeRegistry* codes = nullptr;  ///< for kCode fields; nullptr: codes are not validated
  /// From a column mapping (column_mapping.h); each may be null.
  const TruthWords* truth_words = nullptr;      ///< read before the contract's own words
  const DateFormat* date_format = nullptr;      ///< replaces YYYY-MM-DD for date fields
  const DateFormat* datetime_format = nullptr;  ///< replaces ISO 8601 for datetime fields; a
                                                ///< cell that fails it may follow date_format
  /// For the table readers: the audit folder's mappings (looked up by file) and the schemas
  /// that give the element type of a split column. Not used by ParseFieldText.
  const MappingSet* mappings = nullptr;
  const SchemaRegistry* schemas = nullptr;
};

/// Converts `text` to the field's value. Empty (or all-space) text is missing: null, no error.
/// - bool: Y/N, yes/no, true/false, 1/0, any case.
/// - tristate: those, plus U/unknown; the value is the string 'yes', 'no' or 'unknown'.
/// - int / number: decimal; number also takes a fraction.
/// - date: YYYY-MM-DD (or DD/MM/YYYY), as midnight Europe/London; datetime: see ParseDateTime.
/// - code: normalised by the code list ("1" -> "01"); enum: one of the listed values.
/// - string / text: the text as it is.
/// The text of a string, text, tristate, code or enum value is placed in `text_arena` when one is
/// given (Value::StringIn: the arena of the record the value is for), else on the heap.
/// On invalid text, sets `*error` (lowercase, no period, e.g. "'31/02/2023' is not a valid date")
/// and returns: for code and enum, the (normalised) text itself, so that rules still see the
/// unrecognised value and fail on it; for every other kind, null.
Value ParseFieldText(const FieldDef& field, std::string_view text, const FieldParseOptions& options,
                     std::string* error, Arena* text_arena = nullptr);

/// ParseFieldText for a string or text field (never an error): the text as written, or null when
/// it is empty or all space. Inline for the table readers, which read millions of such cells.
inline Value ParseTextField(std::string_view text, Arena* text_arena = nullptr) {
  if (TrimSpace(text).empty()) return Value();
  return Value::StringIn(text_arena, text);
}

/// The data-quality code of a problem reading text into `field` (uofa/data_quality.h): for a
/// label the mapping's values do not list (`unlisted`) or a code or enum value not allowed,
/// UOFA-DQ-UNMAPPED-VALUE; for a date or datetime, UOFA-DQ-BAD-DATE; otherwise
/// UOFA-DQ-BAD-VALUE.
const char* CellProblemCode(const FieldDef& field, bool unlisted);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_FIELD_PARSER_H_
