#include "engine/eval/progress.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

namespace uofa {
namespace {

TEST_CASE("progress: rows, rate and time left") {
  CHECK(FormatProgress(1234567, 27.0, 0.25) ==
        "read 1,234,567 rows (45,724 rows/s), about 1 min 21 s left");
  CHECK(FormatProgress(1, 0.5, -1) == "read 1 row (2 rows/s)");
  CHECK(FormatProgress(999, 3.0, 0.999) == "read 999 rows (333 rows/s), about 0 s left");
  CHECK(FormatProgress(5000000, 100.0, 0.02) ==
        "read 5,000,000 rows (50,000 rows/s), about 1 h 21 min left");
  CHECK(FormatProgress(0, 0, -1) == "read 0 rows");
}

TEST_CASE("progress: nothing is written when the output is not a terminal") {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  {
    ProgressMeter meter(ends[1]);
    CHECK_FALSE(meter.active());
    for (std::size_t row = 0; row < 100000; ++row) meter.Update(row, 0.5);
    meter.Clear();
  }
  ::close(ends[1]);
  char byte;
  CHECK(::read(ends[0], &byte, 1) == 0);  // end of file: not a byte was written
  ::close(ends[0]);
}

}  // namespace
}  // namespace uofa
