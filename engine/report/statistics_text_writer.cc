// `uofa stats` as plain text: each table with aligned columns, then the notes on method.
#include <algorithm>

#include "engine/report/report_text.h"
#include "engine/report/statistics_tables.h"
#include "engine/report/statistics_writers.h"

namespace uofa::report {

void WriteStatisticsText(const Statistics& statistics, std::ostream& out) {
  out << StatisticsHeading(statistics) << '\n';
  for (const StatisticsTable& table : StatisticsTables(statistics)) {
    out << '\n' << table.title << '\n';
    if (!table.caption.empty()) out << "  " << table.caption << '\n';
    std::vector<std::size_t> widths(table.columns.size(), 0);
    auto measure = [&](const std::vector<std::string>& cells) {
      for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
        widths[i] = std::max(widths[i], Printable(cells[i]).size());
      }
    };
    measure(table.columns);
    for (const auto& row : table.rows) measure(row);
    auto line = [&](const std::vector<std::string>& cells) {
      std::string text = " ";
      for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
        const std::string cell = Printable(cells[i]);
        const std::string pad(widths[i] - cell.size(), ' ');
        text += ' ';
        text += table.numeric[i] ? pad + cell : (i + 1 == cells.size() ? cell : cell + pad);
        if (i + 1 < cells.size()) text += ' ';
      }
      while (!text.empty() && text.back() == ' ') text.pop_back();
      out << text << '\n';
    };
    line(table.columns);
    for (const auto& row : table.rows) line(row);
  }
  out << "\nNotes\n";
  for (const std::string& note : statistics.notes) out << "  - " << note << '\n';
}

}  // namespace uofa::report
