// The CSV row source: CsvReader behind the RowSource interface, with the file's size for progress.
#include <filesystem>
#include <utility>

#include "engine/sources/column_mapping.h"
#include "engine/sources/row_source.h"

namespace uofa {
namespace {

class CsvRowSource : public RowSource {
 public:
  CsvRowSource(std::unique_ptr<CsvReader> reader, std::size_t file_size)
      : reader_(std::move(reader)), file_size_(file_size) {}

  Status Next(CsvRow* row, Diagnostics& diagnostics) override {
    return Convert(reader_->Next(row, diagnostics));
  }

  Status NextCell(std::size_t column, CsvRow* row, Diagnostics& diagnostics) override {
    return Convert(reader_->NextCell(column, row, diagnostics));
  }

  const std::string& path() const override { return reader_->path(); }

  void UseFileMapping(const FileMapping& mapping) override {
    reader_->set_separator(mapping.separator);
    reader_->set_windows_1252(mapping.windows_1252);
  }

  void set_hide_source_lines(bool hide) override { reader_->set_hide_source_lines(hide); }

  double FractionRead() const override {
    if (file_size_ == 0) return -1;
    double fraction =
        static_cast<double>(reader_->bytes_read()) / static_cast<double>(file_size_);
    return fraction > 1 ? 1 : fraction;
  }

 private:
  static Status Convert(CsvReader::Status status) {
    switch (status) {
      case CsvReader::Status::kRow: return Status::kRow;
      case CsvReader::Status::kMalformed: return Status::kMalformed;
      case CsvReader::Status::kEnd: break;
    }
    return Status::kEnd;
  }

  std::unique_ptr<CsvReader> reader_;
  std::size_t file_size_;  // 0: not known (a stream)
};

}  // namespace

std::unique_ptr<RowSource> OpenCsvRows(const std::string& path, Diagnostics& diagnostics) {
  std::unique_ptr<CsvReader> reader = CsvReader::Open(path, diagnostics);
  if (!reader) return nullptr;
  std::error_code size_error;
  std::uintmax_t size = std::filesystem::file_size(path, size_error);
  return std::make_unique<CsvRowSource>(std::move(reader),
                                        size_error ? 0 : static_cast<std::size_t>(size));
}

std::unique_ptr<RowSource> CsvRowsFromStream(std::string path, std::unique_ptr<std::istream> input) {
  return std::make_unique<CsvRowSource>(
      std::make_unique<CsvReader>(std::move(path), std::move(input)), 0);
}

}  // namespace uofa
