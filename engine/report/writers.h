// The report writers behind the registration table in writer_registry.cc. Each is defined in its
// own file (text_writer.cc, json_writer.cc, ...) and never throws.
#ifndef UOFA_ENGINE_REPORT_WRITERS_H_
#define UOFA_ENGINE_REPORT_WRITERS_H_

#include <ostream>

#include "uofa/finding.h"
#include "uofa/report.h"

namespace uofa::report {

using WriterFunction = void (*)(const AuditResult& result, const ReportOptions& options,
                                std::ostream& out);

void WriteTextReport(const AuditResult& result, const ReportOptions& options, std::ostream& out);
void WriteJsonReport(const AuditResult& result, const ReportOptions& options, std::ostream& out);
void WriteMarkdownReport(const AuditResult& result, const ReportOptions& options,
                         std::ostream& out);
void WriteSarifReport(const AuditResult& result, const ReportOptions& options, std::ostream& out);
void WriteJunitReport(const AuditResult& result, const ReportOptions& options, std::ostream& out);
void WriteGithubReport(const AuditResult& result, const ReportOptions& options, std::ostream& out);
void WriteHtmlReport(const AuditResult& result, const ReportOptions& options, std::ostream& out);
void WriteCsvReport(const AuditResult& result, const ReportOptions& options, std::ostream& out);

}  // namespace uofa::report

#endif  // UOFA_ENGINE_REPORT_WRITERS_H_
