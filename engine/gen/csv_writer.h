// Writes RFC 4180 CSV: header row, LF line ends, fields quoted only when they must be.
#ifndef UOFA_ENGINE_GEN_CSV_WRITER_H_
#define UOFA_ENGINE_GEN_CSV_WRITER_H_

#include <cstddef>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace uofa::gen {

class CsvWriter {
 public:
  // Opens `path` for writing and writes the header row. Throws std::runtime_error when the file
  // cannot be opened.
  CsvWriter(const std::string& path, std::vector<std::string> header);

  // Writes one row; it must have as many cells as the header.
  void Row(const std::vector<std::string>& cells);

  std::size_t rows() const { return rows_; }

 private:
  void Write(const std::vector<std::string>& cells);

  std::ofstream out_;
  std::size_t columns_;
  std::size_t rows_ = 0;
};

// A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, a quote or
// a line break.
std::string CsvField(const std::string& value);

// Appends CsvField(value) to `out`, without building a string for it.
void AppendCsvField(std::string& out, std::string_view value);

}  // namespace uofa::gen

#endif  // UOFA_ENGINE_GEN_CSV_WRITER_H_
