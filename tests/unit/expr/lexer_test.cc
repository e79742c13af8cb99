#include "engine/expr/lexer.h"

#include <doctest/doctest.h>

namespace uofa::expr {

TEST_CASE("lexer: tokens carry kinds and byte offsets") {
  std::vector<Token> tokens = Tokenize("reason_code in codes.ri_reason && x != '99'");
  REQUIRE(tokens.size() == 10);
  CHECK(tokens[0].kind == TokenKind::kIdent);
  CHECK(tokens[0].text == "reason_code");
  CHECK(tokens[1].kind == TokenKind::kIn);
  CHECK(tokens[1].offset == 12);
  CHECK(tokens[3].kind == TokenKind::kDot);
  CHECK(tokens[5].kind == TokenKind::kAnd);
  CHECK(tokens[5].offset == 31);
  CHECK(tokens[7].kind == TokenKind::kNe);
  CHECK(tokens[8].kind == TokenKind::kString);
  CHECK(tokens[8].text == "99");
  CHECK(tokens[8].offset == 39);
  CHECK(tokens[9].kind == TokenKind::kEnd);
}

TEST_CASE("lexer: numbers") {
  std::vector<Token> t = Tokenize("42 42u 0x1F 1.5 1e3 .5");
  CHECK(t[0].kind == TokenKind::kInt);
  CHECK(t[0].int_value == 42);
  CHECK(t[1].kind == TokenKind::kUint);
  CHECK(t[1].uint_value == 42);
  CHECK(t[2].int_value == 31);
  CHECK(t[3].kind == TokenKind::kDouble);
  CHECK(t[3].double_value == 1.5);
  CHECK(t[4].double_value == 1000.0);
  CHECK(t[5].double_value == 0.5);
}

TEST_CASE("lexer: string escapes, raw strings, bytes") {
  CHECK(Tokenize(R"('a\nb')")[0].text == "a\nb");
  CHECK(Tokenize(R"("\x41\101\u00e9")")[0].text == "AA\xC3\xA9");
  CHECK(Tokenize(R"(r'a\nb')")[0].text == "a\\nb");
  CHECK(Tokenize("'''multi\nline'''")[0].text == "multi\nline");
  Token bytes = Tokenize(R"(b'\xff')")[0];
  CHECK(bytes.kind == TokenKind::kBytes);
  CHECK(bytes.text == "\xff");
}

TEST_CASE("lexer: errors name the character and offset") {
  std::vector<Token> t = Tokenize("a = b");
  CHECK(t.back().kind == TokenKind::kError);
  CHECK(t.back().offset == 2);
  CHECK(t.back().text == "unexpected '=' (did you mean '==')");
  t = Tokenize("'open");
  CHECK(t.back().text == "unterminated string literal");
  CHECK(t.back().offset == 0);
  t = Tokenize("x # y");
  CHECK(t.back().text == "unexpected character '#'");
  CHECK(t.back().offset == 2);
}

TEST_CASE("lexer: comments and quoted identifiers") {
  std::vector<Token> t = Tokenize("a // note\n.`content-type`");
  REQUIRE(t.size() == 4);
  CHECK(t[2].kind == TokenKind::kIdent);
  CHECK(t[2].quoted);
  CHECK(t[2].text == "content-type");
}

}  // namespace uofa::expr
