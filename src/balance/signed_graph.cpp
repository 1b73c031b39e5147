#include "entente/balance/signed_graph.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <stdexcept>
#include <utility>

namespace entente::balance {

std::size_t SignedGraph::negative_edges() const noexcept {
  return static_cast<std::size_t>(std::count_if(edges.begin(), edges.end(), [](const SignedEdge& e) { return e.sign < 0; }));
}

SignedGraph signed_graph(const stance::StanceGraph& graph, const std::vector<std::string>& names, double min_weight) {
  SignedGraph g;
  const std::size_t n = graph.n();
  std::vector<std::size_t> node(n, n);  // n: not a node
  for (std::size_t i = 0; i < n; ++i) {
    if (!graph.in_scope[i]) continue;
    node[i] = g.nodes.size();
    g.nodes.push_back(names[i]);
  }
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      if (node[i] == n || node[j] == n) continue;
      const double w = graph.weight[i * n + j];
      if (w != 0 && std::abs(w) >= min_weight) g.edges.push_back({node[i], node[j], w > 0 ? 1 : -1});
    }
  return g;
}

SignedGraph undirected(const SignedGraph& g) {
  // (sign, weight) per pair, ordered so that the result is deterministic
  std::map<std::pair<std::size_t, std::size_t>, std::pair<int, long long>> pairs;
  for (const auto& e : g.edges) {
    if (e.a == e.b) continue;
    const std::pair<std::size_t, std::size_t> key{std::min(e.a, e.b), std::max(e.a, e.b)};
    auto [it, fresh] = pairs.try_emplace(key, e.sign, e.weight);
    if (fresh) continue;
    auto& [sign, weight] = it->second;
    if (e.sign < sign) sign = e.sign, weight = e.weight;
    else if (e.sign == sign) weight = std::max(weight, e.weight);
  }
  SignedGraph out{g.label, g.nodes, {}, false, g.self_loops, g.notes, g.arc_merge};
  out.edges.reserve(pairs.size());
  for (const auto& [key, edge] : pairs) out.edges.push_back({key.first, key.second, edge.first, edge.second});
  return out;
}

void validate(const SignedGraph& g) {
  for (const auto& e : g.edges) {
    if (e.a >= g.n() || e.b >= g.n())
      throw std::invalid_argument(fmt::format("{}: an edge names node {} of a graph with {} nodes", g.label,
                                              std::max(e.a, e.b), g.n()));
    if (e.sign != 1 && e.sign != -1)
      throw std::invalid_argument(fmt::format("{}: edge {}–{} has sign {}, expected +1 or -1", g.label, g.nodes[e.a],
                                              g.nodes[e.b], e.sign));
    if (e.weight < 1)
      throw std::invalid_argument(fmt::format("{}: edge {}–{} has weight {}, expected 1 or more", g.label, g.nodes[e.a],
                                              g.nodes[e.b], e.weight));
  }
}

}  // namespace entente::balance
