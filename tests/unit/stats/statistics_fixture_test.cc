// BuildStatistics on a small audit worked by hand. Four admissions and five incidents, January to
// March 2025, audit date 1 April 2025:
//
//   admissions  P1 Oak 2025-01-01 to 2025-03-01   Jan 31 + Feb 28           = 59 bed days
//               P2 Oak 2025-01-15, still in         Jan 17 + Feb 28 + Mar 31 = 76
//               P3 Ash 2025-02-01 to 2025-02-11   Feb 10                    = 10
//               P4 Ash 2024-12-20 to 2025-01-05   Jan 4 (in the period)     =  4
//   by month    Jan 31 + 17 + 4 = 52; Feb 28 + 28 + 10 = 66; Mar 31. Total 149.
//   incidents   I1 P1 Oak Jan reason 10: types 01 (5 min), 07 (20 min); patient injured
//               I2 P1 Oak Jan reason 10: type 07 twice (3 and 4 min): one intervention
//               I3 P2 Oak Feb reason 11: type 05 (600 min)
//               I4 P3 Ash Feb reason 10: type 14 (no end time); staff injured
//               I5 P2 Oak Mar no reason: type 01 (12 min)
//   interventions (incident, type): 6; prone (01): 2; people: 3.
#include <doctest/doctest.h>

#include "engine/stats/builder.h"
#include "engine/stats/facts.h"

