// Reading the facts the statistics need out of an audit folder's record sources.
#ifndef UOFA_ENGINE_STATS_RECORD_FACTS_H_
#define UOFA_ENGINE_STATS_RECORD_FACTS_H_

#include <memory>
#include <vector>

#include "engine/base/time.h"
#include "engine/record/record_type.h"
#include "engine/sources/record_source.h"
#include "engine/stats/facts.h"
#include "uofa/diagnostic.h"

namespace uofa::stats {

/// Streams every incident, admission and patient record of `sources` into facts; the code lists
/// give the labels and the type groups charted (rules/codes/ri_type.yaml, ri_reason.yaml,
/// ethnic_category.yaml). Rows the sources cannot read are reported to `diagnostics` by them.
Facts ReadFacts(std::vector<std::unique_ptr<RecordSource>>& sources, const CodeRegistry& codes, Timestamp as_of,
                Diagnostics& diagnostics);

/// The facts of one incident record (joined, with its interventions).
IncidentFacts IncidentFactsOf(const Record& incident);
/// The age band of someone born on `birth` at `on` ("Under 18", "18-24", ..., "65 and over").
std::string AgeBand(DayNumber birth, DayNumber on);
/// Day number of the local (Europe/London) date of an instant.
DayNumber LocalDay(Timestamp t);

}  // namespace uofa::stats

#endif  // UOFA_ENGINE_STATS_RECORD_FACTS_H_
