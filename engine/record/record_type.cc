#include "engine/record/record_type.h"

#include "engine/base/text.h"

#include <algorithm>
#include <cctype>

namespace uofa {

const char* FieldKindName(FieldKind kind) {
  switch (kind) {
    case FieldKind::kString: return "string";
    case FieldKind::kText: return "text";
    case FieldKind::kInt: return "int";
    case FieldKind::kNumber: return "number";
    case FieldKind::kBool: return "bool";
    case FieldKind::kTristate: return "tristate";
    case FieldKind::kDate: return "date";
    case FieldKind::kDateTime: return "datetime";
    case FieldKind::kCode: return "code";
    case FieldKind::kEnum: return "enum";
    case FieldKind::kList: return "list";
    case FieldKind::kRecord: return "record";
  }
  return "string";
}

void RecordType::set_id_field(std::string field) {
  id_field_ = std::move(field);
  id_slot_ = id_field_.empty() ? -1 : SlotOf(id_field_);
}

void RecordType::set_event_time_field(std::string field) {
  event_time_field_ = std::move(field);
  event_time_slot_ = event_time_field_.empty() ? -1 : SlotOf(event_time_field_);
}

bool RecordType::AddField(FieldDef field) {
  if (index_.count(field.name)) return false;
  field.slot = static_cast<int>(fields_.size());
  index_.emplace(field.name, field.slot);
  if (!id_field_.empty() && field.name == id_field_) id_slot_ = field.slot;
  if (!event_time_field_.empty() && field.name == event_time_field_) event_time_slot_ = field.slot;
  fields_.push_back(std::move(field));
  return true;
}

const FieldDef* RecordType::Find(std::string_view name) const {
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : &fields_[it->second];
}

int RecordType::SlotOf(std::string_view name) const {
  auto it = index_.find(name);
  return it == index_.end() ? -1 : it->second;
}

RecordType* SchemaRegistry::Add(std::unique_ptr<RecordType> type) {
  auto [it, inserted] = types_.try_emplace(type->name(), nullptr);
  if (!inserted) return nullptr;
  it->second = std::move(type);
  return it->second.get();
}

const RecordType* SchemaRegistry::Find(std::string_view name) const {
  auto it = types_.find(name);
  return it == types_.end() ? nullptr : it->second.get();
}

RecordType* SchemaRegistry::FindMutable(std::string_view name) {
  auto it = types_.find(name);
  return it == types_.end() ? nullptr : it->second.get();
}

std::vector<const RecordType*> SchemaRegistry::All() const {
  std::vector<const RecordType*> out;
  for (const auto& [name, type] : types_) out.push_back(type.get());
  return out;
}

std::string CodeList::Normalize(std::string_view code) const {
  std::string out(TrimSpace(code));
  bool digits = !out.empty() && std::all_of(out.begin(), out.end(),
                                            [](unsigned char c) { return std::isdigit(c); });
  if (digits && width > 0 && static_cast<int>(out.size()) < width) {
    out.insert(0, static_cast<std::size_t>(width) - out.size(), '0');
  }
  return out;
}

bool CodeList::Contains(std::string_view normalized_code) const {
  return Label(normalized_code) != nullptr;
}

void CodeList::Index() {
  index_.clear();
  for (std::size_t i = 0; i < codes.size(); ++i) index_.try_emplace(codes[i].first, i);
}

const std::string* CodeList::Label(std::string_view normalized_code) const {
  if (!index_.empty()) {
    auto it = index_.find(normalized_code);
    return it == index_.end() ? nullptr : &codes[it->second].second;
  }
  for (const auto& [code, label] : codes) {
    if (code == normalized_code) return &label;
  }
  return nullptr;
}

const CodeList* CodeRegistry::Add(CodeList list) {
  auto [it, inserted] = lists_.try_emplace(list.id, nullptr);
  if (!inserted) return nullptr;
  list.Index();
  it->second = std::make_unique<CodeList>(std::move(list));
  return it->second.get();
}

const CodeList* CodeRegistry::Find(std::string_view id) const {
  auto it = lists_.find(id);
  return it == lists_.end() ? nullptr : it->second.get();
}

std::vector<const CodeList*> CodeRegistry::All() const {
  std::vector<const CodeList*> out;
  for (const auto& [id, list] : lists_) out.push_back(list.get());
  std::sort(out.begin(), out.end(),
            [](const CodeList* a, const CodeList* b) { return a->id < b->id; });
  return out;
}

}  // namespace uofa
