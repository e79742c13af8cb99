// InlineValues: room for a few values on the stack, constructed only as they are added. A
// `std::array<Value, N>` (or of optional values) clears all N at every evaluation, which showed
// in profiles of the record rules; most evaluations add none or one.
#ifndef UOFA_ENGINE_EXPR_INLINE_VALUES_H_
#define UOFA_ENGINE_EXPR_INLINE_VALUES_H_

#include <cstddef>
#include <memory>
#include <new>
#include <utility>

#include "engine/expr/value.h"

namespace uofa::expr {

template <std::size_t N>
class InlineValues {
 public:
  InlineValues() = default;
  InlineValues(const InlineValues&) = delete;
  InlineValues& operator=(const InlineValues&) = delete;
  ~InlineValues() { std::destroy(data(), data() + size_); }

  /// Adds `value` (at most N in all) and returns where it is.
  Value* Add(Value value) {
    Value* added = std::construct_at(data() + size_, std::move(value));
    ++size_;
    return added;
  }
  Value* data() { return std::launder(reinterpret_cast<Value*>(storage_)); }

 private:
  alignas(Value) unsigned char storage_[N * sizeof(Value)];
  std::size_t size_ = 0;
};

}  // namespace uofa::expr

#endif  // UOFA_ENGINE_EXPR_INLINE_VALUES_H_
