#include "engine/eval/evidence.h"

#include <cmath>
#include <cstdio>

#include "engine/base/time.h"
#include "engine/record/record_type.h"

namespace uofa {
namespace {

// Past this, list and record evidence is cut short: a finding should stay readable.
constexpr std::size_t kMaxEvidenceLength = 240;

std::string ScalarText(const Value& value, const FieldDef* field) {
  switch (value.kind()) {
    case ValueKind::kNull: return std::string(kMissing);
    case ValueKind::kBool: return value.as_bool() ? "true" : "false";
    case ValueKind::kInt: return std::to_string(value.as_int());
    case ValueKind::kUint: return std::to_string(value.as_uint());
    case ValueKind::kDouble: {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%g", value.as_double());
      return buffer;
    }
    case ValueKind::kString: return std::string(value.as_string());
    case ValueKind::kBytes: return value.as_bytes();
    case ValueKind::kTimestamp:
      if (field != nullptr && field->kind == FieldKind::kDate) return FormatLocalDate(value.as_timestamp());
      return FormatLocalDateTime(value.as_timestamp());
    case ValueKind::kDuration: return FormatDuration(value.as_duration());
    case ValueKind::kType: return value.type_name();
    case ValueKind::kError: return "(error: " + value.error_message() + ")";
    default: return {};
  }
}

std::string RecordText(const Record& record, bool show_identifiers);

std::string ValueText(const Value& value, const FieldDef* field, bool show_identifiers) {
  if (field != nullptr && field->identifier && !show_identifiers && !value.is_null()) {
    return std::string(kRedacted);
  }
  switch (value.kind()) {
    case ValueKind::kList: {
      std::string out = "[";
      const ValueList& items = value.as_list();
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ", ";
        out += ValueText(items[i], field, show_identifiers);
      }
      return out + "]";
    }
    case ValueKind::kRecord: return RecordText(value.as_record(), show_identifiers);
    case ValueKind::kMap: return "{...}";
    default: return ScalarText(value, field);
  }
}

std::string RecordText(const Record& record, bool show_identifiers) {
  std::string out = "{";
  bool first = true;
  if (record.type != nullptr) {
    for (const FieldDef& field : record.type->fields()) {
      const Value& value = record.fields[field.slot];
      if (value.is_null() || field.kind == FieldKind::kList || field.kind == FieldKind::kRecord) continue;
      if (!first) out += ", ";
      first = false;
      out += field.name + "=" + ValueText(value, &field, show_identifiers);
    }
  }
  return out + "}";
}

// Follows `path` from `value`; lists map over their elements.
void Collect(const Value& value, const FieldDef* field, std::string_view path, bool show_identifiers,
             std::vector<std::string>* out, bool* in_list) {
  if (path.empty()) {
    out->push_back(ValueText(value, field, show_identifiers));
    return;
  }
  if (value.kind() == ValueKind::kList) {
    *in_list = true;
    for (const Value& item : value.as_list()) Collect(item, field, path, show_identifiers, out, in_list);
    return;
  }
  if (value.kind() != ValueKind::kRecord) {
    out->push_back(std::string(kMissing));
    return;
  }
  std::size_t dot = path.find('.');
  std::string_view head = path.substr(0, dot);
  std::string_view rest = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
  const Record& record = value.as_record();
  const FieldDef* next = record.type ? record.type->Find(head) : nullptr;
  if (next == nullptr) {
    out->push_back(std::string(kMissing));
    return;
  }
  Collect(record.fields[next->slot], next, rest, show_identifiers, out, in_list);
}

// The text of what `rest` (a dotted path, or nothing) names inside `value`, of `field`.
std::string PathText(const Value& value, const FieldDef* field, std::string_view rest,
                     bool show_identifiers) {
  // A field of the record itself, as most evidence is: its text, as Collect would give it.
  if (rest.empty()) return ValueText(value, field, show_identifiers);
  std::vector<std::string> parts;
  bool in_list = false;
  Collect(value, field, rest, show_identifiers, &parts, &in_list);
  if (!in_list) return parts.empty() ? std::string(kMissing) : parts.front();
  std::string text = "[";
  for (std::size_t i = 0; i < parts.size(); ++i) text += (i ? ", " : "") + parts[i];
  return text + "]";
}

}  // namespace

std::string EvidenceText(const Record& record, std::string_view path, bool show_identifiers) {
  std::size_t dot = path.find('.');
  std::string_view head = path.substr(0, dot);
  std::string_view rest = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
  const FieldDef* field = record.type ? record.type->Find(head) : nullptr;
  if (field == nullptr) return std::string(kMissing);
  std::string text = PathText(record.fields[field->slot], field, rest, show_identifiers);
  if (text.size() > kMaxEvidenceLength) {
    std::size_t cut = kMaxEvidenceLength - 3;
    // Never cut inside a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  return text;
}

std::vector<Evidence> CollectEvidence(const Record& record, const std::vector<std::string>& paths,
                                      bool show_identifiers) {
  std::vector<Evidence> out;
  out.reserve(paths.size());
  for (const std::string& path : paths) out.push_back({path, EvidenceText(record, path, show_identifiers)});
  return out;
}

}  // namespace uofa
