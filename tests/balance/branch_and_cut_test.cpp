// Branch and cut (the frustration index of large blocks) against exhaustive search on small graphs
// and against the Russian doll search on medium ones.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <vector>

#include "entente/balance/branch_and_cut.hpp"
#include "entente/balance/frustration.hpp"

namespace {

using namespace entente::balance;

std::vector<CoupledEdge> random_edges(std::mt19937_64& rng, int n, double density, double negative_share, int max_cost) {
  std::uniform_real_distribution<double> u(0, 1);
  std::uniform_int_distribution<int> cost(1, max_cost);
  std::vector<CoupledEdge> edges;
  for (int a = 0; a < n; ++a)
    for (int b = a + 1; b < n; ++b)
      if (u(rng) < density) edges.push_back({a, b, (u(rng) < negative_share ? -1 : 1) * static_cast<long long>(cost(rng))});
  return edges;
}

long long cost_of(const std::vector<CoupledEdge>& edges, const std::vector<int>& sigma) {
  long long c = 0;
  for (const auto& e : edges)
    if (e.j * sigma[static_cast<std::size_t>(e.a)] * sigma[static_cast<std::size_t>(e.b)] < 0) c += std::llabs(e.j);
  return c;
}

long long exhaustive(int n, const std::vector<CoupledEdge>& edges) {
  long long best = -1;
  std::vector<int> sigma(static_cast<std::size_t>(n));
  for (unsigned long mask = 0; mask < (1UL << (n - 1)); ++mask) {
    for (int v = 0; v < n; ++v) sigma[static_cast<std::size_t>(v)] = ((mask >> v) & 1) ? -1 : 1;
    const long long c = cost_of(edges, sigma);
    if (best < 0 || c < best) best = c;
  }
  return best;
}

SignedGraph as_graph(int n, const std::vector<CoupledEdge>& edges) {
  SignedGraph g;
  for (int v = 0; v < n; ++v) g.nodes.push_back("n" + std::to_string(v));
  for (const auto& e : edges)
    g.edges.push_back({static_cast<std::size_t>(e.a), static_cast<std::size_t>(e.b), e.j > 0 ? 1 : -1, std::llabs(e.j)});
  return g;
}

}  // namespace

// Property: the proven optimum is the exhaustive minimum, and the partition costs what is reported.
TEST(BranchAndCut, MatchesEveryPartitionOnRandomGraphs) {
  std::mt19937_64 rng(18);
  int branched = 0;
  for (int trial = 0; trial < 120; ++trial) {
    const int n = 4 + trial % 11;
    const auto edges = random_edges(rng, n, 0.3 + 0.7 * (trial % 3) / 2.0, 0.4, trial % 2 ? 5 : 1);  // up to complete graphs, whose LP is weak
    const auto r = branch_and_cut(n, edges, std::vector<int>(static_cast<std::size_t>(n), 1), {});
    const long long truth = exhaustive(n, edges);
    EXPECT_EQ(r.value, truth) << "trial " << trial;
    EXPECT_EQ(r.lower_bound, truth) << "trial " << trial;
    EXPECT_EQ(cost_of(edges, r.sigma), r.value) << "trial " << trial;
    EXPECT_LE(r.root_bound, truth);
    branched += r.nodes > 1;
  }
  EXPECT_GT(branched, 0) << "no graph needed branching: the branching is untested";
}

// Medium graphs beyond exhaustive search: the same optimum as the Russian doll search, which
// frustration_index runs on blocks of this size.
TEST(BranchAndCut, AgreesWithTheRussianDollSearch) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 6; ++trial) {
    const int n = 30 + 4 * trial;
    const auto edges = random_edges(rng, n, 0.12, 0.3, 1);
    const auto doll = frustration_index(as_graph(n, edges));
    ASSERT_TRUE(doll.optimal());
    const auto r = branch_and_cut(n, edges, std::vector<int>(static_cast<std::size_t>(n), 1), {});
    EXPECT_EQ(r.value, doll.value) << "trial " << trial;
    EXPECT_EQ(r.lower_bound, doll.value) << "trial " << trial;
    EXPECT_EQ(cost_of(edges, r.sigma), r.value);
  }
}

