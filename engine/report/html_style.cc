// The HTML report's stylesheet. System fonts only (nothing is fetched); colours meet WCAG AA
// contrast on white, and every coloured signal also has a word or a shape.
#include "engine/report/html_style.h"

namespace uofa::report {

const char* const kHtmlReportStyle = R"css(
:root { --ink: #1d2327; --muted: #4b5563; --rule: #d0d5da; --accent: #005eb8; --gap: #b3261e;
  --warn: #8a5300; --ok: #2e6b30; --panel: #f3f5f7; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 60rem; padding: 1.5rem; line-height: 1.45; font-size: 11pt; }
header.cover { border-bottom: 4px solid var(--accent); margin-bottom: 1.25rem; padding-bottom: .75rem; }
header.cover p { margin: .2rem 0; color: var(--muted); }
h1 { font-size: 1.7rem; margin: 0 0 .4rem; color: var(--accent); }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
p.lead { font-size: 1.05rem; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: .6rem; margin: .8rem 0; }
.figure { background: var(--panel); border-left: 4px solid var(--accent); padding: .5rem .7rem; }
.figure .value { display: block; font-size: 1.5rem; font-weight: bold; }
.figure .label { display: block; font-size: .85rem; color: var(--muted); }
.figure.gap { border-left-color: var(--gap); }
.figure.ok { border-left-color: var(--ok); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border-bottom: 1px solid var(--rule); padding: .28rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--panel); }
tbody th { background: none; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.status { font-weight: bold; white-space: nowrap; }
.status.gap { color: var(--gap); }
.status.ok { color: var(--ok); }
.status.warn { color: var(--warn); }
.severity-high { color: var(--gap); font-weight: bold; }
.severity-medium { color: var(--warn); font-weight: bold; }
svg.chart { width: 100%; height: auto; max-width: 46rem; display: block; margin: .4rem 0; }
svg .grid { stroke: #e5e7eb; stroke-width: 1; }
svg .tick, svg .line-label, svg .point-label, svg .bar-label { font: 11px sans-serif; fill: var(--muted); }
svg .axis-label { font: 11px sans-serif; fill: var(--ink); }
svg .series { fill: none; stroke: #6b7280; stroke-width: 1.5; }
svg .centre { stroke: var(--ink); stroke-width: 1.5; }
svg .limit { stroke: var(--accent); stroke-width: 1.2; stroke-dasharray: 6 4; fill: none; }
svg .limit-outer { stroke: var(--accent); stroke-width: 1.2; stroke-dasharray: 2 3; fill: none; }
svg .point.common { fill: #6b7280; }
svg .point.special-run { fill: #e07b00; stroke: var(--ink); stroke-width: .8; }
svg .point.special-limit { fill: var(--gap); stroke: var(--ink); stroke-width: .8; }
svg .bar { fill: var(--accent); }
.legend { font-size: .85rem; color: var(--muted); }
details { margin: .3rem 0 1rem; }
summary { cursor: pointer; color: var(--accent); }
.evidence { font-family: "DejaVu Sans Mono", monospace; font-size: .8rem; word-break: break-word; }
.note { font-size: .85rem; color: var(--muted); }
footer { margin-top: 2rem; border-top: 1px solid var(--rule); padding-top: .5rem; font-size: .8rem; color: var(--muted); }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  h2 { break-before: page; }
  h2.keep { break-before: auto; }
  h2, h3, caption { break-after: avoid; }
  svg.chart, .figure, tr { break-inside: avoid; }
  details > summary { display: none; }
  a { color: inherit; text-decoration: none; }
}
)css";

}  // namespace uofa::report
