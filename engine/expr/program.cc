// Compile() for rule expressions: names are the subject record's fields, params.* and codes.*.
#include "engine/expr/program.h"

#include "engine/expr/compiler.h"

namespace uofa::expr {
namespace {

class RecordProgram final : public Program {
 public:
  explicit RecordProgram(std::unique_ptr<const CompiledExpression> compiled)
      : compiled_(std::move(compiled)) {}

  Value Evaluate(const Record& subject, const EvaluationContext& context) const override {
    return compiled_->Run(&subject, &context, nullptr);
  }
  Truth Test(const Record& subject, const EvaluationContext& context) const override {
    return compiled_->Test(&subject, &context, nullptr);
  }
  const std::vector<std::string>& ReferencedFields() const override {
    return compiled_->referenced_fields();
  }
  const std::vector<std::string>& ConjunctKeys() const override {
    return compiled_->conjunct_keys();
  }
  Truth TestConjunct(std::size_t index, const Record& subject,
                     const EvaluationContext& context) const override {
    return compiled_->TestConjunct(index, &subject, &context);
  }

 private:
  std::unique_ptr<const CompiledExpression> compiled_;
};

}  // namespace

std::unique_ptr<const Program> Compile(std::string_view source,
                                       const CompileEnvironment& environment,
                                       std::vector<ExpressionError>* errors) {
  PipelineOptions options;
  options.check.subject = environment.subject;
  options.check.params = environment.params;
  options.check.codes = environment.codes;
  options.local_time = true;
  options.commencement = environment.commencement;
  std::size_t before = errors->size();
  std::unique_ptr<const CompiledExpression> compiled = CompileExpression(source, options, errors);
  if (!compiled) {
    if (errors->size() == before) errors->push_back(ExpressionError{0, "invalid expression"});
    return nullptr;
  }
  TypeKind result = compiled->result_type().kind();
  if (result != TypeKind::kBool && result != TypeKind::kDyn) {
    errors->push_back(ExpressionError{
        0, "expression must be bool, not '" + compiled->result_type().ToString() + "'"});
    return nullptr;
  }
  return std::make_unique<RecordProgram>(std::move(compiled));
}

}  // namespace uofa::expr
