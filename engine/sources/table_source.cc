#include "engine/sources/table_source.h"

#include <utility>

namespace uofa {
namespace {

class TableSource : public RecordSource {
 public:
  explicit TableSource(std::unique_ptr<TableReader> table) : table_(std::move(table)) {}

  const std::string& kind() const override { return table_->type().name(); }

  bool Next(std::shared_ptr<const Record>* out, Diagnostics& diagnostics) override {
    Record record;
    if (!table_->Next(&record, diagnostics)) return false;
    *out = ShareRecord(std::move(record));
    return true;
  }

  const SourceCounts& counts() const override { return table_->counts(); }
  double FractionRead() const override { return table_->FractionRead(); }

  std::vector<SourceInput> inputs() const override {
    return {{table_->path(), kind(), table_->counts().rows_read}};
  }

 private:
  std::unique_ptr<TableReader> table_;
};

class KeyedTableSource : public RecordSource {
 public:
  explicit KeyedTableSource(std::shared_ptr<const KeyedTable> table) : table_(std::move(table)) {}

  const std::string& kind() const override { return table_->type->name(); }

  bool Next(std::shared_ptr<const Record>* out, Diagnostics& diagnostics) override {
    if (next_ >= table_->records.size()) return false;
    *out = table_->records[next_++];
    return true;
  }

  const SourceCounts& counts() const override { return table_->counts; }

  std::vector<SourceInput> inputs() const override {
    return {{table_->path, kind(), table_->counts.rows_read}};
  }

 private:
  std::shared_ptr<const KeyedTable> table_;
  std::size_t next_ = 0;
};

}  // namespace

std::unique_ptr<RecordSource> MakeTableSource(std::unique_ptr<TableReader> table) {
  return std::make_unique<TableSource>(std::move(table));
}

std::unique_ptr<RecordSource> MakeKeyedTableSource(std::shared_ptr<const KeyedTable> table) {
  return std::make_unique<KeyedTableSource>(std::move(table));
}

}  // namespace uofa
