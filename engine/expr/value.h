// Value: a run-time value of the condition language (a CEL subset), and Record, the value of one
// record read from the trust's evidence.
//
// Values are small and cheap to copy: scalars inline, strings inline (short codes fit the small-
// string buffer) or, for the text of a table's cells, in the arena of the record (StringIn),
// lists, maps and records shared and immutable once built. An error is a value too, so that `&&`
// and `||` can absorb it as CEL does; a missing field is null.
#ifndef UOFA_ENGINE_EXPR_VALUE_H_
#define UOFA_ENGINE_EXPR_VALUE_H_

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "engine/base/arena.h"
#include "engine/base/interned_path.h"
#include "engine/base/time.h"
#include "uofa/diagnostic.h"

namespace uofa {

class RecordType;
class Value;
struct Record;

enum class ValueKind : std::uint8_t {
  kNull, kBool, kInt, kUint, kDouble, kString, kBytes, kTimestamp, kDuration,
  kList, kMap, kRecord, kType, kError,
};

/// CEL type name of a kind ("int", "string", "google.protobuf.Timestamp", ...).
const char* ValueKindName(ValueKind kind);

using ValueList = std::vector<Value, ArenaAllocator<Value>>;
/// Map entries in insertion order; keys are bool, int, uint or string.
using ValueMap = std::vector<std::pair<Value, Value>>;

class Value {
 public:
  struct Bytes { std::string data; };
  struct TypeName { std::string name; };
  struct ErrorInfo { std::string message; };
  /// The bytes of a string that the value does not own (see StringIn).
  struct ArenaText {
    const char* data;
    std::size_t size;
  };

  Value() : rep_() {}  // null
  Value(const Value& other) : rep_(other.rep_) {}
  Value(Value&& other) noexcept : rep_(std::move(other.rep_)) {}
  Value& operator=(const Value& other) {
    rep_ = other.rep_;
    return *this;
  }
  Value& operator=(Value&& other) noexcept {
    rep_ = std::move(other.rep_);
    return *this;
  }
  // Most values a record holds are null, numbers or times, which own nothing: those are let go
  // without the variant's destructor, a call through a table for each (see rep_).
  ~Value();
  static Value Null() { return Value(); }
  static Value Bool(bool v) { return Value(std::in_place_type<bool>, v); }
  static Value Int(std::int64_t v) { return Value(std::in_place_type<std::int64_t>, v); }
  static Value Uint(std::uint64_t v) { return Value(std::in_place_type<std::uint64_t>, v); }
  static Value Double(double v) { return Value(std::in_place_type<double>, v); }
  static Value String(std::string v) { return Value(std::in_place_type<std::string>, std::move(v)); }
  /// A string whose bytes are copied into `arena` (onto the heap when they do not fit, or when
  /// `arena` is null). The value and its copies point into the arena and must not outlive it: it
  /// is for the fields of a record in that arena (Record::arena), which live as long as the
  /// record: a table's text cells then cost no allocation each on the thread reading them, nor a
  /// free each on the thread letting the records go.
  static Value StringIn(Arena* arena, std::string_view text) {
    void* bytes = arena != nullptr ? arena->Allocate(text.size(), 1) : nullptr;
    if (bytes == nullptr) return String(std::string(text));
    if (!text.empty()) std::memcpy(bytes, text.data(), text.size());
    return Value(std::in_place_type<ArenaText>,
                 ArenaText{static_cast<const char*>(bytes), text.size()});
  }
  static Value BytesValue(std::string v) {
    return Value(std::in_place_type<Bytes>, Bytes{std::move(v)});
  }
  static Value Time(Timestamp v) { return Value(std::in_place_type<Timestamp>, v); }
  static Value Span(Duration v) { return Value(std::in_place_type<Duration>, v); }
  static Value List(ValueList items) {
    return List(std::make_shared<const ValueList>(std::move(items)));
  }
  static Value List(std::shared_ptr<const ValueList> items) {
    return Value(std::in_place_type<std::shared_ptr<const ValueList>>, std::move(items));
  }
  static Value Map(ValueMap entries) {
    return Map(std::make_shared<const ValueMap>(std::move(entries)));
  }
  static Value Map(std::shared_ptr<const ValueMap> entries) {
    return Value(std::in_place_type<std::shared_ptr<const ValueMap>>, std::move(entries));
  }
  static Value OfRecord(std::shared_ptr<const Record> record) {
    return Value(std::in_place_type<std::shared_ptr<const Record>>, std::move(record));
  }
  static Value Type(std::string name) {
    return Value(std::in_place_type<TypeName>, TypeName{std::move(name)});
  }
  static Value Error(std::string message) {
    return Value(std::in_place_type<std::shared_ptr<const ErrorInfo>>,
                 std::make_shared<const ErrorInfo>(ErrorInfo{std::move(message)}));
  }

  ValueKind kind() const {
    const std::size_t index = rep_.index();
    return index == kArenaTextIndex ? ValueKind::kString : static_cast<ValueKind>(index);
  }
  bool is_null() const { return kind() == ValueKind::kNull; }
  bool is_error() const { return kind() == ValueKind::kError; }

