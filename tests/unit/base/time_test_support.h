// A timestamp from its text, for tests that build records and audits by hand.
#ifndef UOFA_TESTS_UNIT_BASE_TIME_TEST_SUPPORT_H_
#define UOFA_TESTS_UNIT_BASE_TIME_TEST_SUPPORT_H_

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "engine/base/time.h"

namespace uofa::testing {

/// `text` (a date, or a date and local time) as ParseDateTime reads it; fails the test when it
/// cannot be read.
inline Timestamp At(const char* text) {
  std::string error;
  std::optional<Timestamp> time = ParseDateTime(text, &error);
  REQUIRE_MESSAGE(time.has_value(), error);
  return *time;
}

}  // namespace uofa::testing

#endif  // UOFA_TESTS_UNIT_BASE_TIME_TEST_SUPPORT_H_
