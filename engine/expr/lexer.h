// Lexer: splits an expression into tokens, each with its byte offset, and decodes string, bytes
// and number literals as CEL's grammar defines them.
#ifndef UOFA_ENGINE_EXPR_LEXER_H_
#define UOFA_ENGINE_EXPR_LEXER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace uofa::expr {

enum class TokenKind : std::uint8_t {
  kEnd,
  kError,
  kIdent,
  kInt,
  kUint,
  kDouble,
  kString,
  kBytes,
  kTrue,
  kFalse,
  kNull,
  kIn,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kLBrace,
  kRBrace,
  kDot,
  kComma,
  kColon,
  kQuestion,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kPercent,
  kBang,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kAnd,
  kOr,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string text;  ///< kIdent: the name; kString/kBytes: decoded contents; kError: message
  std::int64_t int_value = 0;
  std::uint64_t uint_value = 0;
  double double_value = 0;
  bool quoted = false;  ///< kIdent written in backquotes (`content-type`): a field name only
};

/// Tokenizes the whole source. The last token is kEnd, or kError (with the message in `text`)
/// at the first character that cannot start a token.
std::vector<Token> Tokenize(std::string_view source);

/// A printable name of a token kind for messages ("')'", "identifier", "end of expression").
const char* TokenKindName(TokenKind kind);

}  // namespace uofa::expr

#endif  // UOFA_ENGINE_EXPR_LEXER_H_
