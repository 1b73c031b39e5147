#pragma once
// Structural balance measures of a signed graph (Heider 1946; Cartwright & Harary 1956): the signed
// triad census, triangle balance and walk balance (Estrada & Benzi 2014).
#include <array>
#include <cstddef>

#include "entente/balance/signed_graph.hpp"

namespace entente::balance {

// Triangles of the undirected graph by their number of negative edges: 0 (+++), 1 (++−),
// 2 (+−−), 3 (−−−). Balanced triangles are those with an even number of negative edges.
struct TriangleCensus {
  std::array<long long, 4> by_negatives{};
  long long triangles() const noexcept;
  long long balanced() const noexcept { return by_negatives[0] + by_negatives[2]; }
  double balance() const noexcept;  // balanced / triangles; NaN without triangles
};
TriangleCensus triangle_census(const SignedGraph& g);  // of undirected(g)

// Directed signed triads: every transitive triple of arcs i→j, j→k, i→k, by the signs of
// (i→j, j→k, i→k), indexed (s_ij<0)·4 + (s_jk<0)·2 + (s_ik<0). A triple is balanced when the
// path i→j→k and the shortcut i→k agree (s_ij·s_jk = s_ik): "the friend of my friend is my
// friend" read along the arcs. Counted on the graph as given (arcs of an undirected graph run
// both ways, so each triangle appears six times). A repeated arc counts once, with its first sign.
struct DirectedCensus {
  std::array<long long, 8> by_signs{};
  long long triples() const noexcept;
  long long balanced() const noexcept;
  double balance() const noexcept;  // NaN without triples
};
DirectedCensus directed_census(const SignedGraph& g);

// Walk balance K = Σ e^{λ_i(A)} / Σ e^{λ_i(|A|)} over the eigenvalues of the signed adjacency
// matrix A of undirected(g) and of its unsigned version: 1 for a balanced graph, smaller the more
// closed walks are unbalanced. NaN for a graph without nodes. Dense eigenvalues: graphs of more
// than kWalkBalanceMaxNodes nodes are refused (std::invalid_argument).
inline constexpr std::size_t kWalkBalanceMaxNodes = 5000;
double walk_balance(const SignedGraph& g);

}  // namespace entente::balance
