// The HTML report's stylesheet, inlined into the page: screen and A4 print rules.
#ifndef UOFA_ENGINE_REPORT_HTML_STYLE_H_
#define UOFA_ENGINE_REPORT_HTML_STYLE_H_

namespace uofa::report {

/// CSS for the HTML report (html_writer.cc), with @page rules for A4.
extern const char* const kHtmlReportStyle;

}  // namespace uofa::report

#endif  // UOFA_ENGINE_REPORT_HTML_STYLE_H_
