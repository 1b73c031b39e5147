// The frustration of a large signed network (a SNAP layout, e.g. Epinions) by local search with a
// certified cycle-packing bound, within a time limit: one line with the value, the bound, the gap
// and where the time went. Usage: FILE [SECONDS [SEED]].
#include <chrono>
#include <cstdio>
#include <string>

#include "entente/balance/frustration_bounds.hpp"
#include "entente/balance/graph_files.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE [SECONDS [SEED]]\n", argv[0]);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const auto g = entente::balance::read_signed_network(argv[1]);
  const double read_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  entente::balance::BoundsOptions options;
  options.time_limit_seconds = argc >= 3 ? std::stod(argv[2]) : 60;
  options.seed = argc >= 4 ? std::stoull(argv[3]) : 1;
  const auto b = entente::balance::frustration_bounds(g, options);
  std::printf("nodes %zu edges %zu value %lld bound %lld gap %lld (%.2f %%) read %.1f s search %.1f s packing %.1f s "
              "moves %lld\n",
              g.n(), g.edges.size(), b.value, b.lower_bound, b.gap(), 100.0 * static_cast<double>(b.gap()) / static_cast<double>(b.value),
              read_seconds, b.search_seconds, b.packing_seconds, b.moves);
}
