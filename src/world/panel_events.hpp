#pragma once
// The panel's event layer: loaded once for the panel's years, handed out per year as
// world::Year::event_dyads. Private to the world module (panel.cpp and panel_events.cpp).
#include <string>
#include <vector>

#include "entente/store/store.hpp"
#include "entente/world/panel.hpp"

namespace entente::world {

struct PanelEvents {
  bool loaded = false;
  events::LayerInfo layer;
  std::vector<events::DyadPeriod> cells;  // ordered by period_start
};

// Reads the layer PanelLayers asks for (by name, or the store's only one) for years [from, to].
// A store without event layers adds "events" to `missing`; a name the store lacks, or several
// layers and no name, is an error that lists the layers.
PanelEvents load_panel_events(const store::Store& store, const PanelLayers& layers, int from, int to,
                              std::vector<std::string>& missing);
// Fills the Year's event fields (its ccodes and evidence scope already set).
void fill_event_year(const PanelEvents& events, Year& year);

}  // namespace entente::world
