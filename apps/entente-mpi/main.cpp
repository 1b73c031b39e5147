// entente-mpi: `entente scenario` with the ensemble's members spread over MPI ranks. Every rank
// builds the same worlds and computes its share of the members; rank 0 gathers the rows in rank
// order (member order), runs the rest and prints exactly what `entente scenario` prints for the
// same seed.
#include <mpi.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <limits>
#include <stdexcept>

#include "entente/query/scenario.hpp"
#include "../common/scenario_options.hpp"
#include "entente/scenario/scenario.hpp"

namespace {

// Every rank's rows on rank 0, concatenated in rank order; empty on the other ranks.
std::vector<double> gather_rows(std::vector<double> mine) {
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  // MPI counts are ints: refuse, rather than wrap, a gather beyond them.
  constexpr auto kMaxCount = static_cast<std::size_t>(std::numeric_limits<int>::max());
  if (mine.size() > kMaxCount) throw std::invalid_argument("too many ensemble rows for one MPI gather; use fewer members");
  const int count = static_cast<int>(mine.size());
  std::vector<int> counts(static_cast<std::size_t>(ranks)), offsets(static_cast<std::size_t>(ranks));
  MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<double> all;
  if (rank == 0) {
    std::size_t total = 0;
    for (int r = 0; r < ranks; ++r) {
      if (total > kMaxCount) throw std::invalid_argument("too many ensemble rows for one MPI gather; use fewer members");
      offsets[static_cast<std::size_t>(r)] = static_cast<int>(total);
      total += static_cast<std::size_t>(counts[static_cast<std::size_t>(r)]);
    }
    all.resize(total);
  }
  MPI_Gatherv(mine.data(), count, MPI_DOUBLE, all.data(), counts.data(), offsets.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
  return all;
}

}  // namespace

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  CLI::App app{"entente-mpi: scenario ensembles over MPI ranks"};
  app.require_subcommand(1);
  auto* scn = app.add_subcommand("scenario", "as `entente scenario`, with the members spread over the ranks");
  entente::cli::ScenarioOptions options;
  std::optional<std::string> db, profile_path;
  std::string format = "json";
  entente::cli::add_scenario_options(scn, options, "threads per rank (default: all cores)");
  scn->add_option("--db", db, "store file (default: the scenario's, else the bundled default world)")->envname("ENTENTE_DB");
  scn->add_option("--profile", profile_path, "stance profile (TOML)");
  scn->add_option("--format", format, "output: json")->check(CLI::IsMember({"json"}));
  int code = 0;
  try {
    app.parse(argc, argv);
    const auto in = entente::query::load_scenario_inputs(options.file, db, profile_path);
    auto request = entente::cli::scenario_request(options);
    request.rank = static_cast<std::uint64_t>(rank);
    request.ranks = static_cast<std::uint64_t>(ranks);
    request.gather = gather_rows;
    const auto result = entente::query::scenario(in.source, in.scenario, in.profile, request);
    if (rank == 0) std::cout << result.dump(2) << '\n';
  } catch (const CLI::ParseError& e) {
    const int c = rank == 0 ? app.exit(e) : e.get_exit_code();  // one rank prints the help or the error
    code = c == 0 ? 0 : 2;
  } catch (const std::exception& e) {
    std::cerr << "entente-mpi: " << (ranks > 1 ? fmt::format("rank {}: ", rank) : "") << e.what() << '\n';
    // The other ranks may be waiting in the gather: stop them all rather than hang.
    if (ranks > 1) MPI_Abort(MPI_COMM_WORLD, 1);
    code = 1;
  }
  MPI_Finalize();
  return code;
}
