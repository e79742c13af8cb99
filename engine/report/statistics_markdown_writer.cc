// `uofa stats` as Markdown tables, also the statistics section of the Markdown report.
#include "engine/report/report_text.h"
#include "engine/report/statistics_tables.h"
#include "engine/report/statistics_writers.h"

namespace uofa::report {

void WriteStatisticsMarkdownSection(const Statistics& statistics, int heading_level, std::ostream& out) {
  const std::string heading(static_cast<std::size_t>(heading_level), '#');
  out << heading << ' ' << MarkdownText(StatisticsHeading(statistics)) << "\n\n";
  for (const StatisticsTable& table : StatisticsTables(statistics)) {
    out << heading << "# " << MarkdownText(table.title) << "\n\n";
    if (!table.caption.empty()) out << MarkdownText(table.caption) << "\n\n";
    out << '|';
    for (const std::string& column : table.columns) out << ' ' << MarkdownText(column) << " |";
    out << "\n|";
    for (bool numeric : table.numeric) out << (numeric ? "---:|" : "---|");
    out << '\n';
    for (const auto& row : table.rows) {
      out << '|';
      for (const std::string& cell : row) out << ' ' << (cell.empty() ? std::string(" ") : MarkdownText(cell)) << " |";
      out << '\n';
    }
    out << '\n';
  }
  out << heading << "# Notes\n\n";
  for (const std::string& note : statistics.notes) out << "- " << MarkdownText(note) << '\n';
}

void WriteStatisticsMarkdown(const Statistics& statistics, std::ostream& out) {
  WriteStatisticsMarkdownSection(statistics, 1, out);
}

}  // namespace uofa::report
