#include "engine/gen/csv_writer.h"

#include <stdexcept>

namespace uofa::gen {

void AppendCsvField(std::string& out, std::string_view value) {
  bool plain = true;
  for (char c : value) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') {
      plain = false;
      break;
    }
  }
  if (plain) {
    out.append(value);
    return;
  }
  out += '"';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string CsvField(const std::string& value) {
  std::string field;
  AppendCsvField(field, value);
  return field;
}

CsvWriter::CsvWriter(const std::string& path, std::vector<std::string> header)
    : out_(path, std::ios::binary | std::ios::trunc), columns_(header.size()) {
  if (!out_) throw std::runtime_error("cannot write '" + path + "'");
  Write(header);
}

void CsvWriter::Row(const std::vector<std::string>& cells) {
  if (cells.size() != columns_) throw std::logic_error("row width differs from the header");
  Write(cells);
  ++rows_;
}

void CsvWriter::Write(const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out_ << ',';
    out_ << CsvField(cells[i]);
  }
  out_ << '\n';
}

}  // namespace uofa::gen
