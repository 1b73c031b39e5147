#include "entente/balance/census.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace entente::balance {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Sorted neighbour lists with signs, for intersecting.
// A repeated arc (or edge) keeps its first sign.
std::vector<std::vector<std::pair<std::size_t, int>>> adjacency(const SignedGraph& g, bool both_ways) {
  std::vector<std::vector<std::pair<std::size_t, int>>> adj(g.n());
  for (const auto& e : g.edges) {
    adj[e.a].emplace_back(e.b, e.sign);
    if (both_ways) adj[e.b].emplace_back(e.a, e.sign);
  }
  for (auto& list : adj) {
    std::stable_sort(list.begin(), list.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    list.erase(std::unique(list.begin(), list.end(), [](const auto& x, const auto& y) { return x.first == y.first; }),
               list.end());
  }
  return adj;
}

}  // namespace

long long TriangleCensus::triangles() const noexcept {
  return std::accumulate(by_negatives.begin(), by_negatives.end(), 0LL);
}
double TriangleCensus::balance() const noexcept {
  const auto t = triangles();
  return t == 0 ? kNaN : static_cast<double>(balanced()) / static_cast<double>(t);
}

TriangleCensus triangle_census(const SignedGraph& graph) {
  const auto g = undirected(graph);
  const auto adj = adjacency(g, true);
  TriangleCensus census;
  // Each triangle once, at its edge (a, b) with a < b and third node c > b.
  for (const auto& e : g.edges) {
    const auto& na = adj[e.a];
    const auto& nb = adj[e.b];
    auto i = std::upper_bound(na.begin(), na.end(), std::pair{e.b, 2});
    auto j = std::upper_bound(nb.begin(), nb.end(), std::pair{e.b, 2});
    while (i != na.end() && j != nb.end()) {
      if (i->first < j->first) ++i;
      else if (j->first < i->first) ++j;
      else {
        const int negatives = (e.sign < 0) + (i->second < 0) + (j->second < 0);
        ++census.by_negatives[static_cast<std::size_t>(negatives)];
        ++i, ++j;
      }
    }
  }
  return census;
}

long long DirectedCensus::triples() const noexcept { return std::accumulate(by_signs.begin(), by_signs.end(), 0LL); }
long long DirectedCensus::balanced() const noexcept {
  long long b = 0;
  for (std::size_t k = 0; k < 8; ++k)
    if (std::popcount(k) % 2 == 0) b += by_signs[k];
  return b;
}
double DirectedCensus::balance() const noexcept {
  const auto t = triples();
  return t == 0 ? kNaN : static_cast<double>(balanced()) / static_cast<double>(t);
}

DirectedCensus directed_census(const SignedGraph& graph) {
  // An undirected graph's edges are arcs both ways; a directed graph's arcs are kept as given
  // (the first arc listed for a pair decides when an arc repeats).
  const auto out = adjacency(graph, !graph.directed);
  DirectedCensus census;
  for (std::size_t i = 0; i < graph.n(); ++i) {
    const auto& ni = out[i];
    for (const auto& [j, s_ij] : ni) {
      if (j == i) continue;
      // k among the out-neighbours of both i and j.
      auto p = ni.begin();
      auto q = out[j].begin();
      while (p != ni.end() && q != out[j].end()) {
        if (p->first < q->first) ++p;
        else if (q->first < p->first) ++q;
        else {
          const std::size_t k = p->first;
          if (k != i && k != j) {
            const std::size_t code = (s_ij < 0 ? 4u : 0u) + (q->second < 0 ? 2u : 0u) + (p->second < 0 ? 1u : 0u);
            ++census.by_signs[code];
          }
          ++p, ++q;
        }
      }
    }
  }
  return census;
}

double walk_balance(const SignedGraph& graph) {
  const auto g = undirected(graph);
  const auto n = static_cast<Eigen::Index>(g.n());
  if (n == 0) return kNaN;
  if (g.n() > kWalkBalanceMaxNodes)
    throw std::invalid_argument("walk balance needs dense eigenvalues: at most 5,000 nodes");
  Eigen::MatrixXd signed_adj = Eigen::MatrixXd::Zero(n, n);
  for (const auto& e : g.edges) {
    const auto a = static_cast<Eigen::Index>(e.a), b = static_cast<Eigen::Index>(e.b);
    signed_adj(a, b) = signed_adj(b, a) = e.sign;
  }
  const Eigen::MatrixXd unsigned_adj = signed_adj.cwiseAbs();
  const Eigen::VectorXd ls = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(signed_adj, Eigen::EigenvaluesOnly).eigenvalues();
  const Eigen::VectorXd lu = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(unsigned_adj, Eigen::EigenvaluesOnly).eigenvalues();
  // The Perron root of |A| bounds every eigenvalue of A; scaling by it keeps e^λ finite.
  const double top = lu.maxCoeff();
  return (ls.array() - top).exp().sum() / (lu.array() - top).exp().sum();
}

}  // namespace entente::balance
