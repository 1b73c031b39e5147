#pragma once
// Branch and cut for the frustration index of a large block (hundreds to thousands of nodes), where
// the Russian doll search of frustration.cpp cannot close the gap: the linear relaxation of the
// cut polytope with odd-cycle inequalities (Barahona & Mahjoub 1986), separated exactly by
// shortest paths in a doubled graph, solved by GLPK's simplex; the bound it proves is recomputed
// from the duals in entente's own arithmetic, so a floating-point slip in the LP cannot make it
// claim too much. Upper bounds come from rounding the LP along its most certain edges, then
// single-node moves. Branching fixes an edge to "same side" or "opposite sides", best bound
// first. docs/models/balance.md explains it.
#include <cstdint>
#include <functional>
#include <vector>

namespace entente::balance {

// An edge of the block: J > 0 a positive edge costing J when frustrated, J < 0 a negative edge
// costing −J (the couplings of frustration.cpp).
struct CoupledEdge {
  int a = 0, b = 0;
  long long j = 0;
};

struct BranchAndCutControl {
  std::function<bool()> stop;  // polled between LP solves: true ends the search (time limit, Ctrl-C)
  std::function<void(long long best, long long bound, long long nodes)> progress;  // after each node
  int threads = 2;  // separation threads
};

struct BranchAndCutResult {
  long long value = 0;        // cost of `sigma`
  long long lower_bound = 0;  // proven: no partition costs less
  std::vector<int> sigma;     // ±1 per node
  long long root_bound = 0;   // the bound of the relaxation before any branching
  long long nodes = 0;        // branch-and-bound nodes solved
  long long cuts = 0;         // odd-cycle inequalities added
};

// Whether the costs are small enough for the relaxation's floating point (the bound is exact for
// integer costs whose total stays far below 2^52).
bool branch_and_cut_applies(const std::vector<CoupledEdge>& edges);

// Minimises the frustration of a connected block with n nodes; `hint` is a first partition.
BranchAndCutResult branch_and_cut(int n, const std::vector<CoupledEdge>& edges, const std::vector<int>& hint,
                                  const BranchAndCutControl& control);

}  // namespace entente::balance
