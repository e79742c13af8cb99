#include "engine/eval/record_pipeline.h"

#include <utility>

namespace uofa {

RecordPipeline::RecordPipeline(RecordSource& source, Diagnostics& problems, OnRead on_read)
    : source_(source),
      problems_(problems),
      on_read_(std::move(on_read)),
      reader_([this](RecordBatch* batch, std::size_t size) { return ReadBatch(batch, size); },
              kBatchSize, kBatchesAhead) {}

bool RecordPipeline::ReadBatch(RecordBatch* batch, std::size_t size) {
  std::shared_ptr<const Record> record;
  while (batch->size() < size) {
    if (!source_.Next(&record, problems_)) return false;
    if (on_read_) on_read_(source_, *record);
    batch->push_back(std::move(record));
  }
  return true;
}

}  // namespace uofa
