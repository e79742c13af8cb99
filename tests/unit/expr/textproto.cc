#include "tests/unit/expr/textproto.h"

#include <cstdint>

namespace uofa::testing {
namespace {

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

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool ParseFields(TextProtoField* message, char close) {
    while (true) {
      Skip();
      if (pos_ >= text_.size()) {
        if (close == '\0') return true;
        return Fail("unexpected end of input");
      }
      if (text_[pos_] == close) {
        ++pos_;
        return true;
      }
      TextProtoField field;
      if (text_[pos_] == '[') {
        std::size_t end = text_.find(']', pos_);
        if (end == std::string_view::npos) return Fail("unterminated '['");
        field.name = std::string(text_.substr(pos_ + 1, end - pos_ - 1));
        pos_ = end + 1;
      } else {
        field.name = Word();
        if (field.name.empty()) return Fail("expected a field name");
      }
      Skip();
      bool colon = pos_ < text_.size() && text_[pos_] == ':';
      if (colon) ++pos_;
      Skip();
      if (pos_ < text_.size() && text_[pos_] == '[') {
        // A list of values: each becomes a repeated field of the same name.
        ++pos_;
        while (true) {
          Skip();
          if (pos_ < text_.size() && text_[pos_] == ']') {
            ++pos_;
            break;
          }
          TextProtoField item;
          item.name = field.name;
          if (!ParseValue(&item)) return false;
          message->fields.push_back(std::move(item));
          Skip();
          if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
        }
      } else {
        if (!ParseValue(&field)) return false;
        message->fields.push_back(std::move(field));
      }
      Skip();
      if (pos_ < text_.size() && (text_[pos_] == ',' || text_[pos_] == ';')) ++pos_;
    }
  }

  const std::string& error() const { return error_; }

 private:
  bool ParseValue(TextProtoField* field) {
    Skip();
    if (pos_ >= text_.size()) return Fail("expected a value");
    char c = text_[pos_];
    if (c == '{' || c == '<') {
      ++pos_;
      field->is_message = true;
      return ParseFields(field, c == '{' ? '}' : '>');
    }
    if (c == '"' || c == '\'') {
      field->is_string = true;
      while (pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\'')) {
        if (!String(&field->scalar)) return false;
        Skip();
      }
      return true;
    }
    std::size_t start = pos_;
    if (c == '-' || c == '+') ++pos_;
    while (pos_ < text_.size()) {
      char d = text_[pos_];
      if ((d >= '0' && d <= '9') || (d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || d == '_' ||
          d == '.' ||
          ((d == '-' || d == '+') && (text_[pos_ - 1] == 'e' || text_[pos_ - 1] == 'E'))) {
        ++pos_;
      } else {
        break;
      }
    }
    if (pos_ == start) return Fail("unexpected character");
    field->scalar = std::string(text_.substr(start, pos_ - start));
    return true;
  }

  bool String(std::string* out) {
    char quote = text_[pos_++];
    while (true) {
      if (pos_ >= text_.size()) return Fail("unterminated string");
      char c = text_[pos_++];
      if (c == quote) return true;
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (pos_ >= text_.size()) return Fail("unterminated string");
      char e = text_[pos_++];
      switch (e) {
        case 'a':
          out->push_back('\a');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'v':
          out->push_back('\v');
          break;
        case 'x':
        case 'X': {
          int v = 0, n = 0;
          while (n < 2 && pos_ < text_.size() && Hex(text_[pos_]) >= 0) {
            v = v * 16 + Hex(text_[pos_++]);
            ++n;
          }
          out->push_back(static_cast<char>(v));
          break;
        }
        case 'u':
        case 'U': {
          int n = e == 'u' ? 4 : 8;
          std::uint32_t cp = 0;
          for (int i = 0; i < n && pos_ < text_.size(); ++i) cp = cp * 16 + Hex(text_[pos_++]);
          AppendUtf8(out, cp);
          break;
        }
        default:
          if (e >= '0' && e <= '7') {
            int v = e - '0', n = 1;
            while (n < 3 && pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '7') {
              v = v * 8 + (text_[pos_++] - '0');
              ++n;
            }
            out->push_back(static_cast<char>(v));
          } else {
            out->push_back(e);  // \\ \' \" \?
          }
      }
    }
  }

  std::string Word() {
    std::size_t start = pos_;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
        ++pos_;
      } else {
        break;
      }
    }
    return std::string(text_.substr(start, pos_ - start));
  }

  void Skip() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else {
        break;
      }
    }
  }

  bool Fail(std::string message) {
    int line = 1;
    for (std::size_t i = 0; i < pos_ && i < text_.size(); ++i) line += text_[i] == '\n';
    error_ = "line " + std::to_string(line) + ": " + message;
    return false;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string error_;
};

}  // namespace

const TextProtoField* TextProtoField::Find(std::string_view field) const {
  for (const TextProtoField& f : fields) {
    if (f.name == field) return &f;
  }
  return nullptr;
}

std::vector<const TextProtoField*> TextProtoField::FindAll(std::string_view field) const {
  std::vector<const TextProtoField*> found;
  for (const TextProtoField& f : fields) {
    if (f.name == field) found.push_back(&f);
  }
  return found;
}

bool ParseTextProto(std::string_view text, TextProtoField* root, std::string* error) {
  Reader reader(text);
  root->is_message = true;
  if (!reader.ParseFields(root, '\0')) {
    *error = reader.error();
    return false;
  }
  return true;
}

}  // namespace uofa::testing