// The separation's sources are spread over threads, but its cuts are kept in source order: while a
// round stays under its cap (at most one cut per node, here under 400), any thread count adds the
// same rows in the same order, so the whole search is the same.
TEST(BranchAndCut, SeparationThreadsDoNotChangeTheSearch) {
  std::mt19937_64 rng(29);
  for (int trial = 0; trial < 6; ++trial) {
    const int n = 30 + 4 * trial;
    const auto edges = random_edges(rng, n, 0.12, 0.4, trial % 2 ? 3 : 1);
    const std::vector<int> hint(static_cast<std::size_t>(n), 1);
    BranchAndCutControl one, three;
    one.threads = 1;
    three.threads = 3;
    const auto a = branch_and_cut(n, edges, hint, one);
    const auto b = branch_and_cut(n, edges, hint, three);
    EXPECT_GT(a.cuts, 0) << "trial " << trial << ": no cut was separated";
    EXPECT_EQ(a.cuts, b.cuts) << "trial " << trial;
    EXPECT_EQ(a.nodes, b.nodes) << "trial " << trial;
    EXPECT_EQ(a.root_bound, b.root_bound) << "trial " << trial;
    EXPECT_EQ(a.value, b.value) << "trial " << trial;
    EXPECT_EQ(a.sigma, b.sigma) << "trial " << trial;
  }
}

// Stopped at once, the search still reports a partition and a bound that brackets the optimum.
TEST(BranchAndCut, StoppedSearchGivesAnHonestGap) {
  std::mt19937_64 rng(3);
  const int n = 40;
  const auto edges = random_edges(rng, n, 0.2, 0.5, 1);
  const auto truth = frustration_index(as_graph(n, edges));
  ASSERT_TRUE(truth.optimal());
  BranchAndCutControl stop_now;
  stop_now.stop = [] { return true; };
  const auto r = branch_and_cut(n, edges, std::vector<int>(static_cast<std::size_t>(n), 1), stop_now);
  EXPECT_LE(r.lower_bound, truth.value);
  EXPECT_GE(r.value, truth.value);
  EXPECT_EQ(cost_of(edges, r.sigma), r.value);
}

// A sparse graph of 600 nodes is one block above the Russian doll's size, so frustration_index
// solves it by branch and cut: a planted two-camp split with a few edges turned is proven
// optimal, and the partition is recounted on the input.
TEST(BranchAndCut, FrustrationIndexUsesItOnALargeBlock) {
  std::mt19937_64 rng(11);
  const int n = 600;
  std::vector<int> camp(static_cast<std::size_t>(n));
  for (auto& c : camp) c = (rng() & 1) ? 1 : -1;
  std::vector<CoupledEdge> edges;
  std::uniform_int_distribution<int> pick(0, n - 1);
  std::uniform_real_distribution<double> u(0, 1);
  for (int v = 1; v < n; ++v) {  // a spanning path keeps it connected, then random chords
    const int w = v - 1;
    edges.push_back({w, v, camp[static_cast<std::size_t>(v)] * camp[static_cast<std::size_t>(w)] * (u(rng) < 0.1 ? -1LL : 1LL)});
  }
  for (int k = 0; k < 2 * n; ++k) {
    const int a = pick(rng), b = pick(rng);
    if (a == b || std::abs(a - b) == 1) continue;
    edges.push_back({a, b, camp[static_cast<std::size_t>(a)] * camp[static_cast<std::size_t>(b)] * (u(rng) < 0.1 ? -1LL : 1LL)});
  }
  const auto g = as_graph(n, edges);  // a pair drawn twice is merged by undirected()
  const auto f = frustration_index(g);
  EXPECT_GT(f.kernel_nodes, 400u) << "the block must be large enough to take the branch-and-cut path";
  EXPECT_TRUE(f.optimal()) << f.value << " vs " << f.lower_bound;
  EXPECT_EQ(frustration_of(g, f.side), f.value);
  EXPECT_LE(cycle_packing_bound(g), f.lower_bound);
  long long planted = 0;  // the planted split is one partition, so it bounds the optimum above
  for (const auto& e : undirected(g).edges)
    if (e.sign * camp[e.a] * camp[e.b] < 0) ++planted;
  EXPECT_LE(f.value, planted);
}
