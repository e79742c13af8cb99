// Random inputs built from the characters that matter to the readers: every input must be read
// to its end without a crash or a loop, and every row accounted for.
#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <sstream>
#include <string>

#include "engine/sources/csv_reader.h"
#include "engine/sources/incident_jsonl.h"
#include "engine/sources/table_reader.h"
#include "tests/unit/sources/source_test_util.h"
#include "tests/unit/sources/test_schema.h"

namespace uofa {
namespace {

// A small fixed-seed generator, so a failure reproduces.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }
  std::string Text(std::string_view alphabet, std::size_t max_length) {
    std::string out;
    std::size_t length = Next() % (max_length + 1);
    for (std::size_t i = 0; i < length; ++i) out += alphabet[Next() % alphabet.size()];
    return out;
  }

 private:
  std::uint64_t state_;
};

TEST_CASE("robustness: random CSV") {
  testing::TestEnvironment env;
  Random random(20240601);
  const std::string alphabet = std::string(",,\"\"\n\r ax1Y") + "\xC3\xA9\xFF";
  for (int round = 0; round < 3000; ++round) {
    std::string text = "incident_id,patient_id,started_at,reason_code\n" + random.Text(alphabet, 80);
    Diagnostics diagnostics;
    auto table = TableReader::FromStream("r.csv", std::make_unique<std::istringstream>(text),
                                         env.type("incident"), env.options().parse, diagnostics);
    REQUIRE(table);
    Record record;
    std::size_t produced = 0;
    for (int guard = 0; guard < 1000 && table->Next(&record, diagnostics); ++guard) ++produced;
    CAPTURE(text);
    CHECK(table->counts().rows_read == produced + table->counts().rows_rejected);
    CHECK(table->counts().rows_read <= text.size());
    CHECK(diagnostics.ErrorCount() >= table->counts().rows_rejected);  // a row may have several
  }
}

TEST_CASE("robustness: random JSON Lines") {
  testing::TestEnvironment env;
  Random random(7);
  const std::string alphabet = std::string("{}[]\":,\n 1tn") + "\xFF";
  const std::string prefix = R"({"incident_id":"A)";
  for (int round = 0; round < 3000; ++round) {
    std::string text = prefix + random.Text(alphabet, 60);
    Diagnostics diagnostics;
    auto source = IncidentJsonlFromStream("r.jsonl", std::make_unique<std::istringstream>(text),
                                          env.options(), nullptr, diagnostics);
    REQUIRE(source);
    auto records = testing::ReadAll(*source, diagnostics);
    CAPTURE(text);
    CHECK(source->counts().rows_read == records.size() + source->counts().rows_rejected);
  }
}

}  // namespace
}  // namespace uofa
