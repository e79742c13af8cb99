// JSON text written directly, as nlohmann::json's dump() would write it, for the parts of a report
// that are too numerous to build as JSON values first (the findings of a national audit).
#ifndef UOFA_ENGINE_REPORT_JSON_TEXT_H_
#define UOFA_ENGINE_REPORT_JSON_TEXT_H_

#include <string>
#include <string_view>

namespace uofa::report {

/// Appends `text` as a JSON string (quoted and escaped) exactly as
/// nlohmann::json(text).dump(-1, ' ', false, error_handler_t::replace) gives it: ASCII is escaped
/// here; text with other bytes is left to nlohmann, which also replaces invalid UTF-8.
void AppendJsonString(std::string_view text, std::string* out);

/// Appends `text` as AppendJsonString does, or `null` when it is empty.
void AppendJsonStringOrNull(std::string_view text, std::string* out);

/// Appends a positive number, or `null` for 0 and below (an unknown line or column).
void AppendPositionOrNull(int position, std::string* out);

}  // namespace uofa::report

#endif  // UOFA_ENGINE_REPORT_JSON_TEXT_H_
