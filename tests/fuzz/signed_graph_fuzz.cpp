// The signed-graph readers (edge lists, Pajek files and SNAP's directed, rated layouts) and the
// frustration solver behind them:
// malformed input is a ParseError, never a crash; a graph that parses is solved with a proof,
// and on small graphs the proof agrees with trying every partition.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "entente/balance/frustration.hpp"
#include "entente/balance/graph_files.hpp"
#include "entente/io/parse_error.hpp"

namespace {

void check(const entente::balance::SignedGraph& g) {
  if (g.n() > 24) return;  // larger graphs are the benchmarks' job
  const auto f = entente::balance::frustration_index(g);
  if (!f.optimal() || entente::balance::frustration_of(g, f.side) != f.value) __builtin_trap();
  if (g.n() > 14 || g.n() == 0) return;
  const auto u = entente::balance::undirected(g);
  long long best = -1;
  for (unsigned mask = 0; mask < (1u << (g.n() - 1)); ++mask) {
    long long cost = 0;
    for (const auto& e : u.edges) cost += (e.sign > 0) == (((mask >> e.a) ^ (mask >> e.b)) & 1u);
    if (best < 0 || cost < best) best = cost;
  }
  if (best != f.value) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    check(entente::balance::parse_edge_list(text, "fuzz.tsv"));
  } catch (const entente::io::ParseError&) {
  }
  try {
    for (const auto& r : entente::balance::parse_pajek(text, "fuzz.net")) check(r.graph);
  } catch (const entente::io::ParseError&) {
  }
  try {
    const auto g = entente::balance::parse_signed_network(text, "fuzz.csv");
    // The merge's counts add up: every pair is an edge or cancelled, and no pair has more than two arcs.
    const auto& m = *g.arc_merge;
    if (m.pairs != g.edges.size() + m.cancelled_pairs || m.cancelled_pairs > m.pairs_both_ways ||
        m.arcs != m.pairs + m.pairs_both_ways + g.self_loops)
      __builtin_trap();
    check(g);
  } catch (const entente::io::ParseError&) {
  }
  return 0;
}
