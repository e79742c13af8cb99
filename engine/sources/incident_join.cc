#include "engine/sources/incident_join.h"

#include <algorithm>
#include <utility>

namespace uofa {

const RecordType* ElementType(const FieldDef& field, const SchemaRegistry* schemas) {
  // The registry decides: a kind it does not declare is not read, even if the field was resolved.
  if (schemas != nullptr && !field.of.empty()) return schemas->Find(field.of);
  return field.element;
}

namespace {

// The slot of the int field `seq` of child records of `type`; -1 when they have none.
int SeqSlot(const RecordType* type) {
  const FieldDef* seq = type != nullptr ? type->Find("seq") : nullptr;
  return seq == nullptr || seq->kind != FieldKind::kInt ? -1 : seq->slot;
}

// Whether a row whose `seq` is `x` comes before one whose `seq` is `y`: by seq, rows without one
// last.
bool SeqBefore(const Value& x, const Value& y) {
  bool x_known = x.kind() == ValueKind::kInt;
  bool y_known = y.kind() == ValueKind::kInt;
  if (x_known != y_known) return x_known;
  return x_known && x.as_int() < y.as_int();
}

}  // namespace

void OrderChildren(std::vector<std::shared_ptr<const Record>>* children) {
  if (children->empty()) return;
  int slot = SeqSlot(children->front()->type);
  if (slot < 0) return;
  auto before = [slot](const std::shared_ptr<const Record>& a,
                       const std::shared_ptr<const Record>& b) {
    return SeqBefore(a->fields[slot], b->fields[slot]);
  };
  // Exports list an incident's rows in order: checking costs less than a sort's buffer.
  if (std::is_sorted(children->begin(), children->end(), before)) return;
  std::stable_sort(children->begin(), children->end(), before);
}

ChildOrder::ChildOrder(const RecordType& type) : seq_slot_(SeqSlot(&type)) {}

bool ChildOrder::Follows(std::string_view key, const Record& row) {
  const Value& seq = seq_slot_ < 0 ? Value() : row.fields[seq_slot_];
  const bool follows = !started_ || (key == key_ && !SeqBefore(seq, seq_));
  started_ = true;
  key_.assign(key);
  seq_ = seq;
  return follows;
}

IncidentJoin::IncidentJoin(const RecordType& incident_type, const SchemaRegistry* schemas,
                           std::shared_ptr<const KeyedTable> patients)
    : incident_type_(&incident_type),
      key_field_(incident_type.id_field().empty() ? "incident_id" : incident_type.id_field()) {
  for (const FieldDef& field : incident_type.fields()) {
    if (field.kind != FieldKind::kRecord) continue;
    const RecordType* element = ElementType(field, schemas);
    if (element == nullptr) continue;
    std::string key = element->id_field().empty() ? element->name() + "_id" : element->id_field();
    if (incident_type.Find(key) == nullptr) continue;
    patient_field_ = &field;
    patient_type_ = element;
    patient_key_ = key;
    break;
  }
  if (patients != nullptr && (patient_field_ == nullptr || patients->type != patient_type_)) {
    patients = nullptr;  // a table of another kind cannot fill this field
  }
  patients_ = std::move(patients);
}

bool IncidentJoin::AttachPatient(Record* incident, std::string* missing) const {
  if (patient_field_ == nullptr || patients_ == nullptr) return true;
  if (!incident->fields[patient_field_->slot].is_null()) return true;  // embedded
  std::string key = KeyText(incident->Get(patient_key_));
  if (key.empty()) return true;
  const std::shared_ptr<const Record>* patient = patients_->Find(key);
  if (patient == nullptr) {
    *missing = std::move(key);
    return false;
  }
  incident->fields[patient_field_->slot] = LookupValue(patients_, *patient, incident);
  return true;
}

}  // namespace uofa
