// String functions: contains, startsWith, endsWith, matches (RE2), lower, upper.
#include <re2/re2.h>

#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/base/string_hash.h"
#include "engine/expr/functions/builtins.h"

namespace uofa::expr::builtins {

Value Contains(const Args& args, const CallContext&) {
  return Value::Bool(args[0].as_string().find(args[1].as_string()) != std::string::npos);
}

Value StartsWith(const Args& args, const CallContext&) {
  return Value::Bool(std::string_view(args[0].as_string()).starts_with(args[1].as_string()));
}

Value EndsWith(const Args& args, const CallContext&) {
  return Value::Bool(std::string_view(args[0].as_string()).ends_with(args[1].as_string()));
}

namespace {

std::shared_ptr<const RE2> CompilePattern(std::string_view pattern, std::string* error) {
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<const RE2>(pattern, options);
  if (!re->ok()) {
    *error = "invalid regular expression '" + std::string(pattern) + "': " + re->error();
    return nullptr;
  }
  return re;
}

// Patterns built at run time (`matches('(^|;)' + l + '(;|$)')` over eleven topics and every
// course of every member of staff) repeat: each thread keeps the ones it compiled, up to a bound.
std::shared_ptr<const RE2> CompileRuntimePattern(std::string_view pattern, std::string* error) {
  constexpr std::size_t kMaxKept = 256;
  thread_local std::unordered_map<std::string, std::shared_ptr<const RE2>, StringHash,
                                  std::equal_to<>>
      kept;
  if (auto it = kept.find(pattern); it != kept.end()) return it->second;
  std::shared_ptr<const RE2> re = CompilePattern(pattern, error);
  if (!re) return nullptr;
  if (kept.size() >= kMaxKept) kept.clear();
  kept.emplace(std::string(pattern), re);
  return re;
}

}  // namespace

std::shared_ptr<const void> PrepareMatches(const PrepareInputs& inputs, std::string* error) {
  if (inputs.constants.size() != 2 || inputs.constants[1] == nullptr ||
      inputs.constants[1]->kind() != ValueKind::kString) {
    return nullptr;
  }
  return CompilePattern(inputs.constants[1]->as_string(), error);
}

Value Matches(const Args& args, const CallContext& context) {
  if (context.prepared != nullptr) {
    return Value::Bool(
        RE2::PartialMatch(args[0].as_string(), *static_cast<const RE2*>(context.prepared)));
  }
  // A pattern computed at run time.
  std::string error;
  std::shared_ptr<const RE2> re = CompileRuntimePattern(args[1].as_string(), &error);
  if (!re) return Value::Error(error);
  return Value::Bool(RE2::PartialMatch(args[0].as_string(), *re));
}

Value Lower(const Args& args, const CallContext&) {
  std::string text(args[0].as_string());
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return Value::String(std::move(text));
}

Value Upper(const Args& args, const CallContext&) {
  std::string text(args[0].as_string());
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return Value::String(std::move(text));
}

}  // namespace uofa::expr::builtins
