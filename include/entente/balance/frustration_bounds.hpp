#pragma once
// The frustration index of graphs far beyond exact search (hundreds of thousands of edges): a
// partition from local search, which is an upper bound, and a certified lower bound from a packing
// of edge-disjoint unbalanced cycles, so that the gap is known. Unit costs (the frustration index
// itself). docs/models/balance.md explains both halves.
//
// The bound: a cycle with an odd number of negative edges is unbalanced, and no partition satisfies
// all its edges, so every partition frustrates at least one edge of each of a set of edge-disjoint
// unbalanced cycles. The cycles are found through the partition: with respect to any partition, a
// cycle is unbalanced exactly when it holds an odd number of frustrated edges, so a frustrated edge
// u–v closed by a path of satisfied edges from u to v is an unbalanced cycle. Each frustrated edge
// of the best partition is routed so, shortest paths first, over edges no earlier cycle took.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "entente/balance/signed_graph.hpp"

namespace entente::balance {

// Where a long run stands, for a progress line.
struct BoundsProgress {
  double seconds = 0;
  std::string phase;       // "local search" or "cycle packing"
  long long best = 0;      // frustrated edges of the best partition so far
  long long bound = 0;     // cycles packed so far (0 during the local search)
};

struct BoundsOptions {
  double time_limit_seconds = 60;  // the whole run; the local search takes `search_share` of it
  double search_share = 0.8;       // the packing takes what is left (on Epinions it needs about 3 s),
                                   // and stops early when every frustrated edge is in a cycle
  unsigned threads = 0;            // local searches run in parallel, one per thread; 0: one per core
  std::uint64_t seed = 1;
  const std::atomic<bool>* interrupt = nullptr;  // stops both phases with what they have
  std::function<void(const BoundsProgress&)> progress;
  double progress_every_seconds = 5;
};

struct FrustrationBounds {
  long long value = 0;        // frustrated edges of `side` (an upper bound on the index)
  long long lower_bound = 0;  // the number of cycles in `cycles`
  std::vector<int> side;      // +1 or −1 per node
  std::vector<std::size_t> frustrated;          // positions in undirected(g).edges
  std::vector<std::vector<std::size_t>> cycles;  // the certificate: edge-disjoint unbalanced cycles,
                                                 // each as positions in undirected(g).edges
  double search_seconds = 0, packing_seconds = 0, seconds = 0;
  long long moves = 0;        // single-node moves made by all local searches
  bool interrupted = false;

  long long gap() const noexcept { return value - lower_bound; }
  bool optimal() const noexcept { return value == lower_bound; }
};

// Local search, then the packing, within options.time_limit_seconds. Throws std::invalid_argument
// when an edge has a weight other than 1 (the bound counts cycles, each worth one edge).
FrustrationBounds frustration_bounds(const SignedGraph& g, const BoundsOptions& options = {});

// The packing alone, for a given partition of an undirected graph `u` (side[v] = ±1): edge-disjoint
// unbalanced cycles, each one frustrated edge of the partition and a path of satisfied ones, as
// positions in u.edges. Stops at `deadline_seconds` of its own time (or the interrupt) with the
// cycles found so far, each a valid certificate. Every optimal partition frustrates at least one
// edge of each cycle, so the count bounds the frustration index of u from below, whatever the
// partition was.
std::vector<std::vector<std::size_t>> pack_unbalanced_cycles(const SignedGraph& u, const std::vector<int>& side,
                                                             double deadline_seconds,
                                                             const std::atomic<bool>* interrupt = nullptr);

// Checks a certificate: the cycles use edges of u at most once in all, and each is a closed
// walk's edge set (every node meets an even number of its edges) with an odd number of negative
// edges. Returns an empty string when it holds, else what is wrong.
std::string check_cycle_packing(const SignedGraph& u, const std::vector<std::vector<std::size_t>>& cycles);

}  // namespace entente::balance
