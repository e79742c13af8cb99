// Result<T>: a value or an error message, for operations that cannot go on (a file that cannot be
// opened). Problems in the user's input that let the operation continue go to a Diagnostics list.
#ifndef UOFA_ENGINE_BASE_RESULT_H_
#define UOFA_ENGINE_BASE_RESULT_H_

#include <optional>
#include <string>
#include <utility>

namespace uofa {

struct Failure {
  std::string message;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Failure failure) : error_(std::move(failure.message)) {}  // NOLINT

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  const std::string& error() const { return error_; }

  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  std::string error_;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_BASE_RESULT_H_
