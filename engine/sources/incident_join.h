// IncidentJoin: what an incident record is joined with in the JSON Lines form (the CSV form is a
// JoinedTableSpec), and the helpers every join shares (element types, child order, seen keys).
// An incident's list fields (interventions, staff_involved, reviews, observations) hold its child
// rows; its record field of the patients table's kind (patient) holds the row that its key
// (patient_id) names. Which fields those are is read from the schema, so a pack that adds a child
// table needs no code: list field `x` of the incident is filled from `incidents/x.csv`.
#ifndef UOFA_ENGINE_SOURCES_INCIDENT_JOIN_H_
#define UOFA_ENGINE_SOURCES_INCIDENT_JOIN_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/expr/value.h"
#include "engine/record/record_type.h"
#include "engine/sources/table_reader.h"

namespace uofa {

/// The element type of a list or record field: `of` looked up in `schemas` (nullptr when they do
/// not declare it), or the field's resolved `element` when there are no schemas.
const RecordType* ElementType(const FieldDef& field, const SchemaRegistry* schemas);

/// Orders child records by an int field `seq` when their type has one (missing last); otherwise,
/// and among equals, keeps the order they were read in.
void OrderChildren(std::vector<std::shared_ptr<const Record>>* children);

/// OrderChildren's order, followed along the rows of one child table as they are read.
class ChildOrder {
 public:
  explicit ChildOrder(const RecordType& type);
  /// Whether `row`, whose parent's key is `key`, follows the row given before it: the same key,
  /// and `row` not before it in the order (true for the first row given, which follows nothing
  /// out of order). `row` is then the row before the next.
  bool Follows(std::string_view key, const Record& row);

 private:
  int seq_slot_;  // -1: the type has no int `seq`, and rows keep the order they were read in
  bool started_ = false;  // a row was given
  std::string key_;       // the key of the row before
  Value seq_;             // and its seq
};

class IncidentJoin {
 public:
  IncidentJoin(const RecordType& incident_type, const SchemaRegistry* schemas,
               std::shared_ptr<const KeyedTable> patients);

  const RecordType& incident_type() const { return *incident_type_; }
  /// The field that identifies an incident and links child rows to it ("incident_id").
  const std::string& key_field() const { return key_field_; }

  /// The record field that holds the patient, or nullptr when the schema has none.
  const FieldDef* patient_field() const { return patient_field_; }
  const RecordType* patient_type() const { return patient_type_; }
  /// The incident field naming the patient ("patient_id"), or "" without a patient join.
  const std::string& patient_key() const { return patient_key_; }
  /// Whether a patients table was read; without one, incidents keep a null patient silently.
  bool has_patients() const { return patients_ != nullptr; }
  const KeyedTable* patients() const { return patients_.get(); }

  /// Sets the patient field from the patient key. Returns false (and `*missing` = the key) when
  /// the key names no patient in the table; true when it did or there was nothing to look up.
  bool AttachPatient(Record* incident, std::string* missing) const;

 private:
  const RecordType* incident_type_;
  std::string key_field_;
  const FieldDef* patient_field_ = nullptr;
  const RecordType* patient_type_ = nullptr;
  std::string patient_key_;
  std::shared_ptr<const KeyedTable> patients_;
};

/// Remembers incident ids already read, to reject a repeated one.
class SeenKeys {
 public:
  /// 0 when `key` is new (it is remembered with `line`), else the line it was first seen on.
  int Insert(const std::string& key, int line) {
    auto [it, inserted] = lines_.emplace(key, line);
    return inserted ? 0 : it->second;
  }

 private:
  std::unordered_map<std::string, int> lines_;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_INCIDENT_JOIN_H_
