#include "entente/query/scenario.hpp"

#include <filesystem>
#include <fmt/format.h>

#include "entente/scenario/analysis.hpp"
#include "entente/scenario/compare.hpp"
#include "entente/scenario/ensemble.hpp"
#include "entente/scenario/evolve.hpp"
#include "entente/query/scenario_json.hpp"
#include "entente/query/years.hpp"
#include "entente/scenario/world.hpp"

namespace entente::query {

namespace {

// One side's models in brief; the full matrices stay out (relations gives them).
Json summary(const scenario::World& w, const scenario::Analysis& a) {
  const std::size_t n = w.n();
  Json counts = Json::object();
  for (int r = 0; r < 6; ++r) counts[std::string(stance::to_string(static_cast<stance::Relation>(r)))] = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      auto& c = counts[std::string(stance::to_string(a.stances.relation[i * n + j]))];
      c = c.get<long long>() + 1;
    }
  Json types = Json::object();
  for (std::size_t t = 0; t < 4; ++t)
    types[std::string(triangle::to_string(static_cast<triangle::Type>(t)))] = a.census.types[t];
  Json triangles = Json::array();
  for (std::size_t k = 0; k < w.triangles.size(); ++k) {
    Json roles = Json::object();
    for (std::size_t s = 0; s < 3; ++s)
      roles[w.names[w.triangles[k][s]]] = std::string(triangle::to_string(a.triangles[k].roles[s]));
    triangles.push_back({{"triangle", fmt::format("{}-{}-{}", w.names[w.triangles[k][0]], w.names[w.triangles[k][1]],
                                                  w.names[w.triangles[k][2]])},
                         {"type", std::string(triangle::to_string(a.triangles[k].type))},
                         {"roles", roles}});
  }
  Json balancers = Json::array();
  for (int r = 1; r <= static_cast<int>(std::min<std::size_t>(n, 10)); ++r)
    for (std::size_t i = 0; i < n; ++i)
      if (a.rank[i] == r)
        balancers.push_back({{"rank", r}, {"abbrev", w.names[i]}, {"weighted_pivot", a.census.actors[i].weighted_pivot},
                             {"pivot", a.census.actors[i].pivot},
                             {"flexibility", number_or_null(a.census.actors[i].flexibility)}});
  Json blocs = Json::array({Json::array(), Json::array()}), unaligned = Json::array();
  for (std::size_t i = 0; i < n; ++i) (a.bloc[i] < 0 ? unaligned : blocs[static_cast<std::size_t>(a.bloc[i])]).push_back(w.names[i]);
  Json minima = Json::array();
  for (const auto& m : a.landscape.minima) {
    Json sa = Json::array(), sb = Json::array();
    for (std::size_t k = 0; k < m.sides.size(); ++k) (m.sides[k] ? sb : sa).push_back(w.landscape.names[k]);
    minima.push_back({{"energy", m.energy}, {"basin_share", m.share}, {"side_a", sa}, {"side_b", sb}});
  }
  return {{"states", n},
          {"relations", counts},
          {"triads", types},
          {"triangles", triangles},
          {"balancers", balancers},
          {"signed_graph", {{"edges", a.edges}, {"negative_edges", a.negative_edges}}},
          {"frustration", {{"value", a.frustration}, {"lower_bound", a.frustration_bound}, {"optimal", a.optimal}}},
          {"blocs", {{"with_focus", blocs[0]}, {"other", blocs[1]}, {"unaligned", unaligned}}},
          {"landscape", {{"actors", w.landscape.names}, {"minima", minima}}}};
}

Json counterfactual_of(const world::Source& source, const scenario::Worlds& worlds, const scenario::Scenario& sc,
                       const stance::Profile& profile) {
  scenario::Settings settings;
  settings.min_weight = sc.min_weight;
  const auto before = scenario::analyse(worlds.before, scenario::graph_of(worlds.before, profile), settings);
  const auto prior = scenario::carry_blocs(worlds.before, before.bloc, worlds.after);
  settings.bloc_prior = &prior;
  const auto after = scenario::analyse(worlds.after, scenario::graph_of(worlds.after, profile), settings);
  Json changes = Json::array();
  int rank = 0;
  for (const auto& c : scenario::compare(worlds.before, before, worlds.after, after))
    changes.push_back({{"rank", ++rank}, {"tier", c.tier}, {"kind", c.kind}, {"change", c.text}});
  return {{"scenario", sc.name},
          {"question", sc.question},
          {"source", source.label},
          {"profile", profile.name},
          {"year", sc.year},
          {"focus", worlds.before.names[worlds.before.focus]},
          {"min_weight", sc.min_weight},
          {"shocks", worlds.shocks},
          {"focus_rows", to_json(scenario::focus_rows(worlds.before, before, worlds.after, after))},
          {"before", summary(worlds.before, before)},
          {"after", summary(worlds.after, after)},
          {"rows", changes}};
}

}  // namespace

