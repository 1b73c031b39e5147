#include "entente/query/actors.hpp"

#include "entente/actor/iso3.hpp"

namespace entente::query {

Json actors(const world::Source& source, std::optional<int> year) {
  Json rows = Json::array();
  for (const auto& a : source.registry.all()) {
    if (year && !a.member_in(*year)) continue;
    Json spells = Json::array();
    for (const auto& s : a.spells) spells.push_back(s.start + ".." + s.end);
    rows.push_back({{"ccode", a.ccode},
                    {"abbrev", a.abbrev},
                    {"iso3", a.iso3.empty() ? Json(nullptr) : Json(a.iso3)},
                    // The key of world maps (world-atlas), which the web app colours by state.
                    {"iso_numeric", actor::iso_numeric_for_ccode(a.ccode) == 0 ? Json(nullptr)
                                                                                : Json(actor::iso_numeric_for_ccode(a.ccode))},
                    {"name", a.name},
                    {"spells", spells}});
  }
  return {{"source", source.label},
          {"year", year ? Json(*year) : Json(nullptr)},
          {"count", rows.size()},
          {"rows", rows}};
}

Json actors_table_rows(const Json& result) {
  Json out = Json::array();
  for (const auto& r : result.at("rows"))
    out.push_back({{"ccode", r.at("ccode")}, {"abbrev", r.at("abbrev")}, {"iso3", r.at("iso3")}, {"name", r.at("name")}});
  return out;
}

}  // namespace entente::query
