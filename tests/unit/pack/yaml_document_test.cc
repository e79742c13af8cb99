#include "engine/pack/yaml_document.h"

#include <doctest/doctest.h>

#include <string>

#include "engine/pack/yaml_checks.h"

namespace uofa {
namespace {

YamlDocument Parse(const std::string& text, Diagnostics& diagnostics) {
  return ParseYaml(SourceText("t.yaml", text), diagnostics);
}

// The file position (line:column) of byte `offset` of the value of `key` in a one-level mapping.
std::string PositionOf(const std::string& text, const std::string& key, std::size_t offset) {
  Diagnostics diagnostics;
  YamlDocument document = Parse(text, diagnostics);
  REQUIRE(document.root);
  const YamlNode* node = document.root->Find(key);
  REQUIRE(node != nullptr);
  SourceLocation where = document.source.LocationOf(ScalarFileOffset(document.source, *node, offset));
  return std::to_string(where.line) + ":" + std::to_string(where.column);
}

TEST_CASE("nodes keep their positions, entries their order and duplicates") {
  Diagnostics diagnostics;
  YamlDocument document = Parse("a: 1\nb:\n  - x\n  - {c: 'q'}\na: 2\nempty:\nz: ~\n", diagnostics);
  CHECK(diagnostics.Empty());
  REQUIRE(document.root);
  const YamlNode& root = *document.root;
  REQUIRE(root.IsMapping());
  REQUIRE(root.entries.size() == 5);
  CHECK(root.entries[0].key->value == "a");
  CHECK(root.entries[2].key->value == "a");
  CHECK(root.Find("a")->value == "1");
  const YamlNode* b = root.Find("b");
  REQUIRE(b->IsSequence());
  CHECK(b->line == 3);
  CHECK(b->column == 3);
  const YamlNode& inner = *b->items[1];
  CHECK(inner.IsMapping());
  CHECK(inner.Find("c")->style == YamlScalarStyle::kSingleQuoted);
  CHECK(inner.Find("c")->column == 9);
  const YamlNode* empty = root.Find("empty");
  CHECK(empty->IsNull());
  CHECK(empty->line == 6);  // placed at its key, not at the next line
  CHECK(empty->column == 1);
  CHECK(root.Find("z")->IsNull());
  CHECK(root.Find("z")->column == 4);
}

TEST_CASE("syntax errors become positioned diagnostics") {
  Diagnostics diagnostics;
  YamlDocument document = Parse("a: [1, 2\nb: 3\n", diagnostics);
  CHECK(document.root == nullptr);
  REQUIRE(diagnostics.Items().size() == 1);
  CHECK(FormatDiagnostic(diagnostics.Items()[0]) ==
        "t.yaml:2:2: error: invalid YAML: end of sequence flow not found\n"
        "  b: 3\n"
        "   ^\n");
}

TEST_CASE("an empty file is an empty document; a second document is an error") {
  Diagnostics diagnostics;
  YamlDocument empty = Parse("", diagnostics);
  REQUIRE(empty.root);
  CHECK(empty.root->IsNull());
  CHECK(diagnostics.Empty());
  YamlDocument two = Parse("a: 1\n---\nb: 2\n", diagnostics);
  CHECK(two.root == nullptr);
  CHECK(diagnostics.HasErrors());
}

TEST_CASE("hostile input never throws or crashes") {
  const char* inputs[] = {
      "\t- a", "{", "[", "a: *nope", "&a [*a]", "- !<tag> x", "\xff\xfe\x00", ": :", "? [a]: b",
      "a: \"\\q\"", "a: |\n b\n  c\nd", "'unterminated", "%YAML 9.9\n--- a",
  };
  for (const char* input : inputs) {
    Diagnostics diagnostics;
    CHECK_NOTHROW(Parse(input, diagnostics));
  }
  std::string deep(5000, '[');
  Diagnostics diagnostics;
  CHECK_NOTHROW(Parse(deep, diagnostics));
  CHECK(diagnostics.HasErrors());

  // Each level doubles the tree; expanding it all would never finish.
  std::string bomb = "a0: &a0 [x, x]\n";
  for (int i = 1; i < 40; ++i) {
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) +
            ", *a" + std::to_string(i - 1) + "]\n";
  }
  Diagnostics bomb_diagnostics;
  YamlDocument document = Parse(bomb, bomb_diagnostics);
  CHECK(document.root == nullptr);
  CHECK(bomb_diagnostics.HasErrors());
}

TEST_CASE("offsets inside plain and quoted scalars map to file columns") {
  CHECK(PositionOf("k: abc def\n", "k", 4) == "1:8");
  CHECK(PositionOf("k: 'it''s x'\n", "k", 5) == "1:11");         // '' is one quote
  CHECK(PositionOf("k: \"a\\tb c\"\n", "k", 4) == "1:10");        // \t is two bytes in the file
  CHECK(PositionOf("k: \"\\u00e9 zz\"\n", "k", 3) == "1:12");     // é is two bytes of value
  CHECK(PositionOf("k: \"\\u00e9 zz\"\n", "k", 0) == "1:5");
  CHECK(PositionOf("k: first\n  second\n", "k", 6) == "2:3");    // folded plain scalar
}

TEST_CASE("offsets inside block scalars map to their lines") {
  std::string literal = "k: |\n  one &&\n    two &&\n  three\nnext: 1\n";
  CHECK(PositionOf(literal, "k", 0) == "2:3");
  CHECK(PositionOf(literal, "k", 9) == "3:5");   // "one &&\n  " then "two"
  CHECK(PositionOf(literal, "k", 16) == "4:3");
  CHECK(PositionOf(literal, "k", 19) == "4:6");
  std::string folded = "k: >\n  one &&\n  two\n";
  CHECK(PositionOf(folded, "k", 7) == "3:3");
}

TEST_CASE("near misses are suggested, unrelated words are not") {
  std::vector<std::string> keys = {"severity", "subject", "require", "examples"};
  CHECK(ClosestMatch("sevrity", keys) == "severity");
  CHECK(ClosestMatch("requires", keys) == "require");
  CHECK(ClosestMatch("colour", keys).empty());
  CHECK(DidYouMean("exampels", keys) == " (did you mean 'examples'?)");
}

}  // namespace
}  // namespace uofa
