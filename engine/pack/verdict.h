// The verdict of one rule on one record: the single definition used by the audit evaluator and
// by the rule-example runner, so a rule's examples test exactly what an audit does.
#ifndef UOFA_ENGINE_PACK_VERDICT_H_
#define UOFA_ENGINE_PACK_VERDICT_H_

#include <string>

#include "engine/expr/program.h"
#include "engine/expr/value.h"
#include "engine/pack/rule_pack.h"
#include "uofa/finding.h"

namespace uofa {

/// Evaluates `when` then `require` on `record`:
/// - `when` present and false: kNotApplicable;
/// - `require` true: kPass; false: kFail;
/// - an error value, a non-bool result, or a rule without a compiled `require`: kIndeterminate,
///   with the reason in `*error_detail` (when not null; cleared otherwise).
/// An error or non-bool `when` is indeterminate too: whether the rule applies cannot be decided.
/// Thread-safe: Programs are immutable.
Verdict EvaluateRule(const Rule& rule, const Record& record, const expr::EvaluationContext& context,
                     std::string* error_detail);

/// The two halves of EvaluateRule, for a caller that shares one `when` among rules that have the
/// same condition. EvaluateWhen gives kPass when the rule applies (no `when`, or `when` true),
/// kNotApplicable or kIndeterminate; EvaluateRequire gives kPass, kFail or kIndeterminate.
Verdict EvaluateWhen(const Rule& rule, const Record& record, const expr::EvaluationContext& context,
                     std::string* error_detail);
Verdict EvaluateRequire(const Rule& rule, const Record& record,
                        const expr::EvaluationContext& context, std::string* error_detail);

}  // namespace uofa

#endif  // UOFA_ENGINE_PACK_VERDICT_H_
