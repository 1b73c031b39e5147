#include "entente/query/structure.hpp"

#include <cmath>
#include <map>
#include <fmt/format.h>
#include <stdexcept>

#include "entente/balance/census.hpp"
#include "entente/world/panel.hpp"

namespace entente::query {
namespace {


balance::SignedGraph graph_of_year(const world::Source& source, const world::Year& y, const stance::Profile& profile,
                                   double min_weight) {
  std::vector<std::string> names(y.n());
  for (std::size_t i = 0; i < y.n(); ++i) {
    const auto* a = source.registry.by_ccode(y.ccodes[i]);
    names[i] = a ? a->abbrev : std::to_string(y.ccodes[i]);
  }
  auto g = balance::signed_graph(stance::stance_graph(y, profile), names, min_weight);
  g.label = std::to_string(y.year);
  return g;
}

// The graphs of several years as one: nodes by name, in order of first appearance; a pair's
// edges merge as balance::undirected merges them (hostile if any year was).
balance::SignedGraph join(const std::vector<balance::SignedGraph>& graphs) {
  balance::SignedGraph all;
  std::map<std::string, std::size_t> index;
  for (const auto& g : graphs) {
    std::vector<std::size_t> at(g.n());
    for (std::size_t v = 0; v < g.n(); ++v) {
      const auto [it, fresh] = index.try_emplace(g.nodes[v], all.nodes.size());
      if (fresh) all.nodes.push_back(g.nodes[v]);
      at[v] = it->second;
    }
    for (const auto& e : g.edges) all.edges.push_back({at[e.a], at[e.b], e.sign});
  }
  return balance::undirected(all);
}

Json summary(const balance::SignedGraph& directed_or_not, const balance::TriangleCensus& t,
             const balance::Frustration& f, double walk) {
  const auto g = balance::undirected(directed_or_not);
  const auto normalised = balance::normalised_frustration(f.value, g.edges.size());
  return {{"graph", g.label},
          {"nodes", g.n()},
          {"edges", g.edges.size()},
          {"negative_edges", g.negative_edges()},
          {"triangles", t.triangles()},
          {"triangles_ppp", t.by_negatives[0]},
          {"triangles_ppn", t.by_negatives[1]},
          {"triangles_pnn", t.by_negatives[2]},
          {"triangles_nnn", t.by_negatives[3]},
          {"triangle_balance", number_or_null(t.balance())},
          {"walk_balance", number_or_null(walk)},
          {"frustration", f.value},
          {"lower_bound", f.lower_bound},
          {"optimal", f.optimal()},
          {"normalised_frustration", normalised ? Json(*normalised) : Json(nullptr)}};
}

}  // namespace

balance::SignedGraph stance_graph(const world::Source& source, int year, const stance::Profile& profile,
                                  double min_weight, int window) {
  return stance_graphs(source, year, year, profile, min_weight, window).front();
}

std::vector<balance::SignedGraph> stance_graphs(const world::Source& source, int from, int to,
                                                const stance::Profile& profile, double min_weight, int window) {
  if (from > to) throw std::invalid_argument(fmt::format("no years to show: from {} is after to {}", from, to));
  if (window < 1) throw std::invalid_argument(fmt::format("a window is at least one year, not {}", window));
  const int last = to + window - 1;
  const world::Panel panel(source, from, last, stance::stance_layers(profile));
  std::vector<balance::SignedGraph> years;
  for (int year = from; year <= last; ++year) years.push_back(graph_of_year(source, panel.year(year), profile, min_weight));
  if (window == 1) return years;
  std::vector<balance::SignedGraph> out;
  for (int start = from; start <= to; ++start) {
    std::vector<balance::SignedGraph> span(years.begin() + (start - from), years.begin() + (start - from + window));
    auto joined = join(span);
    joined.label = fmt::format("{}-{}", start, start + window - 1);
    out.push_back(std::move(joined));
  }
  return out;
}

std::vector<balance::SignedGraph> pajek_graphs(const std::vector<balance::PajekRelation>& relations,
                                               const std::optional<std::string>& window) {
  std::vector<balance::SignedGraph> out;
  for (const auto& r : relations)
    if (!window || *window == r.name || *window == std::to_string(r.number)) out.push_back(r.graph);
  if (out.empty()) {
    std::string names;
    for (const auto& r : relations) names += (names.empty() ? "" : ", ") + r.name;
    throw std::invalid_argument(fmt::format("no relation \"{}\" in the file; it has {}", *window, names));
  }
  return out;
}

namespace {

// A large graph's partition and certified bound, in the exact solver's terms, and how it was found.
balance::Frustration bounded(const balance::SignedGraph& g, const balance::FrustrationOptions& options,
                             const BalanceMethod& how, Json& detail) {
  balance::BoundsOptions bo;
  bo.time_limit_seconds = options.time_limit_seconds.value_or(600);
  bo.interrupt = options.interrupt;
  bo.progress = how.bounds_progress;
  bo.progress_every_seconds = options.progress_every_seconds;
  const auto b = balance::frustration_bounds(g, bo);
  balance::Frustration f;
  f.value = b.value;
  f.lower_bound = b.lower_bound;
  f.side = b.side;
  f.frustrated = b.frustrated;
  f.seconds = b.seconds;
  f.interrupted = b.interrupted;
  detail = {{"search_seconds", b.search_seconds}, {"packing_seconds", b.packing_seconds}, {"moves", b.moves},
            {"cycles", b.cycles.size()}};
  return f;
}

}  // namespace

Json balance(const std::vector<balance::SignedGraph>& graphs, const balance::FrustrationOptions& options,
             const BalanceMethod& how) {
  Json rows = Json::array(), graphs_json = Json::array();
  for (const auto& g : graphs) {
    const auto census = balance::triangle_census(g);
    const bool large = how.method == FrustrationMethod::bounds ||
                       (how.method == FrustrationMethod::automatic && g.edges.size() > kBoundsEdges);
    Json bounds;
    const auto f = large ? bounded(g, options, how, bounds) : balance::frustration_index(g, options);
    // Walk balance needs dense eigenvalues; beyond its size limit it is left out (null).
    const double walk = g.n() <= balance::kWalkBalanceMaxNodes ? balance::walk_balance(g) : std::nan("");
    const auto row = summary(g, census, f, walk);
    rows.push_back(row);
    Json detail = row;
    detail["gap"] = f.gap();
    detail["seconds"] = f.seconds;
    detail["kernel_nodes"] = f.kernel_nodes;
    detail["kernel_edges"] = f.kernel_edges;
    detail["search_nodes"] = f.search_nodes;
    detail["method"] = large ? "bounds" : "exact";
    if (large) detail["bounds"] = bounds;  // local search and the cycle packing, for the value and the bound
    detail["self_loops"] = g.self_loops;  // left out of the graph by its reader
    if (g.arc_merge)
      detail["arc_merge"] = {{"arcs", g.arc_merge->arcs},
                             {"pairs", g.arc_merge->pairs},
                             {"pairs_both_ways", g.arc_merge->pairs_both_ways},
                             {"cancelled_pairs", g.arc_merge->cancelled_pairs}};
    if (f.interrupted) detail["interrupted"] = true;  // stopped by Ctrl-C: `optimal` says what was proven
    if (!g.notes.empty()) detail["reading_notes"] = g.notes;
    if (g.directed) {
      const auto d = balance::directed_census(g);
      Json by = Json::object();
      for (std::size_t k = 0; k < 8; ++k)
        by[fmt::format("{}{}{}", k & 4 ? '-' : '+', k & 2 ? '-' : '+', k & 1 ? '-' : '+')] = d.by_signs[k];
      detail["directed_triads"] = {{"by_signs_ij_jk_ik", by}, {"triples", d.triples()}, {"balance", number_or_null(d.balance())}};
    }
    if (graphs.size() == 1) {
      const auto u = balance::undirected(g);
      std::vector<char> has_edge(u.n(), 0);
      for (const auto& e : u.edges) has_edge[e.a] = has_edge[e.b] = 1;
      Json side_a = Json::array(), side_b = Json::array(), none = Json::array();
      for (std::size_t v = 0; v < u.n(); ++v) (has_edge[v] ? (f.side[v] > 0 ? side_a : side_b) : none).push_back(u.nodes[v]);
      Json frustrated = Json::array();
      for (auto e : f.frustrated)
        frustrated.push_back({{"a", u.nodes[u.edges[e].a]}, {"b", u.nodes[u.edges[e].b]}, {"sign", u.edges[e].sign}});
      detail["sides"] = Json::array({side_a, side_b});  // braces alone make an object of two pairs
      detail["without_edges"] = none;
      detail["frustrated_edges"] = frustrated;
    }
    graphs_json.push_back(detail);
  }
  return {{"graphs", graphs_json}, {"rows", rows}};
}

Json blocs(const std::vector<balance::SignedGraph>& graphs, const balance::BlocOptions& options) {
  const auto track = balance::track_blocs(graphs, options);
  Json periods = Json::array(), rows = Json::array();
  for (std::size_t p = 0; p < track.labels.size(); ++p) {
    const auto& b = track.blocs[p];
    std::vector<std::vector<std::string>> members(static_cast<std::size_t>(b.k));
    for (std::size_t v = 0; v < b.bloc.size(); ++v)
      if (b.bloc[v] >= 0) members[static_cast<std::size_t>(b.bloc[v])].push_back(track.nodes[p][v]);
    Json blocs_json = Json::array();
    Json row{{"period", track.labels[p]}, {"criterion", b.criterion}, {"optimal", b.optimal},
             {"negative_inside", b.negative_inside}, {"positive_between", b.positive_between}};
    for (std::size_t c = 0; c < members.size(); ++c) {
      blocs_json.push_back({{"bloc", c + 1}, {"size", members[c].size()}, {"members", members[c]}});
      row[fmt::format("bloc{}_size", c + 1)] = members[c].size();
    }
    std::string switched;
    Json switches = Json::array();
    for (const auto& s : track.switches)
      if (s.period == p) {
        switched += fmt::format("{}{} {}>{}", switched.empty() ? "" : " ", s.node, s.from, s.to);
        switches.push_back({{"node", s.node}, {"from", s.from}, {"to", s.to}});
      }
    row["switched"] = switched;
    periods.push_back({{"period", track.labels[p]}, {"criterion", b.criterion}, {"optimal", b.optimal},
                       {"lower_bound", b.lower_bound}, {"negative_inside", b.negative_inside},
                       {"positive_between", b.positive_between}, {"blocs", blocs_json}, {"switches", switches}});
    rows.push_back(row);
  }
  return {{"k", options.k}, {"alpha", options.alpha}, {"periods", periods}, {"rows", rows}};
}

balance::FrustrationOptions frustration_options(const BalanceQuery& query) {
  balance::FrustrationOptions options;
  options.time_limit_seconds = query.time_limit;
  return options;
}

BalanceMethod balance_method(const BalanceQuery& query) {
  BalanceMethod how;
  if (query.method == "exact") how.method = FrustrationMethod::exact;
  else if (query.method == "bounds") how.method = FrustrationMethod::bounds;
  else if (query.method != "auto")
    throw std::runtime_error(fmt::format("--method: \"{}\" is not auto, exact or bounds", query.method));
  return how;
}

balance::BlocOptions bloc_options(const BlocsQuery& query) {
  balance::BlocOptions options;
  options.k = query.k;
  options.alpha = query.alpha;
  options.restarts = query.restarts;
  options.seed = query.seed;
  options.time_limit_seconds = query.time_limit;
  return options;
}

}  // namespace entente::query
