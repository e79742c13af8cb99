// The one table of functions and operators. A row: name, call style (global or receiver),
// parameter kinds, result kind, implementation; generic results and compile-time preparation
// where a function needs them.
#include "engine/expr/functions/registry.h"

#include <array>
#include <stdexcept>
#include <string>

#include "engine/expr/functions/builtins.h"

namespace uofa::expr {
namespace {

namespace b = builtins;
using K = TypeKind;
constexpr K kDyn = K::kDyn, kBool = K::kBool, kInt = K::kInt, kUint = K::kUint,
            kDouble = K::kDouble, kString = K::kString, kBytes = K::kBytes,
            kTimestamp = K::kTimestamp, kDuration = K::kDuration, kList = K::kList, kMap = K::kMap,
            kType = K::kType;
constexpr bool kGlobal = false, kReceiver = true;

Type IndexResult(const std::vector<Type>& args) {
  if (args[0].kind() == K::kList) return args[0].first();
  if (args[0].kind() == K::kMap) return args[0].second();
  return Type::Dyn();
}
// section(document, pattern): the element type of the document's `sections` list.
Type SectionResult(const std::vector<Type>& args) {
  if (args[0].kind() == K::kList) return args[0].first();
  const RecordType* document = args[0].record();
  if (args[0].kind() == K::kRecord && document != nullptr) {
    if (const FieldDef* sections = document->Find("sections"); sections != nullptr && sections->element != nullptr) {
      return Type::Record(sections->element);
    }
  }
  return Type::Dyn();
}
Type TimestampList(const std::vector<Type>&) { return Type::List(Type(K::kTimestamp)); }
Type JoinLists(const std::vector<Type>& args) { return Join(args[0], args[1]); }

Overload Row(std::string_view name, bool receiver, std::vector<K> params, K result,
             FunctionImpl impl) {
  Overload o;
  o.function = name;
  o.receiver = receiver;
  o.params = std::move(params);
  o.result = result;
  o.impl = impl;
  return o;
}

Overload ReadsEvaluation(Overload o) {
  o.reads_evaluation = true;
  return o;
}

Overload WithResult(Overload o, ResultTypeFn fn) {
  o.result_type = fn;
  return o;
}

Overload WithPrepare(Overload o, PrepareFn fn) {
  o.prepare = fn;
  return o;
}

std::vector<Overload> BuildTable() {
  std::vector<Overload> t = {
      // Equality: any two values (CEL's heterogeneous equality); the checker still rejects
      // comparisons of unrelated static types.
      Row("_==_", kGlobal, {kDyn, kDyn}, kBool, b::Equal),
      Row("_!=_", kGlobal, {kDyn, kDyn}, kBool, b::NotEqual),
      // Arithmetic.
      Row("_+_", kGlobal, {kInt, kInt}, kInt, b::Add),
      Row("_+_", kGlobal, {kUint, kUint}, kUint, b::Add),
      Row("_+_", kGlobal, {kDouble, kDouble}, kDouble, b::Add),
      Row("_+_", kGlobal, {kString, kString}, kString, b::Add),
      Row("_+_", kGlobal, {kBytes, kBytes}, kBytes, b::Add),
      WithResult(Row("_+_", kGlobal, {kList, kList}, kList, b::Add), JoinLists),
      Row("_+_", kGlobal, {kTimestamp, kDuration}, kTimestamp, b::Add),
      Row("_+_", kGlobal, {kDuration, kTimestamp}, kTimestamp, b::Add),
      Row("_+_", kGlobal, {kDuration, kDuration}, kDuration, b::Add),
      Row("_-_", kGlobal, {kInt, kInt}, kInt, b::Subtract),
      Row("_-_", kGlobal, {kUint, kUint}, kUint, b::Subtract),
      Row("_-_", kGlobal, {kDouble, kDouble}, kDouble, b::Subtract),
      Row("_-_", kGlobal, {kTimestamp, kTimestamp}, kDuration, b::Subtract),
      Row("_-_", kGlobal, {kTimestamp, kDuration}, kTimestamp, b::Subtract),
      Row("_-_", kGlobal, {kDuration, kDuration}, kDuration, b::Subtract),
      Row("_*_", kGlobal, {kInt, kInt}, kInt, b::Multiply),
      Row("_*_", kGlobal, {kUint, kUint}, kUint, b::Multiply),
      Row("_*_", kGlobal, {kDouble, kDouble}, kDouble, b::Multiply),
      Row("_/_", kGlobal, {kInt, kInt}, kInt, b::Divide),
      Row("_/_", kGlobal, {kUint, kUint}, kUint, b::Divide),
      Row("_/_", kGlobal, {kDouble, kDouble}, kDouble, b::Divide),
      Row("_%_", kGlobal, {kInt, kInt}, kInt, b::Modulo),
      Row("_%_", kGlobal, {kUint, kUint}, kUint, b::Modulo),
      Row("-_", kGlobal, {kInt}, kInt, b::Negate),
      Row("-_", kGlobal, {kDouble}, kDouble, b::Negate),
      Row("!_", kGlobal, {kBool}, kBool, b::LogicalNot),
      // Membership and indexing.
      WithPrepare(Row("@in", kGlobal, {kDyn, kList}, kBool, b::In), b::PrepareIn),
      WithPrepare(Row("@in", kGlobal, {kDyn, kMap}, kBool, b::In), b::PrepareIn),
      WithResult(Row("_[_]", kGlobal, {kList, kInt}, kDyn, b::Index), IndexResult),
      WithResult(Row("_[_]", kGlobal, {kList, kUint}, kDyn, b::Index), IndexResult),
      WithResult(Row("_[_]", kGlobal, {kList, kDouble}, kDyn, b::Index), IndexResult),
      WithResult(Row("_[_]", kGlobal, {kMap, kDyn}, kDyn, b::Index), IndexResult),
      // Sizes.
      Row("size", kGlobal, {kString}, kInt, b::Size),
      Row("size", kGlobal, {kBytes}, kInt, b::Size),
      Row("size", kGlobal, {kList}, kInt, b::Size),
      Row("size", kGlobal, {kMap}, kInt, b::Size),
      Row("size", kReceiver, {kString}, kInt, b::Size),
      Row("size", kReceiver, {kBytes}, kInt, b::Size),
      Row("size", kReceiver, {kList}, kInt, b::Size),
      Row("size", kReceiver, {kMap}, kInt, b::Size),
      // Strings.
      Row("contains", kReceiver, {kString, kString}, kBool, b::Contains),
      Row("startsWith", kReceiver, {kString, kString}, kBool, b::StartsWith),
      Row("endsWith", kReceiver, {kString, kString}, kBool, b::EndsWith),
      WithPrepare(Row("matches", kReceiver, {kString, kString}, kBool, b::Matches),
                  b::PrepareMatches),
      WithPrepare(Row("matches", kGlobal, {kString, kString}, kBool, b::Matches),
                  b::PrepareMatches),
      Row("lower", kReceiver, {kString}, kString, b::Lower),
      Row("lower", kGlobal, {kString}, kString, b::Lower),
      Row("upper", kReceiver, {kString}, kString, b::Upper),
      Row("upper", kGlobal, {kString}, kString, b::Upper),
      // Conversions.
      Row("int", kGlobal, {kInt}, kInt, b::ToInt),
      Row("int", kGlobal, {kUint}, kInt, b::ToInt),
      Row("int", kGlobal, {kDouble}, kInt, b::ToInt),
      Row("int", kGlobal, {kString}, kInt, b::ToInt),
      Row("int", kGlobal, {kTimestamp}, kInt, b::ToInt),
      Row("uint", kGlobal, {kUint}, kUint, b::ToUint),
      Row("uint", kGlobal, {kInt}, kUint, b::ToUint),
      Row("uint", kGlobal, {kDouble}, kUint, b::ToUint),
      Row("uint", kGlobal, {kString}, kUint, b::ToUint),
      Row("double", kGlobal, {kDouble}, kDouble, b::ToDouble),
      Row("double", kGlobal, {kInt}, kDouble, b::ToDouble),
      Row("double", kGlobal, {kUint}, kDouble, b::ToDouble),
      Row("double", kGlobal, {kString}, kDouble, b::ToDouble),
      Row("string", kGlobal, {kString}, kString, b::ToString),
      Row("string", kGlobal, {kInt}, kString, b::ToString),
      Row("string", kGlobal, {kUint}, kString, b::ToString),
      Row("string", kGlobal, {kDouble}, kString, b::ToString),
      Row("string", kGlobal, {kBool}, kString, b::ToString),
      Row("string", kGlobal, {kBytes}, kString, b::ToString),
      Row("string", kGlobal, {kTimestamp}, kString, b::ToString),
      Row("string", kGlobal, {kDuration}, kString, b::ToString),
      Row("bool", kGlobal, {kBool}, kBool, b::ToBool),
      Row("bool", kGlobal, {kString}, kBool, b::ToBool),
      Row("bytes", kGlobal, {kBytes}, kBytes, b::ToBytes),
      Row("bytes", kGlobal, {kString}, kBytes, b::ToBytes),
      Row("dyn", kGlobal, {kDyn}, kDyn, b::ToDyn),
      Row("type", kGlobal, {kDyn}, kType, b::TypeOf),
      // Time.
      Row("timestamp", kGlobal, {kString}, kTimestamp, b::ToTimestamp),
      Row("timestamp", kGlobal, {kInt}, kTimestamp, b::ToTimestamp),
      Row("timestamp", kGlobal, {kTimestamp}, kTimestamp, b::ToTimestamp),
      Row("duration", kGlobal, {kString}, kDuration, b::ToDuration),
      Row("duration", kGlobal, {kDuration}, kDuration, b::ToDuration),
      Row("date", kGlobal, {kString}, kTimestamp, b::DateOf),
      // Domain extensions.
      ReadsEvaluation(Row("as_of", kGlobal, {}, kTimestamp, b::AsOf)),
      WithPrepare(ReadsEvaluation(Row("commenced", kGlobal, {kString}, kBool, b::Commenced)),
                  b::PrepareCommenced),
      WithPrepare(
          ReadsEvaluation(Row("commenced", kGlobal, {kString, kTimestamp}, kBool, b::Commenced)),
          b::PrepareCommenced),
      Row("age_at", kGlobal, {kTimestamp, kTimestamp}, kInt, b::AgeAt),
      Row("max_gap", kGlobal, {kList, kTimestamp, kTimestamp}, kDuration, b::MaxGap),
      Row("within", kGlobal, {kTimestamp, kTimestamp, kDuration}, kBool, b::Within),
      Row("valid_nhs_number", kGlobal, {kString}, kBool, b::ValidNhsNumber),
      // Policy documents.
      WithPrepare(Row("mentions", kGlobal, {kString, kList}, kBool, b::Mentions), b::PrepareMentions),
      WithPrepare(Row("mentions", kGlobal, {kString, kString}, kBool, b::Mentions), b::PrepareMentions),
      WithPrepare(Row("mentions", kGlobal, {K::kRecord, kList}, kBool, b::Mentions), b::PrepareMentions),
      WithPrepare(Row("mentions", kGlobal, {K::kRecord, kString}, kBool, b::Mentions), b::PrepareMentions),
      WithPrepare(WithResult(Row("section", kGlobal, {K::kRecord, kString}, kDyn, b::SectionOf), SectionResult),
                  b::PrepareSection),
      WithPrepare(WithResult(Row("section", kGlobal, {K::kRecord, kList}, kDyn, b::SectionOf), SectionResult),
                  b::PrepareSection),
      WithPrepare(WithResult(Row("section", kGlobal, {kList, kString}, kDyn, b::SectionOf), SectionResult),
                  b::PrepareSection),
      WithPrepare(WithResult(Row("section", kGlobal, {kList, kList}, kDyn, b::SectionOf), SectionResult),
                  b::PrepareSection),
      WithResult(Row("dates_in", kGlobal, {kString}, kList, b::DatesIn), TimestampList),
  };
  // Ordering: numbers of any kind against each other, and like with like.
  constexpr std::array<std::string_view, 4> kOrderings = {"_<_", "_<=_", "_>_", "_>=_"};
  constexpr std::array<FunctionImpl, 4> kOrderingImpls = {b::Less, b::LessOrEqual, b::Greater,
                                                          b::GreaterOrEqual};
  for (std::size_t i = 0; i < kOrderings.size(); ++i) {
    for (K a : {kInt, kUint, kDouble}) {
      for (K c : {kInt, kUint, kDouble})
        t.push_back(Row(kOrderings[i], kGlobal, {a, c}, kBool, kOrderingImpls[i]));
    }
    for (K k : {kBool, kString, kBytes, kTimestamp, kDuration}) {
      t.push_back(Row(kOrderings[i], kGlobal, {k, k}, kBool, kOrderingImpls[i]));
    }
  }
  // Calendar accessors of timestamps, with an optional zone; span conversions of durations.
  const std::array<std::pair<std::string_view, FunctionImpl>, 10> accessors = {
      {{"getFullYear", b::GetFullYear},
       {"getMonth", b::GetMonth},
       {"getDate", b::GetDate},
       {"getDayOfMonth", b::GetDayOfMonth},
       {"getDayOfWeek", b::GetDayOfWeek},
       {"getDayOfYear", b::GetDayOfYear},
       {"getHours", b::GetHours},
       {"getMinutes", b::GetMinutes},
       {"getSeconds", b::GetSeconds},
       {"getMilliseconds", b::GetMilliseconds}}};
  for (const auto& [name, impl] : accessors) {
    t.push_back(Row(name, kReceiver, {kTimestamp}, kInt, impl));
    t.push_back(Row(name, kReceiver, {kTimestamp, kString}, kInt, impl));
  }
  for (std::string_view name : {"getHours", "getMinutes", "getSeconds", "getMilliseconds"}) {
    for (const auto& [accessor, impl] : accessors) {
      if (accessor == name) t.push_back(Row(name, kReceiver, {kDuration}, kInt, impl));
    }
  }
  return t;
}

}  // namespace

FunctionRegistry::FunctionRegistry(std::vector<Overload> overloads)
    : overloads_(std::move(overloads)) {
  constexpr int kValueKinds = static_cast<int>(ValueKind::kError) + 1;
  static_assert(kValueKinds <= 16, "a parameter's kinds are bits of a std::uint16_t");
  for (Overload& overload : overloads_) {
    if (overload.params.size() > Overload::kMaxParams) {
      throw std::invalid_argument("overload of '" + std::string(overload.function) + "' has " +
                                  std::to_string(overload.params.size()) + " parameters");
    }
    for (std::size_t i = 0; i < overload.params.size(); ++i) {
      overload.accepts[i] = 0;
      for (int kind = 0; kind < kValueKinds; ++kind) {
        if (KindMatches(overload.params[i], static_cast<ValueKind>(kind))) {
          overload.accepts[i] |= static_cast<std::uint16_t>(1u << kind);
        }
      }
    }
  }
}

const FunctionRegistry& FunctionRegistry::Builtins() {
  static const FunctionRegistry* registry = new FunctionRegistry(BuildTable());
  return *registry;
}

std::vector<const Overload*> FunctionRegistry::Find(std::string_view function, bool receiver,
                                                    int arity) const {
  std::vector<const Overload*> found;
  for (const Overload& o : overloads_) {
    if (o.function == function && o.receiver == receiver &&
        o.params.size() == static_cast<std::size_t>(arity)) {
      found.push_back(&o);
    }
  }
  return found;
}

bool FunctionRegistry::Has(std::string_view function) const {
  for (const Overload& o : overloads_) {
    if (o.function == function) return true;
  }
  return false;
}

std::string_view DisplayName(std::string_view function) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kNames = {
      {{"_==_", "=="},
       {"_!=_", "!="},
       {"_<_", "<"},
       {"_<=_", "<="},
       {"_>_", ">"},
       {"_>=_", ">="},
       {"_+_", "+"},
       {"_-_", "-"},
       {"_*_", "*"},
       {"_/_", "/"},
       {"_%_", "%"},
       {"-_", "-"},
       {"!_", "!"},
       {"@in", "in"},
       {"_[_]", "[]"},
       {"_&&_", "&&"},
       {"_||_", "||"}}};
  for (const auto& [internal, shown] : kNames) {
    if (internal == function) return shown;
  }
  return function;
}

}  // namespace uofa::expr
