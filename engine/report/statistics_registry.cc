// The one table of `uofa stats` formats.
#include <iterator>

#include "engine/report/statistics_writers.h"
#include "uofa/statistics.h"

namespace uofa {
namespace {

struct StatisticsWriterEntry {
  std::string_view name;
  void (*write)(const Statistics& statistics, std::ostream& out);
};

constexpr StatisticsWriterEntry kStatisticsWriters[] = {
    {"text", report::WriteStatisticsText},
    {"json", report::WriteStatisticsJson},
    {"csv", report::WriteStatisticsCsv},
    {"markdown", report::WriteStatisticsMarkdown},
};

}  // namespace

std::vector<std::string> StatisticsFormats() {
  std::vector<std::string> names;
  for (const StatisticsWriterEntry& entry : kStatisticsWriters) names.emplace_back(entry.name);
  return names;
}

bool WriteStatistics(std::string_view format, const Statistics& statistics, std::ostream& out, std::string* error) {
  for (const StatisticsWriterEntry& entry : kStatisticsWriters) {
    if (entry.name == format) {
      entry.write(statistics, out);
      return true;
    }
  }
  if (error != nullptr) *error = "unknown statistics format '" + std::string(format) + "'";
  return false;
}

}  // namespace uofa
