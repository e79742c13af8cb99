// Writers of `uofa stats`, registered in statistics_registry.cc; each in its own file.
#ifndef UOFA_ENGINE_REPORT_STATISTICS_WRITERS_H_
#define UOFA_ENGINE_REPORT_STATISTICS_WRITERS_H_

#include <ostream>

#include "uofa/statistics.h"

namespace uofa::report {

void WriteStatisticsText(const Statistics& statistics, std::ostream& out);
void WriteStatisticsJson(const Statistics& statistics, std::ostream& out);
void WriteStatisticsCsv(const Statistics& statistics, std::ostream& out);
/// Markdown: a level-two heading, then each table under a level-three heading (the Markdown
/// report places the same content in its own document with `heading_level` 2 or 3).
void WriteStatisticsMarkdown(const Statistics& statistics, std::ostream& out);
void WriteStatisticsMarkdownSection(const Statistics& statistics, int heading_level, std::ostream& out);

}  // namespace uofa::report

#endif  // UOFA_ENGINE_REPORT_STATISTICS_WRITERS_H_
