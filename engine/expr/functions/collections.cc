// size() of strings (in code points), bytes, lists and maps.
#include "engine/expr/functions/builtins.h"

namespace uofa::expr::builtins {

Value Size(const Args& args, const CallContext&) {
  const Value& v = args[0];
  switch (v.kind()) {
    case ValueKind::kString: {
      std::int64_t count = 0;
      for (unsigned char c : v.as_string()) {
        if ((c & 0xC0) != 0x80) ++count;
      }
      return Value::Int(count);
    }
    case ValueKind::kBytes:
      return Value::Int(static_cast<std::int64_t>(v.as_bytes().size()));
    case ValueKind::kList:
      return Value::Int(static_cast<std::int64_t>(v.as_list().size()));
    case ValueKind::kMap:
      return Value::Int(static_cast<std::int64_t>(v.as_map().size()));
    default:
      return NoMatchingOverload("size");
  }
}

}  // namespace uofa::expr::builtins
