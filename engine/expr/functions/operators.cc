// Operators: comparison, arithmetic, membership and indexing. One implementation per operator
// handles every kind pairing its overload rows allow.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/expr/functions/builtins.h"
#include "engine/expr/value_ops.h"

namespace uofa::expr::builtins {
namespace {

Value Overflow() { return Value::Error("integer overflow"); }

Value Compare(const Args& args, bool (*accept)(Ordering), std::string_view function) {
  std::optional<Ordering> order = CompareValues(args[0], args[1]);
  if (!order) return NoMatchingOverload(function);
  return Value::Bool(*order != Ordering::kUnordered && accept(*order));
}

// Membership data precomputed from a constant list or map of strings (a code list). A code list
// is a few short codes: each is packed with its length into one integer and a needle is found by
// a scan, cheaper than hashing it; longer members, or many, are looked up in a hash set.
class StringSet {
 public:
  bool only_strings = true;

  void Add(std::string_view member) {
    members_.insert(member);
    std::optional<std::uint64_t> packed = Pack(member);
    if (packed) {
      packed_.push_back(*packed);
    } else {
      all_packed_ = false;
    }
  }

  bool Contains(std::string_view needle) const {
    if (!all_packed_ || packed_.size() > kMostScanned) return members_.count(needle) > 0;
    std::optional<std::uint64_t> packed = Pack(needle);
    if (!packed) return false;  // longer than every member
    return std::find(packed_.begin(), packed_.end(), *packed) != packed_.end();
  }

 private:
  static constexpr std::size_t kMostScanned = 32;

  // Up to 7 bytes and the length in the eighth, so that "1" and "1\0" differ; nullopt if longer.
  // The bytes are shifted in one by one: copying so few is cheaper than a call of memcpy.
  static std::optional<std::uint64_t> Pack(std::string_view text) {
    if (text.size() > 7) return std::nullopt;
    std::uint64_t packed = static_cast<std::uint64_t>(text.size()) << 56;
    for (std::size_t i = 0; i < text.size(); ++i) {
      packed |= static_cast<std::uint64_t>(static_cast<unsigned char>(text[i])) << (8 * i);
    }
    return packed;
  }

