#include "entente/scenario/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "entente/balance/blocs.hpp"

namespace entente::scenario {

std::vector<int> balancer_ranks(const triangle::Census& census) {
  const std::size_t n = census.actors.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t p, std::size_t q) {
    const auto& x = census.actors[p];
    const auto& z = census.actors[q];
    if (x.weighted_pivot != z.weighted_pivot) return x.weighted_pivot > z.weighted_pivot;
    return x.pivot > z.pivot;
  });
  std::vector<int> rank(n);
  for (std::size_t r = 0; r < n; ++r) rank[order[r]] = static_cast<int>(r) + 1;
  return rank;
}

std::vector<int> carry_blocs(const World& from, const std::vector<int>& bloc, const World& to) {
  std::vector<int> prior(to.n(), -1);
  for (std::size_t i = 0; i < to.n(); ++i) {
    const int k = from.index(to.names[i]);
    if (k >= 0) prior[i] = bloc[static_cast<std::size_t>(k)];
  }
  return prior;
}

Analysis analyse(const World& w, const stance::StanceGraph& graph, const Settings& settings,
                 const landscape::Instance* instance) {
  const std::size_t n = w.n();
  Analysis a;
  a.stances = {graph.weight, graph.relation};
  const auto& stances = a.stances;
  a.census = triangle::census(graph);
  a.rank = balancer_ranks(a.census);
  for (const auto& t : w.triangles) {
    const auto tri = triangle::classify(stances.weight[t[0] * n + t[1]], stances.weight[t[0] * n + t[2]],
                                        stances.weight[t[1] * n + t[2]]);
    a.triangles.push_back({tri.type, tri.roles});
  }

  // Every modelled state is in scope, so the graph's node v is position v.
  const auto g = balance::signed_graph(graph, w.names, settings.min_weight);
  a.edges = static_cast<long long>(g.edges.size());
  a.negative_edges = static_cast<long long>(g.negative_edges());
  // Two blocs at α = ½ cost half the frustration index: one exact solve gives both.
  balance::BlocOptions options;
  options.k = 2;
  options.alpha = 0.5;
  const auto blocs = balance::find_blocs(g, options, settings.bloc_prior);
  a.frustration = blocs.negative_inside + blocs.positive_between;
  a.frustration_bound = static_cast<long long>(std::llround(2 * blocs.lower_bound));
  a.optimal = blocs.optimal;
  a.bloc = blocs.bloc;
  if (a.bloc[w.focus] == 1)
    for (auto& b : a.bloc)
      if (b >= 0) b = 1 - b;

  if (settings.with_landscape && w.landscape_at.size() >= 2)
    a.landscape = landscape::exact(instance ? *instance : w.landscape, {1});
  return a;
}

}  // namespace entente::scenario
