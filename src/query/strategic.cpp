#include "entente/query/strategic.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <stdexcept>

#include "entente/query/evidence_json.hpp"
#include "entente/triangle/triangle.hpp"
#include "entente/world/panel.hpp"

namespace entente::query {

namespace {

Json actor_json(const actor::Actor& a) { return {{"ccode", a.ccode}, {"abbrev", a.abbrev}, {"name", a.name}}; }

std::size_t position(const world::Year& y, const actor::Actor& a) {
  const int i = y.index(a.ccode);
  if (i < 0) throw std::invalid_argument(fmt::format("{} is not a member of the state system in {}", a.abbrev, y.year));
  return static_cast<std::size_t>(i);
}

Json defense_agreements_json(const std::vector<world::DefenseAgreement>& dcas) {
  Json out = Json::array();
  for (const auto& d : dcas) out.push_back(defense_agreement_json(d));
  return out;
}

// The dyad-year's event evidence as explain shows it: the tally, its tone under the profile's rule
// and the months of the year the layer covers.
Json events_json(const stance::Stance& s) {
  Json out = tally_json(s.events);
  out["tone"] = std::string(events::to_string(s.events_tone));
  out["event_months_covered"] = s.event_months_covered;
  return out;
}

Json stance_json(const stance::Stance& s) {
  return {{"relation", std::string(stance::to_string(s.relation))},
          {"weight", s.weight},
          {"rule", s.rule},
          {"evidence", s.evidence},
          {"missing_layers", s.missing},
          {"treaties", treaties_json(s.treaties)},
          {"defense_agreements", defense_agreements_json(s.dcas)},
          {"organisations", s.organisations},
          {"events", s.events_covered ? events_json(s) : Json(nullptr)}};
}

}  // namespace

Json explain(const world::Source& source, const actor::Actor& a, const actor::Actor& b, int year,
             const stance::Profile& profile) {
  auto layers = stance::stance_layers(profile);
  // Explain shows a dyad-year's event data whether or not the profile decides with it: the
  // layer the profile names, or the store's only one.
  if (!layers.events) layers.events = !profile.events_layer.empty() || source.store.event_layers().size() == 1;
  const world::Panel panel(source, year, year, layers);
  const auto y = panel.year(year);
  const auto s = stance::classify(y, position(y, a), position(y, b), profile);
  Json out{{"source", source.label}, {"profile", profile.name}, {"year", year}, {"a", actor_json(a)}, {"b", actor_json(b)}};
  if (y.events_covered || profile.events) out["event_layer"] = y.event_layer.name.empty() ? Json(nullptr) : Json(y.event_layer.name);
  const Json decided = stance_json(s);
  for (auto& [k, v] : decided.items()) out[k] = v;
  return out;
}

Json relations(const world::Source& source, int year, const std::vector<int>& actors, const stance::Profile& profile) {
  const world::Panel panel(source, year, year, stance::stance_layers(profile));
  const auto y = panel.year(year);
  Json rows = Json::array();
  const std::size_t n = y.n();
  auto wanted = [&](std::size_t i) {
    return actors.empty() || std::find(actors.begin(), actors.end(), y.ccodes[i]) != actors.end();
  };
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      if (!wanted(i) || !wanted(j)) continue;
      if (!y.in_scope[i] || !y.in_scope[j] || !y.in_universe(i, j)) continue;
      const auto s = stance::classify(y, i, j, profile);
      const auto* a = source.registry.by_ccode(y.ccodes[i]);
      const auto* b = source.registry.by_ccode(y.ccodes[j]);
      rows.push_back({{"ccode1", a->ccode}, {"abbrev1", a->abbrev}, {"ccode2", b->ccode}, {"abbrev2", b->abbrev},
                      {"relation", std::string(stance::to_string(s.relation))}, {"weight", s.weight},
                      {"rule", s.rule}});
    }
  return {{"source", source.label}, {"profile", profile.name}, {"year", year}, {"rows", rows}};
}

Json triangle_roles(const triangle::Triangle& t, const actor::Actor& a, const actor::Actor& b, const actor::Actor& c) {
  auto role = [&](std::size_t k) {
    return Json{{"role", std::string(triangle::to_string(t.roles[k]))}, {"rank", triangle::rank(t.roles[k])}};
  };
  return Json{{a.abbrev, role(0)}, {b.abbrev, role(1)}, {c.abbrev, role(2)}};
}