  std::unordered_set<std::string_view> members_;
  std::vector<std::uint64_t> packed_;
  bool all_packed_ = true;
};

}  // namespace

Value NoMatchingOverload(std::string_view function) {
  return Value::Error("no matching overload for '" + std::string(DisplayName(function)) + "'");
}

Value Equal(const Args& args, const CallContext&) {
  return Value::Bool(ValuesEqual(args[0], args[1]));
}
Value NotEqual(const Args& args, const CallContext&) {
  return Value::Bool(!ValuesEqual(args[0], args[1]));
}
Value Less(const Args& args, const CallContext&) {
  return Compare(
      args, [](Ordering o) { return o == Ordering::kLess; }, "_<_");
}
Value LessOrEqual(const Args& args, const CallContext&) {
  return Compare(
      args, [](Ordering o) { return o != Ordering::kGreater; }, "_<=_");
}
Value Greater(const Args& args, const CallContext&) {
  return Compare(
      args, [](Ordering o) { return o == Ordering::kGreater; }, "_>_");
}
Value GreaterOrEqual(const Args& args, const CallContext&) {
  return Compare(
      args, [](Ordering o) { return o != Ordering::kLess; }, "_>=_");
}

Value Add(const Args& args, const CallContext&) {
  const Value& a = args[0];
  const Value& b = args[1];
  switch (a.kind()) {
    case ValueKind::kInt: {
      std::int64_t r;
      if (__builtin_add_overflow(a.as_int(), b.as_int(), &r)) return Overflow();
      return Value::Int(r);
    }
    case ValueKind::kUint: {
      std::uint64_t r;
      if (__builtin_add_overflow(a.as_uint(), b.as_uint(), &r)) return Overflow();
      return Value::Uint(r);
    }
    case ValueKind::kDouble:
      return Value::Double(a.as_double() + b.as_double());
    case ValueKind::kString:
      return Value::String(std::string(a.as_string()).append(b.as_string()));
    case ValueKind::kBytes:
      return Value::BytesValue(a.as_bytes() + b.as_bytes());
    case ValueKind::kList: {
      if (a.as_list().empty()) return b;
      if (b.as_list().empty()) return a;
      ValueList items = a.as_list();
      items.insert(items.end(), b.as_list().begin(), b.as_list().end());
      return Value::List(std::move(items));
    }
    case ValueKind::kTimestamp: {
      auto r = uofa::Add(a.as_timestamp(), b.as_duration());
      return r ? Value::Time(*r) : Value::Error("timestamp out of range");
    }
    case ValueKind::kDuration: {
      if (b.kind() == ValueKind::kTimestamp) {
        auto r = uofa::Add(b.as_timestamp(), a.as_duration());
        return r ? Value::Time(*r) : Value::Error("timestamp out of range");
      }
      auto r = uofa::Add(a.as_duration(), b.as_duration());
      return r ? Value::Span(*r) : Value::Error("duration out of range");
    }
    default:
      return NoMatchingOverload("_+_");
  }
}

Value Subtract(const Args& args, const CallContext&) {
  const Value& a = args[0];
  const Value& b = args[1];
  switch (a.kind()) {
    case ValueKind::kInt: {
      std::int64_t r;
      if (__builtin_sub_overflow(a.as_int(), b.as_int(), &r)) return Overflow();
      return Value::Int(r);
    }
    case ValueKind::kUint: {
      std::uint64_t r;
      if (__builtin_sub_overflow(a.as_uint(), b.as_uint(), &r)) return Overflow();
      return Value::Uint(r);
    }
    case ValueKind::kDouble:
      return Value::Double(a.as_double() - b.as_double());
    case ValueKind::kTimestamp: {
      if (b.kind() == ValueKind::kTimestamp) {
        // The difference must fit the duration range CEL implementations share in practice:
        // signed 64-bit nanoseconds, about 292 years.
        auto r = Between(b.as_timestamp(), a.as_timestamp());
        if (!r) return Value::Error("duration out of range");
        __extension__ __int128 nanos = static_cast<__int128>(r->seconds) * 1000000000 + r->nanos;
        if (nanos > INT64_MAX || nanos < INT64_MIN) return Value::Error("duration out of range");
        return Value::Span(*r);
      }
      auto negated = Negate(b.as_duration());
      if (!negated) return Value::Error("duration out of range");
      auto r = uofa::Add(a.as_timestamp(), *negated);
      return r ? Value::Time(*r) : Value::Error("timestamp out of range");
    }
    case ValueKind::kDuration: {
      auto negated = Negate(b.as_duration());
      if (!negated) return Value::Error("duration out of range");
      auto r = uofa::Add(a.as_duration(), *negated);
      return r ? Value::Span(*r) : Value::Error("duration out of range");
    }
    default:
      return NoMatchingOverload("_-_");
  }
}

Value Multiply(const Args& args, const CallContext&) {
  const Value& a = args[0];
  const Value& b = args[1];
  switch (a.kind()) {
    case ValueKind::kInt: {
      std::int64_t r;
      if (__builtin_mul_overflow(a.as_int(), b.as_int(), &r)) return Overflow();
      return Value::Int(r);
    }
    case ValueKind::kUint: {
      std::uint64_t r;
      if (__builtin_mul_overflow(a.as_uint(), b.as_uint(), &r)) return Overflow();
      return Value::Uint(r);
    }
    case ValueKind::kDouble:
      return Value::Double(a.as_double() * b.as_double());
    default:
      return NoMatchingOverload("_*_");
  }
}

Value Divide(const Args& args, const CallContext&) {
  const Value& a = args[0];
  const Value& b = args[1];
  switch (a.kind()) {
    case ValueKind::kInt:
      if (b.as_int() == 0) return Value::Error("division by zero");
      if (a.as_int() == std::numeric_limits<std::int64_t>::min() && b.as_int() == -1) {
        return Overflow();
      }
      return Value::Int(a.as_int() / b.as_int());
    case ValueKind::kUint:
      if (b.as_uint() == 0) return Value::Error("division by zero");
      return Value::Uint(a.as_uint() / b.as_uint());
    case ValueKind::kDouble:
      return Value::Double(a.as_double() / b.as_double());
    default:
      return NoMatchingOverload("_/_");
  }
}

Value Modulo(const Args& args, const CallContext&) {
  const Value& a = args[0];
  const Value& b = args[1];
  switch (a.kind()) {
    case ValueKind::kInt:
      if (b.as_int() == 0) return Value::Error("modulus by zero");
      if (a.as_int() == std::numeric_limits<std::int64_t>::min() && b.as_int() == -1) {
        return Overflow();
      }
      return Value::Int(a.as_int() % b.as_int());
    case ValueKind::kUint:
      if (b.as_uint() == 0) return Value::Error("modulus by zero");
      return Value::Uint(a.as_uint() % b.as_uint());
    default:
      return NoMatchingOverload("_%_");
  }
}

Value Negate(const Args& args, const CallContext&) {
  const Value& a = args[0];
  switch (a.kind()) {
    case ValueKind::kInt:
      if (a.as_int() == std::numeric_limits<std::int64_t>::min()) return Overflow();
      return Value::Int(-a.as_int());
    case ValueKind::kDouble:
      return Value::Double(-a.as_double());
    default:
      return NoMatchingOverload("-_");
  }
}

Value LogicalNot(const Args& args, const CallContext&) { return Value::Bool(!args[0].as_bool()); }

std::shared_ptr<const void> PrepareIn(const PrepareInputs& inputs, std::string*) {
  const Value* container = inputs.constants.size() == 2 ? inputs.constants[1] : nullptr;
  if (container == nullptr) return nullptr;
  auto set = std::make_shared<StringSet>();
  auto add = [&](const Value& v) {
    if (v.kind() == ValueKind::kString)
      set->Add(v.as_string());
    else
      set->only_strings = false;
  };
  if (container->kind() == ValueKind::kList) {
    for (const Value& v : container->as_list()) add(v);
  } else if (container->kind() == ValueKind::kMap) {
    for (const auto& entry : container->as_map()) add(entry.first);
  } else {
    return nullptr;
  }
  // The string views point into the constant, which the program keeps alive with the set.
  return set;
}

std::optional<bool> InPrepared(const Value& needle, const void* prepared) {
  if (needle.is_null()) return false;  // a missing value is in no list
  const auto& set = *static_cast<const StringSet*>(prepared);
  if (needle.kind() == ValueKind::kString && set.Contains(needle.as_string())) return true;
  if (set.only_strings) return false;
  return std::nullopt;  // the container holds other kinds: its members are compared one by one
}

Value In(const Args& args, const CallContext& context) {
  const Value& needle = args[0];
  const Value& container = args[1];
  if (needle.is_null()) return Value::Bool(false);  // a missing value is in no list
  if (context.prepared != nullptr) {
    if (std::optional<bool> found = InPrepared(needle, context.prepared)) {
      return Value::Bool(*found);
    }
  }
  if (container.kind() == ValueKind::kList) {
    for (const Value& item : container.as_list()) {
      if (ValuesEqual(item, needle)) return Value::Bool(true);
    }
    return Value::Bool(false);
  }
  if (container.kind() == ValueKind::kMap) {
    return Value::Bool(MapFind(container.as_map(), needle) != nullptr);
  }
  return NoMatchingOverload("@in");
}

Value Index(const Args& args, const CallContext&) {
  const Value& container = args[0];
  const Value& key = args[1];
  if (container.kind() == ValueKind::kList) {
    const ValueList& list = container.as_list();
    std::int64_t index;
    switch (key.kind()) {
      case ValueKind::kInt:
        index = key.as_int();
        break;
      case ValueKind::kUint:
        if (key.as_uint() > static_cast<std::uint64_t>(INT64_MAX)) {
          return Value::Error("index out of range");
        }
        index = static_cast<std::int64_t>(key.as_uint());
        break;
      case ValueKind::kDouble: {
        double d = key.as_double();
        if (d != std::trunc(d) || d < -1e18 || d > 1e18) {
          return Value::Error("invalid list index " + DebugString(key));
        }
        index = static_cast<std::int64_t>(d);
        break;
      }
      default:
        return NoMatchingOverload("_[_]");
    }
    if (index < 0 || index >= static_cast<std::int64_t>(list.size())) {
      return Value::Error("index out of range: " + std::to_string(index));
    }
    return list[static_cast<std::size_t>(index)];
  }
  if (container.kind() == ValueKind::kMap) {
    const Value* found = MapFind(container.as_map(), key);
    if (found == nullptr) return Value::Error("no such key: " + DebugString(key));
    return *found;
  }
  return NoMatchingOverload("_[_]");
}

}  // namespace uofa::expr::builtins
