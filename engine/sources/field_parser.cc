#include "engine/sources/field_parser.h"

#include "engine/base/text.h"
#include "uofa/data_quality.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace uofa {
namespace {

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

enum class Truth { kYes, kNo, kUnknown, kInvalid };

Truth ReadTruth(std::string_view text, bool allow_unknown, const TruthWords* words) {
  if (words != nullptr) {
    for (const std::string& yes : words->yes) {
      if (EqualsIgnoringCase(text, yes)) return Truth::kYes;
    }
    for (const std::string& no : words->no) {
      if (EqualsIgnoringCase(text, no)) return Truth::kNo;
    }
    if (allow_unknown) {
      for (const std::string& unknown : words->unknown) {
        if (EqualsIgnoringCase(text, unknown)) return Truth::kUnknown;
      }
    }
  }
  // Most cells are one letter: "Y" or "N" (or "1", "0", "U").
  if (text.size() == 1) {
    switch (text.front()) {
      case 'y': case 'Y': case '1': return Truth::kYes;
      case 'n': case 'N': case '0': return Truth::kNo;
      case 'u': case 'U': return allow_unknown ? Truth::kUnknown : Truth::kInvalid;
      default: return Truth::kInvalid;
    }
  }
  for (std::string_view yes : {"yes", "true"}) {
    if (EqualsIgnoringCase(text, yes)) return Truth::kYes;
  }
  for (std::string_view no : {"no", "false"}) {
    if (EqualsIgnoringCase(text, no)) return Truth::kNo;
  }
  if (allow_unknown && EqualsIgnoringCase(text, "unknown")) return Truth::kUnknown;
  return Truth::kInvalid;
}

Value ParseInt(std::string_view text, std::string* error) {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  std::int64_t value = 0;
  auto [end, status] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || status != std::errc() || end != digits.data() + digits.size()) {
    *error = Quoted(text) + (status == std::errc::result_out_of_range ? " is out of range"
                                                                      : " is not a whole number");
    return Value();
  }
  return Value::Int(value);
}

Value ParseNumber(std::string_view text, std::string* error) {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  double value = 0;
  auto [end, status] = std::from_chars(digits.data(), digits.data() + digits.size(), value,
                                       std::chars_format::general);
  // from_chars also reads "inf" and "nan", which no export means as a number.
  if (digits.empty() || status != std::errc() || end != digits.data() + digits.size() ||
      !std::isfinite(value)) {
    *error = Quoted(text) + " is not a number";
    return Value();
  }
  return Value::Double(value);
}

Value ParseCode(const FieldDef& field, std::string_view text, const FieldParseOptions& options,
                std::string* error, Arena* arena) {
  const CodeList* list = options.codes ? options.codes->Find(field.code_list) : nullptr;
  if (list == nullptr) return Value::StringIn(arena, text);
  std::string code = list->Normalize(text);
  if (!list->Contains(code)) {
    bool retired = false;
    for (const std::string& old : list->retired) retired = retired || old == code;
    *error = Quoted(text) + (retired ? " is a retired code of " : " is not a code of ") +
             Quoted(list->id);
  }
  return Value::StringIn(arena, code);
}

Value ParseEnum(const FieldDef& field, std::string_view text, std::string* error, Arena* arena) {
  for (const std::string& allowed : field.enum_values) {
    if (allowed == text) return Value::StringIn(arena, allowed);
  }
  // Exports often capitalise labels; the canonical spelling is what rules compare against.
  for (const std::string& allowed : field.enum_values) {
    if (EqualsIgnoringCase(allowed, text)) return Value::StringIn(arena, allowed);
  }
  std::string expected;
  for (const std::string& allowed : field.enum_values) {
    expected += (expected.empty() ? "" : ", ") + allowed;
  }
  *error = Quoted(text) + " is not one of " + expected;
  return Value::StringIn(arena, text);
}

}  // namespace

const char* CellProblemCode(const FieldDef& field, bool unlisted) {
  if (unlisted) return kDqUnmappedValue;
  switch (field.kind) {
    case FieldKind::kDate:
    case FieldKind::kDateTime: return kDqBadDate;
    case FieldKind::kCode:
    case FieldKind::kEnum: return kDqUnmappedValue;
    default: return kDqBadValue;
  }
}

Value ParseFieldText(const FieldDef& field, std::string_view text, const FieldParseOptions& options,
                     std::string* error, Arena* text_arena) {
  std::string ignored;
  if (error == nullptr) error = &ignored;
  error->clear();
  std::string_view trimmed = TrimSpace(text);
  if (trimmed.empty()) return Value();

  switch (field.kind) {
    case FieldKind::kString:
    case FieldKind::kText:
      return ParseTextField(text, text_arena);
    case FieldKind::kBool: {
      Truth truth = ReadTruth(trimmed, /*allow_unknown=*/false, options.truth_words);
      if (truth == Truth::kInvalid) {
        *error = Quoted(trimmed) + " is not Y or N";
        return Value();
      }
      return Value::Bool(truth == Truth::kYes);
    }
    case FieldKind::kTristate: {
      switch (ReadTruth(trimmed, /*allow_unknown=*/true, options.truth_words)) {
        case Truth::kYes: return Value::StringIn(text_arena, "yes");
        case Truth::kNo: return Value::StringIn(text_arena, "no");
        case Truth::kUnknown: return Value::StringIn(text_arena, "unknown");
        case Truth::kInvalid: break;
      }
      *error = Quoted(trimmed) + " is not Y, N or U";
      return Value();
    }
    case FieldKind::kInt:
      return ParseInt(trimmed, error);
    case FieldKind::kNumber:
      return ParseNumber(trimmed, error);
    case FieldKind::kDate: {
      if (options.date_format != nullptr) {
        auto parsed = options.date_format->Parse(trimmed, error);
        std::string iso_error;
        if (!parsed) parsed = ParseDate(trimmed, &iso_error);
        if (parsed) error->clear();
        return parsed ? Value::Time(*parsed) : Value();
      }
      auto parsed = ParseDate(trimmed, error, options.date_order);
      if (!parsed) {
        if (error->empty()) *error = Quoted(trimmed) + " is not a valid date";
        return Value();
      }
      return Value::Time(*parsed);
    }
    case FieldKind::kDateTime: {
      if (options.datetime_format != nullptr) {
        auto parsed = options.datetime_format->Parse(trimmed, error);
        std::string other_error;
        if (!parsed && options.date_format != nullptr) {
          parsed = options.date_format->Parse(trimmed, &other_error);
        }
        // ISO 8601 is unambiguous, and the only way to give an offset: always accepted too.
        if (!parsed) parsed = ParseDateTime(trimmed, &other_error);
        if (parsed) error->clear();
        return parsed ? Value::Time(*parsed) : Value();
      }
      auto parsed = ParseDateTime(trimmed, error, options.date_order);
      if (!parsed) {
        if (error->empty()) *error = Quoted(trimmed) + " is not a valid date and time";
        return Value();
      }
      return Value::Time(*parsed);
    }
    case FieldKind::kCode:
      return ParseCode(field, trimmed, options, error, text_arena);
    case FieldKind::kEnum:
      return ParseEnum(field, trimmed, error, text_arena);
    case FieldKind::kList:
      *error = "a list cannot be read from text";
      return Value();
    case FieldKind::kRecord:
      *error = "a record cannot be read from text";
      return Value();
  }
  return Value();
}

}  // namespace uofa
