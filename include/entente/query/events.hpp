#pragma once
// `entente events`: the aggregated cells as table rows (report::TableWriter) and what was read and
// left out as JSON (the document's metadata, and the notes on stderr).
#include <string>
#include <vector>

#include "entente/events/aggregate.hpp"
#include "entente/core/json.hpp"

namespace entente::query {

// The key columns (period_start, source, target) and the value columns: the DyadPeriod fields,
// quad_events flattened by quad name, and goldstein_mean (goldstein_sum / events).
const std::vector<std::string>& event_key_columns();
const std::vector<std::string>& event_value_columns();
// `values` receives event_value_columns().size() numbers.
void event_values(const events::DyadPeriod& cell, double* values);

// {"options": ..., "coverage": {first_date, last_date, sources, rows_read, rows_used},
//  "rows_left_out": {...}, "unmapped_actor_codes": [{code, rows}], "non_state_actor_codes": [...],
//  "unmapped_event_codes": [...], "bad_rows": [...]}
Json events_summary(const events::AggregateResult& result, const events::AggregateOptions& options);

// The summary in a few lines for stderr: rows read and used, the reasons rows were left out, and
// the most frequent unmapped codes.
std::string events_notes(const events::AggregateResult& result);

}  // namespace entente::query
