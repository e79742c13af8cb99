#include "engine/expr/lexer.h"

#include <cerrno>
#include <cstdlib>

namespace uofa::expr {
namespace {

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

void AppendUtf8(std::string* out, std::uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view source) : src_(source) {}

  std::vector<Token> Run() {
    std::vector<Token> tokens;
    while (true) {
      Token token = Next();
      TokenKind kind = token.kind;
      tokens.push_back(std::move(token));
      if (kind == TokenKind::kEnd || kind == TokenKind::kError) break;
    }
    return tokens;
  }

 private:
  char Peek(std::size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
  }

  Token Make(TokenKind kind, std::size_t start) {
    Token token;
    token.kind = kind;
    token.offset = start;
    token.length = pos_ - start;
    return token;
  }

  Token Error(std::size_t at, std::string message) {
    Token token;
    token.kind = TokenKind::kError;
    token.offset = at;
    token.text = std::move(message);
    return token;
  }

  void SkipSpaceAndComments() {
    while (pos_ < src_.size()) {
      char c = src_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        ++pos_;
      } else if (c == '/' && Peek(1) == '/') {
        while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
  }

  Token Next() {
    SkipSpaceAndComments();
    std::size_t start = pos_;
    if (pos_ >= src_.size()) return Make(TokenKind::kEnd, start);
    char c = src_[pos_];
    // String and bytes prefixes: r, R, b, B and their combinations.
    if (c == 'r' || c == 'R' || c == 'b' || c == 'B') {
      std::size_t p = pos_;
      bool raw = false, bytes = false;
      for (int i = 0; i < 2 && p < src_.size(); ++i) {
        char q = src_[p];
        if ((q == 'r' || q == 'R') && !raw) {
          raw = true;
          ++p;
          continue;
        }
        if ((q == 'b' || q == 'B') && !bytes) {
          bytes = true;
          ++p;
          continue;
        }
        break;
      }
      if (p < src_.size() && (src_[p] == '"' || src_[p] == '\'')) {
        pos_ = p;
        return LexString(start, raw, bytes);
      }
    }
    if (IsIdentStart(c)) {
      while (pos_ < src_.size() && (IsIdentStart(src_[pos_]) || IsDigit(src_[pos_]))) ++pos_;
      std::string_view word = src_.substr(start, pos_ - start);
      TokenKind kind = TokenKind::kIdent;
      if (word == "true")
        kind = TokenKind::kTrue;
      else if (word == "false")
        kind = TokenKind::kFalse;
      else if (word == "null")
        kind = TokenKind::kNull;
      else if (word == "in")
        kind = TokenKind::kIn;
      Token token = Make(kind, start);
      token.text = std::string(word);
      return token;
    }
    if (IsDigit(c) || (c == '.' && IsDigit(Peek(1)))) return LexNumber(start);
    if (c == '"' || c == '\'') return LexString(start, false, false);
    if (c == '`') {
      std::size_t end = src_.find('`', pos_ + 1);
      if (end == std::string_view::npos || end == pos_ + 1) {
        return Error(start, "unterminated quoted identifier");
      }
      pos_ = end + 1;
      Token token = Make(TokenKind::kIdent, start);
      token.text = std::string(src_.substr(start + 1, end - start - 1));
      token.quoted = true;
      return token;
    }
    ++pos_;
    switch (c) {
      case '(':
        return Make(TokenKind::kLParen, start);
      case ')':
        return Make(TokenKind::kRParen, start);
      case '[':
        return Make(TokenKind::kLBracket, start);
      case ']':
        return Make(TokenKind::kRBracket, start);
      case '{':
        return Make(TokenKind::kLBrace, start);
      case '}':
        return Make(TokenKind::kRBrace, start);
      case '.':
        return Make(TokenKind::kDot, start);
      case ',':
        return Make(TokenKind::kComma, start);
      case ':':
        return Make(TokenKind::kColon, start);
      case '?':
        return Make(TokenKind::kQuestion, start);
      case '+':
        return Make(TokenKind::kPlus, start);
      case '-':
        return Make(TokenKind::kMinus, start);
      case '*':
        return Make(TokenKind::kStar, start);
      case '/':
        return Make(TokenKind::kSlash, start);
      case '%':
        return Make(TokenKind::kPercent, start);
      case '!':
        if (Peek() == '=') {
          ++pos_;
          return Make(TokenKind::kNe, start);
        }
        return Make(TokenKind::kBang, start);
      case '=':
        if (Peek() == '=') {
          ++pos_;
          return Make(TokenKind::kEq, start);
        }
        return Error(start, "unexpected '=' (did you mean '==')");
      case '<':
        if (Peek() == '=') {
          ++pos_;
          return Make(TokenKind::kLe, start);
        }
        return Make(TokenKind::kLt, start);
      case '>':
        if (Peek() == '=') {
          ++pos_;
          return Make(TokenKind::kGe, start);
        }
        return Make(TokenKind::kGt, start);
      case '&':
        if (Peek() == '&') {
          ++pos_;
          return Make(TokenKind::kAnd, start);
        }
        return Error(start, "unexpected '&' (did you mean '&&')");
      case '|':
        if (Peek() == '|') {
          ++pos_;
          return Make(TokenKind::kOr, start);
        }
        return Error(start, "unexpected '|' (did you mean '||')");
      default:
        break;
    }
    if (static_cast<unsigned char>(c) >= 0x80)
      return Error(start, "unexpected character in expression");
    return Error(start, std::string("unexpected character '") + c + "'");
  }

  Token LexNumber(std::size_t start) {
    // Hexadecimal integers.
    if (Peek() == '0' && (Peek(1) == 'x' || Peek(1) == 'X')) {
      pos_ += 2;
      std::size_t digits = pos_;
      while (IsHex(Peek())) ++pos_;
      if (pos_ == digits) return Error(start, "invalid hexadecimal literal");
      std::string text(src_.substr(digits, pos_ - digits));
      errno = 0;
      unsigned long long magnitude = std::strtoull(text.c_str(), nullptr, 16);
      bool overflow = errno == ERANGE;
      return FinishInt(start, magnitude, overflow);
    }
    bool is_double = false;
    while (IsDigit(Peek())) ++pos_;
    if (Peek() == '.' && IsDigit(Peek(1))) {
      is_double = true;
      ++pos_;
      while (IsDigit(Peek())) ++pos_;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      std::size_t p = pos_ + 1;
      if (p < src_.size() && (src_[p] == '+' || src_[p] == '-')) ++p;
      if (p < src_.size() && IsDigit(src_[p])) {
        is_double = true;
        pos_ = p;
        while (IsDigit(Peek())) ++pos_;
      }
    }
    std::string text(src_.substr(start, pos_ - start));
    if (is_double) {
      Token token = Make(TokenKind::kDouble, start);
      token.double_value = std::strtod(text.c_str(), nullptr);
      return token;
    }
    errno = 0;
    unsigned long long magnitude = std::strtoull(text.c_str(), nullptr, 10);
    bool overflow = errno == ERANGE;
    return FinishInt(start, magnitude, overflow);
  }

  Token FinishInt(std::size_t start, unsigned long long magnitude, bool overflow) {
    if (Peek() == 'u' || Peek() == 'U') {
      ++pos_;
      if (overflow) return Error(start, "unsigned integer literal out of range");
      Token token = Make(TokenKind::kUint, start);
      token.uint_value = magnitude;
      return token;
    }
    if (overflow) return Error(start, "integer literal out of range");
    // The magnitude is kept: -9223372036854775808 is valid only with the unary minus, which the
    // parser folds into the literal.
    Token token = Make(TokenKind::kInt, start);
    token.uint_value = magnitude;
    token.int_value = magnitude <= static_cast<unsigned long long>(INT64_MAX)
                          ? static_cast<std::int64_t>(magnitude)
                          : 0;
    return token;
  }

  Token LexString(std::size_t start, bool raw, bool bytes) {
    char quote = src_[pos_];
    bool triple = Peek(1) == quote && Peek(2) == quote;
    pos_ += triple ? 3 : 1;
    std::string out;
    while (true) {
      if (pos_ >= src_.size()) return Error(start, "unterminated string literal");
      char c = src_[pos_];
      if (triple) {
        if (c == quote && Peek(1) == quote && Peek(2) == quote) {
          pos_ += 3;
          break;
        }
      } else {
        if (c == quote) {
          ++pos_;
          break;
        }
        if (c == '\n' || c == '\r') return Error(start, "unterminated string literal");
      }
      if (c == '\\' && !raw) {
        std::size_t escape_at = pos_;
        ++pos_;
        if (pos_ >= src_.size()) return Error(start, "unterminated string literal");
        char e = src_[pos_++];
        switch (e) {
          case 'a':
            out.push_back('\a');
            break;
          case 'b':
            out.push_back('\b');
            break;
          case 'f':
            out.push_back('\f');
            break;
          case 'n':
            out.push_back('\n');
            break;
          case 'r':
            out.push_back('\r');
            break;
          case 't':
            out.push_back('\t');
            break;
          case 'v':
            out.push_back('\v');
            break;
          case '\\':
          case '\'':
          case '"':
          case '`':
          case '?':
            out.push_back(e);
            break;
          case 'x':
          case 'X': {
            if (!IsHex(Peek()) || !IsHex(Peek(1)))
              return Error(escape_at, "invalid escape sequence");
            int v = HexValue(Peek()) * 16 + HexValue(Peek(1));
            pos_ += 2;
            if (bytes)
              out.push_back(static_cast<char>(v));
            else
              AppendUtf8(&out, static_cast<std::uint32_t>(v));
            break;
          }
          case 'u':
          case 'U': {
            int n = e == 'u' ? 4 : 8;
            std::uint32_t cp = 0;
            for (int i = 0; i < n; ++i) {
              if (!IsHex(Peek())) return Error(escape_at, "invalid escape sequence");
              cp = cp * 16 + static_cast<std::uint32_t>(HexValue(src_[pos_++]));
            }
            if (bytes || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
              return Error(escape_at, "invalid unicode escape");
            }
            AppendUtf8(&out, cp);
            break;
          }
          default: {
            if (e >= '0' && e <= '3') {
              char d1 = Peek(), d2 = Peek(1);
              if (d1 < '0' || d1 > '7' || d2 < '0' || d2 > '7') {
                return Error(escape_at, "invalid escape sequence");
              }
              int v = (e - '0') * 64 + (d1 - '0') * 8 + (d2 - '0');
              pos_ += 2;
              if (bytes)
                out.push_back(static_cast<char>(v));
              else
                AppendUtf8(&out, static_cast<std::uint32_t>(v));
              break;
            }
            return Error(escape_at, "invalid escape sequence");
          }
        }
        continue;
      }
      out.push_back(c);
      ++pos_;
    }
    Token token = Make(bytes ? TokenKind::kBytes : TokenKind::kString, start);
    token.text = std::move(out);
    return token;
  }

  std::string_view src_;
  std::size_t pos_ = 0;
};

}  // namespace

std::vector<Token> Tokenize(std::string_view source) { return Lexer(source).Run(); }

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEnd:
      return "end of expression";
    case TokenKind::kError:
      return "invalid token";
    case TokenKind::kIdent:
      return "identifier";
    case TokenKind::kInt:
    case TokenKind::kUint:
    case TokenKind::kDouble:
      return "number";
    case TokenKind::kString:
      return "string";
    case TokenKind::kBytes:
      return "bytes";
    case TokenKind::kTrue:
      return "'true'";
    case TokenKind::kFalse:
      return "'false'";
    case TokenKind::kNull:
      return "'null'";
    case TokenKind::kIn:
      return "'in'";
    case TokenKind::kLParen:
      return "'('";
    case TokenKind::kRParen:
      return "')'";
    case TokenKind::kLBracket:
      return "'['";
    case TokenKind::kRBracket:
      return "']'";
    case TokenKind::kLBrace:
      return "'{'";
    case TokenKind::kRBrace:
      return "'}'";
    case TokenKind::kDot:
      return "'.'";
    case TokenKind::kComma:
      return "','";
    case TokenKind::kColon:
      return "':'";
    case TokenKind::kQuestion:
      return "'?'";
    case TokenKind::kPlus:
      return "'+'";
    case TokenKind::kMinus:
      return "'-'";
    case TokenKind::kStar:
      return "'*'";
    case TokenKind::kSlash:
      return "'/'";
    case TokenKind::kPercent:
      return "'%'";
    case TokenKind::kBang:
      return "'!'";
    case TokenKind::kEq:
      return "'=='";
    case TokenKind::kNe:
      return "'!='";
    case TokenKind::kLt:
      return "'<'";
    case TokenKind::kLe:
      return "'<='";
    case TokenKind::kGt:
      return "'>'";
    case TokenKind::kGe:
      return "'>='";
    case TokenKind::kAnd:
      return "'&&'";
    case TokenKind::kOr:
      return "'||'";
  }
  return "token";
}

}  // namespace uofa::expr
