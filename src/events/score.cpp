#include "entente/events/score.hpp"

#include <limits>

namespace entente::events {

void Tally::add(const DyadPeriod& cell) {
  events += cell.events;
  for (int q = 0; q < kQuads; ++q) quad_events[static_cast<std::size_t>(q)] += cell.quad_events[static_cast<std::size_t>(q)];
  goldstein_sum += cell.goldstein_sum;
}

void Tally::add(const Tally& other) {
  events += other.events;
  for (std::size_t q = 0; q < quad_events.size(); ++q) quad_events[q] += other.quad_events[q];
  goldstein_sum += other.goldstein_sum;
  months += other.months;
}

double net_cooperation(const Tally& t) {
  if (t.events == 0) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(t.cooperative() - t.conflictual()) / static_cast<double>(t.events);
}

double mean_goldstein(const Tally& t) {
  if (t.events == 0) return std::numeric_limits<double>::quiet_NaN();
  return t.goldstein_sum / static_cast<double>(t.events);
}

std::string_view to_string(Tone t) {
  switch (t) {
    case Tone::cooperative: return "cooperative";
    case Tone::mixed: return "mixed";
    case Tone::conflictual: return "conflictual";
    case Tone::too_few: return "too few events";
  }
  return "?";
}

Tone tone(const Tally& t, const ScoreRule& rule, Span span) {
  const auto needed = span == Span::year ? rule.min_events_year : rule.min_events_month;
  if (t.events < needed || t.events == 0) return Tone::too_few;
  const double net = net_cooperation(t);
  if (net >= rule.cooperative) return Tone::cooperative;
  if (net <= rule.conflictual) return Tone::conflictual;
  return Tone::mixed;
}

}  // namespace entente::events
