// The hand-worked audit of statistics_fixture_test.cc read from files (tests/golden/audits/
// stats-small) through the record sources: the same figures must come out.
#include <doctest/doctest.h>

#include <string>

#include "engine/base/time.h"
#include "engine/pack/pack_loader.h"
#include "engine/stats/folder_statistics.h"
#include "engine/stats/record_facts.h"

namespace uofa::stats {
namespace {

TEST_CASE("statistics of the hand-worked audit read from its files") {
  LoadOptions load;
  load.rules_root = std::string(UOFA_SOURCE_DIR) + "/rules";
  load.packs = {"uof-act-2018"};
  Diagnostics diagnostics;
  std::unique_ptr<PackSet> packs = LoadPacks(load, diagnostics);
  INFO(diagnostics.Format());
  REQUIRE(packs != nullptr);
  std::string error;
  Timestamp as_of = *ParseDate("2025-04-01", &error);
  SourceOptions sources;
  sources.schemas = &packs->schemas;
  sources.parse.codes = &packs->codes;
  Statistics statistics = FolderStatistics(std::string(UOFA_SOURCE_DIR) + "/tests/golden/audits/stats-small",
                                           *packs, sources, as_of, BuildOptions{false, 7, 7}, diagnostics);
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK(statistics.incidents.value == 5);
  CHECK(statistics.interventions.value == 6);
  CHECK(statistics.people.value == 3);
  CHECK(statistics.prone_interventions.value == 2);
  CHECK(statistics.bed_days == 149);
  REQUIRE(statistics.charts.size() == 7);  // all, then the six type groups of ri_type.yaml
  CHECK(statistics.charts[0].mean == doctest::Approx(40.084468));
  CHECK(statistics.charts[1].title == "Physical restraint");
  REQUIRE(statistics.funnel);
  CHECK(statistics.funnel->wards[1].upper95 == doctest::Approx(74.118848));
  const DisparityRow& black = statistics.disparities[0].rows[0];
  CHECK(black.group == "Black");
  CHECK(*black.ratio_lower == doctest::Approx(0.045338).epsilon(1e-5));
  CHECK(statistics.disparities[2].rows[0].group == "18-24");  // P4, born 2003-03-03
}

TEST_CASE("age bands count whole years at the audit date") {
  const DayNumber audit = DaysFromCivil(2025, 4, 1);
  CHECK(AgeBand(DaysFromCivil(2007, 4, 1), audit) == "18-24");  // eighteenth birthday that day
  CHECK(AgeBand(DaysFromCivil(2007, 4, 2), audit) == "Under 18");
  CHECK(AgeBand(DaysFromCivil(1960, 4, 1), audit) == "65 and over");
  CHECK(AgeBand(DaysFromCivil(1960, 4, 2), audit) == "55-64");
  CHECK(AgeBand(DaysFromCivil(2026, 1, 1), audit) == "Not known");  // born after the audit date
}

TEST_CASE("calendar months") {
  CHECK(MonthOf(DaysFromCivil(2024, 2, 29)) == "2024-02");
  CHECK(NextMonth("2024-12") == "2025-01");
  CHECK(NextMonth("2024-01") == "2024-02");
  CHECK_FALSE(MonthStart("2024-13").has_value());
  CHECK_FALSE(MonthStart("x").has_value());
}

}  // namespace
}  // namespace uofa::stats
