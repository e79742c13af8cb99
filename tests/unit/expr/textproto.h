// A reader for protobuf text format, enough for the CEL conformance files: nested messages,
// repeated fields, strings with escapes (and adjacent-literal concatenation), numbers,
// identifiers, and expanded Any fields (`[type.googleapis.com/...] { ... }`).
#ifndef UOFA_TESTS_UNIT_EXPR_TEXTPROTO_H_
#define UOFA_TESTS_UNIT_EXPR_TEXTPROTO_H_

#include <string>
#include <string_view>
#include <vector>

namespace uofa::testing {

struct TextProtoField {
  std::string name;  ///< field name, or the type URL of an expanded Any
  bool is_message = false;
  bool is_string = false;
  std::string scalar;                  ///< decoded string, or the number / identifier as written
  std::vector<TextProtoField> fields;  ///< is_message: the message's fields in order

  /// The first field of that name, or null.
  const TextProtoField* Find(std::string_view field) const;
  std::vector<const TextProtoField*> FindAll(std::string_view field) const;
};

/// Parses a whole document as the fields of a root message. Returns false and sets `error`
/// (with a line number) on malformed input.
bool ParseTextProto(std::string_view text, TextProtoField* root, std::string* error);

}  // namespace uofa::testing

#endif  // UOFA_TESTS_UNIT_EXPR_TEXTPROTO_H_