Json triangle(const world::Source& source, const actor::Actor& a, const actor::Actor& b, const actor::Actor& c,
              int from, int to, const stance::Profile& profile) {
  if (a.ccode == b.ccode || a.ccode == c.ccode || b.ccode == c.ccode)
    throw std::invalid_argument("a triangle needs three different states");
  if (from > to) throw std::invalid_argument(fmt::format("no years to show: from {} is after to {}", from, to));
  const world::Panel panel(source, from, to, stance::stance_layers(profile));
  Json rows = Json::array(), changes = Json::array();
  std::string previous;
  for (int year = from; year <= to; ++year) {
    const auto y = panel.year(year);
    const int ia = y.index(a.ccode), ib = y.index(b.ccode), ic = y.index(c.ccode);
    if (ia < 0 || ib < 0 || ic < 0) continue;  // a triangle only of states in the system that year
    const auto ab = stance::classify(y, static_cast<std::size_t>(ia), static_cast<std::size_t>(ib), profile);
    const auto ac = stance::classify(y, static_cast<std::size_t>(ia), static_cast<std::size_t>(ic), profile);
    const auto bc = stance::classify(y, static_cast<std::size_t>(ib), static_cast<std::size_t>(ic), profile);
    const auto t = triangle::classify(ab.weight, ac.weight, bc.weight);
    const std::string type(triangle::to_string(t.type));
    auto tie = [](const stance::Stance& s, const triangle::Tie& t_) {
      return Json{{"relation", std::string(stance::to_string(s.relation))}, {"weight", t_.weight},
                  {"amity", t_.amity}, {"margin", t_.margin}, {"rule", s.rule}};
    };
    rows.push_back({{"year", year},
                    {"type", type},
                    {"roles", triangle_roles(t, a, b, c)},
                    {"ties",
                     {{a.abbrev + "-" + b.abbrev, tie(ab, t.ab)},
                      {a.abbrev + "-" + c.abbrev, tie(ac, t.ac)},
                      {b.abbrev + "-" + c.abbrev, tie(bc, t.bc)}}}});
    if (type != previous) changes.push_back({{"year", year}, {"type", type}});
    previous = type;
  }
  return {{"source", source.label}, {"profile", profile.name}, {"actors", {actor_json(a), actor_json(b), actor_json(c)}},
          {"from", from}, {"to", to}, {"changes", changes}, {"rows", rows}};
}

Json balancer(const world::Source& source, int year, std::optional<int> top, const stance::Profile& profile) {
  const world::Panel panel(source, year, year, stance::stance_layers(profile));
  const auto y = panel.year(year);
  const auto census = triangle::census(stance::stance_graph(y, profile));
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < y.n(); ++i)
    if (y.in_scope[i]) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t p, std::size_t q) {
    const auto& x = census.actors[p];
    const auto& z = census.actors[q];
    if (x.weighted_pivot != z.weighted_pivot) return x.weighted_pivot > z.weighted_pivot;
    return x.pivot > z.pivot;
  });
  Json rows = Json::array();
  int rank = 0;
  for (std::size_t i : order) {
    if (top && rank >= *top) break;
    const auto& r = census.actors[i];
    const auto* a = source.registry.by_ccode(y.ccodes[i]);
    rows.push_back({{"rank", ++rank},
                    {"ccode", a->ccode},
                    {"abbrev", a->abbrev},
                    {"pivot", r.pivot},
                    {"weighted_pivot", r.weighted_pivot},
                    {"flexibility", number_or_null(r.flexibility)},
                    {"reach", number_or_null(r.reach)},
                    {"positive_ties", r.positive_ties},
                    {"alliance_ties", r.alliance_ties},
                    {"cinc", number_or_null(y.cinc[i])}});
  }
  Json types = Json::object();
  for (int t = 0; t < 4; ++t) types[std::string(triangle::to_string(static_cast<triangle::Type>(t)))] = census.types[t];
  return {{"source", source.label}, {"profile", profile.name}, {"year", year}, {"triads", census.triads},
          {"types", types}, {"rows", rows}};
}

}  // namespace entente::query
