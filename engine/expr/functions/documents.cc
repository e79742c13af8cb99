// Functions on policy documents: mentions (RE2 topic patterns, any case), section (a section by
// its heading) and dates_in (the dates written in a text).
#include <re2/re2.h>

#include "engine/base/dates_in_text.h"
#include "engine/expr/functions/builtins.h"

namespace uofa::expr::builtins {
namespace {

// One pattern matching any of `patterns`, without regard to case.
std::shared_ptr<const RE2> CompileAny(const std::vector<std::string>& patterns, std::string* error) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  std::string combined;
  for (const std::string& pattern : patterns) {
    RE2 single(pattern, options);
    if (!single.ok()) {
      *error = "invalid regular expression '" + pattern + "': " + single.error();
      return nullptr;
    }
    if (!combined.empty()) combined += '|';
    combined += "(?:" + pattern + ")";
  }
  if (combined.empty()) combined = "[^\\s\\S]";  // no pattern matches nothing
  auto re = std::make_shared<const RE2>(combined, options);
  if (!re->ok()) {
    *error = "invalid regular expressions: " + re->error();
    return nullptr;
  }
  return re;
}

// The patterns of a mentions() argument: a list of strings or one string; false when it is
// neither.
bool PatternsOf(const Value& value, std::vector<std::string>* patterns, std::string* error) {
  if (value.kind() == ValueKind::kString) {
    patterns->emplace_back(value.as_string());
    return true;
  }
  if (value.kind() != ValueKind::kList) return false;
  for (const Value& item : value.as_list()) {
    if (item.kind() != ValueKind::kString) {
      *error = "mentions() takes a list of strings (patterns)";
      return false;
    }
    patterns->emplace_back(item.as_string());
  }
  return true;
}

// The text a mentions() subject stands for: a string, or the `text` field of a record.
const Value* TextOf(const Value& subject) {
  if (subject.kind() == ValueKind::kString) return &subject;
  if (subject.kind() == ValueKind::kRecord) {
    const Value& text = subject.as_record().Get("text");
    if (text.kind() == ValueKind::kString) return &text;
  }
  return nullptr;
}

}  // namespace

std::shared_ptr<const void> PrepareMentions(const PrepareInputs& inputs, std::string* error) {
  if (inputs.constants.size() != 2 || inputs.constants[1] == nullptr) return nullptr;
  std::vector<std::string> patterns;
  if (!PatternsOf(*inputs.constants[1], &patterns, error)) return nullptr;
  return CompileAny(patterns, error);
}

Value Mentions(const Args& args, const CallContext& context) {
  const Value* text = TextOf(args[0]);
  if (text == nullptr) {
    if (args[0].is_null()) return Value::Bool(false);
    return Value::Error("mentions() needs a text or a record with a 'text' field");
  }
  std::shared_ptr<const RE2> compiled;
  const RE2* re = static_cast<const RE2*>(context.prepared);
  if (re == nullptr) {
    std::string error;
    std::vector<std::string> patterns;
    if (!PatternsOf(args[1], &patterns, &error)) return Value::Error(error.empty() ? "mentions() takes patterns" : error);
    compiled = CompileAny(patterns, &error);
    if (!compiled) return Value::Error(error);
    re = compiled.get();
  }
  return Value::Bool(RE2::PartialMatch(text->as_string(), *re));
}

std::shared_ptr<const void> PrepareSection(const PrepareInputs& inputs, std::string* error) {
  if (inputs.constants.size() != 2 || inputs.constants[1] == nullptr) return nullptr;
  std::vector<std::string> patterns;
  if (!PatternsOf(*inputs.constants[1], &patterns, error)) return nullptr;
  return CompileAny(patterns, error);
}

// section(document, pattern) or section(sections, pattern): a rule on a policy_document reads
// its own sections as the field `sections`.
Value SectionOf(const Args& args, const CallContext& context) {
  if (args[0].kind() != ValueKind::kRecord && args[0].kind() != ValueKind::kList) return Value::Null();
  const Value& sections = args[0].kind() == ValueKind::kList ? args[0] : args[0].as_record().Get("sections");
  if (sections.kind() != ValueKind::kList) return Value::Null();
  std::shared_ptr<const RE2> compiled;
  const RE2* re = static_cast<const RE2*>(context.prepared);
  if (re == nullptr) {
    std::string error;
    std::vector<std::string> patterns;
    if (!PatternsOf(args[1], &patterns, &error)) return Value::Error(error.empty() ? "section() takes a pattern" : error);
    compiled = CompileAny(patterns, &error);
    if (!compiled) return Value::Error(error);
    re = compiled.get();
  }
  for (const Value& section : sections.as_list()) {
    if (section.kind() != ValueKind::kRecord) continue;
    const Value& heading = section.as_record().Get("heading");
    if (heading.kind() == ValueKind::kString && RE2::PartialMatch(heading.as_string(), *re)) return section;
  }
  return Value::Null();
}

Value DatesIn(const Args& args, const CallContext&) {
  ValueList dates;
  for (const DateInText& date : FindDatesInText(args[0].as_string())) {
    std::string error;
    if (std::optional<Timestamp> time = ParseDate(date.Iso(), &error)) dates.push_back(Value::Time(*time));
  }
  return Value::List(std::move(dates));
}

}  // namespace uofa::expr::builtins