  bool as_bool() const { return std::get<bool>(rep_); }
  std::int64_t as_int() const { return std::get<std::int64_t>(rep_); }
  std::uint64_t as_uint() const { return std::get<std::uint64_t>(rep_); }
  double as_double() const { return std::get<double>(rep_); }
  std::string_view as_string() const {
    if (const ArenaText* text = std::get_if<ArenaText>(&rep_)) return {text->data, text->size};
    return std::get<std::string>(rep_);
  }
  const std::string& as_bytes() const { return std::get<Bytes>(rep_).data; }
  Timestamp as_timestamp() const { return std::get<Timestamp>(rep_); }
  Duration as_duration() const { return std::get<Duration>(rep_); }
  const ValueList& as_list() const { return *std::get<std::shared_ptr<const ValueList>>(rep_); }
  const std::shared_ptr<const ValueList>& list_ptr() const {
    return std::get<std::shared_ptr<const ValueList>>(rep_);
  }
  const ValueMap& as_map() const { return *std::get<std::shared_ptr<const ValueMap>>(rep_); }
  const Record& as_record() const { return *std::get<std::shared_ptr<const Record>>(rep_); }
  const std::shared_ptr<const Record>& record_ptr() const {
    return std::get<std::shared_ptr<const Record>>(rep_);
  }
  const std::string& type_name() const { return std::get<TypeName>(rep_).name; }
  const std::string& error_message() const {
    return std::get<std::shared_ptr<const ErrorInfo>>(rep_)->message;
  }

 private:
  // Alternative order must match ValueKind, then ArenaText (a second kind of string).
  using Rep = std::variant<std::monostate, bool, std::int64_t, std::uint64_t, double, std::string,
                           Bytes, Timestamp, Duration, std::shared_ptr<const ValueList>,
                           std::shared_ptr<const ValueMap>, std::shared_ptr<const Record>,
                           TypeName, std::shared_ptr<const ErrorInfo>, ArenaText>;
  static constexpr std::size_t kArenaTextIndex = static_cast<std::size_t>(ValueKind::kError) + 1;
  static_assert(std::is_same_v<std::variant_alternative_t<kArenaTextIndex, Rep>, ArenaText>);
  // The kinds whose alternative has a destructor that does something: a bit for each.
  static constexpr std::uint32_t kOwningKinds =
      (1u << static_cast<int>(ValueKind::kString)) | (1u << static_cast<int>(ValueKind::kBytes)) |
      (1u << static_cast<int>(ValueKind::kList)) | (1u << static_cast<int>(ValueKind::kMap)) |
      (1u << static_cast<int>(ValueKind::kRecord)) | (1u << static_cast<int>(ValueKind::kType)) |
      (1u << static_cast<int>(ValueKind::kError));
  // True when kOwningKinds has exactly the alternatives that are not trivially destructible.
  template <std::size_t... I>
  static constexpr bool OwningKindsAreExact(std::index_sequence<I...>) {
    return ((std::is_trivially_destructible_v<std::variant_alternative_t<I, Rep>> ==
             (((kOwningKinds >> I) & 1u) == 0)) && ...);
  }
  // Each factory constructs its alternative in place: no variant is built to be moved from.
  template <typename T, typename Arg>
  Value(std::in_place_type_t<T> type, Arg&& arg) : rep_(type, std::forward<Arg>(arg)) {}
  // In a union, so that ~Value decides whether the variant's destructor runs at all.
  union {
    Rep rep_;
  };
};

inline Value::~Value() {
  static_assert(OwningKindsAreExact(std::make_index_sequence<std::variant_size_v<Rep>>()));
  if (const std::size_t index = rep_.index(); index < 32 && ((kOwningKinds >> index) & 1u)) {
    rep_.~Rep();
  }
}

/// One record: field values by slot of its RecordType (null where the input had no value), and
/// where it came from, so a finding can point at the row. A table's reader places its records'
/// values in arenas (engine/base/arena.h); other records keep them on the heap.
struct Record {
  struct CellPosition {
    int line = 0;
    int column = 0;
  };
  using Fields = std::vector<Value, ArenaAllocator<Value>>;
  using Cells = std::vector<CellPosition, ArenaAllocator<CellPosition>>;

  const RecordType* type = nullptr;
  /// For a record being built in an arena (a table's reader places its values in one): what
  /// keeps the arena of its fields and cells alive, declared before them to be destroyed after
  /// them. ShareRecord hands it to the shared record's block.
  ArenaRef arena;
  Fields fields;
  /// File and line of the row, or of the JSON line; the file is interned, not copied per record.
  RecordOrigin origin;
  /// For a record that spans part of a document (a paragraph): the last line, paragraph or page
  /// it spans (origin.line is the first), and the unit those count in ("line", "paragraph",
  /// "page"). 0 and null for rows of tables, and for a whole document (origin.line is 0).
  int origin_last = 0;
  const char* origin_unit = nullptr;
  /// For a row of a table: where each field's cell is (by slot), so that a check on the record
  /// can point at a cell; empty for other sources. A field without a column has line 0.
  Cells cells;

  /// The value of a named field, or null when the type has no such field.
  const Value& Get(std::string_view field) const;
  /// The value in a slot, or null for -1 (a field the type lacks) or a slot the record lacks.
  const Value& At(int slot) const;
  /// The record's identifier (the type's id_field as text), or "" when it has none.
  std::string Id() const;
};

/// The record as a shared, immutable one, placed in the arena of its values when they are in
/// one (record.arena), which it then keeps alive. Call it on the thread that built the record.
inline std::shared_ptr<const Record> ShareRecord(Record record) {
  return ShareInArena(&record.arena, std::move(record));
}

/// A list of a record being built, as a shared, immutable one, placed in the arena of its items
/// when they are in one (the record's), to which it takes a reference of its own.
inline std::shared_ptr<const ValueList> ShareList(ValueList items) {
  ArenaRef reference(items.get_allocator().arena());
  return ShareInArena(&reference, std::move(items));
}

}  // namespace uofa

#endif  // UOFA_ENGINE_EXPR_VALUE_H_
