#include "engine/pack/verdict.h"

namespace uofa {
namespace {

// Why a condition did not give a bool, for the finding's detail.
std::string Problem(const char* which, const Value& value) {
  if (value.is_error()) return std::string(which) + ": " + value.error_message();
  return std::string(which) + " gave " + ValueKindName(value.kind()) + ", not bool";
}

}  // namespace

Verdict EvaluateWhen(const Rule& rule, const Record& record, const expr::EvaluationContext& context,
                     std::string* error_detail) {
  if (error_detail != nullptr) error_detail->clear();
  if (rule.when == nullptr) return Verdict::kPass;
  switch (rule.when->Test(record, context)) {
    case expr::Truth::kTrue: return Verdict::kPass;
    case expr::Truth::kFalse: return Verdict::kNotApplicable;
    case expr::Truth::kOther: break;  // the value says why
  }
  Value applies = rule.when->Evaluate(record, context);
  if (applies.kind() != ValueKind::kBool) {
    if (error_detail != nullptr) *error_detail = Problem("when", applies);
    return Verdict::kIndeterminate;
  }
  return applies.as_bool() ? Verdict::kPass : Verdict::kNotApplicable;
}

Verdict EvaluateRequire(const Rule& rule, const Record& record,
                        const expr::EvaluationContext& context, std::string* error_detail) {
  if (error_detail != nullptr) error_detail->clear();
  if (rule.require == nullptr) {
    if (error_detail != nullptr) *error_detail = "the rule's 'require' did not compile";
    return Verdict::kIndeterminate;
  }
  switch (rule.require->Test(record, context)) {
    case expr::Truth::kTrue: return Verdict::kPass;
    case expr::Truth::kFalse: return Verdict::kFail;
    case expr::Truth::kOther: break;  // the value says why
  }
  Value met = rule.require->Evaluate(record, context);
  if (met.kind() != ValueKind::kBool) {
    if (error_detail != nullptr) *error_detail = Problem("require", met);
    return Verdict::kIndeterminate;
  }
  return met.as_bool() ? Verdict::kPass : Verdict::kFail;
}

Verdict EvaluateRule(const Rule& rule, const Record& record, const expr::EvaluationContext& context,
                     std::string* error_detail) {
  Verdict applies = EvaluateWhen(rule, record, context, error_detail);
  if (applies != Verdict::kPass) return applies;
  return EvaluateRequire(rule, record, context, error_detail);
}

}  // namespace uofa
