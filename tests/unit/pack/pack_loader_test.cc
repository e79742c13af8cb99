#include "engine/pack/pack_loader.h"

#include <doctest/doctest.h>

#include "engine/pack/parameter_value.h"
#include "tests/unit/pack/pack_test_support.h"

namespace uofa {
namespace {

std::unique_ptr<PackSet> LoadValid(Diagnostics& diagnostics, std::vector<ParameterOverride> overrides = {},
                                   bool strict = true) {
  LoadOptions options;
  options.rules_root = testing::PackFixtures();
  options.packs = {"valid"};
  options.overrides = std::move(overrides);
  options.strict = strict;
  return LoadPacks(options, diagnostics);
}

const Parameter* FindParameter(const RulePack& pack, const std::string& name) {
  for (const Parameter& parameter : pack.parameters) {
    if (parameter.name == name) return &parameter;
  }
  return nullptr;
}

TEST_CASE("the valid fixture pack loads in strict mode without a diagnostic") {
  Diagnostics diagnostics;
  std::unique_ptr<PackSet> set = LoadValid(diagnostics);
  INFO(testing::WithoutFixturePrefix(diagnostics.Format()));
  REQUIRE(set != nullptr);
  CHECK(diagnostics.Empty());
  REQUIRE(set->packs.size() == 1);
  const RulePack& pack = *set->packs[0];
  CHECK(pack.id == "demo");
  CHECK(pack.title == "Demo pack");
  CHECK(pack.instrument == "Demo Act 2018 (c. 99)");
  CHECK(pack.version == "1.0.0");
  CHECK(pack.description == "A small pack that uses every part of the rule-pack format.\n");
  CHECK(set->FindPack("demo") == &pack);

  SUBCASE("sources and commencement") {
    REQUIRE(pack.sources.size() == 2);
    CHECK(pack.sources.at("act").url == "https://example.org/act");
    CHECK(pack.sources.at("act").date == "2018-11-01");
    CHECK(pack.sources.at("guidance").title == "Demo guidance");
    REQUIRE(pack.commencement.count("s.6"));
    CHECK(pack.commencement.at("s.6").has_value());
    CHECK(FormatLocalDate(*pack.commencement.at("s.6")) == "2022-03-31");
    CHECK_FALSE(pack.commencement.at("s.6(5)(n)").has_value());
  }

  SUBCASE("typed parameters") {
    REQUIRE(pack.parameters.size() == 6);
    const Parameter* hours = FindParameter(pack, "record_within_hours");
    REQUIRE(hours);
    CHECK(hours->type == ParameterType::kInt);
    CHECK(hours->value.as_int() == 24);
    CHECK(hours->unit == "hours");
    CHECK(hours->basis == "unverified");
    REQUIRE(hours->cite.size() == 1);
    CHECK(hours->cite[0].source == "guidance");
    CHECK(hours->cite[0].provision == "ch. 9");
    CHECK_FALSE(hours->overridden);
    CHECK(FindParameter(pack, "pass_rate")->value.as_double() == doctest::Approx(0.9));
    CHECK(FindParameter(pack, "reason_needed")->value.as_bool());
    CHECK(FindParameter(pack, "review_within")->value.as_duration().seconds == 72 * 3600);
    CHECK(FormatParameterValue(ParameterType::kDate, FindParameter(pack, "policy_from")->value) ==
          "2022-04-01");
    CHECK(FindParameter(pack, "unit_label")->value.as_string() == "ward");
  }

  SUBCASE("only the declared schemas and code lists, plus what they reference") {
    CHECK(set->schemas.Find("incident") != nullptr);
    CHECK(set->schemas.Find("intervention") != nullptr);  // via of:
    CHECK(set->schemas.Find("patient") != nullptr);       // via of:
    CHECK(set->schemas.Find("staff") == nullptr);         // in schema/ but not asked for
    const RecordType* incident = set->schemas.Find("incident");
    CHECK(incident->id_field() == "incident_id");
    CHECK(incident->event_time_field() == "started_at");
    const FieldDef* interventions = incident->Find("interventions");
    REQUIRE(interventions);
    CHECK(interventions->kind == FieldKind::kList);
    CHECK(interventions->element == set->schemas.Find("intervention"));
    CHECK(incident->Find("patient")->element == set->schemas.Find("patient"));
    CHECK(incident->Find("police_camera")->enum_values.size() == 4);
    CHECK(incident->Find("reason_code")->code_list == "ri_reason");
    CHECK(set->schemas.Find("patient")->Find("name")->identifier);

    const CodeList* types = set->codes.Find("ri_type");  // via intervention.type_code
    REQUIRE(types);
    CHECK(types->Contains("05"));
    CHECK(types->retired == std::vector<std::string>{"02"});
    CHECK(types->groups.at("ri_type_any_restraint") == std::vector<std::string>{"01", "04", "02"});
    CHECK(set->codes.Find("ri_reason")->groups.at("ri_reason_harm").size() == 2);
  }

  SUBCASE("rules, in file order, with their examples") {
    REQUIRE(pack.rules.size() == 3);
    const Rule& reason = pack.rules[0];
    CHECK(reason.id == "DEMO-S6-5A");
    CHECK(set->FindRule("DEMO-S6-5A") == &reason);
    CHECK(reason.subject_type == set->schemas.Find("incident"));
    CHECK(reason.basis == "statute");
    CHECK(reason.severity == GapSeverity::kHigh);
    REQUIRE(reason.cite.size() == 1);
    CHECK(reason.cite[0].provision == "s.6(5)(a)");
    CHECK(reason.when != nullptr);
    CHECK(reason.require != nullptr);
    CHECK(reason.target == doctest::Approx(0.98));
    CHECK(reason.remedy == "Record why force was used, with its national reason code.");
    CHECK(reason.defined_at.line == 2);
    CHECK(reason.defined_at.column == 3);
    REQUIRE(reason.examples.size() == 4);
    CHECK(reason.examples[0].name == "reason present");
    CHECK(reason.examples[0].expect == Verdict::kPass);
    CHECK(reason.examples[0].record->Get("reason_code").as_string() == "10");
    CHECK(reason.examples[2].record->Get("reason_code").as_string() == "99");
    CHECK(reason.examples[2].expect == Verdict::kNotApplicable);
    CHECK(reason.examples[3].as_of.has_value());
    CHECK(reason.examples[1].at.line == 19);

    const Rule& typed = pack.rules[1];
    CHECK(typed.when == nullptr);
    CHECK(typed.require_source == "interventions.all(i,\n  has(i.type_code) && i.type_code in codes.ri_type)\n");
    const Record& record = *typed.examples[0].record;
    const ValueList& items = record.Get("interventions").as_list();
    REQUIRE(items.size() == 2);
    CHECK(items[0].as_record().Get("type_code").as_string() == "01");
    CHECK(items[0].as_record().Get("in_care_plan").as_bool());
    CHECK(items[1].as_record().Get("in_care_plan").is_null());
    CHECK(record.Get("patient").as_record().Get("patient_id").as_string() == "P1");

    CHECK(pack.rules[2].when_source == "police_camera != 'not_worn'");
    CHECK(pack.rules[2].require_source == "patient_injury != 'unknown'");
  }
}

TEST_CASE("overrides replace parameter defaults, and are marked") {
  Diagnostics diagnostics;
  std::unique_ptr<PackSet> set =
      LoadValid(diagnostics, {{"", "record_within_hours", "12", {}}, {"demo", "review_within", "1h30m", {}}});
  REQUIRE(set != nullptr);
  const RulePack& pack = *set->packs[0];
  const Parameter* hours = FindParameter(pack, "record_within_hours");
  CHECK(hours->value.as_int() == 12);
  CHECK(hours->default_value.as_int() == 24);
  CHECK(hours->overridden);
  CHECK(FindParameter(pack, "review_within")->value.as_duration().seconds == 5400);
  CHECK_FALSE(FindParameter(pack, "pass_rate")->overridden);
}

TEST_CASE("an override for a pack that is not loaded is an error") {
  Diagnostics diagnostics;
  CHECK(LoadValid(diagnostics, {{"other", "record_within_hours", "12", {"uofa.yaml", 3, 5}}}) == nullptr);
  REQUIRE(diagnostics.Items().size() == 1);
  CHECK(FormatDiagnostic(diagnostics.Items()[0]) ==
        "uofa.yaml:3:5: error: parameter override names pack 'other', which is not loaded\n");
}

TEST_CASE("every pack under the rules root loads when none is named") {
  Diagnostics diagnostics;
  LoadOptions options;
  options.rules_root = testing::PackFixtures();
  std::unique_ptr<PackSet> set = LoadPacks(options, diagnostics);
  REQUIRE(set != nullptr);
  CHECK(set->packs.size() == 1);
  CHECK(set->FindRule("DEMO-S12-1") != nullptr);
  CHECK(set->FindRule("NOPE") == nullptr);
}

TEST_CASE("rules come in the order of their files, whichever file is read first") {
  Diagnostics diagnostics;
  LoadOptions options;
  options.rules_root = testing::PackFixtures();
  options.packs = {testing::PackFixtures() + "/other/ordered"};
  std::unique_ptr<PackSet> set = LoadPacks(options, diagnostics);
  INFO(testing::WithoutFixturePrefix(diagnostics.Format()));
  REQUIRE(set != nullptr);
  CHECK(diagnostics.Empty());
  REQUIRE(set->packs.size() == 1);
  std::vector<std::string> ids;
  for (const Rule& rule : set->packs[0]->rules) ids.push_back(rule.id);
  CHECK(ids == std::vector<std::string>{"ORDERED-A", "ORDERED-B-1", "ORDERED-B-2", "ORDERED-B-3"});
}

TEST_CASE("parameter values parse by type and print back") {
  std::string error;
  CHECK(ParseParameterValue(ParameterType::kInt, "24", &error)->as_int() == 24);
  CHECK_FALSE(ParseParameterValue(ParameterType::kInt, "2.5", &error));
  CHECK(error == "'2.5' is not a valid int");
  CHECK(ParseParameterValue(ParameterType::kBool, "yes", &error)->as_bool());
  CHECK_FALSE(ParseParameterValue(ParameterType::kDate, "2022-02-30", &error));
  CHECK(FormatParameterValue(ParameterType::kNumber, Value::Double(0.95)) == "0.95");
  CHECK(FormatParameterValue(ParameterType::kDuration,
                             *ParseParameterValue(ParameterType::kDuration, "72h", &error)) == "259200s");
}

}  // namespace
}  // namespace uofa
