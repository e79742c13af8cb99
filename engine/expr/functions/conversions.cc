// Type conversions: int, uint, double, string, bool, bytes, dyn, type.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "engine/expr/functions/builtins.h"
#include "engine/expr/value_ops.h"

namespace uofa::expr::builtins {
namespace {

Value RangeError() { return Value::Error("value out of range"); }

bool ValidUtf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    int extra;
    std::uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else
      return false;
    if (i + extra >= s.size()) return false;
    for (int k = 1; k <= extra; ++k) {
      auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

// The shortest decimal text that reads back as the same double, as CEL implementations print.
std::string FormatDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "+Inf" : "-Inf";
  char buffer[64];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, d);
    if (std::strtod(buffer, nullptr) == d) break;
  }
  return buffer;
}

}  // namespace

Value ToInt(const Args& args, const CallContext&) {
  const Value& v = args[0];
  switch (v.kind()) {
    case ValueKind::kInt:
      return v;
    case ValueKind::kUint:
      if (v.as_uint() > static_cast<std::uint64_t>(INT64_MAX)) return RangeError();
      return Value::Int(static_cast<std::int64_t>(v.as_uint()));
    case ValueKind::kDouble: {
      double d = v.as_double();
      // Both bounds exclusive: double(2^63 - 1) rounds to 2^63, which is out of range.
      if (std::isnan(d) || d <= -9223372036854775808.0 || d >= 9223372036854775808.0) {
        return RangeError();
      }
      return Value::Int(static_cast<std::int64_t>(d));
    }
    case ValueKind::kString: {
      const std::string s(v.as_string());  // strtoll reads up to a terminating null
      errno = 0;
      char* end = nullptr;
      long long r = std::strtoll(s.c_str(), &end, 10);
      if (s.empty() || *end != '\0' || errno == ERANGE || s[0] == ' ' || s[0] == '+') {
        return Value::Error("cannot convert '" + s + "' to int");
      }
      return Value::Int(r);
    }
    case ValueKind::kTimestamp:
      return Value::Int(v.as_timestamp().seconds);
    default:
      return NoMatchingOverload("int");
  }
}

Value ToUint(const Args& args, const CallContext&) {
  const Value& v = args[0];
  switch (v.kind()) {
    case ValueKind::kUint:
      return v;
    case ValueKind::kInt:
      if (v.as_int() < 0) return RangeError();
      return Value::Uint(static_cast<std::uint64_t>(v.as_int()));
    case ValueKind::kDouble: {
      double d = v.as_double();
      if (std::isnan(d) || d <= -1.0 || d >= 18446744073709551616.0) return RangeError();
      return Value::Uint(static_cast<std::uint64_t>(d));
    }
    case ValueKind::kString: {
      const std::string s(v.as_string());  // strtoull reads up to a terminating null
      errno = 0;
      char* end = nullptr;
      unsigned long long r = std::strtoull(s.c_str(), &end, 10);
      if (s.empty() || *end != '\0' || errno == ERANGE || s[0] == '-' || s[0] == ' ' ||
          s[0] == '+') {
        return Value::Error("cannot convert '" + s + "' to uint");
      }
      return Value::Uint(r);
    }
    default:
      return NoMatchingOverload("uint");
  }
}

Value ToDouble(const Args& args, const CallContext&) {
  const Value& v = args[0];
  switch (v.kind()) {
    case ValueKind::kDouble:
      return v;
    case ValueKind::kInt:
      return Value::Double(static_cast<double>(v.as_int()));
    case ValueKind::kUint:
      return Value::Double(static_cast<double>(v.as_uint()));
    case ValueKind::kString: {
      const std::string s(v.as_string());  // strtod reads up to a terminating null
      char* end = nullptr;
      double d = std::strtod(s.c_str(), &end);
      if (s.empty() || *end != '\0' || s[0] == ' ') {
        return Value::Error("cannot convert '" + s + "' to double");
      }
      return Value::Double(d);
    }
    default:
      return NoMatchingOverload("double");
  }
}

Value ToString(const Args& args, const CallContext&) {
  const Value& v = args[0];
  switch (v.kind()) {
    case ValueKind::kString:
      return v;
    case ValueKind::kInt:
      return Value::String(std::to_string(v.as_int()));
    case ValueKind::kUint:
      return Value::String(std::to_string(v.as_uint()));
    case ValueKind::kDouble:
      return Value::String(FormatDouble(v.as_double()));
    case ValueKind::kBool:
      return Value::String(v.as_bool() ? "true" : "false");
    case ValueKind::kBytes:
      if (!ValidUtf8(v.as_bytes())) return Value::Error("invalid UTF-8 in bytes");
      return Value::String(v.as_bytes());
    case ValueKind::kTimestamp:
      return Value::String(FormatRfc3339(v.as_timestamp()));
    case ValueKind::kDuration:
      return Value::String(FormatDuration(v.as_duration()));
    default:
      return NoMatchingOverload("string");
  }
}

Value ToBool(const Args& args, const CallContext&) {
  const Value& v = args[0];
  if (v.kind() == ValueKind::kBool) return v;
  if (v.kind() == ValueKind::kString) {
    std::string_view s = v.as_string();
    if (s == "1" || s == "t" || s == "true" || s == "TRUE" || s == "True") return Value::Bool(true);
    if (s == "0" || s == "f" || s == "false" || s == "FALSE" || s == "False") {
      return Value::Bool(false);
    }
    return Value::Error("cannot convert '" + std::string(s) + "' to bool");
  }
  return NoMatchingOverload("bool");
}

Value ToBytes(const Args& args, const CallContext&) {
  const Value& v = args[0];
  if (v.kind() == ValueKind::kBytes) return v;
  if (v.kind() == ValueKind::kString) return Value::BytesValue(std::string(v.as_string()));
  return NoMatchingOverload("bytes");
}

Value ToDyn(const Args& args, const CallContext&) { return args[0]; }

Value TypeOf(const Args& args, const CallContext&) { return Value::Type(TypeNameOf(args[0])); }

}  // namespace uofa::expr::builtins
