#include "engine/expr/parser.h"

#include <algorithm>
#include <array>
#include <utility>

#include "engine/expr/lexer.h"

namespace uofa::expr {
namespace {

constexpr std::array<std::string_view, 16> kReserved = {
    "as",     "break", "const", "continue", "else",      "for",    "function", "if",
    "import", "let",   "loop",  "package",  "namespace", "return", "var",      "void"};

class Parser {
 public:
  Parser(std::vector<Token> tokens, const ParseOptions& options)
      : tokens_(std::move(tokens)), options_(options) {}

  ExprPtr Run(std::vector<ExpressionError>* errors) {
    ExprPtr root = ParseExpr();
    if (!failed_ && Peek().kind != TokenKind::kEnd) {
      Fail(Peek().offset, std::string("unexpected ") + Describe(Peek()));
    }
    if (failed_) {
      errors->push_back(error_);
      return nullptr;
    }
    return root;
  }

 private:
  // ---- token helpers
  const Token& Peek(std::size_t ahead = 0) const {
    std::size_t i = std::min(pos_ + ahead, tokens_.size() - 1);
    return tokens_[i];
  }
  const Token& Advance() {
    const Token& token = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return token;
  }
  bool Accept(TokenKind kind) {
    if (Peek().kind != kind) return false;
    Advance();
    return true;
  }
  std::string Describe(const Token& token) const {
    if (token.kind == TokenKind::kIdent) return "'" + token.text + "'";
    return TokenKindName(token.kind);
  }
  bool Expect(TokenKind kind) {
    if (failed_) return false;
    if (Accept(kind)) return true;
    const Token& token = Peek();
    if (token.kind == TokenKind::kError) {
      Fail(token.offset, token.text);
    } else {
      Fail(token.offset,
           std::string("expected ") + TokenKindName(kind) + " but found " + Describe(token));
    }
    return false;
  }
  void Fail(std::size_t offset, std::string message) {
    if (failed_) return;
    failed_ = true;
    error_ = ExpressionError{offset, std::move(message)};
  }

