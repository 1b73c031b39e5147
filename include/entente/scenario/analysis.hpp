#pragma once
// Every model of a scenario's world, run once: relationship types, triangles and roles,
// balancer ranks, balance and the exact frustration index, two blocs, landscape minima. The
// counterfactual run does it for the world before and after the shocks; each ensemble member
// does it on its own perturbed copy.
#include <array>
#include <cstdint>
#include <vector>

#include "entente/landscape/landscape.hpp"
#include "entente/scenario/world.hpp"
#include "entente/stance/stance.hpp"
#include "entente/triangle/triangle.hpp"

namespace entente::scenario {

struct TriangleResult {
  triangle::Type type = triangle::Type::unit_veto;
  std::array<triangle::Role, 3> roles{};  // of the triangle's three states, in the order named
};

struct Analysis {
  stance::YearStances stances;
  triangle::Census census;
  std::vector<int> rank;  // balancer rank by position, 1 = the strongest (weighted pivot index, then pivots)
  std::vector<TriangleResult> triangles;  // the world's reported triangles, in order
  // The signed graph of ties with |weight| ≥ min_weight: its size, the exact frustration index and
  // the two blocs that attain it (Doreian–Mrvar with α = ½, whose P(C) is half the index).
  long long edges = 0, negative_edges = 0;
  long long frustration = 0, frustration_bound = 0;
  bool optimal = false;
  std::vector<int> bloc;  // by position: 0 the focus's bloc, 1 the other, −1 without ties; the
                          // focus without ties leaves the solver's labels
  landscape::Landscape landscape;  // exact; empty with fewer than two landscape actors
};

struct Settings {
  double min_weight = stance::kDefaultMinWeight;
  const std::vector<int>* bloc_prior = nullptr;  // by position (the other world's blocs, matched by name)
  bool with_landscape = true;
};

// `graph` is the world's stance graph (graph_of; an ensemble member's has perturbed weights and
// capabilities) and `instance` the landscape (possibly with perturbed sizes; default: the world's own).
Analysis analyse(const World& world, const stance::StanceGraph& graph, const Settings& settings,
                 const landscape::Instance* instance = nullptr);

// Balancer ranks: by weighted pivot index, then by number of pivots, then by position (stable).
std::vector<int> balancer_ranks(const triangle::Census& census);

// The blocs of `from` carried to `to` by state name, as a prior (−1 for a state `from` lacks).
std::vector<int> carry_blocs(const World& from, const std::vector<int>& bloc, const World& to);

}  // namespace entente::scenario
