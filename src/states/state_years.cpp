#include "entente/states/state_years.hpp"

#include <algorithm>
#include <array>

#include "entente/world/panel.hpp"

namespace entente::states {

namespace {
constexpr std::array kNames = {std::pair{Layer::capabilities, "capabilities"}, std::pair{Layer::democracy, "democracy"},
                               std::pair{Layer::majors, "majors"}, std::pair{Layer::trade, "trade"},
                               std::pair{Layer::idealpoints, "idealpoints"}};
bool has(const std::vector<Layer>& with, Layer l) { return std::find(with.begin(), with.end(), l) != with.end(); }
}  // namespace

std::optional<Layer> layer_by_name(std::string_view name) {
  for (const auto& [l, n] : kNames)
    if (name == n) return l;
  return std::nullopt;
}

std::vector<std::string_view> layer_names() {
  std::vector<std::string_view> out;
  for (const auto& [l, n] : kNames) out.push_back(n);
  return out;
}

std::vector<std::string> build(const world::Source& source, const Request& request,
           const std::function<void(const std::vector<std::string>&)>& start,
           const std::function<void(int, int, const std::vector<double>&)>& row) {
  world::PanelLayers layers;
  layers.alliances = false;
  layers.capabilities = has(request.with, Layer::capabilities);
  layers.democracy = has(request.with, Layer::democracy);
  layers.majors = has(request.with, Layer::majors);
  layers.national_trade = has(request.with, Layer::trade);
  layers.idealpoints = has(request.with, Layer::idealpoints);
  const world::Panel panel(source, request.from, request.to, layers, {request.universe, {}});
  std::vector<std::string> columns;
  for (const auto& [layer, name] : kNames) {
    if (!has(request.with, layer)) continue;
    switch (layer) {
      case Layer::capabilities: columns.emplace_back("cinc"); break;
      case Layer::democracy: columns.insert(columns.end(), {"polity2", "polyarchy", "quds"}); break;
      case Layer::majors: columns.emplace_back("major"); break;
      case Layer::trade: columns.insert(columns.end(), {"imports", "exports"}); break;
      case Layer::idealpoints: columns.emplace_back("idealpoint"); break;
    }
  }
  start(columns);
  auto actors = request.actors;
  std::sort(actors.begin(), actors.end());
  std::vector<double> values;
  for (int y = request.from; y <= request.to; ++y) {
    const auto year = panel.year(y);
    for (std::size_t i = 0; i < year.n(); ++i) {
      if (!actors.empty() && !std::binary_search(actors.begin(), actors.end(), year.ccodes[i])) continue;
      const bool scoped = year.in_scope[i] != 0;
      values.clear();
      for (const auto& [layer, name] : kNames) {
        if (!has(request.with, layer)) continue;
        switch (layer) {
          case Layer::capabilities: values.push_back(year.cinc[i]); break;
          case Layer::democracy: values.insert(values.end(), {year.polity2[i], year.polyarchy[i], year.quds[i]}); break;
          case Layer::majors: values.push_back(year.majors_covered ? year.major[i] : world::kMissing); break;
          case Layer::trade: values.insert(values.end(), {year.imports[i], year.exports[i]}); break;
          case Layer::idealpoints: values.push_back(year.idealpoint[i]); break;
        }
      }
      if (!scoped) std::fill(values.begin(), values.end(), world::kMissing);
      row(year.ccodes[i], y, values);
    }
  }
  return panel.missing_layers();
}

}  // namespace entente::states