  // ---- node builders
  ExprPtr Node(ExprKind kind, std::size_t offset) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->offset = offset;
    return e;
  }
  // Computes the height of a finished node and enforces the nesting bound.
  ExprPtr Finish(ExprPtr e) {
    if (!e) return e;
    int depth = 0;
    if (e->target) depth = e->target->depth;
    for (const ExprPtr& a : e->args) depth = std::max(depth, a ? a->depth : 0);
    e->depth = depth + 1;
    if (e->depth > kMaxNesting) Fail(e->offset, "expression nested too deeply");
    return e;
  }
  ExprPtr Call(std::string function, std::size_t offset, std::vector<ExprPtr> args) {
    ExprPtr e = Node(ExprKind::kCall, offset);
    e->name = std::move(function);
    e->args = std::move(args);
    return Finish(std::move(e));
  }
  ExprPtr Binary(std::string function, std::size_t offset, ExprPtr left, ExprPtr right) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(left));
    args.push_back(std::move(right));
    return Call(std::move(function), offset, std::move(args));
  }

  struct DepthGuard {
    explicit DepthGuard(Parser* p) : parser(p) {
      if (++parser->recursion_ > kMaxNesting) {
        parser->Fail(parser->Peek().offset, "expression nested too deeply");
      }
    }
    ~DepthGuard() { --parser->recursion_; }
    Parser* parser;
  };

  // ---- grammar
  ExprPtr ParseExpr() {
    DepthGuard guard(this);
    if (failed_) return nullptr;
    ExprPtr condition = ParseOr();
    if (failed_) return nullptr;
    if (Peek().kind != TokenKind::kQuestion) return condition;
    std::size_t offset = Advance().offset;
    ExprPtr then_branch = ParseOr();
    if (!Expect(TokenKind::kColon)) return nullptr;
    ExprPtr else_branch = ParseExpr();
    if (failed_) return nullptr;
    std::vector<ExprPtr> args;
    args.push_back(std::move(condition));
    args.push_back(std::move(then_branch));
    args.push_back(std::move(else_branch));
    return Call("_?_:_", offset, std::move(args));
  }

  // A chain `a op b op c` of a logical operator, built balanced so that long chains stay shallow.
  ExprPtr Balance(const std::string& function, std::vector<ExprPtr>& operands,
                  const std::vector<std::size_t>& offsets, std::size_t lo, std::size_t hi) {
    if (lo == hi) return std::move(operands[lo]);
    std::size_t mid = (lo + hi) / 2;
    ExprPtr left = Balance(function, operands, offsets, lo, mid);
    ExprPtr right = Balance(function, operands, offsets, mid + 1, hi);
    return Binary(function, offsets[mid], std::move(left), std::move(right));
  }

  ExprPtr ParseOr() {
    std::vector<ExprPtr> operands;
    std::vector<std::size_t> offsets;
    operands.push_back(ParseAnd());
    while (!failed_ && Peek().kind == TokenKind::kOr) {
      offsets.push_back(Advance().offset);
      operands.push_back(ParseAnd());
    }
    if (failed_) return nullptr;
    return Balance("_||_", operands, offsets, 0, operands.size() - 1);
  }

  ExprPtr ParseAnd() {
    std::vector<ExprPtr> operands;
    std::vector<std::size_t> offsets;
    operands.push_back(ParseRelation());
    while (!failed_ && Peek().kind == TokenKind::kAnd) {
      offsets.push_back(Advance().offset);
      operands.push_back(ParseRelation());
    }
    if (failed_) return nullptr;
    return Balance("_&&_", operands, offsets, 0, operands.size() - 1);
  }

  ExprPtr ParseRelation() {
    ExprPtr left = ParseAddition();
    while (!failed_) {
      const char* function = nullptr;
      switch (Peek().kind) {
        case TokenKind::kEq:
          function = "_==_";
          break;
        case TokenKind::kNe:
          function = "_!=_";
          break;
        case TokenKind::kLt:
          function = "_<_";
          break;
        case TokenKind::kLe:
          function = "_<=_";
          break;
        case TokenKind::kGt:
          function = "_>_";
          break;
        case TokenKind::kGe:
          function = "_>=_";
          break;
        case TokenKind::kIn:
          function = "@in";
          break;
        default:
          break;
      }
      if (function == nullptr) break;
      std::size_t offset = Advance().offset;
      ExprPtr right = ParseAddition();
      if (failed_) return nullptr;
      left = Binary(function, offset, std::move(left), std::move(right));
    }
    return failed_ ? nullptr : std::move(left);
  }

  ExprPtr ParseAddition() {
    ExprPtr left = ParseMultiplication();
    while (!failed_ && (Peek().kind == TokenKind::kPlus || Peek().kind == TokenKind::kMinus)) {
      const char* function = Peek().kind == TokenKind::kPlus ? "_+_" : "_-_";
      std::size_t offset = Advance().offset;
      ExprPtr right = ParseMultiplication();
      if (failed_) return nullptr;
      left = Binary(function, offset, std::move(left), std::move(right));
    }
    return failed_ ? nullptr : std::move(left);
  }

  ExprPtr ParseMultiplication() {
    ExprPtr left = ParseUnary();
    while (!failed_) {
      const char* function = nullptr;
      switch (Peek().kind) {
        case TokenKind::kStar:
          function = "_*_";
          break;
        case TokenKind::kSlash:
          function = "_/_";
          break;
        case TokenKind::kPercent:
          function = "_%_";
          break;
        default:
          break;
      }
      if (function == nullptr) break;
      std::size_t offset = Advance().offset;
      ExprPtr right = ParseUnary();
      if (failed_) return nullptr;
      left = Binary(function, offset, std::move(left), std::move(right));
    }
    return failed_ ? nullptr : std::move(left);
  }

  ExprPtr ParseUnary() {
    if (Peek().kind == TokenKind::kBang) {
      DepthGuard guard(this);
      if (failed_) return nullptr;
      std::size_t offset = Advance().offset;
      ExprPtr operand = ParseUnary();
      if (failed_) return nullptr;
      std::vector<ExprPtr> args;
      args.push_back(std::move(operand));
      return Call("!_", offset, std::move(args));
    }
    if (Peek().kind == TokenKind::kMinus) {
      DepthGuard guard(this);
      if (failed_) return nullptr;
      std::size_t offset = Advance().offset;
      // A minus directly before a number is part of the literal (so the most negative int can be
      // written); member access still applies to the signed literal.
      if (Peek().kind == TokenKind::kInt || Peek().kind == TokenKind::kDouble) {
        const Token& number = Advance();
        ExprPtr literal = Node(ExprKind::kLiteral, offset);
        if (number.kind == TokenKind::kDouble) {
          literal->literal = Value::Double(-number.double_value);
        } else if (number.uint_value > static_cast<std::uint64_t>(INT64_MAX) + 1) {
          Fail(offset, "integer literal out of range");
          return nullptr;
        } else {
          literal->literal = Value::Int(static_cast<std::int64_t>(0 - number.uint_value));
        }
        return ParseMemberSuffix(Finish(std::move(literal)));
      }
      ExprPtr operand = ParseUnary();
      if (failed_) return nullptr;
      std::vector<ExprPtr> args;
      args.push_back(std::move(operand));
      return Call("-_", offset, std::move(args));
    }
    return ParseMember();
  }

  ExprPtr ParseMember() {
    ExprPtr primary = ParsePrimary();
    if (failed_) return nullptr;
    return ParseMemberSuffix(std::move(primary));
  }

  ExprPtr ParseMemberSuffix(ExprPtr operand) {
    while (!failed_) {
      if (Peek().kind == TokenKind::kDot) {
        Advance();  // the dot
        if (Peek().kind != TokenKind::kIdent) {
          Fail(Peek().offset,
               "expected a field or method name after '.' but found " + Describe(Peek()));
          return nullptr;
        }
        const Token& ident = Advance();
        std::string name = ident.text;
        std::size_t name_offset = ident.offset;
        if (Peek().kind == TokenKind::kLParen) {
          if (ident.quoted) {
            Fail(name_offset, "a quoted identifier cannot name a function");
            return nullptr;
          }
          Advance();
          std::vector<ExprPtr> args = ParseArgs(TokenKind::kRParen);
          if (failed_) return nullptr;
          operand = MemberCall(std::move(operand), std::move(name), name_offset, std::move(args));
        } else {
          ExprPtr select = Node(ExprKind::kSelect, name_offset);
          select->name = std::move(name);
          select->target = std::move(operand);
          operand = Finish(std::move(select));
        }
      } else if (Peek().kind == TokenKind::kLBracket) {
        std::size_t offset = Advance().offset;
        ExprPtr index = ParseExpr();
        if (!Expect(TokenKind::kRBracket)) return nullptr;
        operand = Binary("_[_]", offset, std::move(operand), std::move(index));
      } else if (Peek().kind == TokenKind::kLBrace && operand &&
                 (operand->kind == ExprKind::kIdent || operand->kind == ExprKind::kSelect)) {
        Fail(Peek().offset, "message construction is not supported");
        return nullptr;
      } else {
        break;
      }
    }
    return failed_ ? nullptr : std::move(operand);
  }

  std::vector<ExprPtr> ParseArgs(TokenKind close) {
    std::vector<ExprPtr> args;
    if (Accept(close)) return args;
    while (!failed_) {
      args.push_back(ParseExpr());
      if (failed_) break;
      if (Accept(TokenKind::kComma)) {
        if (Accept(close)) break;  // trailing comma
        continue;
      }
      Expect(close);
      break;
    }
    return args;
  }

  ExprPtr ParsePrimary() {
    const Token& token = Peek();
    switch (token.kind) {
      case TokenKind::kInt: {
        Advance();
        if (token.uint_value > static_cast<std::uint64_t>(INT64_MAX)) {
          Fail(token.offset, "integer literal out of range");
          return nullptr;
        }
        return Literal(token.offset, Value::Int(token.int_value));
      }
      case TokenKind::kUint:
        Advance();
        return Literal(token.offset, Value::Uint(token.uint_value));
      case TokenKind::kDouble:
        Advance();
        return Literal(token.offset, Value::Double(token.double_value));
      case TokenKind::kString:
        Advance();
        return Literal(token.offset, Value::String(token.text));
      case TokenKind::kBytes:
        Advance();
        return Literal(token.offset, Value::BytesValue(token.text));
      case TokenKind::kTrue:
        Advance();
        return Literal(token.offset, Value::Bool(true));
      case TokenKind::kFalse:
        Advance();
        return Literal(token.offset, Value::Bool(false));
      case TokenKind::kNull:
        Advance();
        return Literal(token.offset, Value::Null());
      case TokenKind::kLParen: {
        Advance();
        ExprPtr inner = ParseExpr();
        if (!Expect(TokenKind::kRParen)) return nullptr;
        return inner;
      }
      case TokenKind::kLBracket: {
        Advance();
        ExprPtr list = Node(ExprKind::kList, token.offset);
        list->args = ParseArgs(TokenKind::kRBracket);
        if (failed_) return nullptr;
        return Finish(std::move(list));
      }
      case TokenKind::kLBrace:
        return ParseMap();
      case TokenKind::kDot:
        // A leading dot names the root scope: `.x` is `x`.
        Advance();
        if (Peek().kind != TokenKind::kIdent) {
          Fail(Peek().offset, "expected an identifier after '.' but found " + Describe(Peek()));
          return nullptr;
        }
        return ParseIdentOrCall();
      case TokenKind::kIdent:
        return ParseIdentOrCall();
      case TokenKind::kError:
        Fail(token.offset, token.text);
        return nullptr;
      default:
        Fail(token.offset, "unexpected " + Describe(token));
        return nullptr;
    }
  }

  ExprPtr Literal(std::size_t offset, Value value) {
    ExprPtr e = Node(ExprKind::kLiteral, offset);
    e->literal = std::move(value);
    return Finish(std::move(e));
  }

  ExprPtr ParseIdentOrCall() {
    const Token& ident = Advance();
    if (ident.quoted) {
      Fail(ident.offset, "a quoted identifier may only follow '.'");
      return nullptr;
    }
    if (std::find(kReserved.begin(), kReserved.end(), ident.text) != kReserved.end()) {
      Fail(ident.offset, "reserved identifier '" + ident.text + "'");
      return nullptr;
    }
    if (Peek().kind == TokenKind::kLParen) {
      Advance();
      std::vector<ExprPtr> args = ParseArgs(TokenKind::kRParen);
      if (failed_) return nullptr;
      if (options_.enable_macros && ident.text == "has" && args.size() == 1) {
        ExprPtr& arg = args[0];
        if (arg->kind == ExprKind::kIdent) {
          // has(field): presence of a top-level field, a select without a target.
          arg->kind = ExprKind::kSelect;
          arg->test_only = true;
          return std::move(arg);
        }
        if (arg->kind != ExprKind::kSelect) {
          Fail(arg->offset, "invalid argument to has() macro");
          return nullptr;
        }
        arg->test_only = true;
        return std::move(arg);
      }
      return Call(ident.text, ident.offset, std::move(args));
    }
    ExprPtr e = Node(ExprKind::kIdent, ident.offset);
    e->name = ident.text;
    return Finish(std::move(e));
  }

  ExprPtr ParseMap() {
    const Token& open = Advance();
    ExprPtr map = Node(ExprKind::kMap, open.offset);
    if (!Accept(TokenKind::kRBrace)) {
      while (!failed_) {
        ExprPtr key = ParseExpr();
        if (!Expect(TokenKind::kColon)) return nullptr;
        ExprPtr value = ParseExpr();
        if (failed_) return nullptr;
        map->args.push_back(std::move(key));
        map->args.push_back(std::move(value));
        if (Accept(TokenKind::kComma)) {
          if (Accept(TokenKind::kRBrace)) break;
          continue;
        }
        if (!Expect(TokenKind::kRBrace)) return nullptr;
        break;
      }
    }
    if (failed_) return nullptr;
    return Finish(std::move(map));
  }

  ExprPtr MemberCall(ExprPtr target, std::string name, std::size_t offset,
                     std::vector<ExprPtr> args) {
    if (options_.enable_macros) {
      MacroKind macro = MacroKind::kNone;
      int variables = 1;
      std::size_t n = args.size();
      if ((name == "all" || name == "exists" || name == "exists_one" || name == "existsOne") &&
          (n == 2 || n == 3)) {
        macro = name == "all"      ? MacroKind::kAll
                : name == "exists" ? MacroKind::kExists
                                   : MacroKind::kExistsOne;
        variables = static_cast<int>(n) - 1;
      } else if (name == "map" && n == 2) {
        macro = MacroKind::kMap;
      } else if (name == "map" && n == 3) {
        macro = MacroKind::kMapFilter;
      } else if (name == "filter" && n == 2) {
        macro = MacroKind::kFilter;
      } else if ((name == "transformList" || name == "transformMap") && (n == 3 || n == 4)) {
        macro = name == "transformList" ? MacroKind::kTransformList : MacroKind::kTransformMap;
        variables = 2;
      }
      if (macro != MacroKind::kNone) {
        for (int i = 0; i < variables; ++i) {
          if (args[i]->kind != ExprKind::kIdent) {
            Fail(args[i]->offset, "argument must be a simple name");
            return nullptr;
          }
        }
        ExprPtr e = Node(ExprKind::kComprehension, offset);
        e->macro = macro;
        e->name = args[0]->name;
        if (variables == 2) {
          e->name2 = args[1]->name;
          if (e->name2 == e->name) {
            Fail(args[1]->offset, "duplicate iteration variable '" + e->name + "'");
            return nullptr;
          }
        }
        e->target = std::move(target);
        for (std::size_t i = variables; i < n; ++i) e->args.push_back(std::move(args[i]));
        return Finish(std::move(e));
      }
    }
    ExprPtr e = Node(ExprKind::kCall, offset);
    e->name = std::move(name);
    e->target = std::move(target);
    e->args = std::move(args);
    return Finish(std::move(e));
  }

  std::vector<Token> tokens_;
  ParseOptions options_;
  std::size_t pos_ = 0;
  int recursion_ = 0;
  bool failed_ = false;
  ExpressionError error_;
};

}  // namespace

ExprPtr Parse(std::string_view source, std::vector<ExpressionError>* errors,
              const ParseOptions& options) {
  std::vector<Token> tokens = Tokenize(source);
  return Parser(std::move(tokens), options).Run(errors);
}

}  // namespace uofa::expr
