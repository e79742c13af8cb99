#include "engine/expr/environment.h"

#include "engine/expr/compiler.h"

namespace uofa::expr {

VariableProgram::VariableProgram(std::unique_ptr<const CompiledExpression> compiled,
                                 std::vector<std::string> variable_names)
    : compiled_(std::move(compiled)), variable_names_(std::move(variable_names)) {}

VariableProgram::~VariableProgram() = default;

std::vector<Value> VariableProgram::Values(const Bindings& bindings) const {
  std::vector<Value> values;
  values.reserve(variable_names_.size());
  for (const std::string& name : variable_names_) {
    auto it = bindings.find(name);
    values.push_back(it != bindings.end() ? it->second
                                          : Value::Error("no value bound to '" + name + "'"));
  }
  return values;
}

Value VariableProgram::Evaluate(const Bindings& bindings, const Record* subject,
                                const EvaluationContext* context) const {
  std::vector<Value> values = Values(bindings);
  return compiled_->Run(subject, context, values.data());
}

Truth VariableProgram::Test(const Bindings& bindings, const Record* subject,
                            const EvaluationContext* context) const {
  std::vector<Value> values = Values(bindings);
  return compiled_->Test(subject, context, values.data());
}

const Type& VariableProgram::ResultType() const { return compiled_->result_type(); }

std::unique_ptr<const VariableProgram> CompileWithVariables(std::string_view source,
                                                            const VariableEnvironment& environment,
                                                            std::vector<ExpressionError>* errors) {
  PipelineOptions options;
  options.parse.enable_macros = environment.enable_macros;
  options.check.subject = environment.subject;
  options.check.params = environment.params;
  options.check.codes = environment.codes;
  options.check.variables = &environment.variables;
  options.check.check_types = environment.check_types;
  options.local_time = environment.local_time;
  std::unique_ptr<const CompiledExpression> compiled = CompileExpression(source, options, errors);
  if (!compiled) return nullptr;
  std::vector<std::string> names;
  for (const auto& [name, type] : environment.variables) names.push_back(name);
  return std::make_unique<VariableProgram>(std::move(compiled), std::move(names));
}

}  // namespace uofa::expr
