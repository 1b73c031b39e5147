#pragma once
// The cooperation–conflict score of a dyad over a span (a year, a month) from aggregated event
// cells (events::DyadPeriod): what the stance model and the monthly triangles read of event data.
// The rule (docs/models/event_score.md):
//   net cooperation = (cooperative events − conflictual events) / all events, in [−1, +1],
//   where cooperative = CAMEO quads 1–2 (verbal and material cooperation) and conflictual =
//   quads 3–4 (verbal and material conflict); beside it the mean Goldstein (1992) score.
// A span with fewer than a minimum number of events says nothing (too few): a single protest or
// visit is noise, not a relationship.
#include <array>
#include <cstdint>
#include <string_view>

#include "entente/events/event_counts.hpp"

namespace entente::events {

// The events of one undirected dyad over a span, both directions summed.
struct Tally {
  std::int64_t events = 0;
  std::array<std::int64_t, kQuads> quad_events{};
  double goldstein_sum = 0;
  int months = 0;  // months of the span with at least one event (set by whoever builds the tally)

  void add(const DyadPeriod& cell);
  void add(const Tally& other);  // sums counts; months add up (spans must not overlap)
  std::int64_t cooperative() const { return quad_events[0] + quad_events[1]; }
  std::int64_t conflictual() const { return quad_events[2] + quad_events[3]; }
};

// (cooperative − conflictual) / events; NaN without events.
double net_cooperation(const Tally& t);
// goldstein_sum / events; NaN without events.
double mean_goldstein(const Tally& t);

// How a span's events read: cooperative, conflictual, mixed (between the thresholds), or too few
// events to say.
enum class Tone { cooperative, mixed, conflictual, too_few };
std::string_view to_string(Tone t);

// The thresholds of the rule; a stance profile carries one (its [rules] events_* keys).
struct ScoreRule {
  std::int64_t min_events_year = 12;   // a dyad-year needs at least this many events
  std::int64_t min_events_month = 3;   // a dyad-month likewise
  double cooperative = 0.25;           // net cooperation at or above: cooperative
  double conflictual = -0.25;          // net cooperation at or below: conflictual
};

// The tone of a tally under the rule, with the year's or the month's minimum.
enum class Span { year, month };
Tone tone(const Tally& t, const ScoreRule& rule, Span span);

}  // namespace entente::events
