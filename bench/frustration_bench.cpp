// Solves the frustration index of every relation of a Pajek file, or of an edge list (one
// relation named by the file), and prints one line per relation: name, nodes, edges, value, lower
// bound, seconds, largest block, search nodes. With --write-lp DIR it also writes each relation as
// the standard binary program (one 0/1 side variable per node, one 0/1 frustration variable per
// edge; Aref, Mason & Wilson 2020) in CPLEX LP format, for GLPK and CBC. --time-limit S stops each
// solve after S seconds (the line then shows the gap).
#include <chrono>
#include <optional>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "entente/balance/binary_program.hpp"
#include "entente/balance/frustration.hpp"
#include "entente/balance/graph_files.hpp"


int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE.net|EDGES [--write-lp DIR] [--time-limit S]\n", argv[0]);
    return 2;
  }
  std::optional<std::filesystem::path> lp_dir;
  entente::balance::FrustrationOptions options;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--write-lp") lp_dir = argv[i + 1];
    else if (flag == "--time-limit") options.time_limit_seconds = std::stod(argv[i + 1]);
    else {
      std::fprintf(stderr, "unknown option %s\n", argv[i]);
      return 2;
    }
  }
  const std::filesystem::path input = argv[1];
  std::vector<entente::balance::PajekRelation> relations;
  if (input.extension() == ".net") {
    relations = entente::balance::read_pajek(input);
  } else {
    relations.push_back({0, input.stem().string(), entente::balance::read_edge_list(input)});
  }
  double total = 0;
  for (const auto& r : relations) {
    const auto f = entente::balance::frustration_index(r.graph, options);
    total += f.seconds;
    const auto u = entente::balance::undirected(r.graph);
    std::printf("%s\t%zu\t%zu\t%lld\t%lld\t%.4f\t%zu\t%lld\n", r.name.c_str(), u.n(), u.edges.size(), f.value,
                f.lower_bound, f.seconds, f.kernel_nodes, f.search_nodes);
    std::fflush(stdout);
    if (lp_dir) {
      // Numbered relations by their number (46.lp), others by their place in the file.
      const auto place = static_cast<std::size_t>(&r - relations.data());
      std::ofstream lp(*lp_dir / ((r.number > 0 ? std::to_string(r.number) : relations.size() == 1 ? r.name : "relation" + std::to_string(place + 1)) + ".lp"));
      entente::balance::write_binary_program(r.graph, lp);
    }
  }
  std::printf("total\t%.3f\n", total);
}
