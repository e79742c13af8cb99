// A record as JSON: the nested form of incidents.jsonl (DATA-CONTRACT.md), children inside their
// parent. The canonical text is what the store keeps of an imported record and hashes to tell a
// changed record from an unchanged one, so the same record always gives the same bytes.
#ifndef UOFA_ENGINE_SOURCES_RECORD_JSON_H_
#define UOFA_ENGINE_SOURCES_RECORD_JSON_H_

#include <nlohmann/json.hpp>
#include <string>

#include "engine/expr/value.h"

namespace uofa {

/// The record's fields as a JSON object, by the field kinds of its type:
/// - string, text, code, enum: the string (a code as normalised, an unrecognised one as read);
/// - tristate: "yes", "no" or "unknown"; bool: true or false; int and number: JSON numbers;
/// - date: "YYYY-MM-DD"; datetime: RFC 3339 in UTC ("2024-03-01T09:00:00Z"; fractional seconds
///   only when not zero): the instant, whatever offset or local time the input gave it in;
/// - list: an array of the child records' objects, in the reader's order; record: one object.
/// A null field (missing in the input) is left out, so that a field added to the schema does
/// not change records that lack it. Where a record came from (file, line) is not part of it.
nlohmann::json RecordToJson(const Record& record);

/// RecordToJson as compact text with the keys sorted: the canonical form. Never throws (text
/// that is not UTF-8, which the readers do not produce, would be written with U+FFFD).
std::string CanonicalRecordJson(const Record& record);

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_RECORD_JSON_H_