namespace uofa::stats {
namespace {

InterventionFacts Intervention(std::string code, std::optional<double> minutes) {
  return InterventionFacts{std::move(code), minutes};
}

Facts HandWorkedAudit() {
  Facts facts;
  facts.as_of = DaysFromCivil(2025, 4, 1);
  facts.admissions = {
      {"P1", "U", "Oak", DaysFromCivil(2025, 1, 1), DaysFromCivil(2025, 3, 1)},
      {"P2", "U", "Oak", DaysFromCivil(2025, 1, 15), std::nullopt},
      {"P3", "U", "Ash", DaysFromCivil(2025, 2, 1), DaysFromCivil(2025, 2, 11)},
      {"P4", "U", "Ash", DaysFromCivil(2024, 12, 20), DaysFromCivil(2025, 1, 5)},
  };
  facts.incidents = {
      {"I1", "P1", "U", "Oak", "2025-01", "10", true, false, {Intervention("01", 5), Intervention("07", 20)}},
      {"I2", "P1", "U", "Oak", "2025-01", "10", false, false, {Intervention("07", 3), Intervention("07", 4)}},
      {"I3", "P2", "U", "Oak", "2025-02", "11", false, false, {Intervention("05", 600)}},
      {"I4", "P3", "U", "Ash", "2025-02", "10", false, true, {Intervention("14", std::nullopt)}},
      {"I5", "P2", "U", "Oak", "2025-03", "", false, false, {Intervention("01", 12)}},
  };
  facts.patients = {
      {"P1", "Black", "Female", "25-34", "No", "Yes"},
      {"P2", "White", "Male", "35-44", "No", "No"},
      {"P3", "White", "Female", "35-44", "Yes", "No"},
      {"P4", "Black", "Male", "18-24", "No", "No"},
  };
  facts.type_labels = {{"01", "Prone"}, {"05", "Seclusion"}, {"07", "Standing"}, {"14", "Rapid tranquillisation"}};
  facts.reason_labels = {{"10", "Violence to others"}, {"11", "Self-harm"}};
  facts.type_groups = {{"physical", "Physical restraint", {"01", "07"}}};
  facts.prone_codes = {"01"};
  return facts;
}

const Tally& TallyOf(const Statistics& statistics, const std::string& dimension) {
  for (const Tally& tally : statistics.tallies) {
    if (tally.dimension == dimension) return tally;
  }
  FAIL("no tally " << dimension);
  return statistics.tallies.front();
}

std::string Row(const TallyRow& row) {
  return row.label + ": " + CountText(row.incidents) + " " + CountText(row.interventions) + " " + CountText(row.people);
}

std::vector<std::string> Rows(const Tally& tally) {
  std::vector<std::string> rows;
  for (const TallyRow& row : tally.rows) rows.push_back(Row(row));
  return rows;
}

TEST_CASE("headline counts, tallies and bed days of the hand-worked audit") {
  Statistics statistics = BuildStatistics(HandWorkedAudit(), BuildOptions{false, 7, 7});
  CHECK(statistics.period_start == "2025-01");
  CHECK(statistics.period_end == "2025-03");
  CHECK(statistics.incidents.value == 5);
  CHECK(statistics.interventions.value == 6);
  CHECK(statistics.people.value == 3);
  CHECK(statistics.prone_interventions.value == 2);
  CHECK(statistics.patient_injuries.value == 1);
  CHECK(statistics.staff_injuries.value == 1);
  CHECK(statistics.bed_days == 149);
  CHECK(*statistics.rate_per_1000 == doctest::Approx(40.268456));

  CHECK(Rows(TallyOf(statistics, "month")) ==
        std::vector<std::string>{"2025-01: 2 3 1", "2025-02: 2 2 2", "2025-03: 1 1 1"});
  CHECK(Rows(TallyOf(statistics, "ward")) == std::vector<std::string>{"U / Ash: 1 1 1", "U / Oak: 4 5 2"});
  CHECK(Rows(TallyOf(statistics, "type")) ==
        std::vector<std::string>{"01 Prone: 2 2 2", "05 Seclusion: 1 1 1", "07 Standing: 2 2 1",
                                 "14 Rapid tranquillisation: 1 1 1"});
  CHECK(Rows(TallyOf(statistics, "reason")) ==
        std::vector<std::string>{"10 Violence to others: 3 4 2", "11 Self-harm: 1 1 1", "Not recorded: 1 1 1"});
  CHECK(Rows(TallyOf(statistics, "duration")) ==
        std::vector<std::string>{"Under 10 minutes: 2 2 1", "10 to 29 minutes: 2 2 2", "30 to 59 minutes: 0 0 0",
                                 "1 to 23 hours: 1 1 1", "1 to 6 days: 0 0 0", "7 days or more: 0 0 0",
                                 "Not recorded: 1 1 1"});
}

TEST_CASE("SPC chart of the hand-worked audit") {
  Statistics statistics = BuildStatistics(HandWorkedAudit(), BuildOptions{false, 7, 7});
  REQUIRE(statistics.charts.size() == 2);
  const XmrChart& all = statistics.charts[0];
  REQUIRE(all.points.size() == 3);
  // 3,000/52 = 57.6923; 2,000/66 = 30.3030; 1,000/31 = 32.2581. Mean 40.0845; moving ranges
  // 27.3893 and 1.9551, average 14.6722; limits 40.0845 -/+ 2.66 x 14.6722.
  CHECK(all.points[0].value == doctest::Approx(57.692308));
  CHECK(all.points[1].value == doctest::Approx(30.303030));
  CHECK(all.points[2].value == doctest::Approx(32.258065));
  CHECK(*all.points[0].bed_days == 52);
  CHECK(all.mean == doctest::Approx(40.084468));
  CHECK(all.average_moving_range == doctest::Approx(14.672156));
  CHECK(all.upper_limit == doctest::Approx(79.112402));
  CHECK(all.lower_limit == doctest::Approx(1.056533));
  for (const XmrPoint& point : all.points) CHECK_FALSE(point.SpecialCause());
  // Physical restraint (01, 07): Jan 3, Feb 0, Mar 1.
  const XmrChart& physical = statistics.charts[1];
  CHECK(physical.title == "Physical restraint");
  CHECK(physical.points[1].value == 0);
  CHECK(physical.points[2].value == doctest::Approx(32.258065));
}

TEST_CASE("funnel plot of the hand-worked audit") {
  Statistics statistics = BuildStatistics(HandWorkedAudit(), BuildOptions{false, 7, 7});
  REQUIRE(statistics.funnel);
  const FunnelPlot& funnel = *statistics.funnel;
  CHECK(funnel.target == doctest::Approx(40.268456));  // 6 / 149 bed days
  REQUIRE(funnel.wards.size() == 2);
  const FunnelPoint& ash = funnel.wards[0];
  const FunnelPoint& oak = funnel.wards[1];
  CHECK(ash.ward == "Ash");
  CHECK(ash.bed_days == 14);
  CHECK(*ash.rate == doctest::Approx(71.428571));
  CHECK(ash.lower95 == 0);
  CHECK(ash.upper95 == doctest::Approx(145.383910));
  CHECK(ash.upper998 == doctest::Approx(206.001673));
  CHECK(oak.bed_days == 135);
  CHECK(*oak.rate == doctest::Approx(37.037037));
  // 0.0402685 -/+ 1.959964 x sqrt(0.0402685 / 135), per 1,000.
  CHECK(oak.lower95 == doctest::Approx(6.418064));
  CHECK(oak.upper95 == doctest::Approx(74.118848));
  CHECK(oak.lower998 == 0);
  CHECK(oak.upper998 == doctest::Approx(93.639623));
  CHECK(oak.position == FunnelPosition::kWithin);
}

TEST_CASE("disparity by ethnicity: rate ratio and 95% interval against White patients") {
  Statistics statistics = BuildStatistics(HandWorkedAudit(), BuildOptions{false, 7, 7});
  REQUIRE(statistics.disparities.size() == 5);
  const DisparityTable& ethnicity = statistics.disparities[0];
  CHECK(ethnicity.characteristic == "ethnicity");
  CHECK(ethnicity.reference_group == "White");
  REQUIRE(ethnicity.rows.size() == 2);
  const DisparityRow& black = ethnicity.rows[0];
  const DisparityRow& white = ethnicity.rows[1];
  CHECK(black.group == "Black");
  CHECK(black.people_admitted.value == 2);
  CHECK(black.people_subject.value == 1);
  CHECK(black.incidents.value == 2);
  CHECK(*black.rate == doctest::Approx(0.5));
  // (1/2) / (2/2) = 0.5; SE = sqrt(1/1 + 1/2) = 1.224745; 0.5 x exp(-/+ 1.959964 x SE).
  CHECK(*black.ratio == doctest::Approx(0.5));
  CHECK(*black.ratio_lower == doctest::Approx(0.045338).epsilon(1e-5));
  CHECK(*black.ratio_upper == doctest::Approx(5.514101).epsilon(1e-5));
  CHECK(white.reference);
  CHECK(*white.rate == doctest::Approx(1.0));
  CHECK(*white.ratio == 1.0);
  CHECK_FALSE(white.ratio_lower.has_value());
}

TEST_CASE("with suppression, small counts and the figures that would reveal them are hidden") {
  Statistics statistics = BuildStatistics(HandWorkedAudit(), BuildOptions{true, 7, 7});
  CHECK(statistics.incidents.value == 5);  // 5 is shown, rounded to itself
  CHECK_FALSE(statistics.incidents.suppressed);
  CHECK(statistics.interventions.value == 5);  // 6 rounds to 5
  CHECK(statistics.people.suppressed);         // 3
  CHECK(CountText(statistics.prone_interventions) == "*");
  CHECK(statistics.rate_per_1000.has_value());  // from 6 interventions: not suppressed
  CHECK(Rows(TallyOf(statistics, "month")) == std::vector<std::string>{"2025-01: * * *", "2025-02: * * *",
                                                                       "2025-03: * * *"});
  // A month's bed days with its rate would reveal its suppressed count.
  CHECK(statistics.charts[0].points[0].interventions.suppressed);
  CHECK_FALSE(statistics.charts[0].points[0].bed_days.has_value());
  const FunnelPoint& ash = statistics.funnel->wards[0];
  CHECK(ash.interventions.suppressed);
  CHECK_FALSE(ash.rate.has_value());
  CHECK(statistics.funnel->wards[1].interventions.value == 5);
  const DisparityRow& black = statistics.disparities[0].rows[0];
  CHECK(black.people_subject.suppressed);
  CHECK_FALSE(black.rate.has_value());
  CHECK_FALSE(black.ratio.has_value());
  CHECK_FALSE(black.ratio_lower.has_value());
}

TEST_CASE("an audit without incidents has an empty period and no charts to draw") {
  Facts facts = HandWorkedAudit();
  facts.incidents.clear();
  Statistics statistics = BuildStatistics(facts, BuildOptions{});
  CHECK(statistics.period_start.empty());
  CHECK(statistics.incidents.value == 0);
  CHECK(statistics.charts[0].points.empty());
  CHECK_FALSE(statistics.funnel.has_value());
  CHECK(statistics.disparities.empty());
}

}  // namespace
}  // namespace uofa::stats
