// Record types: the schema of each record kind (incident, patient, intervention, ...), loaded from
// rules/schema/*.yaml. Each field has a slot, so a compiled expression reads a field by index and
// a misspelt field name is caught when the pack loads, not when a record is evaluated.
#ifndef UOFA_ENGINE_RECORD_RECORD_TYPE_H_
#define UOFA_ENGINE_RECORD_RECORD_TYPE_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/base/string_hash.h"
#include "uofa/diagnostic.h"

namespace uofa {

class RecordType;

/// The kinds of field value in the data contract. In expressions: string, text, code, enum and
/// tristate are strings (tristate as 'yes', 'no' or 'unknown'); date and datetime are timestamps
/// (a date is midnight Europe/London); list is a list of records; record is one nested record.
enum class FieldKind { kString, kText, kInt, kNumber, kBool, kTristate, kDate, kDateTime, kCode, kEnum, kList, kRecord };

/// Name as written in schema files ("string", "datetime", ...).
const char* FieldKindName(FieldKind kind);

struct FieldDef {
  std::string name;
  FieldKind kind = FieldKind::kString;
  int slot = -1;                         ///< index into Record::fields
  std::string code_list;                 ///< kCode: id of the code list values must belong to
  std::vector<std::string> enum_values;  ///< kEnum: allowed values
  std::string of;                        ///< kList / kRecord: name of the element record type
  const RecordType* element = nullptr;   ///< kList / kRecord: resolved element type
  bool required = false;                 ///< a row without it is a data error
  bool identifier = false;               ///< patient-identifying (name, NHS number): redacted in outputs
  std::string provision;                 ///< the provision the field evidences, e.g. "s.6(5)(a)"
  std::string description;
  SourceLocation defined_at;             ///< where in the schema file
};

class RecordType {
 public:
  explicit RecordType(std::string name) : name_(std::move(name)) {}

  const std::string& name() const { return name_; }
  /// The field that identifies a record in findings (incident_id); may be empty for nested kinds.
  const std::string& id_field() const { return id_field_; }
  void set_id_field(std::string field);
  /// The datetime field that dates the event, used by commenced(); may be empty.
  const std::string& event_time_field() const { return event_time_field_; }
  void set_event_time_field(std::string field);
  /// The slots of those two fields, or -1 while the type has no such field (read per record).
  int id_slot() const { return id_slot_; }
  int event_time_slot() const { return event_time_slot_; }
  const std::string& description() const { return description_; }
  void set_description(std::string text) { description_ = std::move(text); }

  /// Appends a field and assigns its slot. Returns false when the name is taken.
  bool AddField(FieldDef field);
  const FieldDef* Find(std::string_view name) const;
  /// The slot of the field `name`, or -1 when the type has no such field.
  int SlotOf(std::string_view name) const;
  const std::vector<FieldDef>& fields() const { return fields_; }
  std::vector<FieldDef>& mutable_fields() { return fields_; }
  int FieldCount() const { return static_cast<int>(fields_.size()); }

 private:
  std::string name_;
  std::string id_field_;
  std::string event_time_field_;
  int id_slot_ = -1;
  int event_time_slot_ = -1;
  std::string description_;
  std::vector<FieldDef> fields_;
  // Looked up by string_view without making a string (Find runs for every record).
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> index_;
};

/// Every record type known to a set of packs, by name. Owns the types; pointers stay valid.
class SchemaRegistry {
 public:
  RecordType* Add(std::unique_ptr<RecordType> type);  ///< nullptr when the name is taken
  const RecordType* Find(std::string_view name) const;
  RecordType* FindMutable(std::string_view name);
  std::vector<const RecordType*> All() const;

 private:
  std::map<std::string, std::unique_ptr<RecordType>, std::less<>> types_;
};

/// A national or local code list (rules/codes/*.yaml). Codes are strings; numeric codes are
/// compared after zero-padding to `width` ("1" and "01" are the same code).
struct CodeList {
  std::string id;
  std::string title;
  std::string source;
  int width = 0;                                    ///< 0: no padding
  std::vector<std::pair<std::string, std::string>> codes;  ///< code -> label, in file order
  std::vector<std::string> retired;                 ///< once valid, now invalid
  /// Named subsets, exposed to expressions as codes.<group id>.
  std::map<std::string, std::vector<std::string>> groups;

  /// Zero-pads an all-digit code to `width`; other text is returned unchanged (trimmed).
  std::string Normalize(std::string_view code) const;
  bool Contains(std::string_view normalized_code) const;
  const std::string* Label(std::string_view normalized_code) const;

  /// Lets Label find a code by hash rather than by reading the list; the list must not change
  /// afterwards (CodeRegistry::Add indexes the lists it is given).
  void Index();

 private:
  // Each code's position in `codes`, once Index has been called.
  std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> index_;
};

class CodeRegistry {
 public:
  const CodeList* Add(CodeList list);  ///< nullptr when the id is taken
  const CodeList* Find(std::string_view id) const;
  std::vector<const CodeList*> All() const;  ///< by id

 private:
  std::unordered_map<std::string, std::unique_ptr<CodeList>, StringHash, std::equal_to<>> lists_;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_RECORD_RECORD_TYPE_H_
