// `uofa stats` as CSV (RFC 4180, CRLF): one row per figure, in long form
// (table, row, column, value), so that a spreadsheet can pivot any table.
#include "engine/report/statistics_tables.h"
#include "engine/report/statistics_writers.h"

namespace uofa::report {
namespace {

std::string Field(const std::string& text) {
  std::string value = text;
  // A spreadsheet would run a cell beginning with these as a formula.
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '@' || value[0] == '\t' ||
                         value[0] == '\r' || (value[0] == '-' && value != "-"))) {
    value.insert(0, 1, '\'');
  }
  bool quote = value.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace

void WriteStatisticsCsv(const Statistics& statistics, std::ostream& out) {
  out << "table,row,column,value\r\n";
  for (const StatisticsTable& table : StatisticsTables(statistics)) {
    for (const auto& row : table.rows) {
      for (std::size_t i = 1; i < row.size() && i < table.columns.size(); ++i) {
        out << Field(table.id) << ',' << Field(row[0]) << ',' << Field(table.columns[i]) << ',' << Field(row[i])
            << "\r\n";
      }
    }
  }
}

}  // namespace uofa::report
