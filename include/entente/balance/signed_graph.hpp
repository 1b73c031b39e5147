#pragma once
// A signed graph: named nodes and edges of sign +1 (friendly) or −1 (hostile). The structural
// balance measures, the frustration solver and the bloc finder all read this one type, whether it
// came from a year's stances, an edge list or a Pajek file.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "entente/stance/graph.hpp"

namespace entente::balance {

struct SignedEdge {
  std::size_t a = 0;  // node positions; an arc a → b when the graph is directed
  std::size_t b = 0;
  int sign = 1;       // +1 or −1
  long long weight = 1;  // how many times the edge counts when frustrated (files give 1)
};

// How a directed, rated network (a SNAP layout) became one undirected signed graph: each
// unordered pair takes the sign of the sum of the signs of its arcs, so a pair rated both ways with
// opposite signs cancels and is dropped. Counted so that nothing is dropped silently.
struct ArcMerge {
  std::size_t arcs = 0;             // rated arcs read (data lines), self-loops included
  std::size_t pairs = 0;            // unordered pairs of two different nodes rated at least once
  std::size_t pairs_both_ways = 0;  // of those, pairs rated in both directions
  std::size_t cancelled_pairs = 0;  // of those, pairs whose two signs cancel: not edges
};

struct SignedGraph {
  std::string label;               // e.g. a year or a Pajek relation's name
  std::vector<std::string> nodes;  // every node, including those without edges
  std::vector<SignedEdge> edges;
  bool directed = false;
  // What a file reader left out or read specially, so that it is said rather than silent:
  // self-loops (a node tied to itself is no relation of balance; they are not in `edges`) and a
  // first line read as a column header. Empty for graphs built from the evidence.
  std::size_t self_loops = 0;
  std::vector<std::string> notes;
  std::optional<ArcMerge> arc_merge;  // set by the readers of directed, rated networks

  std::size_t n() const noexcept { return nodes.size(); }
  std::size_t negative_edges() const noexcept;
};

// The undirected graph beneath a graph: one edge per pair of nodes that share an edge or an arc.
// A pair joined by edges of both signs is hostile (−1): any hostility outweighs friendship, as in
// the stance model; the merged edge keeps the largest weight of its sign. Self-loops are dropped
// (a state is not at odds with itself).
SignedGraph undirected(const SignedGraph& g);

// The signed graph of a stance graph: a node per state in scope, named `names[position]`; an edge
// + for a tie of weight ≥ min_weight, − for one of weight ≤ −min_weight; weaker ties have no edge.
// With every state in scope, node v is position v.
SignedGraph signed_graph(const stance::StanceGraph& graph, const std::vector<std::string>& names,
                         double min_weight = stance::kDefaultMinWeight);

// Throws std::invalid_argument when an edge names a node outside the graph, has a sign other
// than ±1 or a weight below 1: readers and builders call it so that every algorithm can trust its input.
void validate(const SignedGraph& g);

}  // namespace entente::balance
