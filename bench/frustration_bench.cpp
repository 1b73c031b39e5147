// Solves the frustration index of every relation of a Pajek file and prints one line per
// relation: name, nodes, edges, value, lower bound, seconds. With --write-lp DIR it also writes
// each relation as the standard binary program (one 0/1 side variable per node, one 0/1
// frustration variable per edge; Aref, Mason & Wilson 2020) in CPLEX LP format, for GLPK and CBC.
#include <chrono>
#include <optional>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "entente/balance/binary_program.hpp"
#include "entente/balance/frustration.hpp"
#include "entente/balance/graph_files.hpp"


int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE.net [--write-lp DIR]\n", argv[0]);
    return 2;
  }
  std::optional<std::filesystem::path> lp_dir;
  if (argc >= 4 && std::string(argv[2]) == "--write-lp") lp_dir = argv[3];
  const auto relations = entente::balance::read_pajek(argv[1]);
  double total = 0;
  for (const auto& r : relations) {
    const auto f = entente::balance::frustration_index(r.graph);
    total += f.seconds;
    const auto u = entente::balance::undirected(r.graph);
    std::printf("%s\t%zu\t%zu\t%lld\t%lld\t%.4f\t%zu\t%lld\n", r.name.c_str(), u.n(), u.edges.size(), f.value,
                f.lower_bound, f.seconds, f.kernel_nodes, f.search_nodes);
    std::fflush(stdout);
    if (lp_dir) {
      // Numbered relations by their number (46.lp), others by their place in the file.
      const auto place = static_cast<std::size_t>(&r - relations.data());
      std::ofstream lp(*lp_dir / ((r.number > 0 ? std::to_string(r.number) : "relation" + std::to_string(place + 1)) + ".lp"));
      entente::balance::write_binary_program(r.graph, lp);
    }
  }
  std::printf("total\t%.3f\n", total);
}
