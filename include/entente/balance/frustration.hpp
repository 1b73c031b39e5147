#pragma once
// The frustration (line) index of a signed graph: the fewest edges whose sign must change for the
// graph to split into two sides with every positive edge inside a side and every negative edge
// across (Harary 1959; Aref, Mason & Wilson 2020). Computing it is NP-hard, so the answer comes
// with a proof: a lower bound. When the bound equals the partition's count, the value is exact.
//
// The solver is entente's own: exact reductions (components, blocks, and contraction of an edge
// that outweighs the rest of its endpoint's edges), then, on what remains of each block, a Russian
// doll branch and bound (Verfaillie, Lemaître & Schiex 1996): the optimum of every suffix of a
// node order, solved from the shortest up, bounds the search on the next. Blocks of more than 400
// nodes go to branch and cut instead (branch_and_cut.hpp). docs/models/balance.md explains it.
#include <atomic>
#include <chrono>
#include <functional>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "entente/balance/signed_graph.hpp"

namespace entente::balance {

// Where a long search stands, for a progress line: the block being searched (the largest part of
// the graph the reductions leave), how many of its node suffixes are proven, and the best cost
// and lower bound of the suffix being searched (both for that block, not the whole graph). Under
// branch and cut, `search_nodes` counts its nodes, `suffixes_proven` is 0, and best and bound are
// the block's.
struct FrustrationProgress {
  double seconds = 0;
  long long search_nodes = 0;
  int block_nodes = 0;
  int suffixes_proven = 0;
  long long best = 0, bound = 0;
  bool branch_and_cut = false;  // the block is searched by branch and cut, not by suffixes
};

struct FrustrationOptions {
  std::optional<double> time_limit_seconds;  // none: search until proven
  // Set from elsewhere (a Ctrl-C handler) to stop the search as the time limit does: the best
  // partition so far, with an honest lower bound. Null: never.
  const std::atomic<bool>* interrupt = nullptr;
  // Called about every `progress_every_seconds` of search, from the searching thread, once the
  // search has run that long (short searches say nothing). Empty: never.
  std::function<void(const FrustrationProgress&)> progress;
  double progress_every_seconds = 5;
  // Edge costs: a frustrated negative edge costs `negative_cost`, a positive one `positive_cost`.
  // 1 and 1 give the frustration index; Doreian & Mrvar's α gives α and 1−α (scaled to integers).
  long long negative_cost = 1;
  long long positive_cost = 1;
};

struct Frustration {
  long long value = 0;        // cost of the best partition found (an upper bound)
  long long lower_bound = 0;  // no partition costs less
  std::vector<int> side;      // +1 or −1 per node; nodes without edges are put on side +1
  std::vector<std::size_t> frustrated;  // positions in undirected(g).edges of the frustrated edges
  // How the proof was found.
  std::size_t kernel_nodes = 0;    // nodes of the largest block left after the reductions
  std::size_t kernel_edges = 0;
  long long search_nodes = 0;      // branch-and-bound nodes visited
  double seconds = 0;

  bool interrupted = false;        // stopped by FrustrationOptions::interrupt

  bool optimal() const noexcept { return lower_bound == value; }
  long long gap() const noexcept { return value - lower_bound; }
};

// Solves the frustration index of undirected(g).
Frustration frustration_index(const SignedGraph& g, const FrustrationOptions& options = {});

// The normalised frustration 1 − F / (m / 2) of a graph of m undirected edges whose frustration
// index is F (Aref & Wilson 2018): 1 when the graph is balanced, and at most 0 only when F reaches
// m / 2, which no graph's frustration index exceeds. nullopt for a graph without edges.
std::optional<double> normalised_frustration(long long frustration, std::size_t edges);

// The cost of a given partition of undirected(g) (side[i] = ±1), under the options' edge costs.
long long frustration_of(const SignedGraph& g, const std::vector<int>& side, const FrustrationOptions& options = {});

// A lower bound without search: a greedy packing of edge-disjoint unbalanced cycles (shortest
// first). Every unbalanced cycle needs at least one frustrated edge, so the packing's size is a
// bound; with costs, cycles are packed fractionally by their cheapest edge.
long long cycle_packing_bound(const SignedGraph& g, const FrustrationOptions& options = {});

// A heuristic partition: steepest single-node moves from `starts` seeded random partitions.
std::vector<int> local_search_partition(const SignedGraph& g, int starts, std::uint64_t seed,
                                        const FrustrationOptions& options = {});

}  // namespace entente::balance
