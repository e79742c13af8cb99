#include "engine/sources/field_parser.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "tests/unit/sources/test_schema.h"

namespace uofa {
namespace {

FieldDef Field(FieldKind kind) {
  FieldDef field;
  field.name = "f";
  field.kind = kind;
  return field;
}

struct Parsed {
  Value value;
  std::string error;
};

Parsed Parse(const FieldDef& field, std::string_view text, FieldParseOptions options = {}) {
  Parsed out;
  out.value = ParseFieldText(field, text, options, &out.error);
  return out;
}

// The test code lists, given to the parser, and a field coded by the list of intervention types.
struct Coded {
  std::unique_ptr<CodeRegistry> codes = testing::MakeTestCodes();
  FieldParseOptions options = WithCodes(codes.get());
  FieldDef field = CodeField("ri_type");

  static FieldParseOptions WithCodes(const CodeRegistry* registry) {
    FieldParseOptions options;
    options.codes = registry;
    return options;
  }
  static FieldDef CodeField(const char* list) {
    FieldDef field = Field(FieldKind::kCode);
    field.code_list = list;
    return field;
  }
};

std::string Instant(const Value& value) {
  REQUIRE(value.kind() == ValueKind::kTimestamp);
  return FormatRfc3339(value.as_timestamp());
}

TEST_CASE("ParseFieldText: empty or all-space text is missing for every kind") {
  for (FieldKind kind : {FieldKind::kString, FieldKind::kText, FieldKind::kInt, FieldKind::kNumber,
                         FieldKind::kBool, FieldKind::kTristate, FieldKind::kDate,
                         FieldKind::kDateTime, FieldKind::kCode, FieldKind::kEnum}) {
    CAPTURE(FieldKindName(kind));
    for (std::string_view text : {"", "   ", "\t"}) {
      Parsed parsed = Parse(Field(kind), text);
      CHECK(parsed.value.is_null());
      CHECK(parsed.error.empty());
    }
  }
}

TEST_CASE("ParseFieldText: strings and text are kept as written") {
  Parsed parsed = Parse(Field(FieldKind::kText), " Restrained, then \"calm\"\nafterwards ");
  CHECK(parsed.error.empty());
  CHECK(parsed.value.as_string() == " Restrained, then \"calm\"\nafterwards ");
  CHECK(Parse(Field(FieldKind::kString), "INC-1").value.as_string() == "INC-1");
}

TEST_CASE("ParseFieldText: booleans in every spelling") {
  for (std::string_view yes : {"Y", "y", "yes", "YES", "Yes", "true", "TRUE", "True", "1", " Y "}) {
    CAPTURE(yes);
    Parsed parsed = Parse(Field(FieldKind::kBool), yes);
    CHECK(parsed.error.empty());
    CHECK(parsed.value.as_bool());
  }
  for (std::string_view no : {"N", "n", "no", "NO", "false", "False", "0"}) {
    CAPTURE(no);
    Parsed parsed = Parse(Field(FieldKind::kBool), no);
    CHECK(parsed.error.empty());
    CHECK_FALSE(parsed.value.as_bool());
  }
  Parsed unknown = Parse(Field(FieldKind::kBool), "U");
  CHECK(unknown.value.is_null());
  CHECK(unknown.error == "'U' is not Y or N");
  CHECK(Parse(Field(FieldKind::kBool), "2").error == "'2' is not Y or N");
  CHECK(Parse(Field(FieldKind::kBool), "maybe").error == "'maybe' is not Y or N");
}

TEST_CASE("ParseFieldText: tristate adds unknown and reads as a string") {
  FieldDef field = Field(FieldKind::kTristate);
  CHECK(Parse(field, "Y").value.as_string() == "yes");
  CHECK(Parse(field, "true").value.as_string() == "yes");
  CHECK(Parse(field, "1").value.as_string() == "yes");
  CHECK(Parse(field, "no").value.as_string() == "no");
  CHECK(Parse(field, "0").value.as_string() == "no");
  CHECK(Parse(field, "U").value.as_string() == "unknown");
  CHECK(Parse(field, "u").value.as_string() == "unknown");
  CHECK(Parse(field, "Unknown").value.as_string() == "unknown");
  Parsed bad = Parse(field, "perhaps");
  CHECK(bad.value.is_null());
  CHECK(bad.error == "'perhaps' is not Y, N or U");
}

TEST_CASE("ParseFieldText: int and number") {
  CHECK(Parse(Field(FieldKind::kInt), "42").value.as_int() == 42);
  CHECK(Parse(Field(FieldKind::kInt), " -7 ").value.as_int() == -7);
  CHECK(Parse(Field(FieldKind::kInt), "+3").value.as_int() == 3);
  Parsed fraction = Parse(Field(FieldKind::kInt), "1.5");
  CHECK(fraction.value.is_null());
  CHECK(fraction.error == "'1.5' is not a whole number");
  CHECK(Parse(Field(FieldKind::kInt), "12a").error == "'12a' is not a whole number");
  CHECK(Parse(Field(FieldKind::kInt), "99999999999999999999").error ==
        "'99999999999999999999' is out of range");

  CHECK(Parse(Field(FieldKind::kNumber), "2.5").value.as_double() == 2.5);
  CHECK(Parse(Field(FieldKind::kNumber), "10").value.as_double() == 10.0);
  CHECK(Parse(Field(FieldKind::kNumber), "-1e3").value.as_double() == -1000.0);
  CHECK(Parse(Field(FieldKind::kNumber), "abc").error == "'abc' is not a number");
  CHECK(Parse(Field(FieldKind::kNumber), "inf").error == "'inf' is not a number");
  CHECK(Parse(Field(FieldKind::kNumber), "nan").error == "'nan' is not a number");
  CHECK(Parse(Field(FieldKind::kNumber), "1,5").error == "'1,5' is not a number");
}

TEST_CASE("ParseFieldText: dates are midnight Europe/London, ISO or UK order") {
  FieldDef field = Field(FieldKind::kDate);
  CHECK(Instant(Parse(field, "2023-01-15").value) == "2023-01-15T00:00:00Z");
  CHECK(Instant(Parse(field, "2023-07-15").value) == "2023-07-14T23:00:00Z");  // BST
  FieldParseOptions uk;
  uk.date_order = DateOrder::kDayMonthYear;
  CHECK(Instant(Parse(field, "15/07/2023", uk).value) == "2023-07-14T23:00:00Z");
  CHECK(Instant(Parse(field, "01/02/2023", uk).value) == "2023-02-01T00:00:00Z");

  Parsed invalid = Parse(field, "2023-02-30");
  CHECK(invalid.value.is_null());
  CHECK(invalid.error == "'2023-02-30' is not a valid date");
  CHECK(Parse(field, "31/02/2023", uk).error == "'31/02/2023' is not a valid date");
  CHECK(Parse(field, "15/07/2023").error == "'15/07/2023' is not a valid date");
  CHECK(Parse(field, "yesterday").error == "'yesterday' is not a valid date");
}

TEST_CASE("ParseFieldText: datetimes with and without offsets") {
  FieldDef field = Field(FieldKind::kDateTime);
  CHECK(Instant(Parse(field, "2023-01-10T14:30").value) == "2023-01-10T14:30:00Z");
  CHECK(Instant(Parse(field, "2023-07-10T14:30").value) == "2023-07-10T13:30:00Z");  // BST
  CHECK(Instant(Parse(field, "2023-07-10 14:30:15").value) == "2023-07-10T13:30:15Z");
  CHECK(Instant(Parse(field, "2023-07-10T14:30Z").value) == "2023-07-10T14:30:00Z");
  CHECK(Instant(Parse(field, "2023-07-10T14:30:00+02:00").value) == "2023-07-10T12:30:00Z");
  CHECK(Instant(Parse(field, "2023-01-10T14:30-05:00").value) == "2023-01-10T19:30:00Z");
  CHECK(Instant(Parse(field, "2023-07-10").value) == "2023-07-09T23:00:00Z");
  FieldParseOptions uk;
  uk.date_order = DateOrder::kDayMonthYear;
  CHECK(Instant(Parse(field, "10/07/2023 14:30", uk).value) == "2023-07-10T13:30:00Z");

  Parsed invalid = Parse(field, "2023-02-30T10:00");
  CHECK(invalid.value.is_null());
  CHECK(invalid.error == "'2023-02-30T10:00' is not a valid date and time");
  CHECK(Parse(field, "2023-01-10T25:00").error == "'2023-01-10T25:00' is not a valid date and time");
  // 01:30 on the spring-forward Sunday does not exist in London.
  Parsed gap = Parse(field, "2023-03-26T01:30");
  CHECK(gap.value.is_null());
  CHECK(gap.error == "'2023-03-26T01:30' does not exist in Europe/London (clocks went forward)");
}

TEST_CASE("ParseFieldText: codes are normalised and checked against their list") {
  Coded coded;
  const auto& codes = coded.codes;
  const FieldParseOptions& options = coded.options;
  FieldDef field = coded.field;

  Parsed one = Parse(field, "1", options);
  CHECK(one.error.empty());
  CHECK(one.value.as_string() == "01");
  CHECK(Parse(field, " 04 ", options).value.as_string() == "04");

  Parsed unknown = Parse(field, "7", {DateOrder::kIso, codes.get()});
  CHECK(unknown.value.as_string() == "07");  // ri_type has 07: valid
  CHECK(unknown.error.empty());

  Parsed invalid = Parse(field, "99", options);
  CHECK(invalid.value.as_string() == "99");  // kept, so rules see it and fail on it
  CHECK(invalid.error == "'99' is not a code of 'ri_type'");
  Parsed retired = Parse(field, "2", options);
  CHECK(retired.value.as_string() == "02");
  CHECK(retired.error == "'2' is a retired code of 'ri_type'");
  Parsed text = Parse(field, "prone", options);
  CHECK(text.value.as_string() == "prone");
  CHECK(text.error == "'prone' is not a code of 'ri_type'");

  field.code_list = "ri_reason";
  CHECK(Parse(field, "7", options).error == "'7' is not a code of 'ri_reason'");
  CHECK(Parse(field, "7", options).value.as_string() == "07");

  // Without a code registry the text is kept, trimmed, and not checked.
  Parsed unchecked = Parse(field, " 7 ");
  CHECK(unchecked.error.empty());
  CHECK(unchecked.value.as_string() == "7");
}

TEST_CASE("ParseFieldText: enums take a listed value, in any case") {
  FieldDef field = Field(FieldKind::kEnum);
  field.enum_values = {"hands_on", "lead", "observer"};
  CHECK(Parse(field, "lead").value.as_string() == "lead");
  Parsed upper = Parse(field, "Hands_On");
  CHECK(upper.error.empty());
  CHECK(upper.value.as_string() == "hands_on");
  Parsed bad = Parse(field, "boss");
  CHECK(bad.value.as_string() == "boss");
  CHECK(bad.error == "'boss' is not one of hands_on, lead, observer");
}

TEST_CASE("ParseFieldText: the text of a value goes into the arena given, as it would be read") {
  Coded coded;
  const FieldParseOptions& options = coded.options;
  const FieldDef& code = coded.field;
  FieldDef listed = Field(FieldKind::kEnum);
  listed.enum_values = {"hands_on", "lead"};
  struct Case {
    FieldDef field;
    std::string_view text;
    std::string_view value;
  };
  const Case cases[] = {{Field(FieldKind::kString), "INC-1", "INC-1"},
                        {Field(FieldKind::kText), " Held, then calm ", " Held, then calm "},
                        {Field(FieldKind::kTristate), "U", "unknown"},
                        {code, "1", "01"},
                        {code, "99", "99"},
                        {listed, "Hands_On", "hands_on"},
                        {listed, "boss", "boss"}};
  ArenaRef arena = ArenaRef::New(1024);
  for (const Case& item : cases) {
    CAPTURE(item.text);
    std::string error;
    std::string heap_error;
    Value in_arena = ParseFieldText(item.field, item.text, options, &error, arena.get());
    Value on_heap = ParseFieldText(item.field, item.text, options, &heap_error);
    CHECK(in_arena.as_string() == item.value);
    CHECK(on_heap.as_string() == item.value);
    CHECK(error == heap_error);
    CHECK(arena.get()->Holds(in_arena.as_string().data()));
    CHECK_FALSE(arena.get()->Holds(on_heap.as_string().data()));
  }
  // Values that are not text take nothing from the arena.
  const std::size_t left = arena.get()->remaining();
  CHECK(ParseFieldText(Field(FieldKind::kInt), "42", options, nullptr, arena.get()).as_int() == 42);
  CHECK(ParseFieldText(Field(FieldKind::kBool), "Y", options, nullptr, arena.get()).as_bool());
  CHECK(arena.get()->remaining() == left);
}

TEST_CASE("ParseFieldText: lists and records cannot come from text") {
  Parsed list = Parse(Field(FieldKind::kList), "x");
  CHECK(list.value.is_null());
  CHECK(list.error == "a list cannot be read from text");
  CHECK(Parse(Field(FieldKind::kRecord), "x").error == "a record cannot be read from text");
}

TEST_CASE("ParseFieldText: a null error pointer is allowed") {
  CHECK(ParseFieldText(Field(FieldKind::kInt), "x", {}, nullptr).is_null());
}

}  // namespace
}  // namespace uofa