// A year outside the evidence would give a quiet, empty answer; `entente scenario`,
// `entente-mpi scenario` and the server all refuse it here, the same way (in the words of
// `report`: the years of the store's evidence).
void require_scenario_year(const world::Source& source, const scenario::Scenario& sc) {
  const auto span = report_years(source);
  if (sc.year < span.first || sc.year > span.last)
    throw std::runtime_error(
        fmt::format("{}: year {}: {} covers {} to {}", sc.file, sc.year, source.label, span.first, span.last));
}

bool named_profile(const std::string& name) { return name == "default" || name == "v1" || name == "v2"; }

ScenarioInputs load_scenario_inputs(const std::string& file, const std::optional<std::string>& db,
                                    const std::optional<std::string>& profile) {
  auto sc = scenario::load_scenario(file);
  const auto here = std::filesystem::path(file).parent_path();
  std::optional<std::filesystem::path> store;
  if (db) store = *db;
  else if (sc.store) store = here / *sc.store;
  auto source = world::open_source(store);
  require_scenario_year(source, sc);
  auto rules = profile      ? stance::resolve_profile(*profile)
               : sc.profile ? stance::resolve_profile(named_profile(sc.profile->string()) ? sc.profile->string() : (here / *sc.profile).string())
                            : stance::default_profile();
  return {std::move(sc), std::move(source), std::move(rules)};
}

Json counterfactual(const world::Source& source, const scenario::Scenario& sc, const stance::Profile& profile) {
  return counterfactual_of(source, scenario::build_worlds(source, sc, profile), sc, profile);
}

Json scenario(const world::Source& source, const scenario::Scenario& sc, const stance::Profile& profile,
              const ScenarioRequest& request) {
  const auto runs = request.runs.value_or(sc.dynamics.runs);
  const auto members = request.members.value_or(sc.ensemble.members);
  const auto worlds = scenario::build_worlds(source, sc, profile);
  // The ensemble first: under MPI every rank computes its share, and only the rank that gathers
  // goes on to the rest.
  std::vector<double> rows;
  scenario::EnsembleSpec spec = sc.ensemble;
  spec.members = members;
  if (request.seed) spec.seed = *request.seed;
  if (members > 0) {
    const std::uint64_t first = members * request.rank / request.ranks, last = members * (request.rank + 1) / request.ranks;
    rows = scenario::run_members(worlds, profile, sc, spec, first, last, request.threads, request.progress,
                                 request.interrupt);
  }
  const bool interrupted = request.interrupt && request.interrupt->load();
  if (request.gather) {
    rows = request.gather(std::move(rows));
    if (request.rank != 0) return nullptr;  // only rank 0 reports (and runs the rest)
  }
  Json out = counterfactual_of(source, worlds, sc, profile);
  if (runs > 0 && !interrupted) {
    scenario::DynamicsSpec dyn = sc.dynamics;
    dyn.runs = runs;
    if (request.seed) dyn.seed = *request.seed;
    out["dynamics"] = to_json(scenario::evolve(worlds, profile, sc, dyn, request.threads));
  }
  if (members > 0) {
    auto summary = scenario::summarise(worlds, sc, spec, rows);
    if (interrupted) summary.members_asked = members;
    out["ensemble"] = to_json(summary);
  }
  if (interrupted) out["interrupted"] = true;
  return out;
}

}  // namespace entente::query
