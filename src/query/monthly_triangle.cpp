#include "entente/query/monthly_triangle.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "entente/query/evidence_json.hpp"
#include "entente/query/strategic.hpp"
#include "entente/events/aggregate.hpp"  // period_name
#include "entente/triangle/triangle.hpp"
#include "entente/world/panel.hpp"

namespace entente::query {

int parse_month(const std::string& text, bool last, const std::string& option) {
  auto number = [&](std::string_view digits, int& into) {
    const auto* end = digits.data() + digits.size();
    auto [p, ec] = std::from_chars(digits.data(), end, into);
    return ec == std::errc() && p == end;
  };
  int year = 0, month = 0;
  const bool ok = (text.size() == 4 && number(text, year) && ((month = last ? 12 : 1), true)) ||
                  (text.size() == 7 && text[4] == '-' && number(std::string_view(text).substr(0, 4), year) &&
                   number(std::string_view(text).substr(5, 2), month) && month >= 1 && month <= 12);
  if (!ok) throw std::invalid_argument(fmt::format("{} {}: expected a month as YYYY-MM (or a year, YYYY)", option, text));
  return year * 100 + month;
}

Json triangle_by_month(const world::Source& source, const actor::Actor& a, const actor::Actor& b,
                       const actor::Actor& c, int from_month, int to_month, const stance::Profile& profile) {
  if (a.ccode == b.ccode || a.ccode == c.ccode || b.ccode == c.ccode)
    throw std::invalid_argument("a triangle needs three different states");
  if (from_month > to_month)
    throw std::invalid_argument(fmt::format("no months to show: from {}-{:02} is after to {}-{:02}", from_month / 100,
                                            from_month % 100, to_month / 100, to_month % 100));
  world::PanelLayers layers;  // the event layer alone: a month's tie is its event score
  layers.alliances = layers.capabilities = layers.majors = false;
  layers.events = true;
  layers.events_layer = profile.events_layer;
  const world::Panel panel(source, from_month / 100, to_month / 100, layers);
  const auto& missing = panel.missing_layers();
  if (std::find(missing.begin(), missing.end(), "events") != missing.end())
    throw std::invalid_argument(
        "monthly triangles read an event layer and the store has none (write one with 'entente events FILES... --by "
        "month --into NAME --db STORE')");
  const auto& rule = profile.events_rule;
  Json rows = Json::array(), changes = Json::array();
  std::string previous;
  Json layer_json;
  int outside = 0;
  for (int year = from_month / 100; year <= to_month / 100; ++year) {
    const auto y = panel.year(year);
    if (layer_json.is_null()) {
      layer_json = event_layer_json(y.event_layer);
      if (!y.event_months())
        throw std::invalid_argument(fmt::format("event layer {} is by {}: monthly triangles need a layer by day, week "
                                                "or month",
                                                y.event_layer.name, events::period_name(y.event_layer.period)));
    }
    const int ia = y.index(a.ccode), ib = y.index(b.ccode), ic = y.index(c.ccode);
    const int first = year == from_month / 100 ? from_month % 100 : 1;
    const int last = year == to_month / 100 ? to_month % 100 : 12;
    const auto& cov = y.event_layer.coverage;
    for (int m = first; m <= last; ++m) {
      const int yyyymm = year * 100 + m;
      if (yyyymm < cov.first_date / 100 || yyyymm > cov.last_date / 100) {
        ++outside;
        continue;
      }
      if (ia < 0 || ib < 0 || ic < 0) continue;  // a triangle only of states in the system that year
      auto month_of = [&](int i, int j) {
        const auto* d = y.events_of(i, j);
        return d ? d->months[static_cast<std::size_t>(m - 1)] : events::Tally{};
      };
      const events::Tally tab = month_of(ia, ib), tac = month_of(ia, ic), tbc = month_of(ib, ic);
      auto weight = [&](const events::Tally& t) {
        const auto tone = events::tone(t, rule, events::Span::month);
        return tone == events::Tone::cooperative || tone == events::Tone::conflictual ? events::net_cooperation(t) : 0.0;
      };
      const auto t = triangle::classify(weight(tab), weight(tac), weight(tbc));
      const std::string type(triangle::to_string(t.type));
      auto tie = [&](const events::Tally& tally, const triangle::Tie& tt) {
        Json out = tally_json(tally);
        out["tone"] = std::string(events::to_string(events::tone(tally, rule, events::Span::month)));
        out["weight"] = tt.weight;
        out["amity"] = tt.amity;
        out["margin"] = tt.margin;
        return out;
      };
      const std::string month = fmt::format("{}-{:02}", year, m);
      rows.push_back({{"month", month},
                      {"type", type},
                      {"roles", triangle_roles(t, a, b, c)},
                      {"ties",
                       {{a.abbrev + "-" + b.abbrev, tie(tab, t.ab)},
                        {a.abbrev + "-" + c.abbrev, tie(tac, t.ac)},
                        {b.abbrev + "-" + c.abbrev, tie(tbc, t.bc)}}}});
      if (type != previous) changes.push_back({{"month", month}, {"type", type}});
      previous = type;
    }
  }
  auto actor_json = [](const actor::Actor& x) { return Json{{"ccode", x.ccode}, {"abbrev", x.abbrev}, {"name", x.name}}; };
  return {{"source", source.label},
          {"profile", profile.name},
          {"by", "month"},
          {"event_layer", layer_json},
          {"rule",
           {{"min_events_month", rule.min_events_month},
            {"cooperative", rule.cooperative},
            {"conflictual", rule.conflictual}}},
          {"actors", {actor_json(a), actor_json(b), actor_json(c)}},
          {"from", fmt::format("{}-{:02}", from_month / 100, from_month % 100)},
          {"to", fmt::format("{}-{:02}", to_month / 100, to_month % 100)},
          {"months_outside_coverage", outside},
          {"changes", changes},
          {"rows", rows}};
}

}  // namespace entente::query
