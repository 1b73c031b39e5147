#include "panel_events.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <stdexcept>
#include <utility>

namespace entente::world {

PanelEvents load_panel_events(const store::Store& store, const PanelLayers& layers, int from, int to,
                              std::vector<std::string>& missing) {
  PanelEvents out;
  if (!layers.events) return out;
  const auto all = store.event_layers();
  std::vector<std::string> names;
  for (const auto& l : all) names.push_back(l.name);
  const events::LayerInfo* chosen = nullptr;
  if (!layers.events_layer.empty()) {
    for (const auto& l : all)
      if (l.name == layers.events_layer) chosen = &l;
    if (!chosen)
      throw std::runtime_error(fmt::format("the store has no event layer '{}' ({})", layers.events_layer,
                                           names.empty() ? std::string("it has none; write one with 'entente events "
                                                                       "FILES... --by month --into NAME'")
                                                         : fmt::format("it has {}", fmt::join(names, ", "))));
  } else if (all.size() == 1) {
    chosen = &all.front();
  } else if (all.size() > 1) {
    throw std::runtime_error(fmt::format("the store has several event layers ({}): name one with events_layer in the "
                                         "profile's [rules]",
                                         fmt::join(names, ", ")));
  }
  if (!chosen) {
    missing.emplace_back("events");
    return out;
  }
  out.loaded = true;
  out.layer = *chosen;
  out.cells = store.event_cells(chosen->name, from * 10000 + 101, to * 10000 + 1231);
  return out;
}

void fill_event_year(const PanelEvents& ev, Year& y) {
  if (!ev.loaded) return;
  const auto& c = ev.layer.coverage;
  y.event_layer = ev.layer;
  y.events_covered = c.first_date != 0 && c.first_date / 10000 <= y.year && y.year <= c.last_date / 10000;
  if (!y.events_covered) return;
  const bool monthly = y.event_months();
  const int first = y.year * 10000 + 101, last = y.year * 10000 + 1231;
  auto lo = std::lower_bound(ev.cells.begin(), ev.cells.end(), first,
                             [](const events::DyadPeriod& cell, int day) { return cell.period_start < day; });
  std::map<std::pair<int, int>, EventDyad> dyads;
  for (auto it = lo; it != ev.cells.end() && it->period_start <= last; ++it) {
    int i = y.index(it->source), j = y.index(it->target);
    if (i < 0 || j < 0 || i == j) continue;
    if (!y.in_scope[static_cast<std::size_t>(i)] || !y.in_scope[static_cast<std::size_t>(j)]) continue;
    if (i > j) std::swap(i, j);
    auto& d = dyads[{i, j}];
    d.a = i;
    d.b = j;
    d.year.add(*it);
    // A week belongs to the month of its first day.
    if (monthly) d.months[static_cast<std::size_t>(it->period_start / 100 % 100 - 1)].add(*it);
  }
  y.event_dyads.reserve(dyads.size());
  for (auto& [key, d] : dyads) {
    for (auto& m : d.months) m.months = m.events > 0 ? 1 : 0;
    if (monthly)
      d.year.months = static_cast<int>(std::count_if(d.months.begin(), d.months.end(),
                                                     [](const events::Tally& m) { return m.events > 0; }));
    y.event_dyads.push_back(d);
  }
}

const EventDyad* Year::events_of(int i, int j) const {
  if (i > j) std::swap(i, j);
  auto it = std::lower_bound(event_dyads.begin(), event_dyads.end(), std::pair{i, j},
                             [](const EventDyad& d, std::pair<int, int> k) { return std::pair{d.a, d.b} < k; });
  return it != event_dyads.end() && it->a == i && it->b == j ? &*it : nullptr;
}

int Year::event_months_covered() const {
  if (!events_covered) return 0;
  const int first = event_layer.coverage.first_date, last = event_layer.coverage.last_date;
  const int from = first / 10000 < year ? 1 : first / 100 % 100;
  const int to = last / 10000 > year ? 12 : last / 100 % 100;
  return std::max(0, to - from + 1);
}

bool Year::event_months() const {
  return event_layer.period == events::Period::day || event_layer.period == events::Period::week ||
         event_layer.period == events::Period::month;
}

}  // namespace entente::world
